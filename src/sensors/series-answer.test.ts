import { describe, expect, it } from 'vitest';
import {
  aggregateValues,
  answerOf,
  answerOfTexts,
  answerRows,
  bucketsJson,
  columnsOf,
} from './series-answer.js';
import type { RollupBucket } from './series.js';

const day = (d: number) => Date.UTC(2026, 0, d);
const row: RollupBucket = {
  bucket: day(1),
  n: 4,
  total: 10,
  min: 1,
  max: 4,
  firstTime: 1,
  first: 2,
  lastTime: 2,
  last: 3,
};
const columns = columnsOf([row, { ...row, bucket: day(2), n: 1, total: 7 }]);

describe('series answers', () => {
  it('computes each aggregate from rollup fields, avg as total / n', () => {
    expect(aggregateValues(columns, 'avg')).toEqual([2.5, 7]);
    expect(aggregateValues(columns, 'count')).toEqual([4, 1]);
    expect(aggregateValues(columns, 'sum')).toEqual([10, 7]);
    expect(aggregateValues(columns, 'first')).toEqual([2, 2]);
    expect(() => aggregateValues({ bucket: [0], n: [1] }, 'max')).toThrow(/lack/);
  });

  it('writes the columns asked for, in their order, as JSON', () => {
    const answer = answerOf(columns, ['last', 'avg', 'count']);
    expect(JSON.parse(bucketsJson(answer))).toEqual({
      start: ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'],
      last: [3, 3],
      avg: [2.5, 7],
      count: [4, 1],
    });
    expect(Object.keys(JSON.parse(bucketsJson(answer)) as object)).toEqual(['start', 'last', 'avg', 'count']);
    expect(answerRows(answer)).toEqual([
      { start: '2026-01-01T00:00:00.000Z', values: [3, 2.5, 4] },
      { start: '2026-01-02T00:00:00.000Z', values: [3, 7, 1] },
    ]);
    expect(bucketsJson(answerOf(columnsOf([]), ['avg']))).toBe('{"start":[],"avg":[]}');
  });

  it('takes the database JSON as it is, and sorts rows it folded in another order', () => {
    const inOrder = answerOfTexts([day(1), day(2)], [['max', '[4.0,5]']]);
    expect(inOrder.values).toEqual([['max', '[4.0,5]']]);
    const shuffled = answerOfTexts(
      [day(3), day(1), day(2)],
      [
        ['max', '[3,1,2]'],
        ['count', '[30,10,20]'],
      ],
    );
    expect(shuffled.start).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ]);
    expect(shuffled.values).toEqual([
      ['max', '[1,2,3]'],
      ['count', '[10,20,30]'],
    ]);
  });
});
