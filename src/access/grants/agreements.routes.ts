import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Guards } from '../../http/guards.js';
import { actorOf } from './actor.js';
import {
  AgreementCreateSchema,
  AgreementListSchema,
  AgreementSchema,
  AgreementStatusSchema,
  AgreementUpdateSchema,
  TerminateSchema,
  type AgreementCreate,
  type AgreementStatus,
  type AgreementUpdate,
} from './agreements.schema.js';
import type { AgreementsService } from './agreements.service.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const IdParams = Type.Object({ id: Type.String() });
const TAGS = ['Access'];
/** Stewards and admins: a signed-in session (with its CSRF token on writes), or the admin token. */
const STAFF: Record<string, string[]>[] = [{ session: [] }, { adminToken: [] }];
const WRITE_ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** The data-sharing agreements API, for the stewards of the sharing department and for administrators. */
export function agreementsRoutes(app: FastifyInstance, agreements: AgreementsService, guards: Guards): void {
  const actor = (request: FastifyRequest) => actorOf(guards.principal(request), request.ip);
  const stewards = guards.staff('steward');

  app.get<{ Querystring: { status?: AgreementStatus } }>(
    '/api/v1/staff/agreements',
    {
      onRequest: stewards,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'Data-sharing agreements (stewards: their departments; admins: all), ending soonest first',
        querystring: Type.Object(
          { status: Type.Optional(AgreementStatusSchema) },
          { additionalProperties: false },
        ),
        response: { 200: AgreementListSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({ results: await agreements.list(actor(request), request.query.status) }),
  );

  app.post<{ Body: AgreementCreate }>(
    '/api/v1/staff/agreements',
    {
      onRequest: stewards,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'Record a data-sharing agreement',
        description:
          'It comes into force once signed (signed_date) and started (start_date): its members then read its ' +
          'datasets until the end of end_date, when their access ends by itself. Both sides are told 30 and 7 ' +
          'days before the end.',
        body: AgreementCreateSchema,
        response: { 201: AgreementSchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await agreements.create(actor(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/staff/agreements/:id',
    {
      onRequest: stewards,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'One data-sharing agreement',
        params: IdParams,
        response: { 200: AgreementSchema, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => agreements.get(actor(request), request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: AgreementUpdate }>(
    '/api/v1/staff/agreements/:id',
    {
      onRequest: stewards,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'Change a draft or active agreement (members, datasets, dates, terms, signature)',
        description:
          'Members and datasets replace the lists when given. An agreement in force keeps its start date; its ' +
          'grants follow the change at once. Expired and terminated agreements do not change.',
        params: IdParams,
        body: AgreementUpdateSchema,
        response: { 200: AgreementSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => agreements.update(actor(request), request.params.id, request.body),
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/v1/staff/agreements/:id/terminate',
    {
      onRequest: stewards,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'End an agreement early',
        description: "Its members' access ends at once; both sides are told, with the reason.",
        params: IdParams,
        body: TerminateSchema,
        response: { 200: AgreementSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => agreements.terminate(actor(request), request.params.id, request.body.reason),
  );
}
