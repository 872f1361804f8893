/**
 * The IOOS QARTOD tests as pure functions over numbers, one observation at a time (after the definitions of the
 * QARTOD manuals and the `ioos_qc` library). A value that is not a finite number is never judged: its tests
 * give 2 (not evaluated). Comparisons with thresholds are strict (a value exactly on a threshold passes), as
 * in `ioos_qc`, except durations, which flag once they are reached.
 */
import type { QcConfig, QcFlag, QcOutcome } from './qc.types.js';

type Required<K extends keyof QcConfig> = NonNullable<QcConfig[K]>;

const finite = Number.isFinite;

/** Outside `fail`: 4; inside it but outside `suspect`: 3; else 1. Bounds are inclusive (on the bound passes). */
export function grossRangeTest(value: number, config: Required<'grossRange'>): QcFlag {
  if (!finite(value)) return 2;
  const [failLow, failHigh] = config.fail;
  if (value < failLow || value > failHigh) return 4;
  const suspect = config.suspect;
  if (suspect && (value < suspect[0] || value > suspect[1])) return 3;
  return 1;
}

/** Whether `hour` lies in [from, to), wrapping past midnight when from > to; [h, h] covers no hour. */
export function inHours(hour: number, [from, to]: readonly [number, number]): boolean {
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

/**
 * The first period whose months contain `month` (1–12) and whose hours, if any, contain `hour` (0–23) gives
 * the expected range: outside it 3, inside 1. No period applies: 2 (nothing to compare with).
 */
export function climatologyTest(
  value: number,
  month: number,
  hour: number,
  config: Required<'climatology'>,
): QcFlag {
  if (!finite(value)) return 2;
  const range = expectedRange(config, month, hour);
  if (!range) return 2;
  return value < range[0] || value > range[1] ? 3 : 1;
}

/** The range of the first period whose months contain `month` and whose hours, if any, contain `hour`. */
export function expectedRange(
  config: Required<'climatology'>,
  month: number,
  hour: number,
): readonly [number, number] | undefined {
  for (const period of config.periods) {
    if (!period.months.includes(month)) continue;
    if (period.hours && !inHours(hour, period.hours)) continue;
    return period.range;
  }
  return undefined;
}

/**
 * How far `value` stands out from its neighbours: |v2 − (v1 + v3)/2| − |(v3 − v1)/2|. Zero or less when it
 * lies between them (a ramp or a step is no spike); beyond both, its distance to the nearer one.
 */
export function spikeSize(before: number, value: number, after: number): number {
  return Math.abs(value - (before + after) / 2) - Math.abs((after - before) / 2);
}

/** Spike of `value` between its neighbours: size above `fail` 4, above `suspect` 3, else 1. */
export function spikeTest(before: number, value: number, after: number, config: Required<'spike'>): QcFlag {
  if (!finite(before) || !finite(value) || !finite(after)) return 2;
  const size = spikeSize(before, value, after);
  if (size > config.fail) return 4;
  if (size > config.suspect) return 3;
  return 1;
}

/**
 * Change since the previous value in units per second (times in epoch ms): faster than `threshold` 3, else 1.
 * No previous value, or times not increasing: 2.
 */
export function rateOfChangeTest(
  previous: number,
  previousTime: number,
  value: number,
  time: number,
  config: Required<'rateOfChange'>,
): QcFlag {
  if (!finite(previous) || !finite(value) || !(time > previousTime)) return 2;
  const rate = (Math.abs(value - previous) * 1000) / (time - previousTime);
  return rate > config.threshold ? 3 : 1;
}

/**
 * Flat line, given how long the values have stayed within `tolerance` of each other (ms from the first value
 * of the run to this one): from `failAfterMs` on 4, from `suspectAfterMs` on 3, else 1.
 */
export function flatLineTest(runMs: number, config: Required<'flatLine'>): QcFlag {
  if (!finite(runMs) || runMs < 0) return 2;
  if (runMs >= config.failAfterMs) return 4;
  if (runMs >= config.suspectAfterMs) return 3;
  return 1;
}

/**
 * Timing, given latency = receipt time − phenomenon time (its end, for an interval): later than
 * `failLatencyMs` 4, later than `maxLatencyMs` 3. A time in the future by more than `maxLatencyMs` is a
 * wrong clock (what has not happened cannot be measured): 4. Small negative latencies are clock skew: 1.
 */
export function timingTest(latencyMs: number, config: Required<'timing'>): QcFlag {
  if (!finite(latencyMs)) return 2;
  if (latencyMs > config.failLatencyMs || -latencyMs > config.maxLatencyMs) return 4;
  if (latencyMs > config.maxLatencyMs) return 3;
  return 1;
}

/**
 * Precedence when combining flags, as `ioos_qc` aggregates them: fail 4 > suspect 3 > pass 1 > not evaluated 2
 * > missing 9. A test not evaluated never hides a pass; 2 or 9 only when no test could judge.
 */
const RANK: Record<QcFlag, number> = { 4: 5, 3: 4, 1: 3, 2: 2, 9: 1 };

/** The worst of two flags (see RANK). */
export function worse(a: QcFlag, b: QcFlag): QcFlag {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The combined flag of several tests; 2 (not evaluated) when there are none. Order does not matter. */
export function combine(flags: Iterable<QcFlag>): QcFlag {
  let result: QcFlag | undefined;
  for (const flag of flags) result = result === undefined ? flag : worse(result, flag);
  return result ?? 2;
}

/** The combined flag of an outcome's tests. */
export function combineTests(tests: QcOutcome['tests']): QcFlag {
  let result: QcFlag = 2;
  let any = false;
  for (const key in tests) {
    const flag = tests[key as keyof typeof tests];
    if (flag === undefined) continue;
    result = any ? worse(result, flag) : flag;
    any = true;
  }
  return result;
}
