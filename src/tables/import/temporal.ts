/**
 * Dates and timestamps as they appear in city data, parsed by hand (no regex, no Date parsing) because it
 * runs for every cell of a column that still looks temporal.
 *
 * Accepted: `YYYY-MM-DD`, `YYYY/MM/DD`, `M/D/YYYY` (US order); with a time, ISO 8601 (`T` or space,
 * `HH:MM[:SS[.fraction]]`, optional `Z`, `±HH:MM`, `±HHMM` or `±HH`) and US `M/D/YYYY h:mm[:ss] [AM|PM]`.
 * Local times (no offset) are resolved in an IANA zone like Temporal's "compatible" disambiguation: a time
 * skipped by a spring-forward gap is read with the offset before the gap (02:30 -> 03:30 daylight time), and a
 * time that occurs twice at fall-back is the first (daylight) occurrence.
 */

/** The fields of the last value parsed by `parseTemporal` (reused, to allocate nothing per cell). */
export interface TemporalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written (without the dot), '' when none. */
  fraction: string;
  /** Offset from UTC in minutes when the value has one. */
  offset: number;
}

export const NOT_TEMPORAL = 0;
export const DATE = 1;
export const LOCAL_TIMESTAMP = 2;
export const OFFSET_TIMESTAMP = 3;
export type TemporalKind =
  typeof NOT_TEMPORAL | typeof DATE | typeof LOCAL_TIMESTAMP | typeof OFFSET_TIMESTAMP;

const HOUR = 3_600_000;
const DAY = 86_400_000;

export const fields: TemporalFields = {
  year: 0,
  month: 0,
  day: 0,
  hour: 0,
  minute: 0,
  second: 0,
  fraction: '',
  offset: 0,
};

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function four(s: string, i: number): number {
  const a = two(s, i);
  const b = two(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a date or timestamp into `fields`; returns what it found, or NOT_TEMPORAL. */
export function parseTemporal(s: string): TemporalKind {
  const n = s.length;
  if (n < 8 || n > 40) return NOT_TEMPORAL;
  const c4 = s.charCodeAt(4);
  // US forms have their first slash at index 1 or 2, so a digit there means YYYY first.
  if ((c4 === 45 || c4 === 47) && digit(s, 1) >= 0 && digit(s, 2) >= 0) {
    // YYYY-MM-DD or YYYY/MM/DD
    if (s.charCodeAt(7) !== c4 || n < 10) return NOT_TEMPORAL;
    const year = four(s, 0);
    const month = two(s, 5);
    const day = two(s, 8);
    if (year < 0 || month < 0 || day < 0 || !validDate(year, month, day)) return NOT_TEMPORAL;
    fields.year = year;
    fields.month = month;
    fields.day = day;
    if (n === 10) return DATE;
    const sep = s.charCodeAt(10);
    if (sep !== 84 && sep !== 116 && sep !== 32) return NOT_TEMPORAL; // T, t, space
    return parseIsoTime(s, 11);
  }
  return parseUs(s);
}

function parseIsoTime(s: string, from: number): TemporalKind {
  const n = s.length;
  const hour = two(s, from);
  const minute = s.charCodeAt(from + 2) === 58 ? two(s, from + 3) : -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NOT_TEMPORAL;
  let i = from + 5;
  let second = 0;
  let fraction = '';
  if (i < n && s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0 || second > 59) return NOT_TEMPORAL;
    i += 3;
    if (i < n && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
      const start = ++i;
      while (i < n && digit(s, i) >= 0) i++;
      if (i === start || i - start > 9) return NOT_TEMPORAL;
      fraction = s.slice(start, i);
    }
  }
  fields.hour = hour;
  fields.minute = minute;
  fields.second = second;
  fields.fraction = fraction;
  if (i === n) return LOCAL_TIMESTAMP;
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) {
    fields.offset = 0;
    return i + 1 === n ? OFFSET_TIMESTAMP : NOT_TEMPORAL;
  }
  if (c !== 43 && c !== 45) return NOT_TEMPORAL;
  const oh = two(s, i + 1);
  let om = 0;
  const rest = n - (i + 3);
  if (rest === 3 && s.charCodeAt(i + 3) === 58) om = two(s, i + 4);
  else if (rest === 2) om = two(s, i + 3);
  else if (rest !== 0) return NOT_TEMPORAL;
  if (oh < 0 || oh > 18 || om < 0 || om > 59) return NOT_TEMPORAL;
  fields.offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
  return OFFSET_TIMESTAMP;
}

/** `M/D/YYYY` with an optional `h:mm[:ss[.fff]] [AM|PM]`. */
function parseUs(s: string): TemporalKind {
  const n = s.length;
  let i = 0;
  let month = digit(s, i++);
  if (month < 0) return NOT_TEMPORAL;
  if (digit(s, i) >= 0) month = month * 10 + digit(s, i++);
  if (s.charCodeAt(i++) !== 47) return NOT_TEMPORAL;
  let day = digit(s, i++);
  if (day < 0) return NOT_TEMPORAL;
  if (digit(s, i) >= 0) day = day * 10 + digit(s, i++);
  if (s.charCodeAt(i++) !== 47) return NOT_TEMPORAL;
  const year = four(s, i);
  i += 4;
  if (year < 0 || !validDate(year, month, day)) return NOT_TEMPORAL;
  fields.year = year;
  fields.month = month;
  fields.day = day;
  if (i === n) return DATE;
  if (s.charCodeAt(i++) !== 32) return NOT_TEMPORAL;
  let hour = digit(s, i++);
  if (hour < 0) return NOT_TEMPORAL;
  if (digit(s, i) >= 0) hour = hour * 10 + digit(s, i++);
  if (s.charCodeAt(i) !== 58) return NOT_TEMPORAL;
  const minute = two(s, i + 1);
  if (minute < 0 || minute > 59) return NOT_TEMPORAL;
  i += 3;
  let second = 0;
  let fraction = '';
  if (i < n && s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0 || second > 59) return NOT_TEMPORAL;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      const start = ++i;
      while (i < n && digit(s, i) >= 0) i++;
      if (i === start || i - start > 9) return NOT_TEMPORAL;
      fraction = s.slice(start, i);
    }
  }
  if (i < n && s.charCodeAt(i) === 32) i++;
  if (i < n) {
    // AM / PM, any case
    if (n - i !== 2) return NOT_TEMPORAL;
    const a = s.charCodeAt(i) | 32;
    const m = s.charCodeAt(i + 1) | 32;
    if (m !== 109 || (a !== 97 && a !== 112) || hour < 1 || hour > 12) return NOT_TEMPORAL;
    hour = (hour % 12) + (a === 112 ? 12 : 0);
  } else if (hour > 23) {
    return NOT_TEMPORAL;
  }
  fields.hour = hour;
  fields.minute = minute;
  fields.second = second;
  fields.fraction = fraction;
  return LOCAL_TIMESTAMP;
}

/** The fraction as stored: '' when zero, milliseconds, or microseconds; null when finer (it would be lost). */
export function storedFraction(fraction: string): string | null {
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  if (end === 0) return '';
  if (end <= 3) return '.' + fraction.slice(0, end).padEnd(3, '0');
  if (end <= 6) return '.' + fraction.slice(0, end).padEnd(6, '0');
  return null;
}

/** Milliseconds since the epoch of a wall-clock time read as UTC (years 1..9999). */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** `YYYY-MM-DD` of the last parsed value. */
export function formatDate(): string {
  return `${String(fields.year).padStart(4, '0')}-${pad2(fields.month)}-${pad2(fields.day)}`;
}

/** `YYYY-MM-DDTHH:MM:SS(.sss)Z` of an instant (whole seconds) plus a stored fraction. */
export function formatInstant(ms: number, fraction: string): string {
  // Days to civil date (proleptic Gregorian), as `Date#toISOString` would, without its cost.
  const days = Math.floor(ms / DAY);
  let secs = (ms - days * DAY) / 1000;
  const hour = Math.floor(secs / 3600);
  secs -= hour * 3600;
  const minute = Math.floor(secs / 60);
  const second = Math.floor(secs - minute * 60);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}Z`;
}

/** UTC offsets of one IANA zone, looked up with `Intl` and cached per hour. */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  /** Throws RangeError for an unknown zone. */
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** The zone's offset (local minus UTC, in ms) at an instant. */
  offsetAt(ms: number): number {
    const bucket = Math.floor(ms / HOUR);
    const cached = this.cache.get(bucket);
    if (cached !== undefined) return cached;
    const start = bucket * HOUR;
    const first = this.exactOffset(start);
    // Cache the hour only when no transition happens inside it.
    if (this.exactOffset(start + HOUR - 1000) !== first) return this.exactOffset(ms);
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(bucket, first);
    return first;
  }

  private exactOffset(ms: number): number {
    const whole = Math.floor(ms / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of this.format.formatToParts(whole)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
        default:
          break;
      }
    }
    if (bc) year = 1 - year;
    let local: number;
    if (year >= 100) local = Date.UTC(year, month - 1, day, hour, minute, second);
    else {
      const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
      date.setUTCFullYear(year);
      local = date.getTime();
    }
    return local - whole;
  }

  /**
   * The instant of a wall-clock time in this zone ("compatible" disambiguation: the offset before a gap,
   * the earlier of two occurrences).
   */
  toUtc(wall: number): number {
    const before = this.offsetAt(wall - DAY);
    const after = this.offsetAt(wall + DAY);
    const early = wall - before;
    // No transition within a day either side (zones never change twice within two days).
    if (before === after) return early;
    const earlyOk = this.offsetAt(early) === before;
    const late = wall - after;
    const lateOk = this.offsetAt(late) === after;
    if (earlyOk && lateOk) return Math.min(early, late);
    if (lateOk) return late;
    return early;
  }
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone, so its offset cache serves every column and import. */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** Converts a local wall-clock time in a zone to an ISO UTC string (exposed for tests and callers). */
export function localTimeToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): string {
  return formatInstant(zoneClock(timeZone).toUtc(wallMs(year, month, day, hour, minute, second)), '');
}
