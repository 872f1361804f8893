/**
 * Reports as each viewer sees them: the public (and the reporter) get the moderated text, the public events and
 * the department as author; staff get who filed it, the original text, the assignee and every event.
 */
import { publicText } from './moderation.js';
import type { ReportsHelpers } from './reports.context.js';
import type { EventRow, ReportRow } from './reports.repo.js';
import type { ReportsRepo } from './reports.repo.js';
import type {
  ReportEvent,
  ReportKind,
  ReportSource,
  ReportStatus,
  ReportSummary,
  ReportView,
  StaffReportView,
} from './reports.types.js';

export const AUTOMATIC_AUTHOR = 'automatic quality checks';
const PUBLIC_EVENTS = new Set(['filed', 'status', 'reply']);

function eventOf(e: EventRow, author: string): ReportEvent {
  return {
    at: e.at,
    kind: e.kind as ReportEvent['kind'],
    ...(e.kind === 'status' && {
      from: e.from_status as ReportStatus | null,
      to: e.to_status as ReportStatus,
    }),
    ...(e.body !== null && { body: e.body }),
    author,
  };
}

export function presenter(repo: ReportsRepo, h: ReportsHelpers) {
  async function lookups(rows: readonly ReportRow[]) {
    const [department, title, streams] = await Promise.all([
      h.departmentNames(rows.map((r) => r.department_id)),
      h.datasetTitles(rows.map((r) => r.dataset_id)),
      repo.datastreamNames([
        ...new Set(rows.flatMap((r) => (r.datastream_id === null ? [] : [r.datastream_id]))),
      ]),
    ]);
    return { department, title, streams };
  }

  type Lookups = Awaited<ReturnType<typeof lookups>>;

  function summaryOf(row: ReportRow, l: Lookups): ReportSummary {
    return {
      id: row.id,
      number: row.number,
      dataset: { id: row.dataset_id, title: l.title(row.dataset_id) },
      datastream:
        row.datastream_id === null
          ? null
          : {
              id: row.datastream_id,
              name: l.streams.get(row.datastream_id) ?? `Datastream ${row.datastream_id}`,
            },
      department: { id: row.department_id, name: l.department(row.department_id) },
      kind: row.kind as ReportKind,
      source: row.source as ReportSource,
      status: row.status as ReportStatus,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** The public view (also the reporter's): moderated text, public events, the department as author. */
  async function publicView(row: ReportRow): Promise<ReportView> {
    const [l, events] = await Promise.all([lookups([row]), repo.events(row.id)]);
    const department = l.department(row.department_id);
    return {
      ...summaryOf(row, l),
      closingNote: row.closing_note,
      description: publicText(row.description),
      rowRef: row.row_ref === null ? null : publicText(row.row_ref),
      timeFrom: row.time_from,
      timeTo: row.time_to,
      closedAt: row.closed_at,
      events: events
        .filter((e) => PUBLIC_EVENTS.has(e.kind))
        .map((e) =>
          eventOf(
            e,
            e.kind === 'filed' ? (row.source === 'automatic' ? AUTOMATIC_AUTHOR : 'reporter') : department,
          ),
        ),
    };
  }

  /** The staff view: who filed it, the original text, the assignee, notes and assignments. */
  async function staffView(row: ReportRow, mayWork: boolean): Promise<StaffReportView> {
    const [l, events, assignee] = await Promise.all([
      lookups([row]),
      repo.events(row.id),
      h.userName(row.assignee_id),
    ]);
    return {
      ...summaryOf(row, l),
      closingNote: row.closing_note,
      description: publicText(row.description),
      originalDescription: row.description,
      rowRef: row.row_ref,
      timeFrom: row.time_from,
      timeTo: row.time_to,
      closedAt: row.closed_at,
      email: row.email,
      assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: assignee ?? row.assignee_id },
      mayWork,
      events: events.map((e) => eventOf(e, e.author)),
    };
  }

  async function summaries(rows: readonly ReportRow[]): Promise<ReportSummary[]> {
    const l = await lookups(rows);
    return rows.map((row) => summaryOf(row, l));
  }

  return { publicView, staffView, summaries };
}

export type Presenter = ReturnType<typeof presenter>;
