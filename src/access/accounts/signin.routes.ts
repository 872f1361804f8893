/**
 * The sign-in pages: /signin (email and password), /signout, and the password reset pages /signin/forgot and
 * /signin/reset. Forms posted before signing in carry the double-submit token of src/access/form-token.ts;
 * sign-out is checked against the session's token by the authentication hook.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { checkFormToken, formToken } from '../form-token.js';
import type { RouteContext } from '../routes-context.js';
import type { Accounts } from './accounts.js';
import { retryAfterSeconds } from './accounts.errors.js';
import { clientMeta } from './actor.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';
import type { FieldErrors, Notice } from './form-fields.js';
import { passwordProblemText, signInNotice } from './form-messages.js';
import { landingOf, safeNext } from './redirects.js';
import { ForgotPage, ForgotSentPage, ResetPage } from './reset.pages.js';
import { SignInPage, SignInProblemPage } from './signin.page.js';

const HIDDEN = { schema: { hide: true } } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A text field of a posted form ('' when missing). */
function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Whether the form's CSRF token holds; anonymous forms use the double-submit cookie. */
function tokenHolds(request: FastifyRequest): boolean {
  try {
    checkFormToken(request, field(request, '_csrf'));
    return true;
  } catch {
    return false;
  }
}

export function signInRoutes(app: FastifyInstance, ctx: RouteContext, accounts: Accounts): void {
  const { config, pages } = ctx;
  const site = (request: FastifyRequest) => pages.site(request, { localized: true });
  const words = (request: FastifyRequest) => site(request).t.signin;
  const expired = (request: FastifyRequest): Notice => ({ kind: 'error', text: words(request).formExpired });
  const csrf = (request: FastifyRequest, reply: FastifyReply) => formToken(request, reply, config.publicUrl);

  const signInPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { email?: string; next?: string; errors?: FieldErrors; notice?: Notice },
    status = 200,
  ) =>
    pages.send(
      reply,
      SignInPage({
        site: site(request),
        csrf: csrf(request, reply),
        ...view,
        ...(accounts.oidc ? { oidcLabel: accounts.oidc.label } : {}),
      }),
      status,
    );

  app.get<{ Querystring: { next?: string; reset?: string } }>('/signin', HIDDEN, async (request, reply) => {
    const next = safeNext(request.query.next);
    const user = request.principal.user;
    if (request.session && user) return reply.redirect(next ?? landingOf(user), 303);
    const notice: Notice | undefined =
      request.query.reset === 'done' ? { kind: 'ok', text: words(request).passwordChanged } : undefined;
    return signInPage(request, reply, { ...(next ? { next } : {}), ...(notice ? { notice } : {}) });
  });

  app.post('/signin', HIDDEN, async (request, reply) => {
    const email = field(request, 'email').trim();
    const password = field(request, 'password');
    const next = safeNext(field(request, 'next'));
    const view = { email, ...(next ? { next } : {}) };
    if (!tokenHolds(request)) return signInPage(request, reply, { ...view, notice: expired(request) }, 403);
    const t = words(request);
    const errors: FieldErrors = {};
    if (!email) errors.email = t.enterEmail;
    else if (!EMAIL.test(email)) errors.email = t.emailLike;
    if (!password) errors.password = t.enterPassword;
    if (errors.email || errors.password) return signInPage(request, reply, { ...view, errors }, 400);
    try {
      const signed = await accounts.signIn.signIn({
        email,
        password,
        ...clientMeta(request),
        ...(request.session ? { previousSessionId: request.session.id } : {}),
      });
      setSessionCookie(reply, signed.cookie, config.publicUrl);
      return reply.redirect(next ?? landingOf(signed.user), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const wait = retryAfterSeconds(error);
      if (wait) reply.header('Retry-After', String(wait));
      return signInPage(
        request,
        reply,
        { ...view, notice: signInNotice(error, site(request)) },
        error.status,
      );
    }
  });

  app.post('/signout', HIDDEN, async (request, reply) => {
    if (request.session)
      await accounts.signIn.signOut(request.session, request.principal.user, clientMeta(request));
    clearSessionCookie(reply, config.publicUrl);
    return reply.redirect('/', 303);
  });

  const forgotPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { email?: string; errors?: FieldErrors; notice?: Notice },
    status = 200,
  ) => pages.send(reply, ForgotPage({ site: site(request), csrf: csrf(request, reply), ...view }), status);

  app.get('/signin/forgot', HIDDEN, async (request, reply) => forgotPage(request, reply, {}));

  app.post('/signin/forgot', HIDDEN, async (request, reply) => {
    const email = field(request, 'email').trim();
    if (!tokenHolds(request)) return forgotPage(request, reply, { email, notice: expired(request) }, 403);
    if (!EMAIL.test(email) || email.length > 254)
      return forgotPage(request, reply, { email, errors: { email: words(request).forgotEmailError } }, 400);
    await accounts.reset.requestReset(email, { actorId: null, actor: 'anonymous', ip: request.ip });
    return pages.send(reply, ForgotSentPage({ site: site(request), email }));
  });

  const deadLink = (request: FastifyRequest, reply: FastifyReply) => {
    const t = words(request);
    return pages.send(
      reply,
      SignInProblemPage({ site: site(request), title: t.deadLinkTitle, message: t.deadLinkMessage }),
      400,
    );
  };

  const resetPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { token: string; email: string; errors?: FieldErrors; notice?: Notice },
    status = 200,
  ) =>
    pages.send(
      // The page's address holds the token: it must not leak to other sites as a referrer.
      reply.header('Referrer-Policy', 'no-referrer'),
      ResetPage({ site: site(request), csrf: csrf(request, reply), ...view }),
      status,
    );

  app.get<{ Querystring: { token?: string } }>('/signin/reset', HIDDEN, async (request, reply) => {
    const token = request.query.token ?? '';
    const user = await accounts.reset.accountOf(token);
    if (!user) return deadLink(request, reply);
    return resetPage(request, reply, { token, email: user.email });
  });

  app.post('/signin/reset', HIDDEN, async (request, reply) => {
    const token = field(request, 'token');
    const password = field(request, 'password');
    const confirm = field(request, 'confirm');
    const user = await accounts.reset.accountOf(token);
    if (!user) return deadLink(request, reply);
    const view = { token, email: user.email };
    if (!tokenHolds(request)) return resetPage(request, reply, { ...view, notice: expired(request) }, 403);
    const t = words(request);
    if (!password)
      return resetPage(request, reply, { ...view, errors: { password: t.enterNewPassword } }, 400);
    if (password !== confirm)
      return resetPage(request, reply, { ...view, errors: { confirm: t.notSame } }, 400);
    try {
      await accounts.reset.resetPassword(token, password, clientMeta(request));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'auth.reset_token_invalid') return deadLink(request, reply);
      const problem = (error.details?.problems as { message: string }[] | undefined)?.[0]?.message;
      const text = problem ? passwordProblemText(problem, t) : signInNotice(error, site(request)).text;
      return resetPage(request, reply, { ...view, errors: { password: text } }, error.status);
    }
    // The reset ended every session, this browser's too.
    clearSessionCookie(reply, config.publicUrl);
    return reply.redirect('/signin?reset=done', 303);
  });
}
