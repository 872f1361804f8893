import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  MAX_BUCKETS,
  bucketCount,
  checkBucketCount,
  groupMinutes,
  groupedSourceRange,
  readAggregates,
  readInterval,
  resolveRange,
  type RollupBucket,
} from './series.js';
import { DAY, HOUR, MINUTE, localDays } from './time.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

/** The rollup of one minute's points, as ingest keeps it. */
function minuteOf(points: { time: number; value: number }[]): RollupBucket {
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const values = sorted.map((p) => p.value);
  return {
    bucket: Math.floor(sorted[0]!.time / MINUTE) * MINUTE,
    n: values.length,
    total: values.reduce((a, b) => a + b, 0),
    min: Math.min(...values),
    max: Math.max(...values),
    firstTime: sorted[0]!.time,
    first: sorted[0]!.value,
    lastTime: sorted.at(-1)!.time,
    last: sorted.at(-1)!.value,
  };
}

async function* batches<T>(items: T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

describe('series parameters', () => {
  it('maps each interval to the rollups that serve it', () => {
    expect(readInterval('1m')).toMatchObject({ resolution: MINUTE, width: MINUTE, defaultSpan: DAY });
    expect(readInterval('15m')).toMatchObject({ resolution: MINUTE, width: 15 * MINUTE });
    expect(readInterval('1h')).toMatchObject({ resolution: HOUR, width: HOUR, defaultSpan: 30 * DAY });
    expect(readInterval('1d')).toMatchObject({ resolution: DAY, width: null, defaultSpan: 365 * DAY });
    expect(codeOf(() => readInterval('2h'))).toBe('sensors.bad_interval');
    expect(codeOf(() => readInterval(undefined))).toBe('sensors.bad_interval');
  });

  it('reads aggregates in the order asked, once each, with a default', () => {
    expect(readAggregates(undefined)).toEqual(['avg', 'min', 'max', 'count']);
    expect(readAggregates('last, avg,last')).toEqual(['last', 'avg']);
    expect(codeOf(() => readAggregates('avg,p95'))).toBe('sensors.bad_agg');
    expect(codeOf(() => readAggregates('avg,'))).toBe('sensors.bad_agg');
  });

  it('defaults the range to a span before now, aligned to a bucket', () => {
    const now = Date.UTC(2026, 4, 1, 13, 7, 30);
    const fiveMinutes = readInterval('5m');
    expect(resolveRange(fiveMinutes, {}, now, localDays('UTC'))).toEqual({
      start: Date.UTC(2026, 3, 30, 13, 5),
      end: now,
    });
    const start = Date.UTC(2026, 3, 1);
    expect(resolveRange(fiveMinutes, { start }, now, localDays('UTC'))).toEqual({ start, end: start + DAY });
    const days = resolveRange(readInterval('1d'), {}, now, localDays('America/Los_Angeles'));
    expect(days.start).toBe(Date.UTC(2025, 4, 1, 7));
  });

  it('caps the number of buckets and names an end that fits', () => {
    const minutes = readInterval('1m');
    expect(bucketCount(minutes, 0, MAX_BUCKETS * MINUTE)).toBe(MAX_BUCKETS);
    expect(codeOf(() => checkBucketCount(minutes, 0, MAX_BUCKETS * MINUTE))).toBeUndefined();
    expect(codeOf(() => checkBucketCount(minutes, 0, MAX_BUCKETS * MINUTE + 1))).toBe(
      'sensors.too_many_buckets',
    );
    expect(bucketCount(readInterval('1d'), 0, 10 * DAY)).toBeGreaterThanOrEqual(11);
  });

  it('reads whole minutes for the buckets that start in a range', () => {
    expect(groupedSourceRange(5 * MINUTE, 2 * MINUTE, 12 * MINUTE)).toEqual({
      from: 5 * MINUTE,
      to: 15 * MINUTE,
    });
    expect(groupedSourceRange(5 * MINUTE, 5 * MINUTE, 10 * MINUTE)).toEqual({
      from: 5 * MINUTE,
      to: 10 * MINUTE,
    });
  });
});

describe('grouping minute rollups', () => {
  it('equals aggregating the raw points of each group, whatever the batch sizes', async () => {
    const point = fc.record({
      time: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
      value: fc.integer({ min: -1000, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(point, { minLength: 1, maxLength: 300, selector: (p) => p.time }),
        fc.constantFrom(MINUTE, 5 * MINUTE, 15 * MINUTE),
        fc.integer({ min: 1, max: 50 }),
        async (points, width, size) => {
          const byMinute = new Map<number, typeof points>();
          for (const p of points) {
            const key = Math.floor(p.time / MINUTE);
            byMinute.set(key, [...(byMinute.get(key) ?? []), p]);
          }
          const minutes = [...byMinute.values()].map(minuteOf).sort((a, b) => a.bucket - b.bucket);
          const byGroup = new Map<number, typeof points>();
          for (const p of points) {
            const key = Math.floor(p.time / width) * width;
            byGroup.set(key, [...(byGroup.get(key) ?? []), p]);
          }
          const expected = [...byGroup.values()]
            .map((list) => ({ ...minuteOf(list), bucket: Math.floor(list[0]!.time / width) * width }))
            .sort((a, b) => a.bucket - b.bucket);
          expect(await groupMinutes(batches(minutes, size), width)).toEqual(expected);
        },
      ),
    );
  });
});
