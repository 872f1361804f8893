/**
 * The quality reports' JSON API: filing (no account needed; rate limited by address), the reporter's private
 * follow link, the public list and status of reports of public data, and the staff queue and actions (stewards
 * of the report's department and admins). Thin: parse, call the desk, present; the desk checks who may do what.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole, isStaff, type Principal } from '../../access/principal.js';
import type { RouteContext } from '../../access/routes-context.js';
import { AppError, reportErrors } from '../../errors.js';
import { errorsOf, sendPrivate, STAFF_SECURITY, staffActions } from '../desk-api.js';
import {
  AssignSchema,
  BodySchema,
  FiledSchema,
  NewReportSchema,
  PublicListQuerySchema,
  QueueQuerySchema,
  ReportViewSchema,
  StaffReportViewSchema,
  StatusChangeSchema,
  SummaryListSchema,
  type NewReportBody,
  type PublicListQuery,
  type QueueQuery,
} from './reports.schema.js';
import type { ReportQuery, ReportStatus, ReportViewer } from './reports.types.js';

const TAGS = ['Quality reports'];
const NumberParams = Type.Object({ number: Type.String({ maxLength: 100 }) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/** The reports' viewer of a principal: staff with their departments, or the public. */
export function reportViewerOf(principal: Principal, ip: string | null = null): ReportViewer {
  if (!isStaff(principal)) return { kind: 'public' };
  return {
    kind: 'staff',
    userId: principal.user?.id ?? '',
    name: principal.user?.name || principal.user?.email || 'admin token',
    admin: hasRole(principal, 'admin'),
    departments: [...principal.departments],
    ip,
  };
}

const queryOf = (q: PublicListQuery & { department?: string }): ReportQuery => ({
  ...(q.dataset !== undefined && { datasetId: q.dataset }),
  ...(q.department !== undefined && { departmentId: q.department }),
  ...(q.status !== undefined && { status: q.status }),
  ...(q.kind !== undefined && { kind: q.kind }),
  ...(q.source !== undefined && { source: q.source }),
  limit: q.limit ?? 50,
  offset: q.offset ?? 0,
});

export function reportsApiRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { services, guards, config } = ctx;
  const reports = services.reports;
  const staff = guards.staff('steward');
  const viewer = (request: FastifyRequest) => reportViewerOf(guards.principal(request), request.ip);

  app.post<{ Body: NewReportBody }>(
    '/api/v1/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Report a problem with a dataset or one of its sensors (no account needed)',
        description:
          "Goes to the dataset's department. An email address is optional (for the acknowledgement and replies); " +
          'the answer carries the private follow link once: keep it. At most 5 reports an hour and 20 a day from ' +
          'one address (429 report.rate_limited with Retry-After). A restricted dataset may be reported (its ' +
          'metadata is public) but its reports are never listed publicly.',
        body: NewReportSchema,
        response: { 201: FiledSchema, ...errorsOf(400, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const principal = guards.principal(request);
      try {
        const { report, followToken } = await reports.file({
          datasetId: body.datasetId,
          datastreamId: body.datastreamId ?? null,
          kind: body.kind,
          description: body.description,
          email: body.email ?? null,
          rowRef: body.rowRef ?? null,
          timeFrom: body.timeFrom ?? null,
          timeTo: body.timeTo ?? null,
          userId: principal.user?.id ?? null,
          ip: request.ip,
          viewer: guards.viewer(request),
          ...(body.lang !== undefined && { lang: body.lang }),
        });
        return sendPrivate(reply.status(201), {
          report,
          followToken,
          followUrl: `${config.publicUrl}/reports/follow/${followToken}`,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'report.rate_limited')
          reply.header('Retry-After', String(error.details?.retryAfter ?? 3600));
        throw error;
      }
    },
  );

  app.get<{ Querystring: PublicListQuery }>(
    '/api/v1/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Quality reports about public data, newest first',
        description:
          'Reports of datasets whose data everyone may read; never who filed them. Descriptions are moderated.',
        querystring: PublicListQuerySchema,
        response: { 200: SummaryListSchema, ...errorsOf(400, 422) },
      },
    },
    async (request) => reports.publicList(queryOf(request.query)),
  );

  app.get<{ Params: { token: string } }>(
    '/api/v1/reports/follow/:token',
    {
      schema: {
        tags: TAGS,
        summary: 'Your report, through its private follow link',
        description: 'Works for every report, also of data that is not public.',
        params: TokenParams,
        response: { 200: ReportViewSchema, ...errorsOf(404) },
      },
    },
    async (request, reply) => {
      const report = await reports.byFollowToken(request.params.token);
      if (!report) throw reportErrors.notFound('(private link)');
      return sendPrivate(reply, report);
    },
  );

  app.get<{ Params: { number: string } }>(
    '/api/v1/reports/:number',
    {
      schema: {
        tags: TAGS,
        summary: 'One quality report about public data: its status and public replies',
        description:
          "404 report.not_found for a report of data the public may not read (its reporter's link works).",
        params: NumberParams,
        response: { 200: ReportViewSchema, ...errorsOf(404) },
      },
    },
    async (request) => reports.publicView(request.params.number),
  );

  app.get<{ Querystring: QueueQuery }>(
    '/api/v1/staff/reports',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        security: STAFF_SECURITY,
        summary: 'The staff queue of quality reports',
        description: "Stewards: their departments' reports; admins: all. Open reports first, newest first.",
        querystring: QueueQuerySchema,
        response: { 200: SummaryListSchema, ...errorsOf(400, 401, 403, 422) },
      },
    },
    async (request, reply) =>
      sendPrivate(reply, await reports.queue(viewer(request), queryOf(request.query))),
  );

  app.get<{ Params: { number: string } }>(
    '/api/v1/staff/reports/:number',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        security: STAFF_SECURITY,
        summary: 'One quality report with who filed it, the original text, notes and assignment',
        description: "Another department's report is 404 report.not_found.",
        params: NumberParams,
        response: { 200: StaffReportViewSchema, ...errorsOf(401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendPrivate(reply, await reports.staffView(request.params.number, viewer(request))),
  );

  /** One POST action on a report: the same guard, parameters and answer. */
  const action = staffActions(app, {
    base: '/api/v1/staff/reports',
    param: 'number',
    params: NumberParams,
    onRequest: staff,
    tags: TAGS,
    item: StaffReportViewSchema,
    errors: errorsOf(400, 401, 403, 404, 409, 422),
  });

  action<{ status: ReportStatus; note?: string }>(
    'status',
    'Move a report to a later status, close it, or reopen it',
    StatusChangeSchema,
    (number, r) =>
      reports.setStatus(number, viewer(r), {
        status: r.body.status,
        ...(r.body.note !== undefined && { note: r.body.note }),
      }),
    'Any later status; a closed report only back to in_progress (reopened). wont_fix needs a note (its reason, ' +
      'report.reason_required). The note is public and mailed to the reporter with the change.',
  );
  action<{ userId: string | null }>(
    'assign',
    "Assign a report to one of its department's stewards (null unassigns)",
    AssignSchema,
    (number, r) => reports.assign(number, viewer(r), r.body.userId),
    'Refused on a closed report (report.closed): reopen it first.',
  );
  action<{ body: string }>(
    'replies',
    'Reply publicly (mailed to the reporter, shown on the report)',
    BodySchema,
    (number, r) => reports.reply(number, viewer(r), r.body.body),
    'Refused on a closed report (report.closed): reopen it first.',
  );
  action<{ body: string }>(
    'notes',
    'Write an internal note (staff only, never public)',
    BodySchema,
    (number, r) => reports.note(number, viewer(r), r.body.body),
  );
}
