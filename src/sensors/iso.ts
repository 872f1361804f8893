/**
 * ISO 8601 text of epoch milliseconds, as `Date.prototype.toISOString` writes it, several times faster for the
 * long runs of times that series and latest values print: the date part is computed once per UTC day and kept,
 * the time of day is plain arithmetic. Falls back to the engine outside years 0000-9999.
 */
const DAY = 86_400_000;
const MAX_DAYS = 2048;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** Clock parts of every minute of a day, `HH:MM:` (1,440 strings, built once). */
const MINUTES: string[] = Array.from(
  { length: 1440 },
  (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`,
);

const days = new Map<number, string>();

function datePart(day: number): string {
  let text = days.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 11);
    if (days.size >= MAX_DAYS) days.clear();
    days.set(day, text);
  }
  return text;
}

export function isoInstant(ms: number): string {
  if (!Number.isInteger(ms) || ms < -62_167_219_200_000 || ms > 253_402_300_799_999) {
    return new Date(ms).toISOString();
  }
  const day = Math.floor(ms / DAY);
  const inDay = ms - day * DAY;
  const minute = Math.floor(inDay / 60_000);
  const rest = inDay - minute * 60_000;
  const second = Math.floor(rest / 1000);
  return `${datePart(day)}${MINUTES[minute]}${pad2(second)}.${pad3(rest - second * 1000)}Z`;
}

/** `start` or `start/end`, as SensorThings writes times. */
export const isoSpan = (start: number, end: number | null): string =>
  end === null ? isoInstant(start) : `${isoInstant(start)}/${isoInstant(end)}`;
