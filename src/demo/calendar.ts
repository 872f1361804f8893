/**
 * Dates for the demo. Records carry the city's local wall-clock time without an offset, the way city systems
 * export them, so the generator works in "local milliseconds": epoch milliseconds whose UTC fields read as
 * Westminster's wall clock. Nothing depends on the time zone of the machine that runs the generator.
 */
import type { Random } from './random.js';

export const CITY_TIME_ZONE = 'America/Los_Angeles';
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: CITY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The city's wall-clock time at an instant, as local milliseconds (whole seconds). */
export function toLocal(instant: Date): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const field = (name: string) => parts[name] ?? 0;
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
}

/** Local milliseconds for a calendar date. */
export function localDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

export function startOfDay(local: number): number {
  return Math.floor(local / DAY) * DAY;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2024-05-03` */
export function formatDate(local: number): string {
  const d = new Date(local);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2024-05-03 14:22:10`: local time without an offset. */
export function formatDateTime(local: number): string {
  const d = new Date(local);
  return `${formatDate(local)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function yearOf(local: number): number {
  return new Date(local).getUTCFullYear();
}

export function monthOf(local: number): number {
  return new Date(local).getUTCMonth() + 1;
}

/** 0 = Sunday ... 6 = Saturday */
export function weekdayOf(local: number): number {
  return new Date(local).getUTCDay();
}

export function addYears(local: number, years: number): number {
  const d = new Date(local);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** A `2023-24` style fiscal year label (July to June), as California cities use. */
export function fiscalYearOf(local: number): number {
  const d = new Date(local);
  return d.getUTCMonth() >= 6 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
}

export function fiscalYearLabel(endingYear: number): string {
  return `${endingYear - 1}-${pad(endingYear % 100)}`;
}

/**
 * Splits `total` records over the days from `first` to `last` (local day starts, both included) in proportion
 * to `weight(day)` with random day-to-day noise. The counts always add up to exactly `total`.
 */
export function allocateDays(
  random: Random,
  first: number,
  last: number,
  total: number,
  weight: (day: number) => number,
): { day: number; count: number }[] {
  const days: number[] = [];
  const weights: number[] = [];
  let sum = 0;
  for (let day = first; day <= last; day += DAY) {
    const w = Math.max(0, weight(day)) * (0.6 + 0.8 * random.next());
    days.push(day);
    weights.push(w);
    sum += w;
  }
  const out: { day: number; count: number }[] = [];
  if (sum <= 0 || total <= 0) return out;
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < days.length; i++) {
    cumulative += weights[i] as number;
    const upTo = Math.round((total * cumulative) / sum);
    const count = upTo - given;
    given = upTo;
    if (count > 0) out.push({ day: days[i] as number, count });
  }
  return out;
}

/** The usual weight of city activity on a day: quiet weekends, a quieter spring 2020, slow growth. */
export function officeDayWeight(day: number, weekend = 0.08): number {
  const weekday = weekdayOf(day);
  let w = weekday === 0 || weekday === 6 ? weekend : 1;
  const year = yearOf(day);
  const month = monthOf(day);
  if (year === 2020 && month >= 3 && month <= 6) w *= 0.55;
  if (month === 12) w *= 0.8;
  if (month >= 4 && month <= 8) w *= 1.12;
  return w * (1 + 0.025 * (year - 2015));
}

/**
 * A time of day in milliseconds drawn from an hourly profile (24 weights), never at or after `before` when
 * given (used for the current day, whose future has not happened yet).
 */
export function timeOfDay(random: Random, hourly: readonly number[], before = DAY): number {
  let total = 0;
  for (let h = 0; h < 24; h++) if (h * HOUR < before) total += hourly[h] ?? 0;
  if (total <= 0) return Math.floor(random.next() * before);
  let target = random.next() * total;
  for (let h = 0; h < 24; h++) {
    if (h * HOUR >= before) break;
    const w = hourly[h] ?? 0;
    if (target < w) {
      const offset = Math.floor(random.next() * 3600) * 1000;
      return Math.min(h * HOUR + offset, before - 1000);
    }
    target -= w;
  }
  return Math.max(0, before - 1000);
}

/** Moves a time forward into working hours (`from` to `to` o'clock); a time inside them stays. */
export function duringHours(random: Random, from: number, to: number, time: number): number {
  const day = Math.floor(time / DAY) * DAY;
  const hour = (time - day) / HOUR;
  if (hour >= from && hour < to) return time;
  const next = hour < from ? day : day + DAY;
  return next + from * HOUR + Math.floor(random.next() * (to - from) * 3600) * 1000;
}

/**
 * A local time on a day, moved out of the hour that does not exist when clocks spring forward (2:00 to 2:59
 * on the second Sunday of March), so every time written is a real wall-clock time in Westminster.
 */
export function wallTime(day: number, timeOfDayMs: number): number {
  const d = new Date(day);
  const springForward =
    d.getUTCMonth() === 2 && d.getUTCDay() === 0 && d.getUTCDate() >= 8 && d.getUTCDate() <= 14;
  const skipped = springForward && timeOfDayMs >= 2 * HOUR && timeOfDayMs < 3 * HOUR;
  return day + timeOfDayMs + (skipped ? HOUR : 0);
}

/** Office hours with a lunch dip. */
export const OFFICE_HOURS = [
  0, 0, 0, 0, 0, 0, 0.2, 1.2, 3, 3.6, 3.6, 3, 2.2, 3, 3.4, 3.2, 2.4, 1, 0.3, 0.2, 0.1, 0.05, 0, 0,
] as const;

/** When residents report things: a daytime peak with a long evening tail from the app and the web. */
export const RESIDENT_HOURS = [
  0.15, 0.1, 0.08, 0.06, 0.08, 0.2, 0.6, 1.4, 2.4, 2.9, 3, 2.9, 2.6, 2.7, 2.7, 2.6, 2.3, 2, 1.8, 1.7, 1.5,
  1.1, 0.6, 0.3,
] as const;

/** One event of a day's events: its wall-clock time and its number within its year (for ids like CE24-0042). */
export interface NumberedEvent {
  time: number;
  year: number;
  sequence: number;
}

/**
 * The events of each day, at times drawn from an hourly profile, in time order, numbered from 1 within each
 * year as cities number cases and reports.
 */
export function* numberedEvents(
  days: Iterable<{ day: number; count: number }>,
  random: Random,
  hourly: readonly number[],
): Generator<NumberedEvent> {
  let year = 0;
  let sequence = 0;
  for (const { day, count } of days) {
    if (yearOf(day) !== year) {
      year = yearOf(day);
      sequence = 0;
    }
    const times = Array.from({ length: count }, () => wallTime(day, timeOfDay(random, hourly))).sort(
      (a, b) => a - b,
    );
    for (const time of times) yield { time, year, sequence: ++sequence };
  }
}
