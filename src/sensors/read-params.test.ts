import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  decodePageCursor,
  encodePageCursor,
  nextPageUrl,
  readDatastreamId,
  readFormat,
  readInstant,
  readLimit,
  readObservationQc,
  readOrder,
  readSeriesQc,
} from './read-params.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

describe('read parameters', () => {
  it('reads qc: series leave failed values out by default, raw reads keep everything', () => {
    expect(readSeriesQc(undefined)).toBe('exclude_failed');
    expect(readSeriesQc('')).toBe('exclude_failed');
    expect(readSeriesQc('all')).toBe('all');
    expect(codeOf(() => readSeriesQc('pass'))).toBe('sensors.bad_qc');
    expect(readObservationQc(undefined)).toBe('all');
    for (const qc of ['all', 'exclude_failed', 'failed', 'pass']) expect(readObservationQc(qc)).toBe(qc);
    expect(codeOf(() => readObservationQc('ALL'))).toBe('sensors.bad_qc');
    try {
      readSeriesQc('good');
    } catch (error) {
      expect((error as AppError).message).toBe('qc must be one of exclude_failed, all; got "good".');
      expect((error as AppError).details).toEqual({ allowed: ['exclude_failed', 'all'] });
    }
  });

  it('reads instants with a zone and refuses the rest', () => {
    expect(readInstant('start', undefined)).toBeUndefined();
    expect(readInstant('start', '2026-05-01T06:00:00-07:00')).toBe(Date.UTC(2026, 4, 1, 13));
    expect(codeOf(() => readInstant('end', '2026-05-01'))).toBe('sensors.bad_time');
    expect(codeOf(() => readInstant('end', '2026-05-01T13:00:00'))).toBe('sensors.bad_time');
  });

  it('reads limits, orders, formats and ids', () => {
    expect(readLimit(undefined)).toBe(1000);
    expect(readLimit('10000')).toBe(10000);
    for (const bad of ['0', '10001', '-1', '1.5', 'ten', '1e3'])
      expect(codeOf(() => readLimit(bad))).toBe('sensors.bad_limit');
    expect(readOrder(undefined)).toBe('asc');
    expect(readOrder('desc')).toBe('desc');
    expect(codeOf(() => readOrder('DESC'))).toBe('sensors.bad_order');
    expect(readFormat('csv')).toBe('csv');
    expect(codeOf(() => readFormat('xlsx'))).toBe('sensors.bad_format');
    expect(readDatastreamId('42')).toBe(42);
    for (const bad of ['0', 'x', '4.2', '-3', ''])
      expect(codeOf(() => readDatastreamId(bad))).toBe('datastream.not_found');
  });
});

describe('page cursors', () => {
  it('round-trips, and refuses another datastream, another order or garbage', () => {
    const token = encodePageCursor({ datastream: 7, order: 'desc', after: 1_777_000_000_123 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(token, { datastream: 7, order: 'desc' })).toEqual({
      datastream: 7,
      order: 'desc',
      after: 1_777_000_000_123,
    });
    expect(codeOf(() => decodePageCursor(token, { datastream: 8, order: 'desc' }))).toBe(
      'sensors.bad_cursor',
    );
    expect(codeOf(() => decodePageCursor(token, { datastream: 7, order: 'asc' }))).toBe('sensors.bad_cursor');
    for (const bad of [
      '',
      'x',
      Buffer.from('[1,7,"d","soon"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
    ]) {
      expect(codeOf(() => decodePageCursor(bad, { datastream: 7, order: 'desc' }))).toBe(
        'sensors.bad_cursor',
      );
    }
  });

  it('builds next links from the request parameters, replacing the cursor', () => {
    expect(
      nextPageUrl('http://x/api', { start: '2026-01-01T00:00:00Z', cursor: 'old', limit: '5' }, 'new'),
    ).toBe('http://x/api?start=2026-01-01T00%3A00%3A00Z&limit=5&cursor=new');
  });
});
