/**
 * The public log's state, all of it in the URL: words, status, department, the received-date range and the page.
 * Parsing forgives what people and old links send (blanks, junk dates, a "to" before the "from"); links are
 * written back in one order without defaults, so that every state has one address.
 */
import type { LogQuery, RequestStatus } from '../records/records.types.js';

export const LOG_PAGE_SIZE = 20;
export const MAX_LOG_PAGE = 10_000;
export const LOG_STATUSES: readonly RequestStatus[] = ['open', 'extended', 'closed'];

export interface LogPageQuery {
  q?: string;
  status?: RequestStatus;
  department?: string;
  from?: string;
  to?: string;
  page: number;
}

const PARAMS = ['q', 'status', 'department', 'from', 'to', 'page'] as const;

type Raw = Record<string, unknown> | undefined;

function first(raw: Raw, name: string, max: number): string | undefined {
  const value = raw?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

/** A real calendar date YYYY-MM-DD, or undefined. */
function date(text: string | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : undefined;
}

export function parseLogQuery(raw: Raw): LogPageQuery {
  const page = Number.parseInt(first(raw, 'page', 10) ?? '1', 10);
  const query: LogPageQuery = {
    page: Number.isFinite(page) ? Math.min(MAX_LOG_PAGE, Math.max(1, page)) : 1,
  };
  const q = first(raw, 'q', 200);
  if (q) query.q = q;
  const status = first(raw, 'status', 20);
  if (status && (LOG_STATUSES as readonly string[]).includes(status)) query.status = status as RequestStatus;
  const department = first(raw, 'department', 100);
  if (department) query.department = department;
  let from = date(first(raw, 'from', 10));
  let to = date(first(raw, 'to', 10));
  if (from && to && to < from) [from, to] = [to, from];
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** The desk's query for a page of the log. */
export function toLogQuery(query: LogPageQuery, pageSize = LOG_PAGE_SIZE): LogQuery {
  const log: LogQuery = { limit: pageSize, offset: (query.page - 1) * pageSize };
  if (query.q) log.q = query.q;
  if (query.status) log.status = query.status;
  if (query.department) log.departmentId = query.department;
  if (query.from) log.from = query.from;
  if (query.to) log.to = query.to;
  return log;
}

/** The query string of a state (without `?`); a change of filters goes back to page 1. */
export function logParams(query: LogPageQuery, change: Partial<LogPageQuery> = {}): string {
  const next: Partial<LogPageQuery> = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  for (const name of PARAMS) {
    const value = next[name];
    if (value === undefined || value === '' || (name === 'page' && value === 1)) continue;
    params.set(name, String(value));
  }
  return params.toString();
}

export function logHref(
  query: LogPageQuery,
  change: Partial<LogPageQuery> = {},
  base = '/records/log',
): string {
  const text = logParams(query, change);
  return text ? `${base}?${text}` : base;
}

/** Whether any filter narrows the log (such pages are not for search engines). */
export function isFiltered(query: LogPageQuery): boolean {
  return PARAMS.some((name) => name !== 'page' && query[name] !== undefined);
}
