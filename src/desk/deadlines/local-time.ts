/**
 * Wall-clock time in a named zone, through Intl only: the machine's own zone never enters the arithmetic.
 */
import { dayNumber } from './business-days.js';

export interface LocalParts {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let known = formatters.get(timeZone);
  if (!known) {
    // Throws RangeError for an unknown zone, which is what a misconfigured city deserves.
    known = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, known);
  }
  return known;
}

function checkedTime(instant: Date): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('deadlines: invalid date');
  return time;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(checkedTime(instant))) parts[part.type] = part.value;
  return {
    date: `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The local calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `time` (whole seconds). */
function offsetAt(time: number, timeZone: string): number {
  const local = localParts(new Date(time), timeZone);
  const [year, month, day] = local.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(time / 1000) * 1000;
}

/**
 * The instant when the wall clock of `timeZone` reads `date` `hour`:`minute`:00. A reading that happens twice
 * (a zone whose clocks go back over it) gives the first or, with `which: 'last'`, the second; a reading skipped by
 * clocks going forward gives the instant the offset from before the gap would: just past the gap's start.
 */
export function localInstant(
  date: string,
  hour: number,
  minute: number,
  timeZone: string,
  which: 'first' | 'last' = 'first',
): Date {
  if (
    !Number.isInteger(hour) ||
    !Number.isInteger(minute) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    throw new RangeError(`deadlines: invalid time ${hour}:${minute}`);
  const wall = dayNumber(date) * 86_400_000 + (hour * 60 + minute) * 60_000;
  // The offset one day either side brackets the answer; try both and keep the ones that read back right.
  const offsets = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)];
  const candidates = [...new Set(offsets.map((offset) => wall - offset))].sort((a, b) => a - b);
  const matching = candidates.filter((candidate) => {
    const back = localParts(new Date(candidate), timeZone);
    return back.date === date && back.hour === hour && back.minute === minute;
  });
  const found = which === 'first' ? matching[0] : matching[matching.length - 1];
  if (found !== undefined) return new Date(found);
  return new Date(wall - offsets[0]!);
}
