/**
 * The staff pages of quality reports (English, like the rest of the staff console): the queue and one report with
 * its forms. Stewards and admins open them; the desk decides what each sees (admins: every report; stewards:
 * their departments'). Forms POST, then 303 back with a notice; a refusal shows the page again with the problem.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../../../access/routes-context.js';
import { AppError } from '../../../errors.js';
import { formatter } from '../../../web/format.js';
import { staffPages } from '../../../web/staff/staff-pages.js';
import { REPORT_STATUSES, type ReportStatus } from '../reports.types.js';
import { QueuePage } from './staff-queue-page.js';
import { queueQuery, readQueueFilters } from './staff-queue.js';
import { StaffReportPage } from './staff-report-page.js';
import type { StaffFormState } from './staff-report-forms.js';
import { reportStaffViewerOf } from './staff-viewer.js';
import { DONE_NOTICES } from './staff-words.js';

type NumberRequest = FastifyRequest<{ Params: { number: string } }>;

const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

export function reportsStaffPages(app: FastifyInstance, ctx: RouteContext): void {
  const format = formatter(ctx.config.timeZone);
  const desk = ctx.services.reports;

  app.register(async (scope) => {
    const pages = staffPages(scope, ctx);
    const stewards = pages.only('steward');
    const viewerOf = (request: FastifyRequest) => reportStaffViewerOf(ctx.guards, request);
    const options = { schema: { hide: true }, onRequest: stewards };

    scope.get('/staff/reports', options, async (request, reply) => {
      const viewer = viewerOf(request);
      const filters = readQueueFilters(request.query);
      const [found, all] = await Promise.all([
        desk.queue(viewer, queueQuery(filters)),
        ctx.services.catalog.departments(ctx.guards.viewer(request)),
      ]);
      const departments = all
        .filter((d) => viewer.admin || viewer.departments.includes(d.id))
        .map((d) => ({ id: d.id, name: d.name }));
      return pages.send(
        reply,
        QueuePage({
          staff: pages.info(request, reply),
          filters,
          departments,
          admin: viewer.admin,
          reports: found.results,
          total: found.total,
          format,
        }),
      );
    });

    const render = async (
      request: NumberRequest,
      reply: FastifyReply,
      state?: StaffFormState,
      status = 200,
    ): Promise<FastifyReply> => {
      const report = await desk.staffView(request.params.number, viewerOf(request));
      const users = await ctx.services.access.users.list('staff');
      const people = users
        .filter(
          (u) =>
            u.status === 'active' &&
            u.roles.some((r) => r.role === 'steward' && r.department === report.department.id),
        )
        .map((u) => ({ id: u.id, name: u.name || u.email }));
      const done = (request.query as Record<string, unknown> | undefined)?.done;
      const notice = !state && typeof done === 'string' ? DONE_NOTICES[done] : undefined;
      return pages.send(
        reply,
        StaffReportPage({
          staff: pages.info(request, reply, `/staff/reports/${report.number}`),
          report,
          people,
          format,
          state,
          ...(notice ? { notice: { kind: 'ok' as const, text: notice } } : {}),
        }),
        status,
      );
    };

    scope.get('/staff/reports/:number', options, async (request: NumberRequest, reply) =>
      render(request, reply),
    );

    /** Answers a form: 303 back with a notice, or the page again with the desk's refusal and what was typed. */
    const post = (
      path: string,
      form: StaffFormState['form'],
      work: (number: string, request: NumberRequest) => Promise<string>,
    ) =>
      scope.post(`/staff/reports/:number/${path}`, options, async (request: NumberRequest, reply) => {
        const number = request.params.number;
        try {
          const done = await work(number, request);
          return reply.redirect(`/staff/reports/${encodeURIComponent(number)}?done=${done}`, 303);
        } catch (error) {
          if (
            !(error instanceof AppError) ||
            error.status >= 500 ||
            error.status === 404 ||
            error.status === 403
          )
            throw error;
          const values = Object.fromEntries(
            ['status', 'note', 'body', 'assignee'].map((name) => [name, field(request.body, name)]),
          );
          return render(
            request,
            reply,
            { form, status: values.status, message: error.message, values },
            error.status,
          );
        }
      });

    post('status', 'status', async (number, request) => {
      const status = field(request.body, 'status');
      const note = field(request.body, 'note').trim();
      if (!(REPORT_STATUSES as readonly string[]).includes(status))
        throw new AppError('report.invalid', 422, 'Choose what to do with the report.');
      await desk.setStatus(number, viewerOf(request), {
        status: status as ReportStatus,
        ...(note ? { note } : {}),
      });
      return status;
    });

    post('assign', 'assign', async (number, request) => {
      const assignee = field(request.body, 'assignee').trim();
      await desk.assign(number, viewerOf(request), assignee || null);
      return 'assigned';
    });

    post('replies', 'reply', async (number, request) => {
      await desk.reply(number, viewerOf(request), field(request.body, 'body'));
      return 'replied';
    });

    post('notes', 'note', async (number, request) => {
      await desk.note(number, viewerOf(request), field(request.body, 'body'));
      return 'noted';
    });
  });
}
