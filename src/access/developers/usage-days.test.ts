import { describe, expect, it } from 'vitest';
import { barWidth, fillDays, lastDays } from './usage-days.js';

describe('lastDays', () => {
  it('ends with today, oldest first', () => {
    expect(lastDays('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('crosses years and leap days', () => {
    expect(lastDays('2024-03-01', 2)).toEqual(['2024-02-29', '2024-03-01']);
    expect(lastDays('2027-01-01', 2)).toEqual(['2026-12-31', '2027-01-01']);
  });

  it('gives thirty distinct days for thirty', () => {
    const days = lastDays('2026-11-08', 30);
    expect(days).toHaveLength(30);
    expect(new Set(days).size).toBe(30);
    expect(days[0]).toBe('2026-10-10');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => lastDays('11/08/2026', 3)).toThrow();
  });
});

describe('fillDays', () => {
  it('keeps the counts of days with use and fills the others with zeros', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
    expect(
      fillDays(days, [
        { day: '2026-01-02', requests: 7, limited: 2 },
        { day: '2025-12-01', requests: 99, limited: 0 },
      ]),
    ).toEqual([
      { day: '2026-01-01', requests: 0, limited: 0 },
      { day: '2026-01-02', requests: 7, limited: 2 },
      { day: '2026-01-03', requests: 0, limited: 0 },
    ]);
  });
});

describe('barWidth', () => {
  it('is a share of the busiest day, with a sliver for any use', () => {
    expect(barWidth(50, 100)).toBe(50);
    expect(barWidth(100, 100)).toBe(100);
    expect(barWidth(1, 100_000)).toBe(1);
    expect(barWidth(0, 100)).toBe(0);
    expect(barWidth(0, 0)).toBe(0);
  });
});
