/**
 * Calendar days of the city for access decisions and agreements. People choose days ("until 30 June"), the
 * database compares instants: a day starts at local midnight, and access "until" a day lasts to the end of it.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether the text is a real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** The date `days` after (or before, when negative) a date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Offset of local time from UTC at an instant, in ms (local = utc + offset). */
function offsetAt(ms: number, format: Intl.DateTimeFormat): number {
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
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

export interface CityCalendar {
  /** The local date (YYYY-MM-DD) of an instant. */
  dayOf(at: Date): string;
  /** The instant a local date begins. */
  startOf(date: string): Date;
  /** The instant a local date ends: the start of the next one. */
  endOf(date: string): Date;
  /** The last local date before an instant that ends a period (the inverse of endOf). */
  lastDayBefore(end: Date): string;
}

export function cityCalendar(timeZone: string): CityCalendar {
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
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const startOf = (date: string): Date => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const wall = Date.UTC(y, m - 1, d);
    // The offset at the guess can differ from the offset at midnight on a day the clocks change.
    let at = wall - offsetAt(wall, format);
    at = wall - offsetAt(at, format);
    return new Date(at);
  };
  const dayOf = (at: Date) => day.format(at);
  return {
    dayOf,
    startOf,
    endOf: (date) => startOf(addDays(date, 1)),
    lastDayBefore: (end) => dayOf(new Date(end.getTime() - 1)),
  };
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}
