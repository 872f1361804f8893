/**
 * Every calendar day of 2025-2028, at several receipt times, against an oracle written differently: days are
 * Date objects at UTC noon stepped one at a time, the holidays come straight from the JSON file, and local times
 * are found by trying every quarter-hour offset until the zone's own formatting reads the wanted wall clock.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DeskCalendar, deadlineState, extendedDeadline, initialDeadline } from './deadlines.js';

const ZONE = 'America/Los_Angeles';
const CLOSE = { hour: 17, minute: 0 };
const holidayList = JSON.parse(
  readFileSync(new URL('../../../city/westminster/holidays.json', import.meta.url), 'utf8'),
) as { date: string; name: string }[];
const HOLIDAYS = new Set(holidayList.map((holiday) => holiday.date));
const calendar: DeskCalendar = { timeZone: ZONE, closeOfBusiness: '17:00', holidays: HOLIDAYS };

// --- the oracle ---------------------------------------------------------------------------------------------

const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const noonDay = (key: string) => new Date(`${key}T12:00:00Z`);
const keyOf = (noon: Date) => noon.toISOString().slice(0, 10);
const nextNoon = (noon: Date) => {
  const next = new Date(noon);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
};
const isOpen = (noon: Date) => noon.getUTCDay() !== 0 && noon.getUTCDay() !== 6 && !HOLIDAYS.has(keyOf(noon));

const instants = new Map<string, number>();
let lastQuarter = 0;
/**
 * The instant whose wall clock reads `key hh:mm:00`: tries every quarter-hour offset from -14 h to +14 h, the one
 * found last time first, and checks no offset within two hours of the answer gives a second reading.
 */
function wallInstant(key: string, hour: number, minute: number): number {
  const memo = `${key} ${hour}:${minute}`;
  const known = instants.get(memo);
  if (known !== undefined) return known;
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const want = `${key} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
  const reads = (quarter: number) => wallClock.format(wall - quarter * 15 * 60_000) === want;
  const order = Array.from({ length: 113 }, (_, i) => i - 56).sort(
    (a, b) => Math.abs(a - lastQuarter) - Math.abs(b - lastQuarter),
  );
  const quarter = order.find(reads);
  if (quarter === undefined) throw new Error(`oracle: ${memo} never reads in ${ZONE}`);
  for (let other = quarter - 8; other <= quarter + 8; other++) {
    if (other !== quarter && reads(other)) throw new Error(`oracle: ${memo} reads twice in ${ZONE}`);
  }
  lastQuarter = quarter;
  const instant = wall - quarter * 15 * 60_000;
  instants.set(memo, instant);
  return instant;
}

/** The day the clock starts: the first open day whose business hours end after the request came in. */
function oracleStart(receivedAt: number, receivedKey: string): Date {
  for (let day = noonDay(receivedKey); ; day = nextNoon(day)) {
    if (isOpen(day) && receivedAt < wallInstant(keyOf(day), CLOSE.hour, CLOSE.minute)) return day;
  }
}
/** Step `days` days one at a time, then step on until an open day. */
function oracleDue(from: Date, days: number): { date: string; at: Date } {
  let day = from;
  for (let i = 0; i < days; i++) day = nextNoon(day);
  while (!isOpen(day)) day = nextNoon(day);
  return { date: keyOf(day), at: new Date(wallInstant(keyOf(day), 23, 59)) };
}

// --- the sweep ----------------------------------------------------------------------------------------------

const DAYS: string[] = [];
for (let day = noonDay('2025-01-01'); keyOf(day) <= '2028-12-31'; day = nextNoon(day)) DAYS.push(keyOf(day));
const TIMES: [number, number][] = [
  [0, 0],
  [9, 0],
  [16, 59],
  [17, 0],
  [17, 1],
  [23, 59],
];

// Thousands of zone look-ups: generous time for a busy machine (no test here asserts how long anything takes).
describe(
  'the clock on every day of 2025-2028 against an independent computation',
  { timeout: 120_000 },
  () => {
    it('covers 1,461 days', () => {
      expect(DAYS).toHaveLength(1461);
      expect(DAYS[0]).toBe('2025-01-01');
      expect(DAYS.at(-1)).toBe('2028-12-31');
    });

    it('gives the oracle due date and instant for requests received at 00:00, 09:00, 16:59, 17:00, 17:01, 23:59', () => {
      const wrong: string[] = [];
      let checked = 0;
      for (const key of DAYS) {
        for (const [hour, minute] of TIMES) {
          const receivedAt = wallInstant(key, hour, minute);
          const expected = oracleDue(oracleStart(receivedAt, key), 10);
          const actual = initialDeadline(new Date(receivedAt), calendar);
          checked++;
          if (actual.date !== expected.date || actual.at.getTime() !== expected.at.getTime())
            wrong.push(
              `${key} ${hour}:${minute}: ${actual.date} ${actual.at.toISOString()} != ${expected.date}`,
            );
        }
        // The last millisecond before close of business still counts as that day.
        const justBefore = wallInstant(key, CLOSE.hour, CLOSE.minute) - 1;
        const expected = oracleDue(oracleStart(justBefore, key), 10);
        if (initialDeadline(new Date(justBefore), calendar).date !== expected.date)
          wrong.push(`${key} 16:59:59.999`);
      }
      expect(checked).toBe(1461 * TIMES.length);
      expect(wrong).toEqual([]);
    });

    it('extends every initial deadline by 1 to 14 days as the oracle does', () => {
      const wrong: string[] = [];
      for (const key of DAYS) {
        const initial = initialDeadline(new Date(wallInstant(key, 9, 0)), calendar);
        for (let days = 1; days <= 14; days++) {
          const expected = oracleDue(noonDay(initial.date), days);
          const actual = extendedDeadline(initial, days, calendar);
          if (actual.date !== expected.date || actual.at.getTime() !== expected.at.getTime())
            wrong.push(`${initial.date} + ${days}: ${actual.date} != ${expected.date}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('turns due soon three local days ahead and overdue a millisecond after 11:59 pm, every day', () => {
      const wrong: string[] = [];
      const options = { dueSoonDays: 3, calendar };
      for (const key of DAYS) {
        const deadline = { date: key, at: new Date(wallInstant(key, 23, 59)) };
        let day = noonDay(key);
        for (let i = 0; i < 4; i++) day = new Date(day.getTime() - 86_400_000);
        const fourBefore = keyOf(day);
        const threeBefore = keyOf(nextNoon(day));
        const cases: [number, string][] = [
          [wallInstant(fourBefore, 23, 59), 'on_track'],
          [wallInstant(threeBefore, 0, 0), 'due_soon'],
          [wallInstant(key, 9, 0), 'due_soon'],
          [deadline.at.getTime(), 'due_soon'],
          [deadline.at.getTime() + 1, 'overdue'],
        ];
        for (const [now, state] of cases) {
          const actual = deadlineState(new Date(now), deadline, options);
          if (actual !== state) wrong.push(`${key} at ${new Date(now).toISOString()}: ${actual} != ${state}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  },
);
