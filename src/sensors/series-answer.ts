/**
 * A series answer in columnar form: `start` (ISO 8601) and one array per aggregate asked for, the i-th bucket
 * being the i-th element of each. Charting libraries (uPlot among them) take series in this shape, it is smaller
 * than an array of objects that repeats every key, and its arrays of numbers can travel as the JSON text the
 * database wrote: an hourly year is 8,760 numbers per aggregate, and parsing and printing them again would be
 * most of the work of an answer.
 */
import { isoInstant } from './iso.js';
import type { Aggregate, RollupBucket } from './series.js';

/** Rollups as columns: the bucket starts, the counts, and the other fields (absent when not read). */
export interface RollupColumns {
  bucket: number[];
  n: number[];
  total?: number[];
  min?: number[];
  max?: number[];
  first?: number[];
  last?: number[];
}

export type RollupField = Exclude<keyof RollupColumns, 'bucket'>;

/** What each aggregate is, in rollup fields: a field as it is, or (avg) a field divided by the count. */
export const AGGREGATE_OF: Record<Aggregate, { field: RollupField; perCount?: true }> = {
  avg: { field: 'total', perCount: true },
  min: { field: 'min' },
  max: { field: 'max' },
  count: { field: 'n' },
  sum: { field: 'total' },
  first: { field: 'first' },
  last: { field: 'last' },
};

/** The answer: bucket starts, and each aggregate's values as a JSON array text, in the order asked. */
export interface SeriesAnswer {
  start: string[];
  values: [Aggregate, string][];
}

/** Grouped minutes (or any rollup objects) as columns. */
export function columnsOf(rows: readonly RollupBucket[]): RollupColumns {
  return {
    bucket: rows.map((r) => r.bucket),
    n: rows.map((r) => r.n),
    total: rows.map((r) => r.total),
    min: rows.map((r) => r.min),
    max: rows.map((r) => r.max),
    first: rows.map((r) => r.first),
    last: rows.map((r) => r.last),
  };
}

/** One aggregate's values from rollup columns. */
export function aggregateValues(rows: RollupColumns, agg: Aggregate): number[] {
  const { field, perCount } = AGGREGATE_OF[agg];
  const column = rows[field];
  if (!column) throw new Error(`the rollups read lack the ${field} of ${agg}`);
  return perCount ? column.map((value, i) => value / rows.n[i]!) : column;
}

/** The answer from rollup columns computed here (grouped minutes). */
export function answerOf(rows: RollupColumns, aggregates: readonly Aggregate[]): SeriesAnswer {
  return {
    start: rows.bucket.map(isoInstant),
    values: aggregates.map((agg) => [agg, JSON.stringify(aggregateValues(rows, agg))]),
  };
}

/**
 * The answer from the database's JSON arrays (one per aggregate, rows in `bucket` order). A database that
 * folded the rows in another order gets them sorted here.
 */
export function answerOfTexts(bucket: number[], values: [Aggregate, string][]): SeriesAnswer {
  if (bucket.every((b, i) => i === 0 || bucket[i - 1]! < b)) return { start: bucket.map(isoInstant), values };
  const order = bucket.map((_, i) => i).sort((x, y) => bucket[x]! - bucket[y]!);
  return {
    start: order.map((i) => isoInstant(bucket[i]!)),
    values: values.map(([agg, text]) => {
      const parsed = JSON.parse(text) as number[];
      return [agg, JSON.stringify(order.map((i) => parsed[i]))];
    }),
  };
}

/** `{"start":[..],"avg":[..],..}` */
export function bucketsJson(answer: SeriesAnswer): string {
  // ISO instants hold nothing JSON escapes: joined, they are their JSON array.
  const parts = [`"start":${answer.start.length === 0 ? '[]' : `["${answer.start.join('","')}"]`}`];
  for (const [agg, text] of answer.values) parts.push(`"${agg}":${text}`);
  return `{${parts.join(',')}}`;
}

/** The same buckets as rows of numbers (CSV, tests). */
export function answerRows(answer: SeriesAnswer): { start: string; values: number[] }[] {
  const columns = answer.values.map(([, text]) => JSON.parse(text) as number[]);
  return answer.start.map((start, i) => ({ start, values: columns.map((c) => c[i]!) }));
}
