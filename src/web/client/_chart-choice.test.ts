import { describe, expect, it } from 'vitest';
import { range, readChoice, seriesUrl } from './_chart-choice.js';
import { summarize } from './_chart-summary.js';

describe('chart choice', () => {
  it('reads the form from the query, within the datastreams offered', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(readChoice(q(''), [12, 13])).toEqual({
      datastream: 12,
      interval: '1h',
      period: '7d',
      adjusted: false,
    });
    expect(readChoice(q('chart_stream=13&chart_interval=1d&chart_period=1y'), [12, 13])).toEqual({
      datastream: 13,
      interval: '1d',
      period: '1y',
      adjusted: false,
    });
    // An unknown datastream or value falls back to the defaults; five minutes over a year becomes hours.
    expect(readChoice(q('chart_stream=99&chart_interval=2m&chart_period=5y'), [12])).toMatchObject({
      datastream: 12,
      interval: '1h',
      period: '7d',
    });
    expect(readChoice(q('chart_interval=5m&chart_period=1y'), [12])).toMatchObject({
      interval: '1h',
      adjusted: true,
    });
    expect(readChoice(q(''), [])).toBeNull();
  });

  it('ends the period at the next full hour, so that links stay the same within an hour', () => {
    const now = Date.parse('2026-03-01T20:17:31Z');
    expect(range('24h', now)).toEqual({ start: '2026-02-28T21:00:00.000Z', end: '2026-03-01T21:00:00.000Z' });
    const url = seriesUrl({ datastream: 4, interval: '5m', period: '24h', adjusted: false }, now, 'csv');
    expect(url).toBe(
      '/api/v1/datastreams/4/series.csv?interval=5m&agg=avg%2Cmin%2Cmax%2Ccount%2Clast&start=2026-02-28T21%3A00%3A00.000Z&end=2026-03-01T21%3A00%3A00.000Z',
    );
  });

  it('summarizes buckets: extremes, mean weighted by counts, last reading', () => {
    const summary = summarize({
      buckets: {
        start: ['2026-03-01T18:00:00.000Z', '2026-03-01T19:00:00.000Z', '2026-03-01T20:00:00.000Z'],
        avg: [10, 20, null],
        min: [5, 15, null],
        max: [12, 30, null],
        count: [1, 3, 0],
        last: [10, 18, null],
      },
    });
    expect(summary).toEqual({
      min: 5,
      max: 30,
      mean: 17.5,
      latest: 18,
      latestStart: '2026-03-01T19:00:00.000Z',
    });
    expect(summarize({ buckets: { start: [] } })).toBeNull();
  });
});
