import { describe, expect, it } from 'vitest';
import { DAY, HOUR, formatSpan, localDays, parseInstant, parseTimeOrInterval } from './time.js';

describe('sensor times', () => {
  it('reads instants with a zone and refuses local or impossible ones', () => {
    expect(parseInstant('2026-03-08T10:00:00Z')).toBe(Date.UTC(2026, 2, 8, 10));
    expect(parseInstant('2026-03-08T10:00:00.123456Z')).toBe(Date.UTC(2026, 2, 8, 10, 0, 0, 123));
    expect(parseInstant('2026-03-08T02:00:00-08:00')).toBe(Date.UTC(2026, 2, 8, 10));
    expect(parseInstant('2026-03-08T15:30+0530')).toBe(Date.UTC(2026, 2, 8, 10));
    expect(parseInstant('2026-03-08T10:00:00')).toBeUndefined();
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-02-10T24:00:00Z')).toBeUndefined();
    expect(parseInstant('yesterday')).toBeUndefined();
  });

  it('reads intervals and writes them back', () => {
    const span = parseTimeOrInterval('2026-01-01T00:00:00Z/2026-01-01T00:05:00Z');
    expect(span).toEqual({ start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 0, 1, 0, 5) });
    expect(formatSpan(span!.start, span!.end)).toBe('2026-01-01T00:00:00.000Z/2026-01-01T00:05:00.000Z');
    expect(parseTimeOrInterval('2026-01-01T00:05:00Z/2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('finds the start of the local day, through every daylight-saving change of four years', () => {
    const dayStart = localDays('America/Los_Angeles');
    const wall = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Los_Angeles',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const date = (ms: number) => wall.format(ms).slice(0, 10);
    // Every 97 minutes for four years: the start is a local midnight on the same local date, and a minute before
    // it is the previous local date.
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2029, 0, 1); t += 97 * 60_000) {
      const start = dayStart(t);
      expect(start).toBeLessThanOrEqual(t);
      expect(t - start).toBeLessThan(25 * HOUR);
      expect(wall.format(start).slice(12)).toBe('00:00');
      expect(date(start)).toBe(date(t));
      expect(date(start - 60_000)).not.toBe(date(t));
    }
    expect(dayStart(Date.UTC(2026, 2, 8, 12))).toBe(Date.UTC(2026, 2, 8, 8));
    expect(dayStart(Date.UTC(2026, 2, 9, 12))).toBe(Date.UTC(2026, 2, 9, 7));
    expect(dayStart(Date.UTC(2026, 2, 9, 12)) - dayStart(Date.UTC(2026, 2, 8, 12))).toBe(DAY - HOUR);
  });
});

describe('the fast path for canonical instants', () => {
  it('agrees with the general reader on valid and invalid canonical-looking text', () => {
    for (const text of [
      '2026-05-01T13:00:00.000Z',
      '2026-05-01T13:00:00Z',
      '2026-02-30T10:00:00.000Z',
      '2026-02-28T24:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-05-01T13:00:60Z',
      '0000-01-01T00:00:00Z',
    ]) {
      const general = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(text)
        ? (() => {
            const d = new Date(text);
            return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 19) !== text.slice(0, 19)
              ? undefined
              : d.getTime();
          })()
        : undefined;
      expect(parseInstant(text), text).toBe(general);
    }
  });
});
