/**
 * What every staff page route shares: who may open the console (staff; anonymous visitors are sent to sign in,
 * developers get a 403 page), the page frame's data, the notices shown after an action, and errors as pages.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formToken } from '../../access/form-token.js';
import { hasRole, isStaff, type Role } from '../../access/principal.js';
import type { RouteContext } from '../../access/routes-context.js';
import { AppError, errors } from '../../errors.js';
import type { SafeHtml } from '../html.js';
import { StaffErrorPage, type Notice, type StaffInfo } from './pages/frame.js';

const NOTICES: Record<string, Notice> = {
  created: { kind: 'ok', text: 'The dataset is saved as a draft. Upload its data to publish it.' },
  updated: { kind: 'ok', text: 'The changes are saved.' },
  published: { kind: 'ok', text: 'The dataset is published.' },
  imported: { kind: 'ok', text: 'The data is imported. The dataset is not published yet.' },
  replaced: { kind: 'ok', text: 'The new data is published.' },
  unpublished: { kind: 'ok', text: 'The dataset is unpublished.' },
  discarded: { kind: 'ok', text: 'The upload is discarded; nothing changed.' },
  unchanged: { kind: 'ok', text: 'Nothing changed.' },
  expired: {
    kind: 'warn',
    text: 'That upload is no longer waiting (it was published, discarded or is older than a day); upload the file again.',
  },
};

const TITLES: Record<number, string> = {
  400: 'The request was not understood',
  401: 'Sign in to continue',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Not possible right now',
  413: 'The file is too large',
  415: 'Not a form this page accepts',
  422: 'Not accepted',
};

export interface StaffPages {
  /** onRequest: any member of staff (with `roles`, one of them; admins always pass). */
  only(...roles: Role[]): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
  /** The frame data of a page at `path`. */
  info(request: FastifyRequest, reply: FastifyReply, path?: string): StaffInfo;
  /** The notice named by `?notice=` after an action. */
  notice(request: FastifyRequest): Notice | undefined;
  send(reply: FastifyReply, page: SafeHtml, status?: number): FastifyReply;
  /** Redirects after a successful form (303: the browser then GETs the page). */
  seeOther(reply: FastifyReply, path: string, notice?: keyof typeof NOTICES): FastifyReply;
}

/** Installs the HTML error handler on the staff scope and returns the shared helpers. */
export function staffPages(scope: FastifyInstance, ctx: RouteContext): StaffPages {
  const rolesOf = (request: FastifyRequest): readonly Role[] => request.principal?.roles ?? [];

  scope.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let status: number;
    let message: string;
    if (error instanceof AppError) {
      status = error.status;
      message =
        error.code === 'dataset.not_found'
          ? `There is no dataset “${String(error.details?.id ?? '')}” among the datasets you can change.`
          : error.message;
    } else if ((error.statusCode ?? 500) >= 400 && (error.statusCode ?? 500) < 500) {
      status = error.statusCode ?? 400;
      message = error.message;
    } else {
      request.log.error({ err: error }, 'unhandled error');
      status = 500;
      message = `Something went wrong on our side. Quote request id ${request.id} when you report it.`;
    }
    const page = StaffErrorPage({
      site: ctx.pages.site(request),
      roles: isStaff(request.principal) ? rolesOf(request) : [],
      title: TITLES[status] ?? 'Something went wrong',
      message,
    });
    return ctx.pages.send(reply, page, status);
  });

  return {
    only:
      (...roles) =>
      async (request, reply) => {
        const principal = request.principal;
        if (!principal || principal.via === 'anonymous') {
          const next = request.method === 'GET' ? request.url : '/staff';
          return reply.redirect(`/signin?next=${encodeURIComponent(next)}`, 303);
        }
        if (!isStaff(principal))
          throw errors.forbidden(
            'The staff console is for city staff. Developer accounts manage their keys on their account page.',
          );
        if (roles.length > 0 && !hasRole(principal, 'admin', ...roles))
          throw errors.forbidden(
            `This page is for ${['admins', ...roles.map((r) => `${r}s`)].join(' and ')}; your role reads the catalog.`,
          );
        return undefined;
      },

    info: (request, reply, path = request.url.split('?')[0] ?? '/staff') => ({
      site: ctx.pages.site(request),
      roles: rolesOf(request),
      path,
      csrf: formToken(request, reply, ctx.config.publicUrl),
    }),

    notice(request) {
      const name = (request.query as Record<string, unknown> | undefined)?.notice;
      return typeof name === 'string' ? NOTICES[name] : undefined;
    },

    send: (reply, page, status = 200) => ctx.pages.send(reply, page, status),

    seeOther: (reply, path, notice) =>
      reply.redirect(notice ? `${path}?notice=${encodeURIComponent(notice)}` : path, 303),
  };
}
