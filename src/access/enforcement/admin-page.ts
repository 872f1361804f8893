/**
 * The guard of the admins' pages (developers and enforcement, the audit log, the development mailbox): a visitor
 * who is not signed in goes to the sign-in page and comes back; a signed-in account without the admin role gets
 * a page that says so.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formToken } from '../form-token.js';
import { hasRole } from '../principal.js';
import type { RouteContext } from '../routes-context.js';
import { StaffErrorPage, type StaffInfo } from '../../web/staff/pages/frame.js';

export function adminPage(ctx: RouteContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const principal = ctx.guards.principal(request);
    if (principal.via === 'anonymous') {
      return reply.redirect(`/signin?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (hasRole(principal, 'admin')) return undefined;
    return ctx.pages.send(
      reply,
      StaffErrorPage({
        site: ctx.pages.site(request),
        roles: principal.roles,
        title: 'Not allowed',
        message: 'This page is for the city’s administrators. Ask IT if you need access.',
      }),
      403,
    );
  };
}

/** A page's error shown inside the page frame (a 404 of a record, a refused action). */
export function errorPage(
  ctx: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
): FastifyReply {
  const roles = ctx.guards.principal(request).roles;
  return ctx.pages.send(
    reply,
    StaffErrorPage({ site: ctx.pages.site(request), roles, title, message }),
    status,
  );
}

/** What the staff frame needs: the site, the roles for its navigation, the page's path, the form token. */
export function staffInfo(
  ctx: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
): StaffInfo {
  return {
    site: ctx.pages.site(request),
    roles: ctx.guards.principal(request).roles,
    path,
    csrf: formToken(request, reply, ctx.config.publicUrl),
  };
}
