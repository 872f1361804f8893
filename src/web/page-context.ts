/**
 * What every server-rendered page needs from the request: the site's name and the signed-in account for the
 * header, and a way to send the page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../access/sessions/sessions.service.js';
import { isStaff } from '../access/principal.js';
import { renderDocument, type SafeHtml } from './html.js';
import type { SiteInfo } from './pages/layout.js';

export interface PageContext {
  /** The Layout's site info for this request (with the account links when signed in). */
  site(request: FastifyRequest): SiteInfo;
  /** Sends a whole page (a Layout) as HTML. */
  send(reply: FastifyReply, page: SafeHtml, status?: number): FastifyReply;
}

export function pageContext(config: { cityName: string }): PageContext {
  return {
    site(request) {
      const user = request.principal?.user;
      if (!user || !request.session) return { cityName: config.cityName };
      return {
        cityName: config.cityName,
        account: {
          name: user.name || user.email,
          staff: isStaff(request.principal),
          csrf: csrfToken(request.session),
        },
      };
    },
    send: (reply, page, status = 200) =>
      reply
        .status(status)
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'private, no-store')
        .send(renderDocument(page)),
  };
}
