/**
 * The staff queue's filters and order: what is most urgent first (overdue, then due soon, then on track, then
 * closed), by due date within each. The desk returns what the viewer may work on; the filters it has no query
 * for (open and extended together, the clock's state, paused) are applied here.
 */
import type { DeadlineState, LogQuery, RequestStatus, RequestSummary } from '../records/records.types.js';
import { isPaused } from './staff-viewer.js';

export const STATUS_FILTERS = ['active', 'open', 'extended', 'closed', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const DEADLINE_FILTERS = ['', 'overdue', 'due_soon', 'on_track', 'paused'] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

export interface QueueFilters {
  status: StatusFilter;
  deadline: DeadlineFilter;
  department: string;
  mine: boolean;
  q: string;
  page: number;
}

export const PAGE_SIZE = 50;
/** How many requests one look at the queue reads from the desk before filtering and ordering. */
export const QUEUE_WINDOW = 1000;
/** The most the desk returns at once. */
const DESK_PAGE = 200;

const one = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

export function readFilters(query: unknown): QueueFilters {
  const q = (query ?? {}) as Record<string, unknown>;
  const status = one(q.status);
  const deadline = one(q.deadline);
  const page = Number.parseInt(one(q.page), 10);
  return {
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : 'active',
    deadline: (DEADLINE_FILTERS as readonly string[]).includes(deadline) ? (deadline as DeadlineFilter) : '',
    department: one(q.department).trim(),
    mine: one(q.mine) === '1',
    q: one(q.q).trim().slice(0, 200),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/**
 * Every request of the desk's queue for these filters (up to QUEUE_WINDOW), read page by page; `more` when the
 * desk has more than that (the page then asks to narrow the filters).
 */
export async function collect(
  queue: (query: LogQuery & { mine?: boolean }) => Promise<{ total: number; results: RequestSummary[] }>,
  filters: QueueFilters,
): Promise<{ results: RequestSummary[]; more: boolean }> {
  const results: RequestSummary[] = [];
  for (let offset = 0; offset < QUEUE_WINDOW; offset += DESK_PAGE) {
    const page = await queue({ ...deskQuery(filters), limit: DESK_PAGE, offset });
    results.push(...page.results);
    if (page.results.length < DESK_PAGE || results.length >= page.total)
      return { results, more: page.total > results.length };
  }
  return { results, more: true };
}

/** What the desk is asked for (but the page: see `collect`). */
export function deskQuery(filters: QueueFilters): LogQuery & { mine?: boolean } {
  const status: RequestStatus | undefined =
    filters.status === 'open' || filters.status === 'extended' || filters.status === 'closed'
      ? filters.status
      : undefined;
  return {
    limit: QUEUE_WINDOW,
    offset: 0,
    ...(status ? { status } : {}),
    ...(filters.department ? { departmentId: filters.department } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.mine ? { mine: true } : {}),
  };
}

const RANK: Record<DeadlineState, number> = { overdue: 0, due_soon: 1, on_track: 2, met: 3 };

const rank = (r: RequestSummary) => (r.status === 'closed' ? 4 : RANK[r.deadline]);

/** The requests matching the filters, most urgent first, and the page asked for. */
export function arrange(
  results: readonly RequestSummary[],
  filters: QueueFilters,
): { total: number; page: RequestSummary[]; pages: number } {
  const kept = results.filter((r) => {
    if (filters.status === 'active' && r.status === 'closed') return false;
    if (filters.deadline === 'paused') return isPaused(r);
    if (filters.deadline && r.deadline !== filters.deadline) return false;
    return true;
  });
  kept.sort(
    (a, b) => rank(a) - rank(b) || a.dueAt.localeCompare(b.dueAt) || a.number.localeCompare(b.number),
  );
  const pages = Math.max(1, Math.ceil(kept.length / PAGE_SIZE));
  const start = (Math.min(filters.page, pages) - 1) * PAGE_SIZE;
  return { total: kept.length, page: kept.slice(start, start + PAGE_SIZE), pages };
}

/** The queue's address with these filters (and a page). */
export function queueHref(filters: QueueFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.status !== 'active') params.set('status', filters.status);
  if (filters.deadline) params.set('deadline', filters.deadline);
  if (filters.department) params.set('department', filters.department);
  if (filters.mine) params.set('mine', '1');
  if (filters.q) params.set('q', filters.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/staff/records?${query}` : '/staff/records';
}
