import { describe, expect, it } from 'vitest';
import {
  DAY,
  OFFICE_HOURS,
  allocateDays,
  duringHours,
  fiscalYearLabel,
  fiscalYearOf,
  formatDate,
  formatDateTime,
  localDate,
  timeOfDay,
  toLocal,
  wallTime,
} from './calendar.js';
import { generalElectionDay } from './datasets/polling-places.js';
import { createRandom } from './random.js';

describe('toLocal', () => {
  it('reads the wall clock in Westminster in summer and in winter', () => {
    expect(formatDateTime(toLocal(new Date('2024-07-04T19:00:05Z')))).toBe('2024-07-04 12:00:05');
    expect(formatDateTime(toLocal(new Date('2024-01-15T07:30:00Z')))).toBe('2024-01-14 23:30:00');
  });
});

describe('allocateDays', () => {
  it('gives exactly the total, only on days with weight', () => {
    const random = createRandom(1, 'alloc');
    const first = localDate(2024, 1, 1);
    const last = localDate(2024, 3, 31);
    const weekdaysOnly = (day: number) => (new Date(day).getUTCDay() % 6 === 0 ? 0 : 1);
    const days = allocateDays(random, first, last, 1_234, weekdaysOnly);
    expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(1_234);
    for (const { day } of days) {
      expect(day).toBeGreaterThanOrEqual(first);
      expect(day).toBeLessThanOrEqual(last);
      expect(weekdaysOnly(day)).toBe(1);
    }
  });
});

describe('times of day', () => {
  it('never returns a time at or after the bound', () => {
    const random = createRandom(2, 'tod');
    for (let i = 0; i < 2_000; i++) {
      const t = timeOfDay(random, OFFICE_HOURS, 9.5 * 3_600_000);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThan(9.5 * 3_600_000);
    }
  });

  it('skips the hour lost when clocks spring forward', () => {
    const springForward = localDate(2024, 3, 10);
    expect(formatDateTime(wallTime(springForward, 2.5 * 3_600_000))).toBe('2024-03-10 03:30:00');
    expect(formatDateTime(wallTime(springForward, 1.5 * 3_600_000))).toBe('2024-03-10 01:30:00');
    expect(formatDateTime(wallTime(localDate(2024, 3, 17), 2.5 * 3_600_000))).toBe('2024-03-17 02:30:00');
  });

  it('moves a time into working hours', () => {
    const random = createRandom(3, 'hours');
    const day = localDate(2024, 5, 3);
    expect(duringHours(random, 7, 17, day + 10 * 3_600_000)).toBe(day + 10 * 3_600_000);
    const late = duringHours(random, 7, 17, day + 22 * 3_600_000);
    expect(formatDate(late)).toBe('2024-05-04');
    const hour = (late - (day + DAY)) / 3_600_000;
    expect(hour).toBeGreaterThanOrEqual(7);
    expect(hour).toBeLessThan(17);
  });
});

describe('fiscal years and elections', () => {
  it('labels July-to-June fiscal years', () => {
    expect(fiscalYearOf(localDate(2024, 6, 30))).toBe(2024);
    expect(fiscalYearOf(localDate(2024, 7, 1))).toBe(2025);
    expect(fiscalYearLabel(2025)).toBe('2024-25');
  });

  it('finds the Tuesday after the first Monday of November', () => {
    expect(formatDate(generalElectionDay(2024))).toBe('2024-11-05');
    expect(formatDate(generalElectionDay(2026))).toBe('2026-11-03');
    expect(formatDate(generalElectionDay(2028))).toBe('2028-11-07');
  });
});
