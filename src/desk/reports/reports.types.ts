/**
 * Quality reports: a resident's "this is wrong" about a dataset or one of its sensors, and the reports the
 * sensors module opens by itself when a datastream keeps failing. Each goes to the department that stewards the
 * dataset, gets an acknowledgement, a public status page and an answer. Types only: the service
 * (reports.service.ts) implements `ReportsDesk`; the API (reports.routes.ts) and the pages use it.
 */
import type { Viewer } from '../../catalog/visibility.js';
import type { SensorFault } from '../../sensors/qc/qc.types.js';

export const REPORT_KINDS = [
  'wrong_values',
  'missing_data',
  'out_of_date',
  'sensor_fault',
  'wrong_location',
  'metadata_error',
  'licence_question',
  'other',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['received', 'acknowledged', 'in_progress', 'resolved', 'wont_fix'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Statuses that end a report (a reason is required for `wont_fix`). */
export const CLOSED_STATUSES: readonly ReportStatus[] = ['resolved', 'wont_fix'];

/** Who filed it: a person through the form or the API, or the sensors module's checks. */
export type ReportSource = 'public' | 'automatic';

/** Who is looking (the same shape as the records desk's viewer). */
export type ReportViewer =
  | { kind: 'public' }
  | { kind: 'reporter'; reportId: string }
  | {
      kind: 'staff';
      userId: string;
      name: string;
      admin: boolean;
      departments: string[];
      ip?: string | null;
    };

export interface NewReport {
  datasetId: string;
  /** A sensor of the dataset (its datastream), when the report is about one. */
  datastreamId?: number | null;
  kind: ReportKind;
  description: string;
  /** To hear back; optional (the private follow link works without it). */
  email?: string | null;
  /** Which row(s): a row id, a filter, a line number, in the reporter's words (at most 200 characters). */
  rowRef?: string | null;
  /** The time range concerned, ISO 8601 instants (either may be absent). */
  timeFrom?: string | null;
  timeTo?: string | null;
  /** Signed-in reporter (optional). */
  userId?: string | null;
  /** For rate limits and the audit log. */
  ip?: string | null;
  /**
   * Who is filing, for the catalog's rules: the dataset must be one they may see (a restricted dataset's metadata
   * is public, so anyone may report it). The public when absent. Staff are not rate limited.
   */
  viewer?: Viewer;
  /** Language of the acknowledgement (en, vi, es); English when absent. */
  lang?: string;
}

export interface ReportEvent {
  at: string;
  kind: 'filed' | 'status' | 'reply' | 'note' | 'assigned';
  /** For status events. */
  from?: ReportStatus | null;
  to?: ReportStatus;
  /** Replies, notes, won't-fix reasons. Notes and assignments appear only in staff views. */
  body?: string;
  /** Who: the department's name in public views; the person in staff views. */
  author: string;
}

/** A report as the public (and its reporter) see it: no reporter identity, no internal notes. */
export interface ReportView {
  id: string;
  /** The number people quote: `Q26-0001`. */
  number: string;
  dataset: { id: string; title: string };
  datastream: { id: number; name: string } | null;
  department: { id: string; name: string };
  kind: ReportKind;
  source: ReportSource;
  status: ReportStatus;
  /** The reason given when closed as won't fix (or the resolution note when resolved). */
  closingNote: string | null;
  /** The description as the public sees it: moderated (addresses, phone numbers and links masked). */
  description: string;
  rowRef: string | null;
  timeFrom: string | null;
  timeTo: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Filed, status changes and public replies, oldest first. */
  events: ReportEvent[];
}

/** The same report for staff: who filed it, the unmoderated text, assignment and internal notes. */
export interface StaffReportView extends ReportView {
  email: string | null;
  originalDescription: string;
  assignee: { id: string; name: string } | null;
  /** Public events plus notes and assignments. */
  events: ReportEvent[];
  /** Whether this viewer may change it (its department's stewards and admins). */
  mayWork: boolean;
}

export interface ReportSummary {
  id: string;
  number: string;
  dataset: { id: string; title: string };
  datastream: { id: number; name: string } | null;
  department: { id: string; name: string };
  kind: ReportKind;
  source: ReportSource;
  status: ReportStatus;
  createdAt: string;
  updatedAt: string;
}

export interface ReportQuery {
  datasetId?: string;
  departmentId?: string;
  status?: ReportStatus | 'open' | 'closed';
  kind?: ReportKind;
  source?: ReportSource;
  limit?: number;
  offset?: number;
}

/**
 * What the desk does. Every method checks who may do it and throws an AppError with a stable code
 * (`report.not_found`, `report.forbidden`, `report.closed`, `report.reason_required`, `report.rate_limited`,
 * `report.unknown_datastream`, `dataset.not_found`, `validation.failed`...).
 *
 * A report about a dataset whose data the public may not read (restricted, non-public, unpublished) is never
 * shown publicly: not in lists, counts or status pages; only its reporter (private link) and staff see it.
 */
export interface ReportsDesk {
  /** Files a report: routed to the dataset's department, acknowledged by mail; the follow token is shown once. */
  file(input: NewReport, now?: Date): Promise<{ report: ReportView; followToken: string }>;
  /** The report behind a private follow link; undefined when the token is unknown. */
  byFollowToken(token: string): Promise<ReportView | undefined>;
  /** A report by id or number as the public sees it (report.not_found when not public). */
  publicView(idOrNumber: string): Promise<ReportView>;
  /** Public reports (of publicly readable datasets), newest first. */
  publicList(query: ReportQuery): Promise<{ total: number; results: ReportSummary[] }>;
  /** Staff: reports of the viewer's departments (all for admins), open ones first. */
  queue(viewer: ReportViewer, query: ReportQuery): Promise<{ total: number; results: ReportSummary[] }>;
  staffView(idOrNumber: string, viewer: ReportViewer): Promise<StaffReportView>;
  setStatus(
    idOrNumber: string,
    viewer: ReportViewer,
    change: { status: ReportStatus; note?: string },
    now?: Date,
  ): Promise<StaffReportView>;
  assign(
    idOrNumber: string,
    viewer: ReportViewer,
    userId: string | null,
    now?: Date,
  ): Promise<StaffReportView>;
  /** A public reply (mailed to the reporter when they left an address). */
  reply(idOrNumber: string, viewer: ReportViewer, body: string, now?: Date): Promise<StaffReportView>;
  /** An internal note (staff only, never public). */
  note(idOrNumber: string, viewer: ReportViewer, body: string, now?: Date): Promise<StaffReportView>;
  /**
   * A datastream started or stopped failing: opens an automatic `sensor_fault` report for its department (one
   * open per datastream and fault kind; mailed to the stewards at once), or resolves it with a note when
   * cleared. Idempotent: a second `open` or a `cleared` with nothing open does nothing.
   */
  sensorFault(fault: SensorFault): Promise<void>;
  /** Open automatic reports, by datastream and fault kind (for the watch that clears silent feeds). */
  openFaults(): Promise<{ datastreamId: number; kind: string; report: string }[]>;
  /** Open reports naming these datastreams (public or automatic), the oldest per datastream. */
  investigations(
    datastreamIds: readonly number[],
  ): Promise<Map<number, { report: string; url: string | null; since: string }>>;
  /** Reports filed since `since` for a department (the daily digest). */
  filedSince(departmentId: string, since: Date): Promise<ReportSummary[]>;
}
