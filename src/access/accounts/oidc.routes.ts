/**
 * Signing in through the city's identity provider (OpenID Connect), when configured: /signin/oidc leaves for
 * the provider with a PKCE challenge, a state and a nonce (kept in a short-lived HttpOnly cookie), and
 * /signin/oidc/callback comes back with a code, redeems it and starts a session.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { RouteContext } from '../routes-context.js';
import type { Accounts } from './accounts.js';
import { clientMeta } from './actor.js';
import { clearPendingCookie, pendingOf, setPendingCookie, setSessionCookie } from './cookies.js';
import { landingOf, safeNext } from './redirects.js';
import { SignInProblemPage } from './signin.page.js';

const HIDDEN = { schema: { hide: true } } as const;

export function oidcRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  oidc: NonNullable<Accounts['oidc']>,
): void {
  const { config, pages } = ctx;

  const problem = (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
    if (error.status >= 500)
      request.log.warn({ err: error.cause ?? error }, 'identity provider sign-in failed');
    return pages.send(
      reply,
      SignInProblemPage({
        site: pages.site(request),
        title: `Signing in with ${oidc.label} did not work`,
        message: error.message,
      }),
      error.status,
    );
  };

  app.get<{ Querystring: { next?: string } }>('/signin/oidc', HIDDEN, async (request, reply) => {
    try {
      const { url, pending } = await oidc.client.start(safeNext(request.query.next));
      setPendingCookie(reply, pending, config.publicUrl);
      return reply.header('Cache-Control', 'no-store').redirect(url.href, 303);
    } catch (error) {
      if (error instanceof AppError) return problem(request, reply, error);
      throw error;
    }
  });

  app.get('/signin/oidc/callback', HIDDEN, async (request, reply) => {
    const pending = pendingOf(request);
    clearPendingCookie(reply, config.publicUrl);
    try {
      if (!pending)
        throw new AppError(
          'oidc.no_pending_sign_in',
          400,
          'This sign-in took too long or started in another browser. Start again from the sign-in page.',
        );
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const identity = await oidc.client.finish(
        new URL(`${config.publicUrl}/signin/oidc/callback${query}`),
        pending,
      );
      const signed = await oidc.accounts.signInWith(identity, {
        ...clientMeta(request),
        ...(request.session ? { previousSessionId: request.session.id } : {}),
      });
      setSessionCookie(reply, signed.cookie, config.publicUrl);
      return reply.redirect(safeNext(pending.next) ?? landingOf(signed.user), 303);
    } catch (error) {
      if (error instanceof AppError) return problem(request, reply, error);
      throw error;
    }
  });
}
