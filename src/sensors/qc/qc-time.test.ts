import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationWords, valueWords } from './qc-faults.js';
import { localMonthHour, zoneOffset } from './qc-time.js';

describe('localMonthHour', () => {
  it('agrees with the calendar for any instant, before and after 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4e12, max: 8e12 }), (ms) => {
        const date = new Date(ms);
        expect(localMonthHour(ms)).toBe(((date.getUTCMonth() + 1) << 5) | date.getUTCHours());
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the ends of months and of leap days', () => {
    expect(localMonthHour(Date.UTC(2024, 1, 29, 23, 59))).toBe((2 << 5) | 23);
    expect(localMonthHour(Date.UTC(2024, 2, 1, 0))).toBe((3 << 5) | 0);
    expect(localMonthHour(Date.UTC(2025, 11, 31, 23))).toBe((12 << 5) | 23);
  });
});

describe('zoneOffset', () => {
  it('follows daylight saving time', () => {
    expect(zoneOffset('America/Los_Angeles', Date.UTC(2025, 0, 15))).toBe(-8 * 3_600_000);
    expect(zoneOffset('America/Los_Angeles', Date.UTC(2025, 6, 15))).toBe(-7 * 3_600_000);
    expect(zoneOffset('Asia/Kolkata', Date.UTC(2025, 6, 15))).toBe(5.5 * 3_600_000);
    expect(zoneOffset('UTC', Date.UTC(2025, 6, 15, 12, 34, 56))).toBe(0);
  });
});

describe('fault wording', () => {
  it('says durations the way a steward reads them', () => {
    expect(durationWords(45_000)).toBe('45 s');
    expect(durationWords(50 * 60_000)).toBe('50 min');
    expect(durationWords(2 * 3_600_000)).toBe('2 h');
    expect(durationWords(4 * 3_600_000 + 10 * 60_000)).toBe('4 h 10 min');
    expect(durationWords(51 * 3_600_000)).toBe('2 d 3 h');
  });

  it('says values without float noise', () => {
    expect(valueWords(12.4)).toBe('12.4');
    expect(valueWords(0.1 + 0.2)).toBe('0.3');
    expect(valueWords(-3)).toBe('-3');
  });
});
