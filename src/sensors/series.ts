/**
 * Time series from rollups: which stored resolution serves each interval, how wide its buckets are, the default
 * and largest ranges, and how a rollup (or a group of them) becomes a bucket of the answer. Pure: the SQL is
 * in readings.repo.ts.
 */
import { errors } from '../errors.js';
import { RESOLUTIONS } from './rollup.js';
import { DAY, HOUR, MINUTE } from './time.js';

export const INTERVALS = ['1m', '5m', '15m', '1h', '1d'] as const;
export type Interval = (typeof INTERVALS)[number];

export const AGGREGATES = ['avg', 'min', 'max', 'count', 'sum', 'first', 'last'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const DEFAULT_AGGREGATES: readonly Aggregate[] = ['avg', 'min', 'max', 'count'];

/** Most buckets one answer holds; a longer range is refused with the largest `end` that fits. */
export const MAX_BUCKETS = 100_000;

export interface IntervalPlan {
  interval: Interval;
  /** The stored rollup resolution read: minutes (stored packed per hour), hours or local days. */
  resolution: number;
  /**
   * Width of the answer's buckets in ms, when fixed: 1h reads hour rollups as they are, 1m, 5m and 15m group
   * minute rollups (aligned to the epoch, which is aligned to the local clock in every zone whose offset is a
   * whole number of quarter hours). Null for 1d: a local day lasts 23, 24 or 25 hours.
   */
  width: number | null;
  /** Range answered when the request gives neither start nor end. */
  defaultSpan: number;
}

const PLANS: Record<Interval, IntervalPlan> = {
  '1m': { interval: '1m', resolution: RESOLUTIONS.minute, width: MINUTE, defaultSpan: DAY },
  '5m': { interval: '5m', resolution: RESOLUTIONS.minute, width: 5 * MINUTE, defaultSpan: DAY },
  '15m': { interval: '15m', resolution: RESOLUTIONS.minute, width: 15 * MINUTE, defaultSpan: DAY },
  '1h': { interval: '1h', resolution: RESOLUTIONS.hour, width: HOUR, defaultSpan: 30 * DAY },
  '1d': { interval: '1d', resolution: RESOLUTIONS.day, width: null, defaultSpan: 365 * DAY },
};

export function readInterval(text: string | undefined): IntervalPlan {
  if (text === undefined || text === '') {
    throw errors.badRequest('sensors.bad_interval', `interval is required: one of ${INTERVALS.join(', ')}.`);
  }
  const plan = (PLANS as Record<string, IntervalPlan | undefined>)[text];
  if (!plan) {
    throw errors.badRequest(
      'sensors.bad_interval',
      `interval must be one of ${INTERVALS.join(', ')}; got "${text}".`,
      { allowed: [...INTERVALS] },
    );
  }
  return plan;
}

/** `agg=avg,max`: the aggregates in the order asked, each once; the default set when absent. */
export function readAggregates(text: string | undefined): Aggregate[] {
  if (text === undefined || text.trim() === '') return [...DEFAULT_AGGREGATES];
  const names = text.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(AGGREGATES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw errors.badRequest(
      'sensors.bad_agg',
      `agg takes a comma-separated list of ${AGGREGATES.join(', ')}; "${unknown.join('", "')}" is not one of them.`,
      { allowed: [...AGGREGATES] },
    );
  }
  return [...new Set(names as Aggregate[])];
}

/**
 * The range answered: buckets whose start lies in [start, end). Without `end` the range ends now (or one
 * default span after `start`); without `start` it begins one default span before `end`, aligned down to a
 * bucket boundary so that the first bucket is whole.
 */
export function resolveRange(
  plan: IntervalPlan,
  given: { start?: number; end?: number },
  now: number,
  dayStart: (ms: number) => number,
): { start: number; end: number } {
  const align = (ms: number) =>
    plan.width === null ? dayStart(ms) : Math.floor(ms / plan.width) * plan.width;
  const end = given.end ?? (given.start !== undefined ? given.start + plan.defaultSpan : now);
  const start = given.start ?? align(end - plan.defaultSpan);
  return { start, end };
}

/** The most buckets a range can hold (a local day is at least 23 hours). */
export function bucketCount(plan: IntervalPlan, start: number, end: number): number {
  const width = plan.width ?? 23 * HOUR;
  return Math.ceil((end - start) / width) + (plan.width === null ? 1 : 0);
}

/** Refuses a range of more than MAX_BUCKETS buckets, naming the latest `end` that would be accepted. */
export function checkBucketCount(plan: IntervalPlan, start: number, end: number): void {
  const count = bucketCount(plan, start, end);
  if (count <= MAX_BUCKETS) return;
  const width = plan.width ?? DAY;
  const latest = new Date(start + (MAX_BUCKETS - 1) * width).toISOString();
  throw errors.badRequest(
    'sensors.too_many_buckets',
    `The range holds up to ${count} buckets of ${plan.interval}; at most ${MAX_BUCKETS} are answered at once. Use a wider interval, or an end no later than ${latest} and ask again from there.`,
    { buckets: count, max: MAX_BUCKETS },
  );
}

/** The minute rollups read for a grouped interval: every minute of each bucket that starts in the range. */
export function groupedSourceRange(width: number, start: number, end: number): { from: number; to: number } {
  const up = (ms: number) => Math.ceil(ms / width) * width;
  return { from: up(start), to: up(end) };
}

/** A rollup, or a group of minute rollups, as the answer is computed from it. */
export interface RollupBucket {
  bucket: number;
  n: number;
  total: number;
  min: number;
  max: number;
  firstTime: number;
  first: number;
  lastTime: number;
  last: number;
}

/**
 * Groups minute rollups, in bucket order, into buckets of `width` ms aligned to the epoch: counts and sums add,
 * extremes widen, and the first and last values are those of the earliest and latest observation of the group.
 * Folds as it reads, so a long range never holds its minutes at once.
 */
export async function groupMinutes(
  minutes: AsyncIterable<readonly RollupBucket[]>,
  width: number,
): Promise<RollupBucket[]> {
  const groups: RollupBucket[] = [];
  let group: RollupBucket | undefined;
  for await (const batch of minutes) {
    for (const m of batch) {
      const bucket = Math.floor(m.bucket / width) * width;
      if (group?.bucket !== bucket) {
        group = { ...m, bucket };
        groups.push(group);
        continue;
      }
      group.n += m.n;
      group.total += m.total;
      if (m.min < group.min) group.min = m.min;
      if (m.max > group.max) group.max = m.max;
      if (m.firstTime < group.firstTime) {
        group.firstTime = m.firstTime;
        group.first = m.first;
      }
      if (m.lastTime > group.lastTime) {
        group.lastTime = m.lastTime;
        group.last = m.last;
      }
    }
  }
  return groups;
}
