import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTINUOUS_PERIOD_MS, freshness, graceMillis, MIN_GRACE_MS, periodMillis } from './freshness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

describe('freshness against the declared update frequency', () => {
  const updated = '2026-03-01T10:00:00.000Z';

  it('is fresh before the next update is due, and says when that is', () => {
    expect(freshness('R/P1D', updated, at('2026-03-01T18:00:00Z'))).toEqual({
      state: 'fresh',
      expectedBy: '2026-03-02T10:00:00.000Z',
      overdueAfter: '2026-03-02T16:00:00.000Z',
    });
  });

  it('stays fresh through the grace margin: a quarter of the period for a daily dataset', () => {
    expect(freshness('R/P1D', updated, at('2026-03-02T12:00:00Z')).state).toBe('fresh');
    expect(freshness('R/P1D', updated, at('2026-03-02T16:00:00Z')).state).toBe('fresh');
    expect(freshness('R/P1D', updated, at('2026-03-02T16:00:00.001Z')).state).toBe('overdue');
  });

  it('turns overdue once the margin has passed, keeping the dates for the message', () => {
    expect(freshness('R/P1W', updated, at('2026-03-20T00:00:00Z'))).toEqual({
      state: 'overdue',
      expectedBy: '2026-03-08T10:00:00.000Z',
      overdueAfter: '2026-03-10T04:00:00.000Z',
    });
  });

  it('reads months as 30 days and years as 365', () => {
    expect(freshness('R/P1M', updated, at('2026-04-05T00:00:00Z')).state).toBe('fresh');
    expect(freshness('R/P1M', updated, at('2026-04-10T00:00:00Z')).state).toBe('overdue');
    expect(freshness('R/P1Y', updated, plus(updated, 365 * DAY + 90 * DAY)).state).toBe('fresh');
    expect(freshness('R/P1Y', updated, plus(updated, 365 * DAY + 92 * DAY)).state).toBe('overdue');
  });

  it('gives short periods at least ten minutes of grace', () => {
    expect(freshness('R/PT1M', updated, plus(updated, 10 * 60_000)).state).toBe('fresh');
    expect(freshness('R/PT1M', updated, plus(updated, 11 * 60_000 + 1)).state).toBe('overdue');
    expect(freshness('R/PT1H', updated, plus(updated, HOUR + 15 * 60_000)).state).toBe('fresh');
    expect(freshness('R/PT1H', updated, plus(updated, HOUR + 15 * 60_000 + 1)).state).toBe('overdue');
  });

  it('expects a live feed to report every five minutes: silent for more than fifteen, it is overdue', () => {
    const observed = '2026-03-01T20:10:00Z';
    expect(freshness('continuous', observed, at('2026-03-01T20:12:00Z'))).toEqual({
      state: 'fresh',
      expectedBy: '2026-03-01T20:15:00.000Z',
      overdueAfter: '2026-03-01T20:25:00.000Z',
    });
    expect(freshness('continuous', observed, at('2026-03-01T20:25:00Z')).state).toBe('fresh');
    expect(freshness('continuous', observed, at('2026-03-01T20:25:01Z')).state).toBe('overdue');
    expect(freshness('continuous', observed, at('2026-03-03T00:00:00Z')).state).toBe('overdue');
  });

  it('judges a sensor feed declared with a period, such as every five minutes, by that period', () => {
    const observed = '2026-03-01T20:10:00Z';
    expect(freshness('R/PT5M', observed, at('2026-03-01T20:24:00Z')).state).toBe('fresh');
    expect(freshness('R/PT5M', observed, at('2026-03-01T20:26:00Z')).state).toBe('overdue');
  });

  it('has no expectation of an irregular dataset, however old', () => {
    expect(freshness('irregular', '2001-01-01T00:00:00Z', at('2026-03-01T00:00:00Z'))).toEqual({
      state: 'unknown',
      expectedBy: null,
      overdueAfter: null,
    });
  });

  it('cannot judge a dataset without data', () => {
    for (const frequency of ['R/P1D', 'continuous', 'irregular']) {
      expect(freshness(frequency, null, at('2026-03-01T00:00:00Z')).state).toBe('unknown');
    }
  });

  it('cannot judge a frequency or a time it cannot read', () => {
    for (const frequency of ['daily', 'P1D', 'R/P0D', '']) {
      expect(freshness(frequency, updated, at('2026-03-01T00:00:00Z')).state).toBe('unknown');
    }
    expect(freshness('R/P1D', 'yesterday', at('2026-03-01T00:00:00Z')).state).toBe('unknown');
    expect(freshness('R/P1D', updated, new Date(NaN)).state).toBe('unknown');
  });

  it('reads a last update with a zone offset or as a bare date', () => {
    expect(freshness('R/P1D', '2026-03-01T02:00:00-08:00', at('2026-03-02T10:00:00Z')).expectedBy).toBe(
      '2026-03-02T10:00:00.000Z',
    );
    expect(freshness('R/P1D', '2026-03-01', at('2026-03-01T12:00:00Z')).state).toBe('fresh');
  });

  it('treats data updated "in the future" (a clock ahead of ours) as fresh', () => {
    expect(freshness('R/P1D', '2026-03-05T00:00:00Z', at('2026-03-01T00:00:00Z')).state).toBe('fresh');
  });

  it('is overdue exactly when now is past the last update plus the period and its grace', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom('D', 'W', 'M', 'Y', 'TH', 'TM'),
        fc.integer({ min: 0, max: 2_000 * DAY }),
        (n, unit, elapsed) => {
          const frequency = unit.startsWith('T') ? `R/PT${n}${unit[1]}` : `R/P${n}${unit}`;
          const period = periodMillis(frequency)!;
          const result = freshness(frequency, updated, plus(updated, elapsed));
          expect(result.state).toBe(elapsed > period + graceMillis(period) ? 'overdue' : 'fresh');
          expect(Date.parse(result.overdueAfter!)).toBeGreaterThan(Date.parse(result.expectedBy!));
        },
      ),
    );
  });
});

describe('periods and grace', () => {
  it('reads periods from the declared frequency', () => {
    expect(periodMillis('R/P1D')).toBe(DAY);
    expect(periodMillis('continuous')).toBe(CONTINUOUS_PERIOD_MS);
    expect(periodMillis('irregular')).toBeNull();
  });

  it('allows a quarter of the period, and never less than ten minutes', () => {
    expect(graceMillis(DAY)).toBe(6 * HOUR);
    expect(graceMillis(60_000)).toBe(MIN_GRACE_MS);
  });
});
