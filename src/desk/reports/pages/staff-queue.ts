/** The staff queue's filters, read from the query string, and the desk's query and the page's address for them. */
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportKind,
  type ReportQuery,
  type ReportSource,
  type ReportStatus,
} from '../reports.types.js';

export const QUEUE_STATUSES = ['open', 'closed', 'all', ...REPORT_STATUSES] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilters {
  status: QueueStatus;
  kind: ReportKind | '';
  source: ReportSource | '';
  department: string;
  dataset: string;
  page: number;
}

export const QUEUE_PAGE = 50;

const one = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

export function readQueueFilters(query: unknown): QueueFilters {
  const q = (query ?? {}) as Record<string, unknown>;
  const status = one(q.status);
  const kind = one(q.kind);
  const source = one(q.source);
  const page = Number.parseInt(one(q.page), 10);
  return {
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as QueueStatus) : 'open',
    kind: (REPORT_KINDS as readonly string[]).includes(kind) ? (kind as ReportKind) : '',
    source: source === 'public' || source === 'automatic' ? source : '',
    department: one(q.department).trim().slice(0, 100),
    dataset: one(q.dataset).trim().slice(0, 200),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

export function queueQuery(f: QueueFilters): ReportQuery {
  return {
    ...(f.status === 'all' ? {} : { status: f.status as ReportStatus | 'open' | 'closed' }),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.department ? { departmentId: f.department } : {}),
    ...(f.dataset ? { datasetId: f.dataset } : {}),
    limit: QUEUE_PAGE,
    offset: (f.page - 1) * QUEUE_PAGE,
  };
}

export function queueHref(f: QueueFilters, page = 1): string {
  const params = new URLSearchParams();
  if (f.status !== 'open') params.set('status', f.status);
  if (f.kind) params.set('kind', f.kind);
  if (f.source) params.set('source', f.source);
  if (f.department) params.set('department', f.department);
  if (f.dataset) params.set('dataset', f.dataset);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/staff/reports?${query}` : '/staff/reports';
}
