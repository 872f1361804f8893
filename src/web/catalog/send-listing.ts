/**
 * Sends a page that lists datasets. What it lists depends on who asks (staff see drafts and non-public
 * datasets), so only an anonymous visitor's page may be kept by shared caches: a page asked for with an API key
 * or the admin token is as private as one asked for with a session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '../html.js';
import type { WebContext } from '../web-context.js';

export function sendListing(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  page: SafeHtml,
  maxAge?: number,
): FastifyReply {
  if (ctx.guards.principal(request).via !== 'anonymous') return ctx.pages.send(reply, page);
  return ctx.pages.sendPublic(reply, page, maxAge === undefined ? {} : { maxAge });
}
