/**
 * OGC SensorThings API 1.1, read side, at `/sta/v1.1`: the landing page, each entity set (documented in the
 * OpenAPI document), and every other resource path (`Things(1)/Datastreams`, `Observations(5)/Datastream/Thing`,
 * `Things(1)/name/$value`...) through one route that OpenAPI cannot describe, since ids sit inside segments.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { Database } from '../../db/database.js';
import type { Guards } from '../../http/guards.js';
import { landingPage, type LandingOptions } from './landing.js';
import { ENTITY_SETS } from './model.js';
import { DEFAULT_TOP, MAX_TOP } from './options.js';
import { staRepo } from './sta.repo.js';
import { sensorThingsService, STA_PREFIX, type StaResponse } from './sta.service.js';

export interface SensorThingsDeps {
  db: Database;
  catalog: Pick<CatalogService, 'readableIds'>;
  guards: Pick<Guards, 'viewer'>;
}

export interface SensorThingsOptions extends LandingOptions {
  publicUrl: string;
}

const ErrorResponse = { $ref: 'Error#' } as const;

const OPTION_DOCS: Record<string, string> = {
  $filter:
    "A condition: `result gt 20 and phenomenonTime ge 2024-05-01T00:00:00Z`, `Datastream/Thing/name eq 'x'`, `st_within(location, geography'POLYGON((...))')`.",
  $orderby: 'Sort keys with asc or desc: `phenomenonTime desc, id`.',
  $top: `Entities per page: default ${DEFAULT_TOP}, at most ${MAX_TOP} (larger values are lowered; @iot.nextLink continues).`,
  $skip: 'Entities to skip.',
  $count: 'true adds @iot.count, the number of entities in the whole collection.',
  $select: 'Properties to show: `id,name,Datastreams`.',
  $expand:
    'Related entities to show inline, with options in parentheses separated by `;`: `Datastreams($select=name;$expand=Observations($top=1;$orderby=phenomenonTime desc))`.',
  $resultFormat: 'dataArray (Observations only): values as arrays per Datastream.',
  $skiptoken: 'Continues a collection: the value from an @iot.nextLink (opaque).',
};

// A repeated option arrives as an array: accepted here, so that the service answers with its own error.
const Options = Type.Object(
  Object.fromEntries(
    Object.entries(OPTION_DOCS).map(([name, description]) => [
      name,
      Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description })),
    ]),
  ),
  {
    additionalProperties: true,
    description: 'SensorThings query options; see the SensorThings guide at /docs/sensorthings.',
  },
);

const Entity = Type.Object(
  { '@iot.id': Type.Optional(Type.Integer()), '@iot.selfLink': Type.Optional(Type.String()) },
  {
    additionalProperties: true,
    description: 'An entity with its properties and @iot.navigationLink members.',
  },
);
const Collection = Type.Object(
  {
    '@iot.count': Type.Optional(
      Type.Integer({ description: 'With $count=true: entities in the whole collection.' }),
    ),
    '@iot.nextLink': Type.Optional(Type.String({ description: 'The next page, when there is one.' })),
    value: Type.Array(Entity),
  },
  { additionalProperties: true },
);
const Landing = Type.Object({
  serverSettings: Type.Object(
    { conformance: Type.Array(Type.String()) },
    {
      additionalProperties: true,
      description: 'Conformance classes, and the MQTT endpoints that take observations.',
    },
  ),
  value: Type.Array(Type.Object({ name: Type.String(), url: Type.String() })),
});

/** The query string as name/value pairs, in order, decoded the way HTML forms encode (`+` is a space). */
function queryPairs(url: string): [string, string][] {
  const q = url.indexOf('?');
  return q < 0 ? [] : [...new URLSearchParams(url.slice(q + 1)).entries()];
}

function send(reply: FastifyReply, response: StaResponse) {
  reply.header('Vary', 'Authorization');
  switch (response.kind) {
    case 'json':
      // Serialized here, so that members keep the order SensorThings writes them in.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(response.body));
    case 'text':
      return reply.type('text/plain; charset=utf-8').send(response.body);
    case 'empty':
      return reply.status(204).send();
  }
}

export function sensorThingsRoutes(
  http: FastifyInstance,
  deps: SensorThingsDeps,
  options: SensorThingsOptions,
): void {
  const service = sensorThingsService({
    repo: staRepo(deps.db),
    catalog: deps.catalog,
    publicUrl: options.publicUrl,
  });
  const landing = landingPage(service.links.base, options);
  const read = async (path: string, request: FastifyRequest, reply: FastifyReply) =>
    send(reply, await service.read(path, queryPairs(request.url), deps.guards.viewer(request)));

  http.get(
    STA_PREFIX,
    {
      schema: {
        tags: ['sensorthings'],
        summary: 'SensorThings API landing page',
        description: 'The entity sets and server settings of the OGC SensorThings API 1.1 (read side).',
        response: { 200: Landing },
      },
    },
    async () => landing,
  );

  for (const entity of ENTITY_SETS) {
    http.get(
      `${STA_PREFIX}/${entity.set}`,
      {
        schema: {
          tags: ['sensorthings'],
          summary: `List ${entity.set}`,
          description: `SensorThings ${entity.name} entities, paged. Single entities and navigation are at ${STA_PREFIX}/${entity.set}(id)/... (see the SensorThings guide).`,
          querystring: Options,
          response: { 200: Collection, 400: ErrorResponse },
        },
      },
      (request, reply) => read(entity.set, request, reply),
    );
  }

  http.get(`${STA_PREFIX}/*`, { schema: { hide: true } }, (request, reply) =>
    read((request.params as { '*': string })['*'], request, reply),
  );
}
