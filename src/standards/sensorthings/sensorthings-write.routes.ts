/**
 * OGC SensorThings API 1.1, write side, at `/sta/v1.1`: Observations created one at a time
 * (`POST /Observations`, `POST /Datastreams({id})/Observations`) or in the dataArray shape
 * (`POST /CreateObservations`). Writers authenticate as on Plaza's own ingest API: a device token (its own
 * Thing's datastreams only) or the admin token. The admin may also change a Datastream's or an
 * ObservedProperty's name, description and properties (their quality control configuration, `properties.qc`)
 * with PATCH. No other entity can be created, changed or deleted here.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { Database } from '../../db/database.js';
import { errors } from '../../errors.js';
import type { Guards } from '../../http/guards.js';
import type { DevicesService } from '../../sensors/devices.service.js';
import { writerResolver } from '../../sensors/ingest.routes.js';
import type { IngestService } from '../../sensors/ingest.service.js';
import { staRepo } from './sta.repo.js';
import { sensorThingsService, STA_PREFIX } from './sta.service.js';
import { staEntityWriteService, type PatchableEntity } from './sta-write-entities.js';
import { staWriteRepo } from './sta-write.repo.js';
import { staWriteService } from './sta-write.service.js';

export interface SensorThingsWriteDeps {
  db: Database;
  catalog: Pick<CatalogService, 'readableIds'>;
  guards: Guards;
  ingest: Pick<IngestService, 'ingest'>;
  devices: DevicesService;
  /** Quality control configurations to forget when an entity's properties change. */
  qc?: { invalidate(datastreamId?: number): void };
}

const ErrorResponse = { $ref: 'Error#' } as const;

const Observation = Type.Object(
  { '@iot.id': Type.Integer(), '@iot.selfLink': Type.String() },
  { additionalProperties: true, description: 'The created Observation, as GET shows it.' },
);
const Created = Type.Array(Type.String(), {
  description:
    'One string per row of the request, in order: the selfLink of the Observation (new, or already stored for a duplicate), or "error" for a rejected row.',
});

const AUTH =
  "Authenticate with a device token (`Authorization: Bearer plaza_dev_...`, its own Thing's datastreams only) or the admin token.";
const FIELDS =
  'phenomenonTime defaults to the time of receipt; resultTime, resultQuality, parameters and `"FeatureOfInterest": {"@iot.id": 3}` are optional';
const ANSWERS =
  'Answers 201 with the Observation, and its address in `Location`; 409 `observation.duplicate` when the datastream already has an Observation at that phenomenonTime; a rejected Observation answers its code and reason (`observation.invalid_result`, `observation.future_time`, `observation.forbidden_datastream`...).';

const DATASTREAM_OBSERVATIONS = /^Datastreams\((\d{1,15})\)\/Observations\/?$/;
const PATCHABLE = /^(Datastreams|ObservedProperties)\((\d{1,15})\)\/?$/;

function sendCreated(reply: FastifyReply, { location, entity }: { location: string; entity: unknown }) {
  // Serialized here, so that members keep the order SensorThings writes them in.
  return reply
    .status(201)
    .header('Location', location)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(entity));
}

export function sensorThingsWriteRoutes(
  http: FastifyInstance,
  deps: SensorThingsWriteDeps,
  options: { publicUrl: string },
): void {
  const reader = sensorThingsService({
    repo: staRepo(deps.db),
    catalog: deps.catalog,
    publicUrl: options.publicUrl,
  });
  const service = staWriteService({ ingest: deps.ingest, repo: staWriteRepo(deps.db), reader });
  const writerOf = writerResolver(deps.guards, deps.devices);
  const entities = staEntityWriteService({
    repo: staWriteRepo(deps.db),
    invalidateQc: (id) => deps.qc?.invalidate(id),
  });
  const responses = {
    400: ErrorResponse,
    401: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    409: ErrorResponse,
  };

  http.post(
    `${STA_PREFIX}/Observations`,
    {
      schema: {
        tags: ['sensorthings'],
        summary: 'Create an Observation',
        description: `Body: an Observation naming its Datastream, \`{"Datastream": {"@iot.id": 7}, "phenomenonTime": "2026-05-01T13:00:00Z", "result": 12.5}\` (${FIELDS}). ${ANSWERS} POST ${STA_PREFIX}/Datastreams({id})/Observations does the same with the Datastream in the path. ${AUTH}`,
        security: [{ bearer: [] }],
        response: { 201: Observation, ...responses },
      },
    },
    async (request, reply) => {
      const writer = await writerOf(request);
      return sendCreated(reply, await service.createObservation(request.body, undefined, writer));
    },
  );

  http.post(
    `${STA_PREFIX}/CreateObservations`,
    {
      schema: {
        tags: ['sensorthings'],
        summary: 'Create Observations in the dataArray shape',
        description: `Body: \`[{"Datastream": {"@iot.id": 7}, "components": ["phenomenonTime", "result"], "dataArray": [["2026-05-01T13:00:00Z", 12.5]]}]\` (components: phenomenonTime, result, resultTime, resultQuality, parameters, FeatureOfInterest/id). Each row is created or rejected on its own; the answer comes after the created rows are committed. A malformed body is refused whole (400 \`observation.bad_batch\`). Reasons for rejected rows: POST /api/v1/observations takes the same body and explains each row. ${AUTH}`,
        security: [{ bearer: [] }],
        response: { 201: Created, ...responses, 413: ErrorResponse },
      },
    },
    async (request, reply) => {
      const writer = await writerOf(request);
      return reply.status(201).send(await service.createObservations(request.body, writer));
    },
  );

  // `Datastreams({id})/Observations`: the id sits inside a segment, which OpenAPI cannot describe.
  http.post(`${STA_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const match = DATASTREAM_OBSERVATIONS.exec(path);
    if (!match) {
      throw errors.staUnsupported(
        `Only Observations can be created: POST to ${STA_PREFIX}/Observations, ${STA_PREFIX}/Datastreams({id})/Observations or ${STA_PREFIX}/CreateObservations, not ${STA_PREFIX}/${path}.`,
      );
    }
    const writer = await writerOf(request);
    return sendCreated(reply, await service.createObservation(request.body, Number(match[1]), writer));
  });

  // `Datastreams({id})`, `ObservedProperties({id})`: ids inside segments again, outside OpenAPI's reach.
  http.patch(
    `${STA_PREFIX}/*`,
    { schema: { hide: true }, onRequest: deps.guards.admin },
    async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      const match = PATCHABLE.exec(path);
      if (!match) {
        throw errors.staUnsupported(
          `Only Datastreams and ObservedProperties can be changed: PATCH ${STA_PREFIX}/Datastreams({id}) or ${STA_PREFIX}/ObservedProperties({id}), not ${STA_PREFIX}/${path}.`,
        );
      }
      const entity = match[1] as PatchableEntity;
      await entities.patch(entity, Number(match[2]), request.body);
      const shown = await reader.read(`${entity}(${match[2]})`, [], { admin: true });
      return reply
        .status(200)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(shown.kind === 'json' ? shown.body : null));
    },
  );
}
