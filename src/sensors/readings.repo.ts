/**
 * SQL of the sensor read API. Every read goes through an index: observations by (datastream, phenomenon time),
 * rollups by their key, states by datastream, Things by dataset. Large reads come back as arrays (no object
 * per row) or as streams read from one snapshot.
 */
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import type { RawQuery } from '../db/dialect.js';
import { jsonArrayAgg } from '../db/json-agg.js';
import type { Schema } from '../db/schema.js';
import type { ObservationQc, Order } from './read-params.js';
import { storedMinutes } from './minute-pack.js';
import { AGGREGATE_OF, answerOfTexts, type RollupField, type SeriesAnswer } from './series-answer.js';
import type { Aggregate, RollupBucket } from './series.js';
import { HOUR } from './time.js';

/** Packed hours per read of minute rollups: a month. */
const HOURS_PER_READ = 31 * 24;

export interface DatastreamRow {
  id: number;
  name: string;
  observation_type: string;
  unit_name: string | null;
  unit_symbol: string | null;
  unit_definition: string | null;
  thing_id: number;
  thing_name: string;
  dataset_id: string | null;
  property_id: number;
  property_name: string;
  property_definition: string;
}

/** The latest observation of each datastream, column by column (index i of each is one datastream). */
export interface LatestColumns {
  id: number[];
  /** Phenomenon time (start) in epoch ms; null when the datastream has no observation. */
  time: (number | null)[];
  end: (number | null)[];
  number: (number | null)[];
  /** The latest observation's stored QC flag (null: stored without one, or no observation). */
  flag: (number | null)[];
  /** Its tests' flags, packed (qc/qc-quality.ts `encodeTests`); null with the flag. */
  tests: (number | null)[];
  /** JSON text of a result that is not a number (and of booleans). */
  json: (string | null)[];
  /** JSON text of what the client sent as result quality (the served JSON is composed with flag and tests). */
  quality: (string | null)[];
}

export interface ObservationRange {
  datastream: number;
  start?: number;
  end?: number;
  order: Order;
  /** Which rows by QC flag (default: every one). */
  qc?: ObservationQc;
}

/** Statements per read of the observations of buckets to recompute (bounded parameter lists). */
const RANGES_PER_READ = 200;

/** The columns every observation read returns, in the order of `ObservationTuple` (readings-csv.ts). */
const OBSERVATION_COLUMNS = [
  'o.id',
  'o.phenomenon_time',
  'o.phenomenon_end',
  'o.result_time',
  'o.result_number',
  'o.result_json',
  'o.result_quality',
  'o.qc_flag',
  'o.qc_tests',
] as const;

/**
 * The condition of each QC filter, written as SQL literals: a partial index (failed rows) serves only a query
 * whose condition names its literal value, not a parameter.
 */
const QC_CONDITION: Record<Exclude<ObservationQc, 'all'>, RawBuilder<boolean>> = {
  exclude_failed: sql<boolean>`(o.qc_flag IS NULL OR o.qc_flag <> 4)`,
  failed: sql<boolean>`o.qc_flag = 4`,
  pass: sql<boolean>`o.qc_flag = 1`,
};

/** The stored column of each rollup field. */
const ROLLUP_COLUMN: Record<RollupField, keyof Schema['sensor_rollups']> = {
  n: 'n',
  total: 'total',
  min: 'min',
  max: 'max',
  first: 'first_value',
  last: 'last_value',
};

/** The SQL of a query whose parameters the caller passes itself, in order; checks how many it takes. */
function compiledSql(query: Compilable, parameters: number): string {
  const compiled = query.compile();
  if (compiled.parameters.length !== parameters) {
    throw new Error(`expected ${parameters} parameters, the query has ${compiled.parameters.length}`);
  }
  return compiled.sql;
}

const toRaw = (compiled: { sql: string; parameters: readonly unknown[] }): RawQuery => ({
  sql: compiled.sql,
  params: compiled.parameters,
});

export function readingsRepo(db: Pick<Database, 'kysely' | 'adapter'>) {
  const k: Kysely<Schema> = db.kysely;

  const datastreamQuery = () =>
    k
      .selectFrom('sensor_datastreams as d')
      .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
      .innerJoin('sensor_observed_properties as p', 'p.id', 'd.observed_property_id')
      .select([
        'd.id',
        'd.name',
        'd.observation_type',
        'd.unit_name',
        'd.unit_symbol',
        'd.unit_definition',
        'd.thing_id',
        't.name as thing_name',
        't.dataset_id',
        'p.id as property_id',
        'p.name as property_name',
        'p.definition as property_definition',
      ]);

  /** Observations of one datastream in a phenomenon-time range, in order (the unique index serves both ways). */
  const observations = (range: ObservationRange, after?: number, withParameters = false) => {
    let query = k
      .selectFrom('sensor_observations as o')
      .select(OBSERVATION_COLUMNS)
      .$if(withParameters, (q) => q.select('o.parameters'))
      .where('o.datastream_id', '=', range.datastream);
    if (range.start !== undefined) query = query.where('o.phenomenon_time', '>=', range.start);
    if (range.end !== undefined) query = query.where('o.phenomenon_time', '<', range.end);
    if (range.qc !== undefined && range.qc !== 'all') query = query.where(QC_CONDITION[range.qc]);
    if (after !== undefined)
      query = query.where('o.phenomenon_time', range.order === 'asc' ? '>' : '<', after);
    return query.orderBy('o.phenomenon_time', range.order);
  };

  // The hottest reads are compiled once (their shape never changes) and run with each call's parameters.
  let latestSql: string | undefined;
  const rollupSql = new Map<string, string>();

  return {
    async datastream(id: number): Promise<DatastreamRow | undefined> {
      const row = await datastreamQuery().where('d.id', '=', id).executeTakeFirst();
      return (
        row && {
          ...row,
          id: Number(row.id),
          thing_id: Number(row.thing_id),
          property_id: Number(row.property_id),
        }
      );
    },

    /** The datastreams of a dataset's Things, by Thing then datastream id (the order of latestOfDataset). */
    async datastreamsOfDataset(datasetId: string): Promise<DatastreamRow[]> {
      const rows = await datastreamQuery()
        .where('t.dataset_id', '=', datasetId)
        .orderBy('t.id')
        .orderBy('d.id')
        .execute();
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        thing_id: Number(r.thing_id),
        property_id: Number(r.property_id),
      }));
    },

    /** Each Thing's current Location (the first one linked, when a Thing has several) as GeoJSON text. */
    async placesOfDataset(datasetId: string): Promise<Map<number, string>> {
      const rows = await k
        .selectFrom('sensor_things as t')
        .innerJoin('sensor_thing_locations as tl', 'tl.thing_id', 't.id')
        .innerJoin('sensor_locations as l', 'l.id', 'tl.location_id')
        .select(['t.id', 'l.location'])
        .where('t.dataset_id', '=', datasetId)
        .orderBy('t.id')
        .orderBy('l.id')
        .execute();
      const places = new Map<number, string>();
      for (const row of rows) if (!places.has(Number(row.id))) places.set(Number(row.id), row.location);
      return places;
    },

    /**
     * The latest observation of every datastream of a dataset, from the running states (nulls for a datastream
     * that has no observation yet), as columns: one indexed join (Things by dataset, their datastreams, each
     * one's state), each column read as one JSON array. By Thing then datastream id on PostgreSQL; on SQLite in
     * the order the join visits them, which is that order too (callers match rows by id all the same).
     */
    async latestOfDataset(datasetId: string): Promise<LatestColumns> {
      const agg = (name: string) =>
        jsonArrayAgg(db.adapter, sql.ref(name), sql`${sql.ref('t.id')}, ${sql.ref('d.id')}`);
      latestSql ??= compiledSql(
        k
          .selectFrom('sensor_things as t')
          .innerJoin('sensor_datastreams as d', 'd.thing_id', 't.id')
          .leftJoin('sensor_datastream_state as s', 's.datastream_id', 'd.id')
          .select([
            agg('d.id').as('id'),
            agg('s.latest_time').as('time'),
            agg('s.latest_end').as('end'),
            agg('s.latest_number').as('number'),
            agg('s.latest_json').as('json'),
            agg('s.latest_quality').as('quality'),
            // The state keeps the latest observation's outcome, revised with it (a spike is decided later).
            agg('s.latest_qc_flag').as('flag'),
            agg('s.latest_qc_tests').as('tests'),
          ])
          .where('t.dataset_id', '=', ''),
        1,
      );
      const [texts = []] = await db.adapter.queryArrays({ sql: latestSql, params: [datasetId] });
      const column = <T>(i: number) => JSON.parse(String(texts[i] ?? '[]')) as T[];
      return {
        id: column<number>(0),
        time: column<number | null>(1),
        end: column<number | null>(2),
        number: column<number | null>(3),
        json: column<string | null>(4),
        quality: column<string | null>(5),
        flag: column<number | null>(6),
        tests: column<number | null>(7),
      };
    },

    /** One page: `limit` rows after the cursor's time (tuples, plus parameters last). */
    page(range: ObservationRange, after: number | undefined, limit: number): Promise<unknown[][]> {
      return db.adapter.queryArrays(toRaw(observations(range, after, true).limit(limit).compile()));
    },

    /** Every observation of the range, streamed in batches of tuples from one snapshot. */
    stream(range: ObservationRange): AsyncIterable<unknown[][]> {
      return db.adapter.stream(toRaw(observations(range).compile()), 5000);
    },

    /**
     * Observations of several datastreams in a range, by datastream then phenomenon time: `[datastream id,
     * ...tuple]`. The index on (datastream, phenomenon time) gives this order without a sort.
     */
    streamMany(
      datastreams: readonly number[],
      start: number,
      end: number,
      qc: ObservationQc = 'all',
    ): AsyncIterable<unknown[][]> {
      const query = k
        .selectFrom('sensor_observations as o')
        .select(['o.datastream_id', ...OBSERVATION_COLUMNS])
        .where('o.datastream_id', 'in', datastreams)
        .where('o.phenomenon_time', '>=', start)
        .where('o.phenomenon_time', '<', end)
        .$if(qc !== 'all', (q) => q.where(QC_CONDITION[qc as Exclude<ObservationQc, 'all'>]))
        .orderBy('o.datastream_id')
        .orderBy('o.phenomenon_time');
      return db.adapter.stream(toRaw(query.compile()), 5000);
    },

    /**
     * Phenomenon times of the failed (flag 4) observations with a numeric result in [from, to): the ones rollups
     * counted and a series leaves out. Read from the partial index of failed rows: nothing to read is the usual case.
     */
    async failedTimes(datastream: number, from: number, to: number): Promise<number[]> {
      const rows = await db.adapter.queryArrays(
        toRaw(
          k
            .selectFrom('sensor_observations as o')
            .select('o.phenomenon_time')
            .where('o.datastream_id', '=', datastream)
            .where(QC_CONDITION.failed)
            .where('o.phenomenon_time', '>=', from)
            .where('o.phenomenon_time', '<', to)
            .where('o.result_number', 'is not', null)
            .orderBy('o.phenomenon_time')
            .compile(),
        ),
      );
      return rows.map((r) => Number(r[0]));
    },

    /** (time, value) of the numeric observations that did not fail, within these [from, to) ranges, in order. */
    async *valuesNotFailed(
      datastream: number,
      ranges: readonly (readonly [number, number])[],
    ): AsyncIterable<[number, number][]> {
      for (let i = 0; i < ranges.length; i += RANGES_PER_READ) {
        const chunk = ranges.slice(i, i + RANGES_PER_READ);
        const query = k
          .selectFrom('sensor_observations as o')
          .select(['o.phenomenon_time', 'o.result_number'])
          // The datastream in every term: each is then one range of the observations' index (SQLite serves an
          // OR whose every term is indexable on its own with one index search per term).
          .where((eb) =>
            eb.or(
              chunk.map(([from, to]) =>
                eb.and([
                  eb('o.datastream_id', '=', datastream),
                  eb('o.phenomenon_time', '>=', from),
                  eb('o.phenomenon_time', '<', to),
                ]),
              ),
            ),
          )
          .where('o.result_number', 'is not', null)
          .where(QC_CONDITION.exclude_failed)
          .orderBy('o.phenomenon_time');
        const rows = await db.adapter.queryArrays(toRaw(query.compile()));
        yield rows.map((r) => [Number(r[0]), Number(r[1])]);
      }
    },

    /**
     * Stored hour or local-day rollups whose bucket lies in [from, to): their buckets, and each aggregate's
     * values as the JSON array text the database writes (a year of hours is thousands of values per aggregate,
     * cheaper spliced into the answer than read one by one). `avg` divides in the database: the same IEEE
     * division as anywhere else.
     */
    async rollups(
      datastream: number,
      resolution: number,
      from: number,
      to: number,
      aggregates: readonly Aggregate[],
    ): Promise<SeriesAnswer> {
      const key = aggregates.join();
      let text = rollupSql.get(key);
      if (text === undefined) {
        const value = (agg: Aggregate) => {
          const { field, perCount } = AGGREGATE_OF[agg];
          const column = sql.ref(ROLLUP_COLUMN[field]);
          return perCount ? sql`${column} / ${sql.ref('n')}` : column;
        };
        const bucket = sql.ref('bucket');
        const query = k
          .selectFrom('sensor_rollups')
          .select([
            jsonArrayAgg(db.adapter, bucket, bucket).as('bucket'),
            ...aggregates.map((agg) => jsonArrayAgg(db.adapter, value(agg), bucket).as(agg)),
          ])
          .where('datastream_id', '=', 0)
          .where('resolution', '=', 0)
          .where('bucket', '>=', 0)
          .where('bucket', '<', 0);
        text = compiledSql(query, 4);
        rollupSql.set(key, text);
      }
      const params = [datastream, resolution, from, to];
      const [texts = []] = await db.adapter.queryArrays({ sql: text, params });
      const json = (i: number) => String(texts[i] ?? '[]');
      return answerOfTexts(
        JSON.parse(json(0)) as number[],
        aggregates.map((agg, i) => [agg, json(i + 1)]),
      );
    },

    /**
     * Minute rollups whose minute lies in [from, to), in order, unpacked from their stored hours. Read a month
     * of hours per statement, so that a long range is never in memory at once.
     */
    async *minuteRollups(datastream: number, from: number, to: number): AsyncIterable<RollupBucket[]> {
      const firstHour = Math.floor(from / HOUR) * HOUR;
      for (let hour = firstHour; hour < to; hour += HOURS_PER_READ * HOUR) {
        const rows = await k
          .selectFrom('sensor_minute_rollups')
          .select(['hour', 'minutes'])
          .where('datastream_id', '=', datastream)
          .where('hour', '>=', hour)
          .where('hour', '<', Math.min(to, hour + HOURS_PER_READ * HOUR))
          .orderBy('hour')
          .execute();
        const batch: RollupBucket[] = [];
        for (const row of rows) {
          for (const m of storedMinutes(datastream, Number(row.hour), row.minutes)) {
            if (m.bucket < from || m.bucket >= to) continue;
            batch.push({
              bucket: m.bucket,
              n: m.n,
              total: m.total,
              min: m.min,
              max: m.max,
              firstTime: m.firstTime,
              first: m.firstValue,
              lastTime: m.lastTime,
              last: m.lastValue,
            });
          }
        }
        if (batch.length > 0) yield batch;
      }
    },
  };
}

export type ReadingsRepo = ReturnType<typeof readingsRepo>;
