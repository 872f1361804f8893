/**
 * The stewardship watches' schedule (every quarter of an hour: the watches, then the digests that are due) and
 * the staff notices: `GET /api/v1/staff/notices` and the page `/staff/notices`.
 *
 * The schedule starts when the server listens, not when the app is ready: an app that only answers injected
 * requests (the tests, the command line) never runs a pass on the real clock behind their back; they call
 * `services.stewardship.runWatch(at)` and `sendDigests(at)` themselves.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scheduler } from '../../access/grants/scheduler.js';
import { hasRole } from '../../access/principal.js';
import type { RouteContext } from '../../access/routes-context.js';
import { formatter } from '../../web/format.js';
import { staffPages } from '../../web/staff/staff-pages.js';
import { NoticesPage, readNoticeFilter } from './notices-page.js';
import { NoticeListSchema, NoticeQuerySchema, type NoticeQueryInput } from './stewardship.schema.js';
import type { NoticeViewer } from './stewardship.types.js';

export const WATCH_INTERVAL_MS = 15 * 60_000;

const ErrorResponse = { $ref: 'Error#' } as const;
const STAFF: Record<string, string[]>[] = [{ session: [] }, { adminToken: [] }];

export function stewardshipRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { stewardship } = ctx.services;
  const viewerOf = (request: FastifyRequest): NoticeViewer => {
    const principal = ctx.guards.principal(request);
    return { admin: hasRole(principal, 'admin'), departments: principal.departments };
  };

  app.get<{ Querystring: NoticeQueryInput }>(
    '/api/v1/staff/notices',
    {
      onRequest: ctx.guards.staff('steward'),
      schema: {
        tags: ['Stewardship'],
        security: STAFF,
        summary: "Corrective notices of the stewardship watches (stewards: their departments'; admins: all)",
        description:
          'Metadata notices (DCAT-US 1.1 and city rules) with their due date, escalation and withdrawal, and ' +
          'freshness notices of datasets out of date. Newest first; `state=unresolved` for open and escalated.',
        querystring: NoticeQuerySchema,
        response: { 200: NoticeListSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({ results: await stewardship.notices(viewerOf(request), request.query) }),
  );

  app.register(async (scope) => {
    const pages = staffPages(scope, ctx);
    const format = formatter(ctx.config.timeZone);
    scope.get(
      '/staff/notices',
      { schema: { hide: true }, onRequest: pages.only('steward') },
      async (request, reply) => {
        const filter = readNoticeFilter(request.query);
        const viewer = viewerOf(request);
        const notices = await stewardship.notices(viewer, { state: filter === 'all' ? undefined : filter });
        return pages.send(
          reply,
          NoticesPage({
            staff: pages.info(request, reply),
            notices,
            filter,
            seesAll: viewer.admin,
            format,
            policy: stewardship.policy,
          }),
        );
      },
    );
  });

  const schedule = scheduler(
    async () => {
      await stewardship.runWatch();
      await stewardship.sendDigests();
    },
    {
      intervalMs: WATCH_INTERVAL_MS,
      onError: (error) => app.log.error({ err: error }, 'stewardship watch failed'),
    },
  );
  app.addHook('onListen', async () => schedule.start());
  app.addHook('onClose', async () => schedule.stop());
}
