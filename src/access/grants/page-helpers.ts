/** What the access pages share: sign-in redirects, friendly error pages, form bodies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { ErrorPage } from '../../web/pages/error-page.js';
import { formToken } from '../form-token.js';
import { hasRole, isStaff } from '../principal.js';
import type { RouteContext } from '../routes-context.js';
import { actorOf, type Actor } from './actor.js';
import { requestErrorText, requestErrorTitle } from './request-words.js';

export type FormBody = Record<string, string | undefined>;

/** The string fields of a urlencoded form (repeated fields keep their last value; see `listOf`). */
export function formBody(request: FastifyRequest): FormBody {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: FormBody = {};
  for (const [key, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') out[key] = last;
  }
  return out;
}

/** Every value of a repeated form field (checkboxes). */
export function listOf(request: FastifyRequest, field: string): string[] {
  const value = ((request.body ?? {}) as Record<string, unknown>)[field];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

export function pageTools(ctx: RouteContext) {
  const send = (
    reply: FastifyReply,
    request: FastifyRequest,
    status: number,
    title: string,
    message: string,
  ) => ctx.pages.send(reply, ErrorPage({ site: ctx.pages.site(request), status, title, message }), status);

  return {
    actor: (request: FastifyRequest): Actor => actorOf(ctx.guards.principal(request), request.ip),
    csrf: (request: FastifyRequest, reply: FastifyReply) => formToken(request, reply, ctx.config.publicUrl),
    site: (request: FastifyRequest) => ctx.pages.site(request),
    /** The site info of the requester's pages: in the visitor's language (the deciders' pages are English). */
    publicSite: (request: FastifyRequest) => ctx.pages.site(request, { localized: true }),
    send: (reply: FastifyReply, page: Parameters<RouteContext['pages']['send']>[1], status = 200) =>
      ctx.pages.send(reply, page, status),

    /** Sends anonymous visitors to sign in (and back here after); true when the page may go on. */
    signedIn(request: FastifyRequest, reply: FastifyReply): boolean {
      if (ctx.guards.principal(request).via !== 'anonymous') return true;
      const back = request.method === 'GET' ? request.url : '/account';
      void reply.redirect(`/signin?next=${encodeURIComponent(back)}`, 303);
      return false;
    },

    /** Stewards and admins go on; others are told, anonymous visitors are sent to sign in. */
    stewards(request: FastifyRequest, reply: FastifyReply): boolean {
      if (!this.signedIn(request, reply)) return false;
      const principal = ctx.guards.principal(request);
      if (isStaff(principal) && hasRole(principal, 'admin', 'steward')) return true;
      void send(
        reply,
        request,
        403,
        'For stewards and administrators',
        'This page is for the stewards of city departments and for administrators.',
      );
      return false;
    },

    /** A friendly page for an error of the catalogue; anything else goes on to the error handler. */
    error(reply: FastifyReply, request: FastifyRequest, error: unknown) {
      if (!(error instanceof AppError)) throw error;
      const title =
        error.status === 404
          ? 'Not found'
          : error.status === 403
            ? 'Not allowed'
            : error.status === 409
              ? 'Nothing to do'
              : 'That did not work';
      return send(reply, request, error.status, title, error.message);
    },

    /** `error` for the requester's pages: the page in the visitor's language. */
    localizedError(reply: FastifyReply, request: FastifyRequest, error: unknown) {
      if (!(error instanceof AppError)) throw error;
      const site = ctx.pages.site(request, { localized: true });
      const title = requestErrorTitle(error, site);
      const message = requestErrorText(error, site).text;
      return ctx.pages.send(reply, ErrorPage({ site, status: error.status, title, message }), error.status);
    },
  };
}

export type PageTools = ReturnType<typeof pageTools>;
