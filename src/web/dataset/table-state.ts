/**
 * The table preview's state as the page URL carries it: `?page=2&size=50&sort=issued_date&order=desc&
 * filter=permit_type:contains:roof`. The filter form sends its parts (`column`, `op`, `value`, `value2`) instead,
 * since a form without JavaScript cannot join them: they are read as one more filter. Pure.
 */
import { filterText, FILTER_OPS, type FilterOp } from './table-filter.js';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_SIZE = 25;
export const MAX_SIZE = 100;
/** Highest page number read from a URL (deeper pages are reached by narrowing the filters). */
export const MAX_PAGE = 100_000;

export interface TableState {
  page: number;
  size: number;
  /** The field sorted by, or null for the table's own order. */
  sort: string | null;
  order: 'asc' | 'desc';
  /** Filters as written in the URL (`field:op:value`). */
  filters: string[];
}

export type QueryValues = Record<string, string | string[] | undefined>;

export const DEFAULT_STATE: TableState = {
  page: 1,
  size: DEFAULT_SIZE,
  sort: null,
  order: 'asc',
  filters: [],
};

const one = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[value.length - 1] : value;
const all = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function whole(value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return fallback;
  return Math.min(max, Math.max(min, parseInt(value, 10)));
}

/** The filter the form's fields describe, if they describe one. */
export function formFilter(query: QueryValues): string | undefined {
  const column = one(query.column)?.trim();
  const op = one(query.op)?.trim();
  if (!column || !op || !(FILTER_OPS as readonly string[]).includes(op)) return undefined;
  let value = one(query.value) ?? '';
  const second = one(query.value2)?.trim() ?? '';
  if (op === 'between' && second !== '' && !value.includes('..')) value = `${value.trim()}..${second}`;
  return filterText({ field: column, op: op as FilterOp, value });
}

/**
 * The state of a request's query. `fromForm` is true when the filter form's fields were sent: the page then
 * answers with the canonical URL of the new state.
 */
export function readTableState(query: QueryValues): { state: TableState; fromForm: boolean } {
  const sort = one(query.sort)?.trim() || null;
  const added = formFilter(query);
  const filters = all(query.filter).filter((f) => f.trim() !== '');
  if (added !== undefined && !filters.includes(added)) filters.push(added);
  return {
    state: {
      // A new filter starts again at the first page.
      page: added === undefined ? whole(one(query.page), 1, MAX_PAGE, 1) : 1,
      size: whole(one(query.size), 1, MAX_SIZE, DEFAULT_SIZE),
      sort,
      order: one(query.order)?.toLowerCase() === 'desc' ? 'desc' : 'asc',
      filters,
    },
    fromForm: one(query.column) !== undefined || one(query.op) !== undefined,
  };
}

/** The query string of a state (`?...`, or '' for the default state), defaults left out. */
export function tableSearch(state: TableState): string {
  const search = new URLSearchParams();
  if (state.page !== 1) search.set('page', String(state.page));
  if (state.size !== DEFAULT_SIZE) search.set('size', String(state.size));
  if (state.sort) {
    search.set('sort', state.sort);
    if (state.order === 'desc') search.set('order', 'desc');
  }
  for (const filter of state.filters) search.append('filter', filter);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The state with some parts changed. */
export function withState(state: TableState, changes: Partial<TableState>): TableState {
  return { ...state, ...changes };
}
