/** Writing observations over HTTP, and the admin API of device tokens. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { Guards } from '../http/guards.js';
import { readDataArray } from './data-array.js';
import type { DevicesService } from './devices.service.js';
import type { IngestService, Writer } from './ingest.service.js';

const ErrorResponse = { $ref: 'Error#' } as const;

const Problem = Type.Object({
  group: Type.Integer({ description: 'Index of the group (datastream) in the request.' }),
  row: Type.Integer({ description: 'Index of the row in its group.' }),
  status: Type.Union([Type.Literal('duplicate'), Type.Literal('rejected')]),
  code: Type.Optional(
    Type.String({ description: 'Why a row was rejected, such as observation.future_time.' }),
  ),
  reason: Type.Optional(Type.String({ description: 'What to fix.' })),
});

const BatchAnswer = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  ids: Type.Array(Type.Union([Type.Integer(), Type.Null()]), {
    description:
      'One entry per row of the request, groups in order and rows in order within each: the new observation id, or null for a row listed in problems.',
  }),
  problems: Type.Array(Problem, {
    description: 'Every row not created: duplicates and rejections, with reasons.',
  }),
});

const DeviceToken = Type.Object({
  id: Type.String(),
  thingId: Type.Integer(),
  prefix: Type.String(),
  label: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
const IssuedToken = Type.Object({
  token: Type.String({ description: 'The secret: shown this once, never again.' }),
  device: DeviceToken,
});

const bearer = (request: FastifyRequest) =>
  /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();

/** The admin (bootstrap token) or a device (its device token); refuses anyone else. */
export function writerResolver(guards: Guards, devices: DevicesService) {
  return async (request: FastifyRequest): Promise<Writer> => {
    const token = bearer(request);
    if (token?.startsWith('plaza_dev_')) {
      const device = await devices.authenticate(token);
      return { kind: 'device', ...device };
    }
    if (token !== undefined && guards.viewer(request).admin) return { kind: 'admin' };
    if (token === undefined) {
      throw errors.unauthorized('Send a device token as "Authorization: Bearer plaza_dev_...".');
    }
    throw errors.forbidden('The token is neither a device token nor the admin token.');
  };
}

export function ingestRoutes(
  http: FastifyInstance,
  { ingest, devices, guards }: { ingest: IngestService; devices: DevicesService; guards: Guards },
): void {
  const writerOf = writerResolver(guards, devices);

  http.post(
    '/api/v1/observations',
    {
      schema: {
        tags: ['sensors'],
        summary: 'Write observations of several datastreams at once (SensorThings dataArray shape)',
        description:
          'Body: `[{"Datastream": {"@iot.id": 1}, "components": ["phenomenonTime", "result"], "dataArray": [["2026-05-01T13:00:00Z", 12.5]]}]`. Each row is answered on its own: `ids` gives the new id of every created row, and `problems` lists the others, each a duplicate (same datastream and phenomenonTime already stored) or rejected with a code and reason. The answer comes after the created rows are committed. Authenticate with a device token (its own Thing\'s datastreams only) or the admin token.',
        security: [{ bearer: [] }],
        response: {
          200: BatchAnswer,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
        },
      },
    },
    async (request) => {
      const writer = await writerOf(request);
      const items = readDataArray(request.body);
      const results = await ingest.ingest(
        items.map((i) => i.input),
        writer,
      );
      const ids: (number | null)[] = new Array(results.length);
      const problems: unknown[] = [];
      let duplicates = 0;
      results.forEach((result, i) => {
        if (result.status === 'created') {
          ids[i] = result.id;
          return;
        }
        ids[i] = null;
        if (result.status === 'duplicate') duplicates++;
        problems.push({ group: items[i]!.group, row: items[i]!.row, ...result });
      });
      const rejected = problems.length - duplicates;
      return { created: results.length - problems.length, duplicates, rejected, ids, problems };
    },
  );

  const ThingParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
  const TokenParams = Type.Object({ id: Type.String() });
  const admin = { preHandler: guards.admin, schema: { tags: ['sensors'], security: [{ bearer: [] }] } };

  http.post(
    '/api/v1/things/:id/device-tokens',
    {
      preHandler: guards.admin,
      schema: {
        ...admin.schema,
        summary: 'Issue a device token for a Thing (admin); the secret is in this answer only',
        params: ThingParams,
        body: Type.Optional(Type.Object({ label: Type.Optional(Type.String({ maxLength: 200 })) })),
        response: { 201: IssuedToken, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { label } = (request.body ?? {}) as { label?: string };
      return reply.status(201).send(await devices.create(id, label));
    },
  );

  http.get(
    '/api/v1/things/:id/device-tokens',
    {
      preHandler: guards.admin,
      schema: {
        ...admin.schema,
        summary: "List a Thing's device tokens (admin); never the secrets",
        params: ThingParams,
        response: { 200: Type.Object({ tokens: Type.Array(DeviceToken) }), 404: ErrorResponse },
      },
    },
    async (request) => ({ tokens: await devices.list((request.params as { id: number }).id) }),
  );

  http.post(
    '/api/v1/device-tokens/:id/rotate',
    {
      preHandler: guards.admin,
      schema: {
        ...admin.schema,
        summary:
          'Replace a device token (admin): the old one stops working now, the new secret is in this answer',
        params: TokenParams,
        response: {
          201: Type.Object({ ...IssuedToken.properties, replaced: DeviceToken }),
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await devices.rotate((request.params as { id: string }).id)),
  );

  http.delete(
    '/api/v1/device-tokens/:id',
    {
      preHandler: guards.admin,
      schema: {
        ...admin.schema,
        summary: 'Revoke a device token (admin); it stops working at once',
        params: TokenParams,
        response: { 200: DeviceToken, 404: ErrorResponse },
      },
    },
    async (request) => devices.revoke((request.params as { id: string }).id),
  );
}
