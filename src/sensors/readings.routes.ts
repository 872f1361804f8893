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
import type { InvestigationLookup } from './qc/qc.types.js';
import { bucketsJson } from './series-answer.js';
import {
  nextPageUrl,
  readDatastreamId,
  readFormat,
  readInstant,
  readLimit,
  readObservationQc,
  readOrder,
  readSeriesQc,
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

/** The range and the QC filter of a raw observation read. */
const observationRange = (q: Query) => ({
  ...range(q),
  order: readOrder(q.order),
  qc: readObservationQc(q.qc),
});

const seriesRequest = (q: Query): SeriesRequest => ({
  plan: readInterval(q.interval),
  aggregates: readAggregates(q.agg),
  ...range(q),
  qc: readSeriesQc(q.qc),
});

/** Failed observations left out of a series CSV (the JSON answer says it in `excluded`). */
export const QC_EXCLUDED_HEADER = 'X-QC-Excluded';

/** Wires the read API onto the app's services and registers its routes; returns the service. */
export function sensorReadRoutes(
  http: FastifyInstance,
  services: {
    db: Pick<Database, 'kysely' | 'adapter'>;
    catalog: Pick<CatalogService, 'accessOf'>;
    /** The reports desk: which datastreams are under investigation. */
    reports: { investigations: InvestigationLookup };
  },
  guards: Guards,
  config: Pick<Config, 'timeZone' | 'publicUrl'>,
): ReadingsService {
  const repo = readingsRepo(services.db);
  // The sensors module knows nothing of the desk: it is handed the lookup.
  const investigations: InvestigationLookup = (ids) => services.reports.investigations(ids);
  const readings = readingsService({
    repo,
    latest: latestReader({ repo, investigations }),
    catalog: services.catalog,
    timeZone: config.timeZone,
    investigations,
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
    const { chunks } = await readings.csv(id, observationRange(q), guards.viewer(request));
    csvHeaders(reply, `datastream-${id}-observations.csv`);
    return reply.send(Readable.from(chunks, { objectMode: false }));
  }

  async function seriesCsv(request: FastifyRequest, reply: FastifyReply) {
    const id = readDatastreamId((request.params as { id: string }).id);
    const q = request.query as Query;
    const { text, excluded } = await readings.seriesCsv(id, seriesRequest(q), guards.viewer(request));
    return csvHeaders(reply, `datastream-${id}-${q.interval}.csv`)
      .header(QC_EXCLUDED_HEADER, String(excluded))
      .send(text);
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
          'Observations in phenomenon-time order (`order=desc` for newest first) within [start, end), each with its QARTOD flag `qcFlag` (1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing). Every observation by default, failed ones included (raw reads are for auditing); `qc=exclude_failed`, `qc=failed` or `qc=pass` filter by flag. Pages of `limit` rows; `next` (and the `Link: rel="next"` header) continues after the last row, without loss or overlap even while new observations arrive. `format=csv` streams every matching row instead.',
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
        { ...observationRange(q), limit: readLimit(q.limit), cursor: q.cursor },
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
          'Every observation within [start, end), streamed in phenomenon-time order. Columns: id, phenomenon_time, result_time, result, result_quality, qc_flag (QARTOD: 1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing). Every observation unless `qc` filters by flag.',
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
          'Aggregates per bucket, computed from the rollups kept at ingest. Failed values (QARTOD flag 4) are left out by default: the few buckets holding one are recomputed from their raw observations, and `excluded` says how many were left out (a bucket whose every value failed is left out); `qc=all` keeps every value. Default range: the last 24 hours for 1m, 5m and 15m, 30 days for 1h, a year for 1d. Buckets without observations are left out. `investigation` names an open quality report about the datastream. `format=csv` answers the same as CSV.',
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
        qc: s.qc,
        excluded: s.excluded,
        investigation: s.investigation,
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
        description: `The series endpoint as CSV: a \`start\` column, then one column per aggregate asked for. Failed values are left out unless \`qc=all\`; the header \`${QC_EXCLUDED_HEADER}\` says how many were.`,
        params: DatastreamParams,
        querystring: SeriesCsvQuery,
        response: {
          200: csvContent(
            `The buckets; the header ${QC_EXCLUDED_HEADER} gives how many failed values were left out.`,
          ),
          ...errorsOf,
        },
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
          'One entry per datastream (null values for one without observations yet), with the QARTOD flag of its latest observation (`qcFlag`) and the open quality report about it (`investigation`, or null). With `Accept: application/geo+json`, the GeoJSON of /latest.geojson.',
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
          "A FeatureCollection with one Feature per datastream (id = datastream id) at its Thing's location, its latest value flat in the properties so that a map can style and filter on `result`, `observedProperty` and `qcFlag` directly; `investigation` names an open quality report about the datastream.",
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
          'Every observation of every datastream of the dataset within [start, end), by datastream then phenomenon time, streamed. Columns: datastream_id, datastream, thing_id, thing, observed_property, unit, phenomenon_time, result_time, result, result_quality, qc_flag. Every observation unless `qc` filters by flag. Default: the last 24 hours; at most 31 days per request.',
        params: DatasetParams,
        querystring: DatasetCsvQuery,
        response: { 200: csvContent('The observations, streamed.'), ...errorsOf },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const q = request.query as Query;
      const download = await readings.datasetCsv(
        id,
        { ...range(q), qc: readObservationQc(q.qc) },
        guards.viewer(request),
      );
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      csvHeaders(reply, `${download.dataset}-observations-${day(download.start)}-${day(download.end)}.csv`);
      return reply.send(Readable.from(download.chunks, { objectMode: false }));
    },
  );
}
