import { describe, expect, it } from 'vitest';
import { answerOf } from './series-answer.js';
import { bucketRanges, bucketsOf, foldObservations, observedRange, patchAnswer } from './series-qc.js';
import { readInterval } from './series.js';
import { HOUR, MINUTE, localDays } from './time.js';

const T0 = Date.UTC(2026, 4, 1, 10);
const iso = (ms: number) => new Date(ms).toISOString();
const LA = 'America/Los_Angeles';

describe('buckets of a series without failed values', () => {
  it('cuts minutes and hours on the epoch grid', () => {
    const quarter = bucketsOf(readInterval('15m'), localDays(LA));
    expect(quarter.of(T0 + 14 * MINUTE + 59_999)).toBe(T0);
    expect(quarter.of(T0 + 15 * MINUTE)).toBe(T0 + 15 * MINUTE);
    expect(quarter.endOf(T0)).toBe(T0 + 15 * MINUTE);
    expect(bucketsOf(readInterval('1h'), localDays(LA)).of(T0 + 59 * MINUTE)).toBe(T0);
  });

  it('cuts local days, 23 and 25 hours long on the days the clocks change', () => {
    const days = bucketsOf(readInterval('1d'), localDays(LA));
    const spring = Date.UTC(2026, 2, 8, 8); // local midnight, PST
    expect(days.of(spring + 5 * HOUR)).toBe(spring);
    expect(days.endOf(spring)).toBe(spring + 23 * HOUR);
    const fall = Date.UTC(2026, 10, 1, 7); // local midnight, PDT
    expect(days.endOf(fall)).toBe(fall + 25 * HOUR);
    expect(days.of(fall + 24 * HOUR + 59 * MINUTE)).toBe(fall);
  });

  it('reads the observations of the buckets that start in the range', () => {
    const quarter = bucketsOf(readInterval('15m'), localDays(LA));
    // Buckets starting in [10:02, 10:31): 10:15 and 10:30, so observations in [10:15, 10:45).
    expect(observedRange(quarter, T0 + 2 * MINUTE, T0 + 31 * MINUTE)).toEqual({
      from: T0 + 15 * MINUTE,
      to: T0 + 45 * MINUTE,
    });
    expect(observedRange(quarter, T0, T0 + 30 * MINUTE)).toEqual({ from: T0, to: T0 + 30 * MINUTE });
    const days = bucketsOf(readInterval('1d'), localDays(LA));
    // From noon on 7 March (local) to noon on 9 March: the days of 8 and 9 March.
    expect(observedRange(days, Date.UTC(2026, 2, 7, 20), Date.UTC(2026, 2, 9, 19))).toEqual({
      from: Date.UTC(2026, 2, 8, 8),
      to: Date.UTC(2026, 2, 10, 7),
    });
  });

  it('merges the buckets of failed values into ranges, adjacent ones together', () => {
    const minute = bucketsOf(readInterval('1m'), localDays(LA));
    const times = [T0 + 5 * MINUTE + 3, T0 + 30_000, T0 + 10, T0 + MINUTE + 1];
    expect(bucketRanges(minute, times)).toEqual([
      [T0, T0 + 2 * MINUTE],
      [T0 + 5 * MINUTE, T0 + 6 * MINUTE],
    ]);
  });

  it('folds observations in any order: first and last by time', () => {
    const hour = bucketsOf(readInterval('1h'), localDays(LA));
    const folded = foldObservations(hour, [
      [T0 + 30 * MINUTE, 4],
      [T0 + 10 * MINUTE, 2],
      [T0 + 50 * MINUTE, 9],
      [T0 + HOUR, 1],
    ]);
    expect(folded.get(T0)).toEqual({
      bucket: T0,
      n: 3,
      total: 15,
      min: 2,
      max: 9,
      firstTime: T0 + 10 * MINUTE,
      first: 2,
      lastTime: T0 + 50 * MINUTE,
      last: 9,
    });
    expect(folded.get(T0 + HOUR)).toMatchObject({ n: 1, first: 1, last: 1 });
  });
});

describe('patching an answer', () => {
  /** A bucket of values observed in this order. */
  const bucket = (start: number, values: number[]) => {
    return {
      bucket: start,
      n: values.length,
      total: values.reduce((a, b) => a + b, 0),
      min: Math.min(...values),
      max: Math.max(...values),
      firstTime: start,
      first: values[0]!,
      lastTime: start + 1,
      last: values.at(-1)!,
    };
  };
  const answer = answerOf(
    {
      bucket: [T0, T0 + HOUR, T0 + 2 * HOUR],
      n: [2, 3, 1],
      total: [10, 12, 5000],
      min: [4, 2, 5000],
      max: [6, 6, 5000],
      first: [4, 2, 5000],
      last: [6, 6, 5000],
    },
    ['avg', 'count', 'max', 'last'],
  );

  it('replaces the corrected buckets, drops the emptied ones, keeps the others as they were', () => {
    const patched = patchAnswer(
      answer,
      new Map([
        [T0 + HOUR, bucket(T0 + HOUR, [2, 4])],
        [T0 + 2 * HOUR, null],
      ]),
    );
    expect(patched.start).toEqual([iso(T0), iso(T0 + HOUR)]);
    expect(patched.values).toEqual([
      ['avg', '[5,3]'],
      ['count', '[2,2]'],
      ['max', '[6,4]'],
      ['last', '[6,4]'],
    ]);
  });

  it('leaves an answer without corrections equal to itself', () => {
    expect(patchAnswer(answer, new Map())).toEqual(answer);
  });
});
