/**
 * The records desk's staff pages (English, like the rest of the staff console): the queue, one request with a
 * form for each action, and the desk's numbers. Every member of staff may open them; the desk decides what each
 * sees (the Clerk and admins: everything; department staff: their departments' requests).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../../access/routes-context.js';
import { formatter } from '../../web/format.js';
import { canPublish } from '../../web/staff/pages/frame.js';
import { staffPages } from '../../web/staff/staff-pages.js';
import { deskFileStore } from '../records/records.service.js';
import { staffActionRoutes } from './staff-actions.routes.js';
import type { FormState } from './staff-forms.js';
import { NumbersPage } from './staff-numbers-page.js';
import { QueuePage } from './staff-queue-page.js';
import { arrange, collect, readFilters } from './staff-queue.js';
import { RequestPage } from './staff-request-page.js';
import { seesAll, staffViewerOf, type StaffViewer } from './staff-viewer.js';
import { DONE_NOTICES } from './staff-words.js';

const HIDDEN = { hide: true } as const;

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Renders one request's page: after a GET, or again after a refused form (with its problems and values). */
export type RenderRequest = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  state?: FormState,
  status?: number,
) => Promise<FastifyReply>;

export function recordsStaffPages(app: FastifyInstance, ctx: RouteContext): void {
  const format = formatter(ctx.config.timeZone);
  const desk = ctx.services.desk;

  app.register(async (scope) => {
    // The release form carries one file, streamed to a temporary file (see staff-upload.ts).
    await scope.register(multipart, {
      limits: { fileSize: deskFileStore(ctx.config).maxBytes, files: 1, fields: 20 },
    });
    const pages = staffPages(scope, ctx);
    const anyStaff = pages.only();
    const viewerOf = (request: FastifyRequest): StaffViewer => staffViewerOf(ctx.guards, request);

    /** Departments the viewer may filter by or route to: all for the Clerk and admins, else their own. */
    async function departmentsFor(request: FastifyRequest, viewer: StaffViewer) {
      const all = await ctx.services.catalog.departments(ctx.guards.viewer(request));
      const list = all.map((d) => ({ id: d.id, name: d.name }));
      return seesAll(viewer) ? list : list.filter((d) => viewer.departments.includes(d.id));
    }

    scope.get('/staff/records', { schema: HIDDEN, onRequest: anyStaff }, async (request, reply) => {
      const viewer = viewerOf(request);
      const filters = readFilters(request.query);
      const [found, departments] = await Promise.all([
        collect((query) => desk.queue(viewer, query), filters),
        departmentsFor(request, viewer),
      ]);
      const arranged = arrange(found.results, filters);
      return pages.send(
        reply,
        QueuePage({
          staff: pages.info(request, reply),
          filters,
          departments,
          requests: arranged.page,
          total: arranged.total,
          pages: arranged.pages,
          more: found.more,
          seesAll: seesAll(viewer),
          format,
        }),
      );
    });

    scope.get('/staff/records/numbers', { schema: HIDDEN, onRequest: anyStaff }, async (request, reply) => {
      const viewer = viewerOf(request);
      const numbers = await desk.numbers(viewer);
      return pages.send(
        reply,
        NumbersPage({ staff: pages.info(request, reply), numbers, seesAll: seesAll(viewer), format }),
      );
    });

    const render: RenderRequest = async (request, reply, id, state, status = 200) => {
      const viewer = viewerOf(request);
      const found = await desk.get(id, viewer);
      const [all, users] = await Promise.all([
        ctx.services.catalog.departments(ctx.guards.viewer(request)),
        ctx.services.access.users.list('staff'),
      ]);
      const staff = pages.info(request, reply, `/staff/records/${id}`);
      const done = (request.query as Record<string, unknown> | undefined)?.done;
      const notice = !state && typeof done === 'string' ? DONE_NOTICES[done] : undefined;
      return pages.send(
        reply,
        RequestPage({
          staff,
          request: found,
          viewer,
          works: seesAll(viewer) || found.departments.some((d) => viewer.departments.includes(d.id)),
          departments: all.map((d) => ({ id: d.id, name: d.name })),
          people: users
            .filter((u) => u.status === 'active' && u.roles.length > 0)
            .map((u) => ({ id: u.id, name: u.name, email: u.email })),
          publishesDatasets: canPublish(staff.roles),
          clerk: staff.site.city.records?.clerk,
          format,
          state,
          ...(notice ? { notice: { kind: 'ok' as const, text: notice } } : {}),
        }),
        status,
      );
    };

    scope.get(
      '/staff/records/:id',
      { schema: HIDDEN, onRequest: anyStaff },
      async (request: IdRequest, reply) => render(request, reply, request.params.id),
    );

    staffActionRoutes(scope, { ctx, render, viewerOf, onRequest: anyStaff });
  });
}
