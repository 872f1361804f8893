/**
 * Whether a dataset is as current as its steward promised: its last data update against its declared update
 * frequency. Pure (the caller passes "now"), so that dataset pages, a status page and alerts agree.
 *
 * - A dataset declared `R/P1D` (daily) whose data last changed at 02:00 is expected again by 02:00 the next
 *   day; it turns overdue only after a grace margin (a quarter of the period, at least ten minutes), so that a
 *   run a little late is not reported as a failure.
 * - `continuous` (a live feed) is expected to report at least every five minutes, with the same grace margin:
 *   a feed silent for more than a quarter of an hour is overdue. For sensor datasets pass the time of the
 *   latest observation as the last update.
 * - `irregular`, a frequency that cannot be read, and a dataset without data have no expectation: `unknown`.
 */
import { frequencyMillis } from './metadata-rules.js';

export type FreshnessState = 'fresh' | 'overdue' | 'unknown';

export interface Freshness {
  state: FreshnessState;
  /** When the next update is due (the last update plus one period), ISO UTC; null when nothing is expected. */
  expectedBy: string | null;
  /** When the dataset turns overdue (`expectedBy` plus the grace margin), ISO UTC; null when unknown. */
  overdueAfter: string | null;
}

/** The period a live (`continuous`) feed is expected to report within. */
export const CONTINUOUS_PERIOD_MS = 5 * 60_000;
/** The grace margin is this share of the period... */
export const GRACE_SHARE = 0.25;
/** ...and at least this long. */
export const MIN_GRACE_MS = 10 * 60_000;

const UNKNOWN: Freshness = { state: 'unknown', expectedBy: null, overdueAfter: null };

/** The nominal length of one period of an update frequency, or null when it promises no schedule. */
export function periodMillis(updateFrequency: string): number | null {
  if (updateFrequency === 'continuous') return CONTINUOUS_PERIOD_MS;
  return frequencyMillis(updateFrequency);
}

/** The margin allowed after the expected time before a dataset counts as overdue. */
export function graceMillis(period: number): number {
  return Math.max(period * GRACE_SHARE, MIN_GRACE_MS);
}

/**
 * Freshness of a dataset: `updateFrequency` as declared (ISO 8601 `R/P...`, `continuous` or `irregular`),
 * `dataUpdatedAt` the last change of its data (ISO; for a live feed the latest observation), `now` the
 * instant to judge at.
 */
export function freshness(updateFrequency: string, dataUpdatedAt: string | null, now: Date): Freshness {
  const period = periodMillis(updateFrequency);
  if (period === null || dataUpdatedAt === null) return UNKNOWN;
  const last = Date.parse(dataUpdatedAt);
  if (Number.isNaN(last) || Number.isNaN(now.getTime())) return UNKNOWN;
  const expected = last + period;
  const deadline = expected + graceMillis(period);
  return {
    state: now.getTime() > deadline ? 'overdue' : 'fresh',
    expectedBy: new Date(expected).toISOString(),
    overdueAfter: new Date(deadline).toISOString(),
  };
}
