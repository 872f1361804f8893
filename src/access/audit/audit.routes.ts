/**
 * The audit log's tools for admins: search (JSON, newest first, keyset pages), CSV export (streamed, oldest
 * first), a check of the hash chain, and the page /staff/audit over the same search.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { formatter } from '../../web/format.js';
import { adminPage, staffInfo } from '../enforcement/admin-page.js';
import type { RouteContext } from '../routes-context.js';
import { auditCsv } from './audit-csv.js';
import { parseAuditFilter, parseCursor, type AuditFilterInput } from './audit-filter.js';
import { auditQuery } from './audit-query.js';
import { AuditFilterQuery, AuditPageSchema, AuditSearchQuery, AuditVerifySchema } from './audit.schema.js';
import { AuditLogPage, AuditVerifyPage } from './audit.pages.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const adminErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function auditRoutes(http: FastifyInstance, ctx: RouteContext): void {
  const { services, guards, config } = ctx;
  const query = auditQuery(services.db);
  const format = formatter(config.timeZone);
  const page = adminPage(ctx);

  http.get<{ Querystring: AuditSearchQuery }>(
    '/api/v1/admin/audit',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Audit'],
        summary: 'Search the audit log (admin)',
        description:
          'Entries matching every filter given, newest first, in pages: pass the `next` value as `cursor` for older ones. `from` and `to` take dates (whole days in the city’s time zone) or instants.',
        security: [{ adminToken: [] }],
        querystring: AuditSearchQuery,
        response: { 200: AuditPageSchema, 400: ErrorResponse, ...adminErrors },
      },
    },
    async (request) => {
      const { cursor, limit, ...input } = request.query;
      return query.search(parseAuditFilter(input, config.timeZone), {
        cursor: parseCursor(cursor),
        limit,
      });
    },
  );

  http.get<{ Querystring: AuditFilterQuery }>(
    '/api/v1/admin/audit.csv',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Audit'],
        summary: 'Export the audit log as CSV (admin)',
        description:
          'Every entry matching the filters (the same as the search), oldest first, streamed: seq, at, actor_id, actor, action, target_type, target_id, reason, ip, details (JSON), hash.',
        security: [{ adminToken: [] }],
        querystring: AuditFilterQuery,
        response: {
          200: {
            description: 'CSV with a header row.',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          400: ErrorResponse,
          ...adminErrors,
        },
      },
    },
    async (request, reply) => {
      const filter = parseAuditFilter(request.query, config.timeZone);
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('Content-Disposition', 'attachment; filename="audit-log.csv"')
        .header('Cache-Control', 'private, no-store')
        .send(Readable.from(auditCsv(query.entries(filter))));
    },
  );

  http.get(
    '/api/v1/admin/audit/verify',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Audit'],
        summary: 'Check the audit log’s hash chain (admin)',
        description:
          'Walks the chain from the first entry: `ok` when every entry, link and the recorded head hold; otherwise the first broken entry and why.',
        security: [{ adminToken: [] }],
        response: { 200: AuditVerifySchema, ...adminErrors },
      },
    },
    async () => services.access.audit.verify(),
  );

  http.get<{ Querystring: Record<string, string | undefined> }>(
    '/staff/audit',
    { schema: { hide: true }, preHandler: page },
    async (request, reply) => {
      const q = request.query;
      const input: AuditFilterInput = {
        action: q.action,
        actor: q.actor,
        target: q.target,
        from: q.from,
        to: q.to,
        q: q.q,
      };
      const staff = staffInfo(ctx, request, reply, '/staff/audit');
      try {
        const result = await query.search(parseAuditFilter(input, config.timeZone), {
          cursor: parseCursor(q.cursor),
        });
        return ctx.pages.send(reply, AuditLogPage({ staff, input, format, ...result }));
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        return ctx.pages.send(
          reply,
          AuditLogPage({ staff, input, format, entries: [], next: null, error: error.message }),
          400,
        );
      }
    },
  );

  http.get('/staff/audit/verify', { schema: { hide: true }, preHandler: page }, async (request, reply) =>
    ctx.pages.send(
      reply,
      AuditVerifyPage({
        staff: staffInfo(ctx, request, reply, '/staff/audit'),
        result: await services.access.audit.verify(),
      }),
    ),
  );
}
