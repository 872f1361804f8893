/**
 * Reading sensor data: pages and CSV of one datastream's observations (each with its QC flag, filtered by flag
 * when asked), series from rollups (failed values left out by default), the latest value of every datastream of
 * a dataset, and per-dataset downloads. Who may read follows the catalog: the data of a dataset the viewer may
 * not see does not exist for them (404), and a restricted dataset's data needs permission (403), as its table
 * rows do.
 */
import type { CatalogService, Viewer } from '../catalog/catalog.service.js';
import { AppError, errors } from '../errors.js';
import type { LatestReader } from './latest.js';
import type { Investigation, InvestigationLookup } from './qc/qc.types.js';
import { resultKind } from './model.js';
import {
  checkRange,
  datastreamNotFound,
  decodePageCursor,
  encodePageCursor,
  type ObservationQc,
  type Order,
  type SeriesQc,
} from './read-params.js';
import {
  DATASET_COLUMNS,
  OBSERVATION_COLUMNS,
  csvChunk,
  csvField,
  headerLine,
  observationFields,
  observationLine,
  qcFlagOf,
  servedQuality,
} from './readings-csv.js';
import type { DatastreamRow, ReadingsRepo } from './readings.repo.js';
import { answerOf, answerRows, columnsOf, type SeriesAnswer } from './series-answer.js';
import {
  checkBucketCount,
  groupMinutes,
  groupedSourceRange,
  resolveRange,
  type Aggregate,
  type IntervalPlan,
} from './series.js';
import { excludeFailed } from './series-exclude.js';
import { isoInstant, isoSpan } from './iso.js';
import { DAY, HOUR, localDays } from './time.js';

/** Longest period of one per-dataset download: a month of minute data of a few thousand streams stays a file one can open. */
export const MAX_DOWNLOAD_DAYS = 31;
/** Datastreams per statement of a dataset download (bounded parameter lists; each a stream in index order). */
const STREAMS_PER_READ = 500;

export interface Observation {
  id: number;
  phenomenonTime: string;
  resultTime: string | null;
  result: unknown;
  resultQuality: unknown;
  /** QARTOD flag: 1 pass, 2 not evaluated (also a row stored without a flag), 3 suspect, 4 fail, 9 missing. */
  qcFlag: number;
  parameters?: Record<string, unknown>;
}

/** Which observations of a range a raw read returns (by QC flag). */
export interface ObservationRangeRequest {
  start?: number;
  end?: number;
  order: Order;
  qc?: ObservationQc;
}

export interface PageRequest extends ObservationRangeRequest {
  limit: number;
  cursor?: string;
}

export interface SeriesRequest {
  plan: IntervalPlan;
  aggregates: Aggregate[];
  start?: number;
  end?: number;
  /** Failed values left out (the default) or kept. */
  qc?: SeriesQc;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function present(row: readonly unknown[]): Observation {
  const observation: Observation = {
    id: Number(row[0]),
    phenomenonTime: isoSpan(Number(row[1]), row[2] === null ? null : Number(row[2])),
    resultTime: row[3] === null ? null : isoInstant(Number(row[3])),
    result: row[5] !== null ? parse(row[5] as string) : row[4],
    resultQuality: parse(servedQuality(row, 6)),
    qcFlag: qcFlagOf(row[7]),
  };
  if (row[9] !== null && row[9] !== undefined) {
    observation.parameters = parse(row[9] as string) as Record<string, unknown>;
  }
  return observation;
}

const unit = (d: DatastreamRow) => ({
  name: d.unit_name,
  symbol: d.unit_symbol,
  definition: d.unit_definition,
});

export interface ReadingsOptions {
  repo: ReadingsRepo;
  latest: LatestReader;
  catalog: Pick<CatalogService, 'accessOf'>;
  timeZone: string;
  /** Open investigations (quality reports) naming datastreams; none when not given. */
  investigations?: InvestigationLookup;
  now?: () => number;
}

export function readingsService({
  repo,
  latest,
  catalog,
  timeZone,
  investigations = async () => new Map(),
  now = () => Date.now(),
}: ReadingsOptions) {
  const dayStart = localDays(timeZone);

  /** The dataset's id when the viewer may read its data; `hidden` otherwise, or dataset.restricted. */
  async function readable(
    datasetId: string | null,
    viewer: Viewer,
    hidden: () => AppError,
  ): Promise<string | null> {
    // A Thing outside any dataset is nobody's publication yet: only the admin sees it.
    if (datasetId === null) {
      if (!viewer.admin) throw hidden();
      return null;
    }
    let readable: boolean;
    let id: string;
    try {
      ({ id, readable } = await catalog.accessOf(datasetId, viewer));
    } catch (error) {
      if (error instanceof AppError && error.code === 'dataset.not_found') throw hidden();
      throw error;
    }
    if (!readable) throw errors.datasetRestricted(id);
    return id;
  }

  async function datastream(id: number, viewer: Viewer): Promise<DatastreamRow> {
    const row = await repo.datastream(id);
    if (!row) throw datastreamNotFound(id);
    await readable(row.dataset_id, viewer, () => datastreamNotFound(id));
    return row;
  }

  async function* observationCsv(id: number, range: ObservationRangeRequest) {
    yield headerLine(OBSERVATION_COLUMNS);
    for await (const batch of repo.stream({ datastream: id, ...range }))
      yield csvChunk(batch, observationLine);
  }

  async function series(id: number, request: SeriesRequest, viewer: Viewer) {
    const d = await datastream(id, viewer);
    const kind = resultKind(d.observation_type);
    if (kind !== 'number' && kind !== 'integer' && kind !== 'boolean') {
      throw errors.badRequest(
        'sensors.not_numeric',
        `Datastream ${id} holds ${kind === 'text' ? 'categories (text)' : 'results of any shape'}, which have no averages or sums; read its observations at /api/v1/datastreams/${id}/observations instead.`,
        { observationType: d.observation_type },
      );
    }
    const { plan, aggregates, qc = 'exclude_failed' } = request;
    const { start, end } = resolveRange(plan, request, now(), dayStart);
    checkRange(start, end);
    checkBucketCount(plan, start, end);
    let answer: SeriesAnswer;
    if (plan.width === null || plan.width >= HOUR) {
      answer = await repo.rollups(id, plan.resolution, start, end, aggregates);
    } else {
      const { from, to } = groupedSourceRange(plan.width, start, end);
      const groups = await groupMinutes(repo.minuteRollups(id, from, to), plan.width);
      answer = answerOf(columnsOf(groups), aggregates);
    }
    let excluded = 0;
    if (qc === 'exclude_failed') {
      ({ answer, excluded } = await excludeFailed(
        repo,
        { datastream: id, plan, start, end, dayStart },
        answer,
      ));
    }
    const investigation: Investigation | null = (await investigations([id])).get(id) ?? null;
    return {
      datastream: d,
      interval: plan.interval,
      // Minute and hour buckets follow the UTC clock (the city's too, unless its offset has a fraction of an
      // hour); day buckets start at the city's local midnight.
      timeZone: plan.width === null ? timeZone : 'UTC',
      unit: unit(d),
      start,
      end,
      aggregates,
      qc,
      excluded,
      investigation,
      answer,
    };
  }

  return {
    datastream,

    /** One page of observations in phenomenon-time order, and the cursor of the next (null at the end). */
    async page(id: number, request: PageRequest, viewer: Viewer) {
      const d = await datastream(id, viewer);
      if (request.start !== undefined && request.end !== undefined) checkRange(request.start, request.end);
      const after =
        request.cursor === undefined
          ? undefined
          : decodePageCursor(request.cursor, { datastream: id, order: request.order }).after;
      const range = {
        datastream: id,
        start: request.start,
        end: request.end,
        order: request.order,
        qc: request.qc,
      };
      const rows = await repo.page(range, after, request.limit + 1);
      const more = rows.length > request.limit;
      if (more) rows.length = request.limit;
      const last = rows.at(-1);
      return {
        datastream: d,
        observations: rows.map(present),
        next:
          more && last
            ? encodePageCursor({ datastream: id, order: request.order, after: Number(last[1]) })
            : null,
      };
    },

    /** Every observation of the range as CSV text chunks, read from one snapshot as the client takes them. */
    async csv(id: number, range: ObservationRangeRequest, viewer: Viewer) {
      const d = await datastream(id, viewer);
      if (range.start !== undefined && range.end !== undefined) checkRange(range.start, range.end);
      return { datastream: d, chunks: observationCsv(id, range) };
    },

    /**
     * Buckets of the range from rollups, with the aggregates asked for, in columns. Failed values are left out
     * unless `qc: 'all'` (only the buckets holding one are read from raw rows: series-exclude.ts).
     */
    series,

    /** The same buckets as CSV text: `start` then one column per aggregate. */
    async seriesCsv(id: number, request: SeriesRequest, viewer: Viewer) {
      const s = await series(id, request, viewer);
      const lines = [headerLine(['start', ...s.aggregates])];
      for (const row of answerRows(s.answer))
        lines.push(`${[row.start, ...row.values].map(csvField).join(',')}\r\n`);
      return { datastream: s.datastream, qc: s.qc, excluded: s.excluded, text: lines.join('') };
    },

    /** The latest observation of every datastream of a dataset, as JSON or GeoJSON (UTF-8). */
    async latest(datasetId: string, format: 'json' | 'geojson', viewer: Viewer): Promise<Buffer> {
      const id = (await readable(datasetId, viewer, () => errors.datasetNotFound(datasetId)))!;
      return format === 'json' ? latest.json(id) : latest.geojson(id);
    },

    /**
     * Every observation of a dataset's datastreams in [start, end) as CSV chunks, by datastream then time.
     * Without a range, the last 24 hours; at most MAX_DOWNLOAD_DAYS per request.
     */
    async datasetCsv(
      datasetId: string,
      range: { start?: number; end?: number; qc?: ObservationQc },
      viewer: Viewer,
    ) {
      const id = (await readable(datasetId, viewer, () => errors.datasetNotFound(datasetId)))!;
      const end = range.end ?? (range.start !== undefined ? range.start + DAY : now());
      const start = range.start ?? end - DAY;
      checkRange(start, end);
      if (end - start > MAX_DOWNLOAD_DAYS * DAY) {
        throw errors.badRequest(
          'sensors.period_too_long',
          `One download covers at most ${MAX_DOWNLOAD_DAYS} days; ask for the period in several requests (start inclusive, end exclusive), or use the series endpoint for longer summaries.`,
          { maxDays: MAX_DOWNLOAD_DAYS },
        );
      }
      const streams = (await repo.datastreamsOfDataset(id)).sort((a, b) => a.id - b.id);
      return { dataset: id, start, end, chunks: datasetCsv(streams, start, end, range.qc) };
    },

    /** Drops the kept descriptions of a dataset's datastreams (after its Things or Datastreams change). */
    forget: (datasetId?: string) => latest.forget(datasetId),
  };

  async function* datasetCsv(streams: DatastreamRow[], start: number, end: number, qc?: ObservationQc) {
    yield headerLine(DATASET_COLUMNS);
    const prefixes = new Map(
      streams.map((d) => [
        d.id,
        `${d.id},${csvField(d.name)},${d.thing_id},${csvField(d.thing_name)},${csvField(d.property_name)},${csvField(d.unit_symbol)},`,
      ]),
    );
    const line = (row: readonly unknown[]) =>
      `${prefixes.get(Number(row[0]))}${observationFields(row, 2)}\r\n`;
    for (let i = 0; i < streams.length; i += STREAMS_PER_READ) {
      const ids = streams.slice(i, i + STREAMS_PER_READ).map((d) => d.id);
      for await (const batch of repo.streamMany(ids, start, end, qc)) yield csvChunk(batch, line);
    }
  }
}

export type ReadingsService = ReturnType<typeof readingsService>;
