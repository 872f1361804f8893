/**
 * Reading reports: one report and the list as the public sees them (only reports of datasets whose data the
 * public may read), the staff queue and view, the investigations the APIs and pages flag, and the digest's list.
 */
import { reportErrors } from '../../errors.js';
import type { ReportsContext, ReportsHelpers } from './reports.context.js';
import type { Presenter } from './reports.present.js';
import type { ReportFilter } from './reports.repo.js';
import type { Problem } from './reports.rules.js';
import { worksOn } from './reports.rules.js';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportQuery,
  type ReportSummary,
  type ReportView,
  type ReportViewer,
  type StaffReportView,
} from './reports.types.js';

const STATUS_FILTERS: readonly string[] = [...REPORT_STATUSES, 'open', 'closed'];

/** The filters every list shares, checked. */
function filterOf(query: ReportQuery): Omit<ReportFilter, 'order'> {
  const problems: Problem[] = [];
  if (query.status && !STATUS_FILTERS.includes(query.status))
    problems.push({ field: 'status', code: 'invalid', message: `use one of ${STATUS_FILTERS.join(', ')}` });
  if (query.kind && !(REPORT_KINDS as readonly string[]).includes(query.kind))
    problems.push({ field: 'kind', code: 'invalid', message: `use one of ${REPORT_KINDS.join(', ')}` });
  if (query.source && query.source !== 'public' && query.source !== 'automatic')
    problems.push({ field: 'source', code: 'invalid', message: 'use public or automatic' });
  if (problems.length) throw reportErrors.invalid(problems);
  return {
    ...(query.datasetId && { datasetId: query.datasetId }),
    ...(query.departmentId && { departmentId: query.departmentId }),
    ...(query.status && { status: query.status }),
    ...(query.kind && { kind: query.kind }),
    ...(query.source && { source: query.source }),
  };
}

const page = (query: ReportQuery) => ({
  limit: Math.min(Math.max(1, Math.trunc(query.limit ?? 50) || 50), 200),
  offset: Math.max(0, Math.trunc(query.offset ?? 0) || 0),
});

export function reading(ctx: ReportsContext, h: ReportsHelpers, present: Presenter) {
  return {
    async publicView(idOrNumber: string): Promise<ReportView> {
      const row = await h.load(idOrNumber);
      // A report of a dataset whose data the public may not read does not exist for the public.
      if (!(await h.isPublic(row.dataset_id))) throw reportErrors.notFound(idOrNumber);
      return present.publicView(row);
    },

    async publicList(query: ReportQuery): Promise<{ total: number; results: ReportSummary[] }> {
      const filter = filterOf(query);
      const datasets = [...(await h.publicDatasets())];
      const { total, rows } = await ctx.repo.list({ ...filter, datasets, order: 'newest' }, page(query));
      return { total, results: await present.summaries(rows) };
    },

    async queue(
      viewer: ReportViewer,
      query: ReportQuery,
    ): Promise<{ total: number; results: ReportSummary[] }> {
      if (viewer.kind !== 'staff') throw reportErrors.forbidden('The queue is for city staff.');
      const { total, rows } = await ctx.repo.list(
        {
          ...filterOf(query),
          ...(!viewer.admin && { departments: viewer.departments }),
          order: 'queue',
        },
        page(query),
      );
      return { total, results: await present.summaries(rows) };
    },

    async staffView(idOrNumber: string, viewer: ReportViewer): Promise<StaffReportView> {
      const { row, staff } = await h.forStaff(idOrNumber, viewer);
      return present.staffView(row, worksOn(staff, row.department_id));
    },

    async investigations(
      datastreamIds: readonly number[],
    ): Promise<Map<number, { report: string; url: string | null; since: string }>> {
      const found = new Map<number, { report: string; url: string | null; since: string }>();
      const rows = await ctx.repo.openOnDatastreams([...new Set(datastreamIds)]);
      if (rows.length === 0) return found;
      // Usually one dataset or two: ask about each rather than list every readable dataset.
      const readable = new Set<string>();
      for (const id of new Set(rows.map((r) => r.dataset_id))) if (await h.isPublic(id)) readable.add(id);
      // Oldest first: the first report seen for a datastream is the one shown.
      for (const row of rows)
        if (row.datastream_id !== null && !found.has(row.datastream_id))
          found.set(row.datastream_id, {
            report: row.number,
            url: readable.has(row.dataset_id) ? h.publicPath(row.number) : null,
            since: row.created_at,
          });
      return found;
    },

    async filedSince(departmentId: string, since: Date): Promise<ReportSummary[]> {
      const { rows } = await ctx.repo.list(
        { departmentId, createdFrom: since.toISOString(), order: 'oldest' },
        { limit: 1000, offset: 0 },
      );
      return present.summaries(rows);
    },
  };
}
