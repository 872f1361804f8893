/**
 * Sensor times: the wire speaks ISO 8601 (instants and `start/end` intervals), storage speaks epoch
 * milliseconds. Daily rollups follow the city's local day, whose start moves with daylight saving time.
 */

/** An ISO 8601 instant with a zone (`Z` or an offset), to the millisecond or finer. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Date.UTC, without its reading of years 0-99 as 1900-1999. */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
) {
  if (year >= 100) return Date.UTC(year, month, day, hour, minute, second, ms);
  return new Date(Date.UTC(2000, month, day, hour, minute, second, ms)).setUTCFullYear(year);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits of `text` from `from` to `to` (exclusive) as a number; NaN when any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The forms `2026-05-01T13:00:00.000Z` and `2026-05-01T13:00:00Z`, which nearly every device sends, read
 * without a regular expression or a Date object: ingest reads one per observation.
 */
function canonicalInstant(text: string): number | undefined {
  if (text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  let ms = 0;
  if (text.length === 24) {
    if (text[19] !== '.') return undefined;
    ms = digits(text, 20, 23);
  }
  if (!(month >= 1 && month <= 12 && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)) return undefined;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (!(day >= 1 && day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0))) return undefined;
  return utc(year, month - 1, day, hour, minute, second, ms);
}

/** Parses an ISO 8601 instant that names its zone; undefined for anything else (a local time is ambiguous). */
export function parseInstant(text: string): number | undefined {
  if (
    (text.length === 24 || text.length === 20) &&
    text.charCodeAt(text.length - 1) === 90 &&
    text[10] === 'T'
  ) {
    const fast = canonicalInstant(text);
    if (fast !== undefined) return fast;
  }
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  let ms = utc(Number(y), month - 1, day, hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  if (new Date(ms).getUTCDate() !== day) return undefined;
  if (zone !== 'Z') {
    const sign = zone!.startsWith('-') ? -1 : 1;
    const digits = zone!.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export interface TimeSpan {
  start: number;
  /** Null for an instant. */
  end: number | null;
}

/** An instant, or an interval `start/end` with end not before start; undefined when malformed. */
export function parseTimeOrInterval(text: string): TimeSpan | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) {
    const start = parseInstant(text);
    return start === undefined ? undefined : { start, end: null };
  }
  const start = parseInstant(text.slice(0, slash));
  const end = parseInstant(text.slice(slash + 1));
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

export const formatInstant = (ms: number): string => new Date(ms).toISOString();

/** `start` or `start/end`, as SensorThings writes times. */
export const formatSpan = (start: number, end: number | null): string =>
  end === null ? formatInstant(start) : `${formatInstant(start)}/${formatInstant(end)}`;

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const QUARTER_HOUR = 15 * MINUTE;

/**
 * The start of the local day holding an instant, as an epoch instant, for one time zone. Offsets are read once per
 * quarter hour (every zone's offset is a whole number of quarter hours) and cached, so ingest pays a map lookup per observation, not an Intl call.
 */
export function localDays(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** Offset of local time from UTC at an instant, in ms (local = utc + offset). */
  const offsetAt = (ms: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(ms))
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const local = Date.UTC(
      parts.year!,
      parts.month! - 1,
      parts.day!,
      parts.hour!,
      parts.minute!,
      parts.second!,
    );
    return local - (ms - (ms % 1000));
  };
  const cache = new Map<number, number>();
  let lastQuarter = NaN;
  let lastStart = NaN;
  return (ms) => {
    const quarter = Math.floor(ms / QUARTER_HOUR);
    if (quarter === lastQuarter) return lastStart;
    const cached = cache.get(quarter);
    if (cached !== undefined) {
      lastQuarter = quarter;
      lastStart = cached;
      return cached;
    }
    const offset = offsetAt(ms);
    const localMidnight = Math.floor((ms + offset) / DAY) * DAY;
    // Midnight's own offset can differ from now's on a day when the clocks change.
    const start = localMidnight - offsetAt(localMidnight - offset);
    if (cache.size > 100_000) cache.clear();
    cache.set(quarter, start);
    lastQuarter = quarter;
    lastStart = start;
    return start;
  };
}
