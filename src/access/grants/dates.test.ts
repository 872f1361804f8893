import { describe, expect, it } from 'vitest';
import { addDays, cityCalendar, daysBetween, isDate } from './dates.js';

describe('city calendar of access decisions', () => {
  const la = cityCalendar('America/Los_Angeles');

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-01')).toBe(false);
    expect(isDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isDate('')).toBe(false);
  });

  it('starts a day at local midnight, in winter and in summer', () => {
    expect(la.startOf('2026-01-15').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(la.startOf('2026-07-15').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('ends a day at the next local midnight, across the changes of the clocks', () => {
    // 8 March 2026: clocks go forward, the day has 23 hours.
    expect(la.endOf('2026-03-08').toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(la.endOf('2026-03-08').getTime() - la.startOf('2026-03-08').getTime()).toBe(23 * 3_600_000);
    // 1 November 2026: clocks go back, the day has 25 hours.
    expect(la.endOf('2026-11-01').getTime() - la.startOf('2026-11-01').getTime()).toBe(25 * 3_600_000);
  });

  it('names the local day of an instant and the last day of a period', () => {
    expect(la.dayOf(new Date('2026-07-15T06:59:59Z'))).toBe('2026-07-14');
    expect(la.dayOf(new Date('2026-07-15T07:00:00Z'))).toBe('2026-07-15');
    expect(la.lastDayBefore(la.endOf('2026-03-08'))).toBe('2026-03-08');
  });

  it('works east of Greenwich too', () => {
    const auckland = cityCalendar('Pacific/Auckland');
    expect(auckland.startOf('2026-01-15').toISOString()).toBe('2026-01-14T11:00:00.000Z');
    expect(auckland.dayOf(auckland.startOf('2026-01-15'))).toBe('2026-01-15');
  });

  it('counts days between dates across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-01', '2027-01-01')).toBe(31);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
  });
});
