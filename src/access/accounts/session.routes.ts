/**
 * The session API, for scripts and front ends that sign in like a browser: POST /api/v1/session signs in (and
 * sets the session cookie), GET says who is asking, DELETE signs out. Unsafe requests made with the session
 * carry its CSRF token (X-CSRF-Token), which GET and POST return.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, errors } from '../../errors.js';
import type { Principal } from '../principal.js';
import type { RouteContext } from '../routes-context.js';
import { csrfToken, type Session } from '../sessions/sessions.service.js';
import type { Accounts } from './accounts.js';
import { retryAfterSeconds } from './accounts.errors.js';
import { clientMeta } from './actor.js';
import { SignInBody, WhoAmISchema, type WhoAmI } from './accounts.schema.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';

const ErrorResponse = { $ref: 'Error#' } as const;

export function sessionRoutes(app: FastifyInstance, ctx: RouteContext, accounts: Accounts): void {
  const { config, services } = ctx;

  async function whoAmI(principal: Principal, session: Session | undefined): Promise<WhoAmI> {
    return {
      signedIn: principal.user !== undefined,
      via: principal.via,
      account: principal.user ? await services.access.users.get(principal.user.id) : null,
      roles: [...principal.roles],
      departments: [...principal.departments],
      tier: principal.tier,
      csrfToken: session ? csrfToken(session) : null,
    };
  }

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['Staff accounts'],
        summary: 'Who is asking: the account, its roles and tier, and the session’s CSRF token',
        response: { 200: WhoAmISchema },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'private, no-store');
      return whoAmI(request.principal, request.session);
    },
  );

  app.post<{ Body: SignInBody }>(
    '/api/v1/session',
    {
      // Only JSON: a cross-site page can post a form here, but not JSON without the browser asking first.
      preValidation: async (request: FastifyRequest) => {
        const type = request.headers['content-type'] ?? '';
        if (!/^application\/json\b/i.test(type))
          throw errors.unsupportedMediaType(type, ['application/json']);
      },
      schema: {
        tags: ['Staff accounts'],
        summary: 'Sign in with an email address and password (sets the session cookie)',
        description:
          'Five wrong passwords in a row lock the account for fifteen minutes (auth.account_locked, 429); ' +
          'repeated failures from one address are answered more and more slowly.',
        body: SignInBody,
        response: {
          200: WhoAmISchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const signed = await accounts.signIn
        .signIn({
          email: request.body.email,
          password: request.body.password,
          ...clientMeta(request),
          ...(request.session ? { previousSessionId: request.session.id } : {}),
        })
        .catch((error: unknown) => {
          const wait = error instanceof AppError ? retryAfterSeconds(error) : undefined;
          if (wait) reply.header('Retry-After', String(wait));
          throw error;
        });
      const principal = await services.access.authenticator.principalForSession(signed.session, request.ip);
      if (!principal) throw errors.forbidden();
      setSessionCookie(reply, signed.cookie, config.publicUrl);
      reply.header('Cache-Control', 'private, no-store');
      return whoAmI(principal, signed.session);
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['Staff accounts'],
        summary: 'Sign out: ends the session of the cookie (needs its X-CSRF-Token)',
        security: [{ session: [] }],
        response: { 204: { type: 'null', description: 'Signed out (also when there was no session).' } },
      },
    },
    async (request, reply) => {
      if (request.session)
        await accounts.signIn.signOut(request.session, request.principal.user, clientMeta(request));
      clearSessionCookie(reply, config.publicUrl);
      return reply.status(204).send();
    },
  );
}
