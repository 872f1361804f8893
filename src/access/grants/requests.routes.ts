import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Guards } from '../../http/guards.js';
import { actorOf } from './actor.js';
import {
  AccessRequestCreateSchema,
  AccessRequestListSchema,
  AccessRequestSchema,
  DecisionSchema,
  RequestStatusSchema,
  type AccessRequestCreate,
  type DecisionInput,
  type RequestStatus,
} from './requests.schema.js';
import type { RequestsService } from './requests.service.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const IdParams = Type.Object({ id: Type.String() });
const TAGS = ['Access'];
/** Developers: an API key or a signed-in session (with its CSRF token on writes). */
const DEVELOPER: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
/** Stewards and admins: a signed-in session, or the admin token. */
const STAFF: Record<string, string[]>[] = [{ session: [] }, { adminToken: [] }];

/** The access-request API: developers ask and follow their requests; stewards and admins decide. */
export function requestsRoutes(app: FastifyInstance, requests: RequestsService, guards: Guards): void {
  const actor = (request: FastifyRequest) => actorOf(guards.principal(request), request.ip);
  const deciders = guards.staff('steward');

  app.post<{ Body: AccessRequestCreate }>(
    '/api/v1/access-requests',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: TAGS,
        security: DEVELOPER,
        summary: 'Ask for access to a restricted dataset or for a higher tier',
        description:
          'A developer account (API key or signed-in session) asks, stating purpose and intended use. A dataset ' +
          "request goes to the dataset's department; a tier request to the administrators. One pending request " +
          'per dataset (and one per tier) at a time.',
        body: AccessRequestCreateSchema,
        response: {
          201: AccessRequestSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await requests.create(actor(request), request.body)),
  );

  app.get(
    '/api/v1/access-requests',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: TAGS,
        security: DEVELOPER,
        summary: 'Your access requests, newest first',
        response: { 200: AccessRequestListSchema, 401: ErrorResponse },
      },
    },
    async (request) => ({ results: await requests.mine(actor(request)) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/access-requests/:id',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: TAGS,
        security: DEVELOPER,
        summary: 'One of your access requests, with its decision and next steps',
        params: IdParams,
        response: { 200: AccessRequestSchema, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => requests.getOwn(actor(request), request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/access-requests/:id/withdraw',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: TAGS,
        security: DEVELOPER,
        summary: 'Withdraw a pending request of yours',
        params: IdParams,
        response: { 200: AccessRequestSchema, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => requests.withdraw(actor(request), request.params.id),
  );

  app.get<{ Querystring: { status?: RequestStatus } }>(
    '/api/v1/staff/access-requests',
    {
      onRequest: deciders,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'Access requests to decide (stewards: their departments; admins: all, tiers too)',
        querystring: Type.Object(
          { status: Type.Optional(RequestStatusSchema) },
          { additionalProperties: false },
        ),
        response: {
          200: AccessRequestListSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => ({ results: await requests.queue(actor(request), request.query.status) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/staff/access-requests/:id',
    {
      onRequest: deciders,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'One access request, with the requester (for those who decide it)',
        params: IdParams,
        response: { 200: AccessRequestSchema, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => requests.getForStaff(actor(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: DecisionInput }>(
    '/api/v1/staff/access-requests/:id/decision',
    {
      onRequest: deciders,
      schema: {
        tags: TAGS,
        security: STAFF,
        summary: 'Approve or deny an access request',
        description:
          'Approve (optionally until a future day, or for a lower tier) or deny with a reason. An approval grants ' +
          'the dataset or tier at once; the requester is told by mail, and a denial or limited approval says how ' +
          'to ask for a review, how to request the records under the California Public Records Act, and that a ' +
          'data-sharing agreement may be possible.',
        params: IdParams,
        body: DecisionSchema,
        response: {
          200: AccessRequestSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => requests.decide(actor(request), request.params.id, request.body),
  );
}
