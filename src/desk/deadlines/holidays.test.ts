/**
 * The demo city's holiday file against the rules that make it: federal holidays (5 U.S.C. 6103) and the
 * California holidays state offices close for, plus Native American Day (Gov. Code 6700); a holiday on a Saturday
 * is observed the Friday before, on a Sunday the Monday after.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCity } from '../../city/city.js';

interface Holiday {
  date: string;
  name: string;
}
const file = JSON.parse(
  readFileSync(new URL('../../../city/westminster/holidays.json', import.meta.url), 'utf8'),
) as Holiday[];

/** Zeller's congruence: 0 = Sunday ... 6 = Saturday, without Date. */
function dayOfWeek(year: number, month: number, day: number): number {
  const m = month < 3 ? month + 12 : month;
  const y = month < 3 ? year - 1 : year;
  const k = y % 100;
  const j = Math.floor(y / 100);
  const h = (day + Math.floor((13 * (m + 1)) / 5) + k + Math.floor(k / 4) + Math.floor(j / 4) + 5 * j) % 7;
  return (h + 6) % 7;
}
const daysIn = (year: number, month: number) =>
  [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
/** The n-th `weekday` of a month, as a day of the month. */
const nth = (year: number, month: number, weekday: number, n: number) =>
  1 + ((weekday - dayOfWeek(year, month, 1) + 7) % 7) + 7 * (n - 1);
const lastOf = (year: number, month: number, weekday: number) => {
  const last = daysIn(year, month);
  return last - ((dayOfWeek(year, month, last) - weekday + 7) % 7);
};
/** A fixed-date holiday and where it is observed. */
function fixed(year: number, month: number, day: number, name: string): Holiday {
  const weekday = dayOfWeek(year, month, day);
  if (weekday !== 0 && weekday !== 6) return { date: iso(year, month, day), name };
  const shifted = new Date(Date.UTC(year, month - 1, day + (weekday === 6 ? -1 : 1)));
  return { date: shifted.toISOString().slice(0, 10), name: `${name} (observed)` };
}
const MON = 1;
const THU = 4;
const FRI = 5;

function holidaysOf(year: number): Holiday[] {
  const thanksgiving = nth(year, 11, THU, 4);
  return [
    fixed(year, 1, 1, "New Year's Day"),
    { date: iso(year, 1, nth(year, 1, MON, 3)), name: 'Martin Luther King Jr. Day' },
    { date: iso(year, 2, nth(year, 2, MON, 3)), name: "Presidents' Day" },
    fixed(year, 3, 31, 'Cesar Chavez Day'),
    { date: iso(year, 5, lastOf(year, 5, MON)), name: 'Memorial Day' },
    fixed(year, 6, 19, 'Juneteenth'),
    fixed(year, 7, 4, 'Independence Day'),
    { date: iso(year, 9, nth(year, 9, MON, 1)), name: 'Labor Day' },
    { date: iso(year, 9, nth(year, 9, FRI, 4)), name: 'Native American Day' },
    { date: iso(year, 10, nth(year, 10, MON, 2)), name: "Indigenous Peoples' Day (Columbus Day)" },
    fixed(year, 11, 11, 'Veterans Day'),
    { date: iso(year, 11, thanksgiving), name: 'Thanksgiving Day' },
    { date: iso(year, 11, thanksgiving + 1), name: 'Day after Thanksgiving' },
    fixed(year, 12, 25, 'Christmas Day'),
  ];
}
const byDate = (a: Holiday, b: Holiday) => a.date.localeCompare(b.date);

describe('the demo city holidays', () => {
  it('match the rules for every year 2024-2030, dates and names', () => {
    const expected = [2024, 2025, 2026, 2027, 2028, 2029, 2030].flatMap(holidaysOf).sort(byDate);
    expect(file).toEqual(expected);
  });

  it('match the rules for 2025-2028 in particular (the years the clock is swept over)', () => {
    const inRange = (holiday: Holiday) => holiday.date >= '2025-01-01' && holiday.date <= '2028-12-31';
    const expected = [2024, 2025, 2026, 2027, 2028, 2029].flatMap(holidaysOf).filter(inRange).sort(byDate);
    expect(file.filter(inRange)).toEqual(expected);
  });

  it('agree with the published 2025 calendars, worked by hand', () => {
    expect(file.filter((holiday) => holiday.date.startsWith('2025')).map((holiday) => holiday.date)).toEqual([
      '2025-01-01',
      '2025-01-20',
      '2025-02-17',
      '2025-03-31',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-09-26',
      '2025-10-13',
      '2025-11-11',
      '2025-11-27',
      '2025-11-28',
      '2025-12-25',
    ]);
  });

  it('observe weekend holidays on the Friday before or the Monday after', () => {
    const observed = (date: string) => file.find((holiday) => holiday.date === date)?.name;
    expect(observed('2024-04-01')).toBe('Cesar Chavez Day (observed)'); // March 31, 2024 was a Sunday
    expect(observed('2026-07-03')).toBe('Independence Day (observed)'); // a Saturday
    expect(observed('2027-06-18')).toBe('Juneteenth (observed)');
    expect(observed('2027-12-24')).toBe('Christmas Day (observed)');
    expect(observed('2027-12-31')).toBe("New Year's Day (observed)"); // January 1, 2028 is a Saturday
    expect(observed('2028-11-10')).toBe('Veterans Day (observed)');
    expect(observed('2029-11-12')).toBe('Veterans Day (observed)'); // a Sunday
  });

  it('leave out Lincoln’s Birthday, which state offices no longer close for', () => {
    expect(file.some((holiday) => /lincoln/i.test(holiday.name))).toBe(false);
    expect(file.some((holiday) => holiday.date.endsWith('-02-12'))).toBe(false);
  });

  it('are sorted, unique, named, on weekdays only, and fourteen a year', () => {
    const dates = file.map((holiday) => holiday.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    for (const holiday of file) {
      expect(holiday.name.trim()).not.toBe('');
      const [y, m, d] = holiday.date.split('-').map(Number) as [number, number, number];
      expect([0, 6]).not.toContain(dayOfWeek(y, m, d));
    }
    expect(file).toHaveLength(7 * 14);
  });

  it('are what the city loader reads', () => {
    expect(loadCity(undefined).holidays).toEqual(file);
  });
});
