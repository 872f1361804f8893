/**
 * The city's wall clock for millions of sensor readings: daily patterns follow local time, and asking Intl for
 * every reading would cost more than generating it, so offsets are read once per quarter hour and cached.
 */
import { CITY_TIME_ZONE, DAY, HOUR, toLocal } from '../calendar.js';

const QUARTER_HOUR = 15 * 60_000;
const cache = new Map<number, number>();

/** Local minus UTC at an instant, in ms (-7 or -8 hours in Westminster). */
export function offsetAt(instant: number): number {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let offset = cache.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    offset = toLocal(new Date(start)) - start;
    if (cache.size > 200_000) cache.clear();
    cache.set(quarter, offset);
  }
  return offset;
}

/** The wall-clock time at an instant as local milliseconds (epoch ms whose UTC fields read as local time). */
export const localOf = (instant: number): number => instant + offsetAt(instant);

/** The instant of a local wall-clock time; in the hour that repeats in the fall, the first of the two. */
export function instantOf(local: number): number {
  const guess = local - offsetAt(local - 8 * HOUR);
  return local - offsetAt(guess);
}

/** Hour of the local day as a fraction (13.5 = half past one in the afternoon). */
export const localHour = (instant: number): number => (((localOf(instant) % DAY) + DAY) % DAY) / HOUR;

/** 0 = Sunday ... 6 = Saturday, in local time. */
export const localWeekday = (instant: number): number => new Date(localOf(instant)).getUTCDay();

/** The local day's number since 1970-01-01 (local dates, whatever the offset). */
export const localDayNumber = (instant: number): number => Math.floor(localOf(instant) / DAY);

/** Day of the year, 0 to 365, in local time. */
export function dayOfYear(instant: number): number {
  const local = localOf(instant);
  const year = new Date(local).getUTCFullYear();
  return Math.floor((local - Date.UTC(year, 0, 1)) / DAY);
}

export { CITY_TIME_ZONE };
