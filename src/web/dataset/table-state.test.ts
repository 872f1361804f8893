import { describe, expect, it } from 'vitest';
import { pageNumbers } from './table-view.js';
import { DEFAULT_STATE, formFilter, readTableState, tableSearch, withState } from './table-state.js';

describe('the table state in the URL', () => {
  it('reads pages, sizes, sorting and repeated filters', () => {
    expect(
      readTableState({
        page: '3',
        size: '50',
        sort: 'issued_date',
        order: 'DESC',
        filter: ['permit_type:contains:roof', 'valuation:gt:100'],
      }),
    ).toEqual({
      state: {
        page: 3,
        size: 50,
        sort: 'issued_date',
        order: 'desc',
        filters: ['permit_type:contains:roof', 'valuation:gt:100'],
      },
      fromForm: false,
    });
  });

  it('falls back to defaults for what it cannot read, and keeps sizes within 1 to 100', () => {
    expect(readTableState({ page: 'x', size: '-4', order: 'sideways' }).state).toEqual(DEFAULT_STATE);
    expect(readTableState({ page: '0', size: '5000' }).state).toMatchObject({ page: 1, size: 100 });
    expect(readTableState({ page: '99999999999' }).state.page).toBe(1);
    expect(readTableState({ page: ['2', '4'] }).state.page).toBe(4);
  });

  it('writes the canonical query, defaults left out', () => {
    expect(tableSearch(DEFAULT_STATE)).toBe('');
    expect(
      tableSearch({ page: 2, size: 100, sort: 'a', order: 'desc', filters: ['a:eq:x y', 'b:between:1..2'] }),
    ).toBe('?page=2&size=100&sort=a&order=desc&filter=a%3Aeq%3Ax+y&filter=b%3Abetween%3A1..2');
    expect(tableSearch(withState(DEFAULT_STATE, { sort: 'a', order: 'asc' }))).toBe('?sort=a');
  });

  it('round-trips any state through its URL', () => {
    const state = {
      page: 7,
      size: 10,
      sort: 'when',
      order: 'desc' as const,
      filters: ["who:eq:O'Brien & Co"],
    };
    const query = Object.fromEntries(
      [...new URLSearchParams(tableSearch(state))].reduce((all, [k, v]) => {
        all.set(k, [...(all.get(k) ?? []), v]);
        return all;
      }, new Map<string, string[]>()),
    );
    expect(readTableState(query).state).toEqual(state);
  });
});

describe('the filter form', () => {
  it('adds its filter to those in the URL, back on the first page', () => {
    const read = readTableState({
      page: '4',
      filter: 'permit_type:contains:roof',
      column: 'valuation',
      op: 'between',
      value: '1000',
      value2: '5000',
    });
    expect(read.fromForm).toBe(true);
    expect(read.state.page).toBe(1);
    expect(read.state.filters).toEqual(['permit_type:contains:roof', 'valuation:between:1000..5000']);
  });

  it('does not repeat a filter already applied, and ignores an unknown operator', () => {
    expect(readTableState({ filter: 'a:eq:1', column: 'a', op: 'eq', value: '1' }).state.filters).toEqual([
      'a:eq:1',
    ]);
    expect(formFilter({ column: 'a', op: 'drop', value: '1' })).toBeUndefined();
    expect(formFilter({ column: 'a', op: 'between', value: '1..3', value2: '9' })).toBe('a:between:1..3');
    expect(formFilter({ column: 'a', op: 'eq', value: 'x', value2: '9' })).toBe('a:eq:x');
  });
});

describe('page numbers', () => {
  it('shows the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbers(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 9, 10]);
  });
});
