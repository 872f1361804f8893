/**
 * Reading the desk: one request as a viewer may see it, the public log (published requests only, never who
 * asked) and its CSV, the staff queue, the numbers, and the files of a request.
 */
import { cityCalendar, isDate } from '../../access/grants/dates.js';
import { recordsErrors } from '../../errors.js';
import type { DeskContext, DeskHelpers } from './records.context.js';
import { logCsv } from './records.csv.js';
import { deskNumbers } from './records.numbers.js';
import { summaryOf } from './records.present.js';
import type { ListFilter, RequestRow } from './records.repo.js';
import { runsDesk, throwIf } from './records.rules.js';
import { REQUEST_STATUSES } from './records.schema.js';
import type { DeskNumbers, DeskViewer, LogQuery, RequestDetail, RequestSummary } from './records.types.js';

const CSV_PAGE = 500;

export function reading(ctx: DeskContext, h: DeskHelpers) {
  const days = cityCalendar(ctx.clock.calendar.timeZone);

  /** The filters every list shares, checked. */
  function filterOf(query: Omit<LogQuery, 'limit' | 'offset'>): Omit<ListFilter, 'order'> {
    const problems: { field: string; message: string }[] = [];
    if (query.status && !(REQUEST_STATUSES as readonly string[]).includes(query.status))
      problems.push({ field: 'status', message: `use one of ${REQUEST_STATUSES.join(', ')}` });
    for (const field of ['from', 'to'] as const)
      if (query[field] && !isDate(query[field])) problems.push({ field, message: 'a date as YYYY-MM-DD' });
    throwIf(problems);
    return {
      ...(query.status && { status: query.status }),
      ...(query.departmentId && { departmentId: query.departmentId }),
      ...(query.q?.trim() && { q: query.q.trim().slice(0, 200) }),
      ...(query.from && { receivedFrom: days.startOf(query.from).toISOString() }),
      ...(query.to && { receivedBefore: days.endOf(query.to).toISOString() }),
    };
  }

  async function summaries(rows: RequestRow[], now: Date): Promise<RequestSummary[]> {
    const departments = await ctx.repo.departmentsOf(rows.map((r) => r.id));
    const name = await h.departmentNames([...departments.values()].flat());
    return rows.map((row) => summaryOf(row, departments.get(row.id) ?? [], name, ctx.clock, now));
  }

  const page = (query: LogQuery) => ({
    limit: Math.min(Math.max(1, Math.trunc(query.limit) || 50), 200),
    offset: Math.max(0, Math.trunc(query.offset) || 0),
  });

  return {
    async get(id: string, viewer: DeskViewer, now = ctx.now()): Promise<RequestDetail> {
      return h.present(await h.load(id), viewer, now);
    },

    async log(query: LogQuery, now = ctx.now()): Promise<{ total: number; results: RequestSummary[] }> {
      const { total, rows } = await ctx.repo.list(
        { ...filterOf(query), published: true, order: 'newest' },
        page(query),
      );
      return { total, results: await summaries(rows, now) };
    },

    logCsv(query: Omit<LogQuery, 'limit' | 'offset'>, now = ctx.now()): AsyncIterable<string> {
      const filter: ListFilter = { ...filterOf(query), published: true, order: 'newest' };
      async function* pages(): AsyncGenerator<RequestSummary[]> {
        for (let offset = 0; ; offset += CSV_PAGE) {
          const { rows } = await ctx.repo.list(filter, { limit: CSV_PAGE, offset });
          yield await summaries(rows, now);
          if (rows.length < CSV_PAGE) return;
        }
      }
      return logCsv(pages(), ctx.publicUrl);
    },

    async queue(
      viewer: DeskViewer,
      query: LogQuery & { mine?: boolean },
      now = ctx.now(),
    ): Promise<{ total: number; results: RequestSummary[] }> {
      if (viewer.kind !== 'staff') throw recordsErrors.forbidden('The queue is for city staff.');
      const { total, rows } = await ctx.repo.list(
        {
          ...filterOf(query),
          ...(!runsDesk(viewer) && { inDepartments: viewer.departments }),
          ...(query.mine && { assignee: viewer.userId }),
          order: 'due',
        },
        page(query),
      );
      return { total, results: await summaries(rows, now) };
    },

    /**
     * The numbers: over every request for the public, the Clerk and admins (counts say nothing of who asked or
     * what); over their departments' requests for a steward.
     */
    async numbers(viewer: DeskViewer | { kind: 'public' }, now = ctx.now()): Promise<DeskNumbers> {
      const [clocks, links] = await Promise.all([ctx.repo.clocks(), ctx.repo.allDepartmentLinks()]);
      const name = await h.departmentNames(links.map((l) => l.department_id));
      const departments = new Map<string, string[]>();
      for (const l of links)
        departments.set(l.request_id, [...(departments.get(l.request_id) ?? []), l.department_id]);
      const of = (id: string) => departments.get(id) ?? [];
      const scoped =
        viewer.kind === 'staff' && !runsDesk(viewer)
          ? clocks.filter((c) => of(c.id).some((d) => viewer.departments.includes(d)))
          : clocks;
      const mine = (id: string) =>
        viewer.kind === 'staff' && !runsDesk(viewer)
          ? of(id).filter((d) => viewer.departments.includes(d))
          : of(id);
      return deskNumbers(scoped, mine, name, ctx.clock.calendar.timeZone, now);
    },

    async file(
      id: string,
      fileId: string,
      viewer: DeskViewer,
    ): Promise<{ path: string; fileName: string; mediaType: string; size: number }> {
      const loaded = await h.load(id);
      const sight = h.sight(viewer, loaded);
      const document = loaded.parts.documents.find((d) => d.id === fileId && d.file_path !== null);
      if (document) {
        const visible =
          sight === 'staff' ||
          (sight !== 'none' && document.visibility === 'public') ||
          (sight === 'requester' && document.visibility === 'requester');
        if (!visible) throw recordsErrors.notFound(fileId);
        return {
          path: ctx.store.absolute(document.file_path!),
          fileName: document.file_name ?? 'file',
          mediaType: document.media_type ?? 'application/octet-stream',
          size: document.size ?? 0,
        };
      }
      const attachment = loaded.parts.attachments.find((a) => a.id === fileId);
      if (!attachment || (sight !== 'staff' && sight !== 'requester')) throw recordsErrors.notFound(fileId);
      return {
        path: ctx.store.absolute(attachment.file_path),
        fileName: attachment.file_name,
        mediaType: attachment.media_type,
        size: attachment.size,
      };
    },
  };
}
