/**
 * Developer sign-up and email confirmation, as pages (no JavaScript needed) and as JSON:
 * GET/POST /developers/signup, GET/POST /developers/verify, GET /terms,
 * POST /api/v1/developers and POST /api/v1/developers/verify.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { checkFormToken, formToken } from '../form-token.js';
import { isStaff } from '../principal.js';
import { csrfToken } from '../sessions/sessions.service.js';
import type { Problem } from './developer-errors.js';
import type { DevelopersContext } from './developers-context.js';
import {
  SignUpAccepted,
  SignUpBody,
  VerifiedSchema,
  VerifyBody,
  type SignUpBody as SignUpInput,
  type VerifyBody as VerifyInput,
} from './developers.schema.js';
import { presentAccount } from './present.js';
import { installPageErrors } from './page-errors.js';
import { signUpProblem } from './pages/problems.js';
import { startSession } from './session-cookie.js';
import { CheckEmailPage, SignUpPage, type SignUpValues } from './pages/signup-page.js';
import { TermsPage } from './pages/terms-page.js';
import { ConfirmEmailPage } from './pages/verify-page.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const ACCEPTED_MESSAGE =
  'If the address can receive mail, a message with a link to confirm it is on its way; the link works for 24 hours.';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const form = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

export function signUpRoutes(app: FastifyInstance, dc: DevelopersContext): void {
  const { config, pages, services } = dc;
  const sessions = services.access.sessions;
  const termsHref = '/terms';

  app.register(async (scope) => {
    installPageErrors(scope, pages);
    const hide = { schema: { hide: true } };

    scope.get('/terms', hide, async (request, reply) =>
      pages.send(
        reply,
        TermsPage({ site: pages.site(request, { localized: true }), version: config.termsVersion }),
      ),
    );

    scope.get('/developers/signup', hide, async (request, reply) => {
      if (request.session) return reply.redirect(isStaff(request.principal) ? '/staff' : '/account', 303);
      const csrf = formToken(request, reply, config.publicUrl);
      const page = SignUpPage({
        site: pages.site(request, { localized: true }),
        csrf,
        termsHref,
        termsVersion: config.termsVersion,
      });
      return pages.send(reply, page);
    });

    scope.post('/developers/signup', hide, async (request, reply) => {
      const body = form(request);
      checkFormToken(request, text(body._csrf));
      const values: SignUpValues = {
        name: text(body.name),
        email: text(body.email),
        acceptTerms: body.acceptTerms === 'yes',
      };
      try {
        await dc.signUp.signUp({ ...values, password: text(body.password) }, { ip: request.ip });
      } catch (error) {
        const problems = (
          error instanceof AppError && error.code === 'user.invalid' ? error.details?.problems : undefined
        ) as Problem[] | undefined;
        if (!problems) throw error;
        const site = pages.site(request, { localized: true });
        const page = SignUpPage({
          site,
          csrf: formToken(request, reply, config.publicUrl),
          termsHref,
          termsVersion: config.termsVersion,
          values,
          problems: problems.map((p) => signUpProblem(p, site)),
        });
        return pages.send(reply, page, 422);
      }
      return reply.redirect('/developers/signup/sent', 303);
    });

    scope.get('/developers/signup/sent', hide, async (request, reply) =>
      pages.send(reply, CheckEmailPage({ site: pages.site(request, { localized: true }) })),
    );

    scope.get<{ Querystring: { token?: string } }>('/developers/verify', hide, async (request, reply) => {
      const token = text(request.query.token);
      await dc.verification.check(token);
      const csrf = formToken(request, reply, config.publicUrl);
      // The address holds the one-time token: no other site hears of it through a Referer header.
      void reply.header('Referrer-Policy', 'no-referrer');
      const site = pages.site(request, { localized: true });
      return pages.send(reply, ConfirmEmailPage({ site, csrf, token }));
    });

    scope.post('/developers/verify', hide, async (request, reply) => {
      const body = form(request);
      checkFormToken(request, text(body._csrf));
      const user = await dc.verification.confirm(text(body.token), { ip: request.ip });
      await startSession(request, reply, { sessions, publicUrl: config.publicUrl, userId: user.id });
      await dc.verification.signedIn(user.id);
      return reply.redirect('/account?done=verified', 303);
    });
  });

  const account = { tags: ['Account'] };

  app.post<{ Body: SignUpInput }>(
    '/api/v1/developers',
    {
      schema: {
        ...account,
        summary: 'Sign up for a developer account (it starts unconfirmed: a link is mailed)',
        description:
          'Creates a developer account and mails a link to confirm the address (24 hours, single use). ' +
          'The answer is the same whether or not the address already has an account; its owner is told instead. ' +
          'Keys can be created once the address is confirmed.',
        body: SignUpBody,
        response: { 202: SignUpAccepted, 400: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      await dc.signUp.signUp(request.body, { ip: request.ip });
      return reply.status(202).send({ status: 'pending_verification', message: ACCEPTED_MESSAGE });
    },
  );

  app.post<{ Body: VerifyInput }>(
    '/api/v1/developers/verify',
    {
      schema: {
        ...account,
        summary: 'Confirm a developer account’s email address with the mailed token; signs in',
        description:
          'Uses the `token` of the mailed link (once). Answers with the account and starts a session: its cookie ' +
          'is in Set-Cookie, and unsafe requests made with it must carry the `csrfToken` as X-CSRF-Token.',
        body: VerifyBody,
        response: { 200: VerifiedSchema, 400: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await dc.verification.confirm(request.body.token, { ip: request.ip });
      const session = await startSession(request, reply, {
        sessions,
        publicUrl: config.publicUrl,
        userId: user.id,
      });
      await dc.verification.signedIn(user.id);
      const standing = await services.access.users.standing(user.id);
      return reply.send({
        account: presentAccount(user, standing?.tier ?? user.tier, config.limits),
        csrfToken: csrfToken(session),
      });
    },
  );
}
