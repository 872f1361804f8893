/**
 * The status board: `GET /status` (the page, en/vi/es, no script), `GET /api/v1/status` (the same board as JSON,
 * for monitoring tools) and `GET /status.json` (a short address that redirects to it). What they show depends on
 * who asks (staff see the datasets and feeds their viewer may see), so only an anonymous answer may be kept by
 * shared caches, for a minute.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../../access/routes-context.js';
import { STATUS_JSON, StatusPage } from './status-page.js';
import { StatusBoardSchema } from './status.schema.js';

/** Seconds shared caches may keep an anonymous answer. */
export const STATUS_MAX_AGE = 60;

export function statusRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { guards, pages, services } = ctx;
  const anonymous = (request: FastifyRequest) => guards.principal(request).via === 'anonymous';

  app.get('/status', { schema: { hide: true } }, async (request, reply) => {
    const board = await services.status.board(guards.viewer(request));
    const page = StatusPage({ site: pages.site(request, { localized: true }), board });
    if (!anonymous(request)) return pages.send(reply, page);
    return pages.sendPublic(reply, page, { maxAge: STATUS_MAX_AGE });
  });

  app.get(
    STATUS_JSON,
    {
      schema: {
        tags: ['Status'],
        summary: 'Whether every dataset and sensor feed is as current as promised',
        description:
          'Every dataset the caller may see with its state (fresh, overdue, unknown), last update and next expected ' +
          'update, and every sensor feed of the sensor datasets whose data the caller may read (fresh, overdue, ' +
          'silent, unknown) with its latest observation and any open investigation. Overdue first. Anonymous ' +
          'answers may be cached for 60 seconds.',
        response: { 200: StatusBoardSchema },
      },
    },
    async (request, reply: FastifyReply) => {
      const board = await services.status.board(guards.viewer(request));
      reply.header(
        'Cache-Control',
        anonymous(request) ? `public, max-age=${STATUS_MAX_AGE}` : 'private, no-store',
      );
      return board;
    },
  );

  app.get('/status.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(STATUS_JSON, 301),
  );
}
