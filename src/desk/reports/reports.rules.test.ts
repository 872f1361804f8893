import { describe, expect, it } from 'vitest';
import { checkNewReport, checkTransition, nextStatuses, reportNumber, retryAfter } from './reports.rules.js';

const HOUR = 3_600_000;

describe('report status flow', () => {
  it('moves forward to any later status, and a closed report only back to in progress', () => {
    expect(nextStatuses('received')).toEqual(['acknowledged', 'in_progress', 'resolved', 'wont_fix']);
    expect(nextStatuses('in_progress')).toEqual(['resolved', 'wont_fix']);
    expect(nextStatuses('resolved')).toEqual(['in_progress']);
    expect(nextStatuses('wont_fix')).toEqual(['in_progress']);
  });

  it("refuses going back, and won't fix without a reason", () => {
    expect(() => checkTransition('Q26-0001', 'in_progress', 'acknowledged', undefined)).toThrow(
      expect.objectContaining({ code: 'report.bad_transition' }),
    );
    expect(() => checkTransition('Q26-0001', 'received', 'wont_fix', '  ')).toThrow(
      expect.objectContaining({ code: 'report.reason_required' }),
    );
    expect(() => checkTransition('Q26-0001', 'received', 'lost', undefined)).toThrow(
      expect.objectContaining({ code: 'report.invalid' }),
    );
    expect(checkTransition('Q26-0001', 'received', 'wont_fix', ' Not ours. ')).toBe('Not ours.');
    expect(checkTransition('Q26-0001', 'resolved', 'in_progress', undefined)).toBeNull();
  });
});

describe('a new report', () => {
  const base = { datasetId: 'potholes', kind: 'other' as const, description: 'Ten chars!' };

  it('keeps trimmed text, a lower-cased address and UTC instants', () => {
    expect(
      checkNewReport({
        ...base,
        description: '  Row 12 is listed twice.  ',
        email: ' Riley@Example.ORG ',
        timeFrom: '2026-03-01T12:00:00-08:00',
        lang: 'vi',
      }),
    ).toEqual({
      kind: 'other',
      description: 'Row 12 is listed twice.',
      email: 'riley@example.org',
      rowRef: null,
      timeFrom: '2026-03-01T20:00:00.000Z',
      timeTo: null,
      lang: 'vi',
    });
    expect(checkNewReport({ ...base, lang: 'fr' }).lang).toBe('en');
  });

  it('counts the description after trimming: 10 to 5000 characters', () => {
    expect(() => checkNewReport({ ...base, description: '   short    ' })).toThrow(
      expect.objectContaining({ code: 'report.invalid' }),
    );
    expect(checkNewReport({ ...base, description: 'x'.repeat(5000) }).description).toHaveLength(5000);
    expect(() => checkNewReport({ ...base, description: 'x'.repeat(5001) })).toThrow();
  });
});

describe('the rate limit', () => {
  const now = new Date('2026-04-01T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('allows five an hour, and says when the next one is allowed', () => {
    const four = [1, 2, 3, 4].map((m) => ago(m * 60_000));
    expect(retryAfter(four, now)).toBeNull();
    const five = [...four, ago(50 * 60_000)];
    expect(retryAfter(five, now)).toEqual({ seconds: 10 * 60, limit: '5 an hour' });
    // Filings older than an hour do not count against the hourly limit.
    expect(retryAfter([...four, ago(HOUR + 1)], now)).toBeNull();
  });

  it('allows twenty a day', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ago((i + 2) * HOUR));
    expect(retryAfter(twenty, now)).toEqual({ seconds: (3 * HOUR) / 1000, limit: '20 a day' });
    expect(retryAfter(twenty.slice(1), now)).toBeNull();
  });
});

it('numbers reports by year and sequence', () => {
  expect(reportNumber(2026, 1)).toBe('Q26-0001');
  expect(reportNumber(2030, 12345)).toBe('Q30-12345');
});
