/**
 * The desk's staff API: the queue and every action on a request (the Clerk and admins on all requests,
 * stewards on their departments'). Thin: parse, call the desk, present; the desk checks who may do what.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkCsrf } from '../../access/authenticate.js';
import type { RouteContext } from '../../access/routes-context.js';
import { recordsErrors } from '../../errors.js';
import type { UnusualCircumstance } from '../deadlines/deadlines.js';
import { sendPrivate, staffActions } from '../desk-api.js';
import type { FileStore } from './records.files.js';
import { errorsOf, logQueryOf, STAFF_SECURITY, TAGS } from './records.http.js';
import {
  AssignSchema,
  CloseSchema,
  DecideSchema,
  DocumentBodySchema,
  ExtensionSchema,
  FeesSchema,
  LinkDatasetSchema,
  MessageBodySchema,
  PauseSchema,
  PublicationSchema,
  QueueQuerySchema,
  RequestDetailSchema,
  SummaryListSchema,
  type QueueQueryParams,
} from './records.schema.js';
import type {
  CloseReason,
  Denial,
  DocumentKind,
  FeeLine,
  PaymentStatus,
  Visibility,
} from './records.types.js';
import { discardFiles, readMultipart, type ReceivedFile } from './records.uploads.js';
import { deskViewerOf } from './records.viewer.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const ACTION_ERRORS = errorsOf(400, 401, 403, 404, 409, 422);

export function recordsStaffRoutes(app: FastifyInstance, ctx: RouteContext, store: FileStore): void {
  const { services, guards } = ctx;
  const desk = services.desk;
  const staff = guards.staff('steward', 'clerk');
  const viewer = (request: FastifyRequest) => deskViewerOf(guards.principal(request), request.ip);

  /** One POST action on a request: the same guard, parameters and answer. */
  const action = staffActions(app, {
    base: '/api/v1/records-requests',
    param: 'id',
    params: IdParams,
    onRequest: staff,
    tags: TAGS,
    item: RequestDetailSchema,
    errors: ACTION_ERRORS,
  });

  app.get<{ Querystring: QueueQueryParams }>(
    '/api/v1/records-requests',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        security: STAFF_SECURITY,
        summary: 'The staff queue of records requests',
        description:
          'What you work on (the Clerk and admins: all; stewards: their departments), open requests first by due ' +
          'moment. `mine` keeps those assigned to you. The public log is /api/v1/records-log.',
        querystring: QueueQuerySchema,
        response: { 200: SummaryListSchema, ...errorsOf(400, 401, 403, 422) },
      },
    },
    async (request) =>
      desk.queue(viewer(request), { ...logQueryOf(request.query), mine: request.query.mine === true }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/records-requests/:id',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        security: STAFF_SECURITY,
        summary: 'One records request, with who asked (staff who work on it)',
        description: "Another department's published request is shown as the public sees it.",
        params: IdParams,
        response: { 200: RequestDetailSchema, ...errorsOf(401, 403, 404) },
      },
    },
    async (request, reply) => sendPrivate(reply, await desk.get(request.params.id, viewer(request))),
  );

  action<{ departments?: string[]; userIds?: string[] }>(
    'assign',
    'Assign a request to departments (the Clerk) and people',
    AssignSchema,
    (id, r) => desk.assign(id, viewer(r), r.body),
  );
  action<{ kind: 'public' | 'internal'; body: string }>(
    'messages',
    'Write a public message (mailed to the requester) or an internal note',
    MessageBodySchema,
    (id, r) => desk.addMessage(id, viewer(r), r.body),
  );
  action<{ reason: string; days: number; notice: string }>(
    'extension',
    'Extend the deadline once, by at most 14 days, with a written notice',
    ExtensionSchema,
    (id, r) => desk.extend(id, viewer(r), { ...r.body, reason: r.body.reason as UnusualCircumstance }),
    'Only for an unusual circumstance of Gov. Code 7922.535(c) (other_facilities, voluminous, consultation, ' +
      'compilation, emergency), within the first period. The notice is mailed and posted as a public message.',
  );
  action<{ paused: boolean }>(
    'pause',
    'Pause or resume reminders (the legal clock runs on)',
    PauseSchema,
    (id, r) => desk.setPaused(id, viewer(r), r.body.paused),
  );
  action<{ lines: Omit<FeeLine, 'id'>[]; payment: PaymentStatus; programmingJustification?: string }>(
    'fees',
    'Set the fee lines and the payment status',
    FeesSchema,
    (id, r) => desk.setFees(id, viewer(r), r.body),
    'Direct costs only. A programming line needs programmingJustification: compilation, extraction, ' +
      'programming or scheduled_intervals (Gov. Code 7922.575(b)).',
  );
  action<{ published: boolean; privateReason?: string }>(
    'publication',
    'Publish the request in the public log, or keep it private with a reason',
    PublicationSchema,
    (id, r) => desk.setPublished(id, viewer(r), r.body.published, r.body.privateReason),
  );
  action<{ reason: CloseReason; note?: string; referredTo?: string; denial?: Omit<Denial, 'at'> }>(
    'close',
    'Close a request with a reason; a denial cites exemptions and names those responsible',
    CloseSchema,
    (id, r) => desk.close(id, viewer(r), { ...r.body, note: r.body.note ?? '' }),
    'denied needs a full denial; partially_fulfilled may carry a partial one. A denial has at least one ' +
      'exemption and each person responsible with name and title; the requester is mailed the written ' +
      'determination with the reconsideration period and the court remedy.',
  );
  action<{ datasetId: string }>(
    'datasets',
    'Link a dataset published from the released records ("request to dataset")',
    LinkDatasetSchema,
    (id, r) => desk.linkDataset(id, viewer(r), r.body.datasetId),
  );

  app.post<{
    Params: { id: string; rid: string };
    Body: { decision: 'upheld' | 'reversed' | 'modified'; note: string };
  }>(
    '/api/v1/records-requests/:id/reconsiderations/:rid/decision',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        security: STAFF_SECURITY,
        summary: 'Decide a reconsideration (the City Clerk)',
        description: 'Reversing or modifying a denial reopens the request; reversing a fee waives it.',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), rid: Type.String({ maxLength: 100 }) }),
        body: DecideSchema,
        response: { 200: RequestDetailSchema, ...ACTION_ERRORS },
      },
    },
    async (request) =>
      desk.decideReconsideration(request.params.id, request.params.rid, viewer(request), request.body),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/records-requests/:id/documents',
    {
      onRequest: staff,
      config: { csrf: 'manual' },
      schema: {
        tags: TAGS,
        security: STAFF_SECURITY,
        summary: 'Release a document: an upload, a dataset, or an offline record',
        description:
          'JSON for a dataset (datasetId) or an offline record (description). An upload is multipart/form-data ' +
          'with the fields title, visibility, redactionNote (and _csrf with a session) before the "file" part.',
        params: IdParams,
        body: { content: { 'application/json': { schema: DocumentBodySchema } } },
        response: { 200: RequestDetailSchema, ...errorsOf(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const v = viewer(request);
      let files: ReceivedFile[] = [];
      try {
        if (request.isMultipart()) {
          // Who may release here is checked before a byte of the file is stored: staff who work on the request
          // see who asked; others see it as the public does.
          const seen = await desk.get(request.params.id, v);
          if (seen.requester === undefined)
            throw recordsErrors.forbidden('Only staff who work on this request release documents.');
          const body = await readMultipart(request, store, { fileField: 'file', maxFiles: 1 });
          files = body.files;
          if (!files[0]) throw recordsErrors.noFile();
          return await desk.release(request.params.id, v, {
            kind: 'upload',
            title: body.fields.title ?? '',
            visibility: (body.fields.visibility ?? '') as Visibility,
            fileName: files[0].fileName,
            mediaType: files[0].mediaType,
            path: files[0].path,
            ...(body.fields.redactionNote && { redactionNote: body.fields.redactionNote }),
            ...(body.fields.description && { description: body.fields.description }),
          });
        }
        const header = request.headers['x-csrf-token'];
        checkCsrf(request, Array.isArray(header) ? header[0] : header);
        const body = (request.body ?? {}) as {
          kind?: string;
          title?: string;
          visibility?: string;
          datasetId?: string;
          description?: string;
          redactionNote?: string;
        };
        return await desk.release(request.params.id, v, {
          kind: (body.kind ?? '') as DocumentKind,
          title: body.title ?? '',
          visibility: (body.visibility ?? '') as Visibility,
          ...(body.datasetId !== undefined && { datasetId: body.datasetId }),
          ...(body.description !== undefined && { description: body.description }),
          ...(body.redactionNote !== undefined && { redactionNote: body.redactionNote }),
        });
      } finally {
        await discardFiles(store, files);
      }
    },
  );
}
