/**
 * Calendar arithmetic on local dates written YYYY-MM-DD: whole days, no clock, no zone.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date (throws on anything else, including 2025-02-30). */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`deadlines: not a YYYY-MM-DD date: ${date}`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = time / DAY_MS;
  if (fromDayNumber(day) !== date) throw new RangeError(`deadlines: no such date: ${date}`);
  return day;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** A business day: not a Saturday, a Sunday or one of the city's holidays. */
export function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** `date` itself when it is a business day, else the next one. */
export function businessDayOnOrAfter(date: string, holidays: ReadonlySet<string>): string {
  let day = date;
  // A year never holds more than a few days in a row off; the bound only guards against a broken holiday list.
  for (let i = 0; i < 366; i++) {
    if (isBusinessDay(day, holidays)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`deadlines: no business day within a year after ${date}`);
}

/** The first business day strictly after `date`. */
export function businessDayAfter(date: string, holidays: ReadonlySet<string>): string {
  return businessDayOnOrAfter(addDays(date, 1), holidays);
}

/** Business days in (from, to]: the days after `from` up to and including `to`; 0 when `to` is not later. */
export function businessDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = dayNumber(from) + 1, last = dayNumber(to); day <= last; day++) {
    if (isBusinessDay(fromDayNumber(day), holidays)) count++;
  }
  return count;
}
