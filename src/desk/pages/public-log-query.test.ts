import { describe, expect, it } from 'vitest';
import { isFiltered, logHref, parseLogQuery, toLogQuery } from './public-log-query.js';

describe('the public log query', () => {
  it('reads the URL forgivingly', () => {
    expect(
      parseLogQuery({
        q: ' permits ',
        status: 'open',
        department: 'police',
        from: '2026-02-30',
        to: '2026-03-01',
        page: '3',
      }),
    ).toEqual({
      q: 'permits',
      status: 'open',
      department: 'police',
      to: '2026-03-01',
      page: 3,
    });
    expect(parseLogQuery({ status: 'lost', page: '-4', q: ['a', 'b'] })).toEqual({ q: 'a', page: 1 });
    expect(parseLogQuery({ from: '2026-05-01', to: '2026-01-01' })).toMatchObject({
      from: '2026-01-01',
      to: '2026-05-01',
    });
  });

  it('asks the desk for the page', () => {
    expect(toLogQuery({ q: 'x', department: 'police', page: 3 }, 20)).toEqual({
      q: 'x',
      departmentId: 'police',
      limit: 20,
      offset: 40,
    });
  });

  it('writes one address per state, back to page 1 when a filter changes', () => {
    const query = parseLogQuery({ q: 'trees', page: '2' });
    expect(logHref(query)).toBe('/records/log?q=trees');
    expect(logHref(query, { page: 3 })).toBe('/records/log?q=trees&page=3');
    expect(logHref(query, { q: undefined })).toBe('/records/log');
    expect(isFiltered(query)).toBe(true);
    expect(isFiltered(parseLogQuery({ page: '2' }))).toBe(false);
  });
});
