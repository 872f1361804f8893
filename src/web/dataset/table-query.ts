/**
 * One page of a dataset's table preview, read through the query service like any API client's query: the
 * URL's state becomes SoQL parameters (`$select` every column, `$where` from the filters, `$order` by the
 * chosen column then row id, `$limit`/`$offset` for the page). Problems with the state come back as data,
 * and a query the service refuses becomes a message on the page, never an error page.
 */
import type { Column, Dataset } from '../../catalog/catalog.schema.js';
import type { Viewer } from '../../catalog/catalog.service.js';
import { AppError } from '../../errors.js';
import type { JsonValue } from '../../query/decode.js';
import type { QueryService } from '../../query/query.service.js';
import { buildQuery } from '../../query/soql/parser.js';
import { buildWhere, soqlName, type ActiveFilter, type FilterProblem } from './table-filter.js';
import type { TableState } from './table-state.js';

export type TableProblem = FilterProblem | { kind: 'sort'; field: string } | { kind: 'page'; last: number };

export interface TablePreview {
  columns: Column[];
  /** Rows of the page, values in the order of `columns`. */
  rows: JsonValue[][];
  /** Rows matching the filters. */
  total: number;
  /** Rows in the whole table. */
  rowCount: number;
  /** The state as applied: unknown sort columns and filters with problems left out. */
  state: TableState;
  active: ActiveFilter[];
  problems: TableProblem[];
  /** The query service's own message when it refused the query. */
  refusal?: string;
}

/** The SoQL parameters of a table state: what the preview runs, and what the API section can show. */
export function previewParams(
  columns: readonly Column[],
  state: TableState,
): { params: Record<string, string>; active: ActiveFilter[]; problems: TableProblem[]; sorted: boolean } {
  const problems: TableProblem[] = [];
  const built = buildWhere(state.filters, columns);
  problems.push(...built.problems);
  const params: Record<string, string> = {
    select: columns.map((c) => soqlName(c.field)).join(', '),
    limit: String(state.size),
    offset: String((state.page - 1) * state.size),
  };
  if (built.where) params.where = built.where;
  let sorted = false;
  if (state.sort) {
    const column = columns.find((c) => c.field === state.sort);
    if (!column || column.type === 'geometry') problems.push({ kind: 'sort', field: state.sort });
    else {
      params.order = `${soqlName(column.field)} ${state.order === 'desc' ? 'desc' : 'asc'}, :id`;
      sorted = true;
    }
  }
  return { params, active: built.active, problems, sorted };
}

/** Runs one page of the preview of a dataset the viewer may read. */
export async function loadTablePreview(
  queries: QueryService,
  dataset: Dataset,
  viewer: Viewer,
  state: TableState,
): Promise<TablePreview> {
  const columns = dataset.columns;
  const rowCount = dataset.row_count ?? 0;
  const { params, active, problems, sorted } = previewParams(columns, state);
  const applied: TableState = {
    ...state,
    sort: sorted ? state.sort : null,
    filters: active.map((f) => f.raw),
  };
  const empty = { columns, rows: [], total: 0, rowCount, state: applied, active, problems };
  try {
    const prepared = await queries.prepare(dataset.id, buildQuery(params), viewer);
    const result = await queries.page(prepared, { count: true, defaultLimit: state.size, maxLimit: 100 });
    const total = result.total ?? result.rows.length;
    const last = Math.max(1, Math.ceil(total / state.size));
    if (result.rows.length === 0 && state.page > last) problems.push({ kind: 'page', last });
    return { ...empty, rows: result.rows, total };
  } catch (error) {
    // The filters are checked before they reach SoQL; anything the service still refuses is told, not thrown.
    if (error instanceof AppError && (error.status === 400 || error.status === 504)) {
      return { ...empty, refusal: error.message };
    }
    throw error;
  }
}
