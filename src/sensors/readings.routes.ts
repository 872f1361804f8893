/**
 * The native sensor read API: a datastream's observations (JSON pages or CSV) and series, a dataset's latest
 * values (JSON or GeoJSON) and its observations as CSV.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { errors } from '../errors.js';
import type { Guards } from '../http/guards.js';
import { isoInstant } from './iso.js';
import { latestReader } from './latest.js';
import { bucketsJson } from './series-answer.js';
import {
  nextPageUrl,
  readDatastreamId,
  readFormat,
  readInstant,
  readLimit,
  readOrder,
} from './read-params.js';
import { CSV_MEDIA_TYPE } from './readings-csv.js';
import { readingsRepo } from './readings.repo.js';
import {
  DatasetCsvQuery,
  DatasetParams,
  DatastreamParams,
  ErrorResponse,
  Latest,
  LatestGeoJson,
  ObservationPage,
  ObservationsCsvQuery,
  ObservationsQuery,
  Series,
  SeriesCsvQuery,
  SeriesQuery,
  csvContent,
} from './readings.schema.js';
import { readingsService, type ReadingsService, type SeriesRequest } from './readings.service.js';
import { readAggregates, readInterval } from './series.js';

type Query = Record<string, string | undefined>;

const errorsOf = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const JSON_TYPE = 'application/json; charset=utf-8';
const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';

function csvHeaders(reply: FastifyReply, filename: string): FastifyReply {
  return reply
    .header('Content-Type', CSV_MEDIA_TYPE)
    .header('Content-Disposition', `attachment; filename="${filename}"`);
}

const range = (q: Query) => ({ start: readInstant('start', q.start), end: readInstant('end', q.end) });

const seriesRequest = (q: Query): SeriesRequest => ({
  plan: readInterval(q.interval),
  aggregates: readAggregates(q.agg),
  ...range(q),
});

/** Wires the read API onto the app's services and registers its routes; returns the service. */
export function sensorReadRoutes(
  http: FastifyInstance,
  services: { db: Pick<Database, 'kysely' | 'adapter'>; catalog: Pick<CatalogService, 'accessOf'> },
  guards: Guards,
  config: Pick<Config, 'timeZone' | 'publicUrl'>,
): ReadingsService {
  const repo = readingsRepo(services.db);
  const readings = readingsService({
    repo,
    latest: latestReader({ repo }),
    catalog: services.catalog,
    timeZone: config.timeZone,
  });
  readingsRoutes(http, readings, guards, config.publicUrl);
  return readings;
}

export function readingsRoutes(
  http: FastifyInstance,
  readings: ReadingsService,
  guards: Guards,
  publicUrl: string,
): void {
  async function observationsCsv(request: FastifyRequest, reply: FastifyReply) {
    const id = readDatastreamId((request.params as { id: string }).id);
    const q = request.query as Query;
    const { chunks } = await readings.csv(
      id,
      { ...range(q), order: readOrder(q.order) },
      guards.viewer(request),
    );
    csvHeaders(reply, `datastream-${id}-observations.csv`);
    return reply.send(Readable.from(chunks, { objectMode: false }));
  }

  async function seriesCsv(request: FastifyRequest, reply: FastifyReply) {
    const id = readDatastreamId((request.params as { id: string }).id);
    const q = request.query as Query;
    const { text } = await readings.seriesCsv(id, seriesRequest(q), guards.viewer(request));
    return csvHeaders(reply, `datastream-${id}-${q.interval}.csv`).send(text);
  }

  async function latest(format: 'json' | 'geojson', request: FastifyRequest, reply: FastifyReply) {
    const { id } = request.params as { id: string };
    const body = await readings.latest(id, format, guards.viewer(request));
    return reply.header('Content-Type', format === 'json' ? JSON_TYPE : GEOJSON_TYPE).send(body);
  }

  http.get(
    '/api/v1/datastreams/:id/observations',
    {
      config: { limit: (request) => ((request.query as Query).format === 'csv' ? 'download' : undefined) },
      schema: {
        tags: ['sensors'],
        summary: "A datastream's observations, page by page",
        description:
          'Observations in phenomenon-time order (`order=desc` for newest first) within [start, end). Pages of `limit` rows; `next` (and the `Link: rel="next"` header) continues after the last row, without loss or overlap even while new observations arrive. `format=csv` streams every matching row instead.',
        params: DatastreamParams,
        querystring: ObservationsQuery,
        response: {
          200: {
            description: 'A page of observations (JSON), or every matching row (CSV with format=csv).',
            content: {
              'application/json': { schema: ObservationPage },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errorsOf,
        },
      },
    },
    async (request, reply) => {
      const q = request.query as Query;
      if (readFormat(q.format) === 'csv') {
        if (q.limit !== undefined || q.cursor !== undefined) {
          throw errors.badRequest(
            'sensors.bad_parameter',
            'CSV streams every matching row: leave out limit and cursor, or narrow the range with start and end.',
          );
        }
        return observationsCsv(request, reply);
      }
      const id = readDatastreamId((request.params as { id: string }).id);
      const page = await readings.page(
        id,
        { ...range(q), order: readOrder(q.order), limit: readLimit(q.limit), cursor: q.cursor },
        guards.viewer(request),
      );
      const next = page.next
        ? nextPageUrl(`${publicUrl}/api/v1/datastreams/${id}/observations`, q, page.next)
        : null;
      if (next) reply.header('Link', `<${next}>; rel="next"`);
      reply.header('Content-Type', JSON_TYPE);
      return { datastream: id, observations: page.observations, next };
    },
  );

  http.get(
    '/api/v1/datastreams/:id/observations.csv',
    {
      config: { limit: 'download' },
      schema: {
        tags: ['sensors'],
        summary: "A datastream's observations as CSV",
        description:
          'Every observation within [start, end), streamed in phenomenon-time order. Columns: id, phenomenon_time, result_time, result, result_quality.',
        params: DatastreamParams,
        querystring: ObservationsCsvQuery,
        response: { 200: csvContent('The observations, streamed.'), ...errorsOf },
      },
    },
    observationsCsv,
  );

  http.get(
    '/api/v1/datastreams/:id/series',
    {
      schema: {
        tags: ['sensors'],
        summary: "A numeric datastream's series of aggregates per bucket",
        description:
          'Aggregates per bucket, computed from the rollups kept at ingest (never from raw observations). Default range: the last 24 hours for 1m, 5m and 15m, 30 days for 1h, a year for 1d. Buckets without observations are left out. `format=csv` answers the same as CSV.',
        params: DatastreamParams,
        querystring: SeriesQuery,
        response: {
          200: {
            description: 'The series (JSON), or the same as CSV with format=csv.',
            content: { 'application/json': { schema: Series }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorsOf,
        },
      },
    },
    async (request, reply) => {
      const q = request.query as Query;
      if (readFormat(q.format) === 'csv') return seriesCsv(request, reply);
      const id = readDatastreamId((request.params as { id: string }).id);
      const s = await readings.series(id, seriesRequest(q), guards.viewer(request));
      // Written here: the aggregates arrive as the JSON text the database wrote.
      const head = JSON.stringify({
        datastream: id,
        interval: s.interval,
        timeZone: s.timeZone,
        unit: s.unit,
        start: isoInstant(s.start),
        end: isoInstant(s.end),
      });
      return reply
        .header('Content-Type', JSON_TYPE)
        .send(`${head.slice(0, -1)},"buckets":${bucketsJson(s.answer)}}`);
    },
  );

  http.get(
    '/api/v1/datastreams/:id/series.csv',
    {
      schema: {
        tags: ['sensors'],
        summary: "A numeric datastream's series as CSV",
        description: 'The series endpoint as CSV: a `start` column, then one column per aggregate asked for.',
        params: DatastreamParams,
        querystring: SeriesCsvQuery,
        response: { 200: csvContent('The buckets.'), ...errorsOf },
      },
    },
    seriesCsv,
  );

  http.get(
    '/api/v1/datasets/:id/latest',
    {
      schema: {
        tags: ['sensors'],
        summary: 'The latest observation of every datastream of a sensor dataset',
        description:
          'One entry per datastream (null values for one without observations yet). With `Accept: application/geo+json`, the GeoJSON of /latest.geojson.',
        params: DatasetParams,
        response: {
          200: {
            description: 'The latest values.',
            content: {
              'application/json': { schema: Latest },
              'application/geo+json': { schema: LatestGeoJson },
            },
          },
          ...errorsOf,
        },
      },
    },
    (request, reply) => {
      const geo = /application\/geo\+json/i.test(request.headers.accept ?? '');
      reply.header('Vary', 'Accept');
      return latest(geo ? 'geojson' : 'json', request, reply);
    },
  );

  http.get(
    '/api/v1/datasets/:id/latest.geojson',
    {
      schema: {
        tags: ['sensors'],
        summary: 'The latest observations of a sensor dataset as GeoJSON, for live maps',
        description:
          "A FeatureCollection with one Feature per datastream (id = datastream id) at its Thing's location, its latest value flat in the properties so that a map can style and filter on `result` and `observedProperty` directly.",
        params: DatasetParams,
        response: {
          200: {
            description: 'The latest values.',
            content: { 'application/geo+json': { schema: LatestGeoJson } },
          },
          ...errorsOf,
        },
      },
    },
    (request, reply) => latest('geojson', request, reply),
  );

  http.get(
    '/api/v1/datasets/:id/observations.csv',
    {
      config: { limit: 'download' },
      schema: {
        tags: ['sensors'],
        summary: "A sensor dataset's observations over a period as CSV",
        description:
          'Every observation of every datastream of the dataset within [start, end), by datastream then phenomenon time, streamed. Columns: datastream_id, datastream, thing_id, thing, observed_property, unit, phenomenon_time, result_time, result, result_quality. Default: the last 24 hours; at most 31 days per request.',
        params: DatasetParams,
        querystring: DatasetCsvQuery,
        response: { 200: csvContent('The observations, streamed.'), ...errorsOf },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const download = await readings.datasetCsv(id, range(request.query as Query), guards.viewer(request));
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      csvHeaders(reply, `${download.dataset}-observations-${day(download.start)}-${day(download.end)}.csv`);
      return reply.send(Readable.from(download.chunks, { objectMode: false }));
    },
  );
}
