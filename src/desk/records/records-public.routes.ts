/**
 * The desk's public API: filing a request (no account), following it through its private link (withdraw, ask
 * for a reconsideration, download what was released to the requester), the public log and its CSV, one
 * published request, the numbers, and the public files of published requests.
 */
import { Type } from '@sinclair/typebox';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { checkCsrf } from '../../access/authenticate.js';
import type { RouteContext } from '../../access/routes-context.js';
import { recordsErrors } from '../../errors.js';
import { sendPrivate } from '../desk-api.js';
import type { FileStore } from './records.files.js';
import { errorsOf, FileResponse, logQueryOf, sendFile, TAGS } from './records.http.js';
import {
  AskSchema,
  LogCsvQuerySchema,
  LogQuerySchema,
  NewRequestSchema,
  NumbersSchema,
  PublicRequestSchema,
  RequestDetailSchema,
  SubmittedSchema,
  SummaryListSchema,
  type LogCsvQueryParams,
  type LogQueryParams,
  type NewRequestBody,
} from './records.schema.js';
import type { NewRequest, PreferredFormat } from './records.types.js';
import { discardFiles, readMultipart, type ReceivedFile } from './records.uploads.js';
import { deskViewerOf } from './records.viewer.js';

const MAX_ATTACHMENTS = 10;
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
const FileParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  fileId: Type.String({ maxLength: 100 }),
});
const TokenFileParams = Type.Object({
  token: Type.String({ maxLength: 100 }),
  fileId: Type.String({ maxLength: 100 }),
});

function newRequestOf(
  body: Partial<Record<keyof NewRequestBody, string>>,
  files: ReceivedFile[],
): NewRequest {
  const optional = (value: string | undefined) => (value?.trim() ? value : undefined);
  return {
    description: body.description ?? '',
    preferredFormat: (optional(body.preferredFormat) ?? 'electronic') as PreferredFormat,
    ...(optional(body.departmentId) && { departmentId: body.departmentId }),
    ...(optional(body.name) && { name: body.name }),
    ...(optional(body.email) && { email: body.email }),
    ...(optional(body.phone) && { phone: body.phone }),
    ...(files.length && {
      attachments: files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, path: f.path })),
    }),
  };
}

export function recordsPublicRoutes(app: FastifyInstance, ctx: RouteContext, store: FileStore): void {
  const { services, guards, config } = ctx;
  const desk = services.desk;

  /** The requester behind a private link; records.not_found for an unknown one. */
  async function requesterOf(token: string) {
    const request = await desk.byFollowToken(token);
    if (!request) throw recordsErrors.notFound('(private link)');
    return { request, viewer: { kind: 'requester' as const, requestId: request.id } };
  }

  app.post(
    '/api/v1/records-requests',
    {
      config: { csrf: 'manual' },
      schema: {
        tags: TAGS,
        summary: 'File a public records request (no account needed)',
        description:
          'Under the California Public Records Act. Send JSON, or multipart/form-data with the same fields and up ' +
          `to ${MAX_ATTACHMENTS} files as "attachments". An email address is optional but needed for updates by ` +
          'mail. The answer carries the private follow link once: keep it. Due date: 10 calendar days from receipt ' +
          '(after close of business, from the next day), moved to the next business day.',
        body: { content: { 'application/json': { schema: NewRequestSchema } } },
        response: { 201: SubmittedSchema, ...errorsOf(400, 403, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      let body: Partial<Record<keyof NewRequestBody, string>>;
      let files: ReceivedFile[] = [];
      if (request.isMultipart()) {
        ({ fields: body, files } = await readMultipart(request, store, {
          fileField: 'attachments',
          maxFiles: MAX_ATTACHMENTS,
        }));
      } else {
        const header = request.headers['x-csrf-token'];
        checkCsrf(request, Array.isArray(header) ? header[0] : header);
        body = (request.body ?? {}) as NewRequestBody;
      }
      try {
        const { request: filed, followToken } = await desk.submit(newRequestOf(body, files));
        return reply.status(201).send({
          request: filed,
          followToken,
          followUrl: `${config.publicUrl}/records/follow/${followToken}`,
        });
      } finally {
        await discardFiles(store, files);
      }
    },
  );

  app.get<{ Params: { token: string } }>(
    '/api/v1/records-requests/follow/:token',
    {
      schema: {
        tags: TAGS,
        summary: 'Your request, through its private follow link',
        description:
          'Public messages, the deadline, fees, released documents, the denial and reconsiderations.',
        params: TokenParams,
        response: { 200: RequestDetailSchema, ...errorsOf(404) },
      },
    },
    async (request, reply) => {
      const { request: found } = await requesterOf(request.params.token);
      return sendPrivate(reply, found);
    },
  );

  app.post<{ Params: { token: string } }>(
    '/api/v1/records-requests/follow/:token/withdraw',
    {
      schema: {
        tags: TAGS,
        summary: 'Withdraw your request',
        params: TokenParams,
        response: { 200: RequestDetailSchema, ...errorsOf(403, 404, 409) },
      },
    },
    async (request) => {
      const { request: found, viewer } = await requesterOf(request.params.token);
      await desk.withdraw(found.id, viewer);
      return desk.byFollowToken(request.params.token);
    },
  );

  app.post<{ Params: { token: string }; Body: { subject: 'denial' | 'fee'; reason: string } }>(
    '/api/v1/records-requests/follow/:token/reconsiderations',
    {
      schema: {
        tags: TAGS,
        summary: 'Ask the City Clerk to reconsider a denial or a fee',
        description:
          "Within the city's period (30 days by default) from the denial or the fee. The legal remedy remains a " +
          'petition to the superior court (Gov. Code 7923.000 and following).',
        params: TokenParams,
        body: AskSchema,
        response: { 201: RequestDetailSchema, ...errorsOf(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { request: found, viewer } = await requesterOf(request.params.token);
      await desk.askReconsideration(found.id, viewer, request.body);
      return reply.status(201).send(await desk.byFollowToken(request.params.token));
    },
  );

  app.get<{ Params: { token: string; fileId: string } }>(
    '/api/v1/records-requests/follow/:token/files/:fileId',
    {
      schema: {
        tags: TAGS,
        summary: 'A file released to you, or one you attached',
        params: TokenFileParams,
        response: { 200: FileResponse, ...errorsOf(404) },
      },
    },
    async (request, reply) => {
      const { request: found, viewer } = await requesterOf(request.params.token);
      return sendFile(reply, await desk.file(found.id, request.params.fileId, viewer), false);
    },
  );

  app.get<{ Params: { id: string; fileId: string } }>(
    '/api/v1/records-requests/:id/files/:fileId',
    {
      schema: {
        tags: TAGS,
        summary: 'A file of a request: public documents of published requests; staff see theirs',
        params: FileParams,
        response: { 200: FileResponse, ...errorsOf(404) },
      },
    },
    async (request, reply) => {
      const viewer = deskViewerOf(guards.principal(request), request.ip);
      const file = await desk.file(request.params.id, request.params.fileId, viewer);
      return sendFile(reply, file, viewer.kind === 'public');
    },
  );

  app.get<{ Querystring: LogQueryParams }>(
    '/api/v1/records-log',
    {
      schema: {
        tags: TAGS,
        summary: 'The public log of records requests',
        description:
          'Published requests, newest first; never who asked. `q` searches the descriptions; `status`, ' +
          "`department` and the received dates `from`/`to` (the city's calendar) filter.",
        querystring: LogQuerySchema,
        response: { 200: SummaryListSchema, ...errorsOf(400, 422) },
      },
    },
    async (request) => desk.log(logQueryOf(request.query)),
  );

  app.get<{ Querystring: LogCsvQueryParams }>(
    '/api/v1/records-log.csv',
    {
      schema: {
        tags: TAGS,
        summary: 'The public log as CSV',
        description:
          'Every published request matching the filters (as the log), newest first: number, received_at, ' +
          'due_date, status, close_reason, closed_at, departments, description, url. Never who asked.',
        querystring: LogCsvQuerySchema,
        response: {
          200: {
            description: 'CSV with a header row.',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorsOf(400, 422),
        },
      },
    },
    async (request, reply) => {
      const { limit: _limit, offset: _offset, ...query } = logQueryOf(request.query);
      // Checked before the first byte: a bad filter is an error, not a broken download.
      await desk.log({ ...query, limit: 1, offset: 0 });
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('Content-Disposition', 'attachment; filename="records-log.csv"')
        .header('Cache-Control', 'public, max-age=60')
        .send(Readable.from(desk.logCsv(query)));
    },
  );

  app.get<{ Params: { number: string } }>(
    '/api/v1/records-log/:number',
    {
      schema: {
        tags: TAGS,
        summary: 'One published request, by number (R26-0001)',
        params: Type.Object({ number: Type.String({ maxLength: 20 }) }),
        response: { 200: PublicRequestSchema, ...errorsOf(404) },
      },
    },
    async (request) => {
      if (!/^R\d{2}-\d{4,}$/.test(request.params.number)) throw recordsErrors.notFound(request.params.number);
      return desk.get(request.params.number, { kind: 'public' });
    },
  );

  app.get(
    '/api/v1/records-numbers',
    {
      schema: {
        tags: TAGS,
        summary: 'The desk in numbers',
        description:
          'On-time rate (closed by the due moment), median calendar days to close, and open and overdue counts, ' +
          'overall and by department. Withdrawn requests count in neither the rate nor the median.',
        response: { 200: NumbersSchema },
      },
    },
    async () => desk.numbers({ kind: 'public' }),
  );
}
