/**
 * Series without failed values. Rollups keep every value (a flag can still change after the rollup is written:
 * spike flags are decided when the next value arrives), so a series that leaves failed values out corrects the
 * rollups at read time: it finds the failed observations of the range (rare: a partial index holds only them),
 * recomputes only the buckets that hold one from their raw observations, failed ones left out, and patches those
 * buckets in the answer. A bucket whose every value failed is left out, as a bucket without observations is.
 * Pure: the SQL is in readings.repo.ts.
 */
import { isoInstant } from './iso.js';
import { AGGREGATE_OF, type SeriesAnswer } from './series-answer.js';
import type { IntervalPlan, RollupBucket } from './series.js';
import { HOUR } from './time.js';

/** How buckets are cut for one interval: the bucket holding an instant, and where a bucket ends. */
export interface Buckets {
  of(ms: number): number;
  endOf(bucket: number): number;
}

/** Minutes, hours and local days, as the rollups (and grouped minutes) cut them. */
export function bucketsOf(plan: IntervalPlan, dayStart: (ms: number) => number): Buckets {
  const width = plan.width;
  if (width !== null) {
    return { of: (ms) => Math.floor(ms / width) * width, endOf: (bucket) => bucket + width };
  }
  // A local day lasts 23 to 25 hours: 36 hours after a midnight is always in the next day.
  return { of: dayStart, endOf: (bucket) => dayStart(bucket + 36 * HOUR) };
}

/**
 * The phenomenon times whose observations fall in the buckets that start in [start, end): from the first bucket
 * boundary at or after `start` to the first at or after `end`.
 */
export function observedRange(buckets: Buckets, start: number, end: number): { from: number; to: number } {
  const up = (ms: number) => {
    const bucket = buckets.of(ms);
    return bucket === ms ? ms : buckets.endOf(bucket);
  };
  return { from: up(start), to: up(end) };
}

/** The buckets holding these instants, as [from, to) ranges, adjacent ones merged, in order. */
export function bucketRanges(buckets: Buckets, times: readonly number[]): [number, number][] {
  const starts = [...new Set(times.map((t) => buckets.of(t)))].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const bucket of starts) {
    const end = buckets.endOf(bucket);
    const last = ranges.at(-1);
    if (last && last[1] === bucket) last[1] = end;
    else ranges.push([bucket, end]);
  }
  return ranges;
}

/**
 * Folds observations (time, value), in any order, into buckets: counts and sums add, extremes widen, first and
 * last are the values of the earliest and latest observation.
 */
export function foldObservations(
  buckets: Buckets,
  rows: Iterable<readonly [number, number]>,
): Map<number, RollupBucket> {
  const out = new Map<number, RollupBucket>();
  for (const [time, value] of rows) {
    const bucket = buckets.of(time);
    const b = out.get(bucket);
    if (!b) {
      out.set(bucket, {
        bucket,
        n: 1,
        total: value,
        min: value,
        max: value,
        firstTime: time,
        first: value,
        lastTime: time,
        last: value,
      });
      continue;
    }
    b.n += 1;
    b.total += value;
    if (value < b.min) b.min = value;
    if (value > b.max) b.max = value;
    if (time < b.firstTime) [b.firstTime, b.first] = [time, value];
    if (time > b.lastTime) [b.lastTime, b.last] = [time, value];
  }
  return out;
}

/**
 * The answer with some buckets replaced: each key of `corrected` is a bucket start; its value is the bucket
 * recomputed, or null when nothing is left of it (the bucket is dropped). Other buckets are kept as they are.
 */
export function patchAnswer(
  answer: SeriesAnswer,
  corrected: ReadonlyMap<number, RollupBucket | null>,
): SeriesAnswer {
  const byStart = new Map<string, RollupBucket | null>();
  for (const [bucket, value] of corrected) byStart.set(isoInstant(bucket), value);
  const columns = answer.values.map(([agg, text]) => [agg, JSON.parse(text) as number[]] as const);
  const start: string[] = [];
  const values = columns.map(() => [] as number[]);
  answer.start.forEach((s, i) => {
    const fix = byStart.get(s);
    if (fix === null) return;
    start.push(s);
    columns.forEach(([agg, column], c) => {
      if (fix === undefined) {
        values[c]!.push(column[i]!);
        return;
      }
      const { field, perCount } = AGGREGATE_OF[agg];
      const value = fix[field];
      values[c]!.push(perCount ? value / fix.n : value);
    });
  });
  return { start, values: columns.map(([agg], c) => [agg, JSON.stringify(values[c])]) };
}
