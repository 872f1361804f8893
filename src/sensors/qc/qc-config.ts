/** Strict validation of a `properties.qc` object (a QcConfig as JSON). */
import { knownTimeZone } from './qc-time.js';
import type { QcConfig } from './qc.types.js';

export interface QcConfigProblem {
  /** Path of the offending field: `qc.grossRange.suspect`, `qc.climatology.periods[0].months`. */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

type Span = [number, number];
type Obj = Record<string, unknown>;

const TESTS = ['grossRange', 'climatology', 'spike', 'rateOfChange', 'flatLine', 'timing'] as const;

/**
 * Validates a `properties.qc` value: every number finite, spans [low, high] with low ≤ high, the fail span
 * containing the suspect span, thresholds not negative, durations positive, months 1–12 and hours 0–24,
 * unknown keys refused. Returns the config (a fresh copy) or every problem found.
 */
export function parseQcConfig(json: unknown): { config: QcConfig } | { problems: QcConfigProblem[] } {
  const problems: QcConfigProblem[] = [];
  const problem = (field: string, message: string) => void problems.push({ field, message });
  const root = object(json, 'qc', problem, TESTS);
  if (!root) return { problems };
  const config: QcConfig = {};

  const gross = object(root.grossRange, 'qc.grossRange', problem, ['fail', 'suspect'], ['fail']);
  if (gross) {
    const fail = span(gross.fail, 'qc.grossRange.fail', problem);
    const suspect =
      gross.suspect === undefined ? undefined : span(gross.suspect, 'qc.grossRange.suspect', problem);
    if (fail && suspect && (suspect[0] < fail[0] || suspect[1] > fail[1]))
      problem(
        'qc.grossRange.suspect',
        `must lie inside the fail span [${fail[0]}, ${fail[1]}]: values outside the fail span already fail`,
      );
    if (fail) config.grossRange = suspect ? { fail, suspect } : { fail };
  }

  const climatology = object(
    root.climatology,
    'qc.climatology',
    problem,
    ['periods', 'timeZone'],
    ['periods'],
  );
  if (climatology) {
    const periods: NonNullable<QcConfig['climatology']>['periods'] = [];
    const list = climatology.periods;
    if (!Array.isArray(list) || list.length === 0)
      problem('qc.climatology.periods', 'must be a non-empty array of {months, hours?, range}');
    else
      list.forEach((item, i) => {
        const at = `qc.climatology.periods[${i}]`;
        const period = object(item, at, problem, ['months', 'hours', 'range'], ['months', 'range']);
        if (!period) return;
        const months = monthList(period.months, `${at}.months`, problem);
        const range = span(period.range, `${at}.range`, problem);
        const hours = period.hours === undefined ? undefined : hourSpan(period.hours, `${at}.hours`, problem);
        if (months && range) periods.push(hours ? { months, hours, range } : { months, range });
      });
    let timeZone: string | undefined;
    if (climatology.timeZone !== undefined) {
      if (typeof climatology.timeZone !== 'string' || !knownTimeZone(climatology.timeZone))
        problem('qc.climatology.timeZone', 'must be an IANA time zone such as "America/Los_Angeles"');
      else timeZone = climatology.timeZone;
    }
    config.climatology = timeZone ? { periods, timeZone } : { periods };
  }

  const spike = object(root.spike, 'qc.spike', problem, ['suspect', 'fail'], ['suspect', 'fail']);
  if (spike) {
    const suspect = amount(spike.suspect, 'qc.spike.suspect', problem, false);
    const fail = amount(spike.fail, 'qc.spike.fail', problem, false);
    if (suspect !== undefined && fail !== undefined && fail < suspect)
      problem('qc.spike.fail', `must be at least the suspect threshold (${suspect})`);
    config.spike = { suspect: suspect ?? 0, fail: fail ?? 0 };
  }

  const roc = object(root.rateOfChange, 'qc.rateOfChange', problem, ['threshold'], ['threshold']);
  if (roc)
    config.rateOfChange = {
      threshold: amount(roc.threshold, 'qc.rateOfChange.threshold', problem, true) ?? 0,
    };

  const keys = ['tolerance', 'suspectAfterMs', 'failAfterMs'];
  const flat = object(root.flatLine, 'qc.flatLine', problem, keys, keys);
  if (flat) {
    const tolerance = amount(flat.tolerance, 'qc.flatLine.tolerance', problem, false);
    const suspectAfterMs = amount(flat.suspectAfterMs, 'qc.flatLine.suspectAfterMs', problem, true);
    const failAfterMs = amount(flat.failAfterMs, 'qc.flatLine.failAfterMs', problem, true);
    if (suspectAfterMs !== undefined && failAfterMs !== undefined && failAfterMs < suspectAfterMs)
      problem('qc.flatLine.failAfterMs', `must be at least suspectAfterMs (${suspectAfterMs})`);
    config.flatLine = {
      tolerance: tolerance ?? 0,
      suspectAfterMs: suspectAfterMs ?? 0,
      failAfterMs: failAfterMs ?? 0,
    };
  }

  const timingKeys = ['maxLatencyMs', 'failLatencyMs', 'gapMs'];
  const timing = object(root.timing, 'qc.timing', problem, timingKeys, timingKeys);
  if (timing) {
    const maxLatencyMs = amount(timing.maxLatencyMs, 'qc.timing.maxLatencyMs', problem, true);
    const failLatencyMs = amount(timing.failLatencyMs, 'qc.timing.failLatencyMs', problem, true);
    const gapMs = amount(timing.gapMs, 'qc.timing.gapMs', problem, true);
    if (maxLatencyMs !== undefined && failLatencyMs !== undefined && failLatencyMs < maxLatencyMs)
      problem('qc.timing.failLatencyMs', `must be at least maxLatencyMs (${maxLatencyMs})`);
    config.timing = { maxLatencyMs: maxLatencyMs ?? 0, failLatencyMs: failLatencyMs ?? 0, gapMs: gapMs ?? 0 };
  }

  return problems.length > 0 ? { problems } : { config };
}

type Report = (field: string, message: string) => void;

/** A plain object with every `required` key (others than `allowed` reported); undefined (and reported) otherwise. */
function object(
  value: unknown,
  field: string,
  problem: Report,
  allowed: readonly string[],
  required: readonly string[] = [],
): Obj | undefined {
  if (value === undefined && field !== 'qc') return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problem(field, `must be an object with the keys ${allowed.join(', ')}`);
    return undefined;
  }
  const obj = value as Obj;
  // Unknown keys are reported, and the known ones still checked so every problem shows at once.
  for (const key of Object.keys(obj))
    if (!allowed.includes(key))
      problem(`${field}.${key}`, `is not a known setting; use ${allowed.join(', ')}`);
  let ok = true;
  for (const key of required)
    if (obj[key] === undefined) {
      problem(`${field}.${key}`, 'is required');
      ok = false;
    }
  return ok ? obj : undefined;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A finite number ≥ 0 (> 0 when `positive`). */
function amount(value: unknown, field: string, problem: Report, positive: boolean): number | undefined {
  if (!isNumber(value) || value < 0 || (positive && value === 0)) {
    problem(field, positive ? 'must be a number greater than 0' : 'must be a number, 0 or more');
    return undefined;
  }
  return value;
}

/** [low, high], both finite, low ≤ high. */
function span(value: unknown, field: string, problem: Report): Span | undefined {
  if (!Array.isArray(value) || value.length !== 2 || !isNumber(value[0]) || !isNumber(value[1])) {
    problem(field, 'must be [low, high], two finite numbers');
    return undefined;
  }
  if (value[0] > value[1]) {
    problem(field, `must be [low, high] with low ≤ high; got [${value[0]}, ${value[1]}]`);
    return undefined;
  }
  return [value[0], value[1]];
}

/** Months 1–12, at least one, no repeats. */
function monthList(value: unknown, field: string, problem: Report): number[] | undefined {
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((m) => Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12) &&
    new Set(value).size === value.length;
  if (!valid) {
    problem(field, 'must list months as whole numbers 1 (January) to 12 (December), each once');
    return undefined;
  }
  return [...(value as number[])];
}

/** [from, to) in whole hours 0–24, from ≠ to (from > to wraps past midnight). */
function hourSpan(value: unknown, field: string, problem: Report): Span | undefined {
  const valid =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((h) => Number.isInteger(h) && (h as number) >= 0 && (h as number) <= 24) &&
    value[0] !== value[1];
  if (!valid) {
    problem(field, 'must be [from, to], whole hours 0–24 that differ ([20, 6] wraps past midnight)');
    return undefined;
  }
  return [value[0] as number, value[1] as number];
}
