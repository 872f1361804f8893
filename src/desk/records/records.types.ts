/**
 * The records desk's vocabulary: public records requests under the California Public Records Act (Gov. Code
 * 7920.000 and following), what staff do with them, and what the public sees. Types only: the service
 * (records.service.ts) implements `RecordsDesk`, the API and the pages use it.
 */
import type { UnusualCircumstance } from '../deadlines/deadlines.js';

export type RequestStatus =
  /** Received; the 10-day clock runs. */
  | 'open'
  /** Extended once (unusual circumstances); the clock runs to the new date. */
  | 'extended'
  /** Closed with a reason. */
  | 'closed';

/** The clock as people see it (pausing stops reminders, never the legal clock). */
export type DeadlineState = 'on_track' | 'due_soon' | 'overdue' | 'met';

export type CloseReason =
  'fulfilled' | 'partially_fulfilled' | 'no_responsive_records' | 'denied' | 'withdrawn' | 'referred';

export type PreferredFormat = 'electronic' | 'paper' | 'inspection';

/** Fee lines: duplication; electronic copy; programming or extraction (only for the statute's cases). */
export type FeeKind = 'duplication' | 'electronic_copy' | 'programming';
/**
 * Why a programming or extraction fee line is allowed (Gov. Code 7922.575(b)): the request needs data compilation,
 * extraction or programming to produce the record, or the record is produced only at scheduled intervals.
 */
export type ProgrammingJustification = 'compilation' | 'extraction' | 'programming' | 'scheduled_intervals';
export type PaymentStatus = 'not_required' | 'awaiting_payment' | 'paid' | 'waived';

export type Visibility = 'public' | 'requester' | 'staff';
export type DocumentKind = 'upload' | 'dataset' | 'offline';

export interface Person {
  name: string;
  title: string;
}

export interface RequestSummary {
  id: string;
  /** The number people quote: `R26-0001` (year of receipt, sequence). */
  number: string;
  description: string;
  departments: { id: string; name: string }[];
  status: RequestStatus;
  closeReason: CloseReason | null;
  receivedAt: string;
  /** The due moment (11:59 pm local on the due date), ISO UTC; the extended one once extended. */
  dueAt: string;
  /** The due date in the city's calendar, YYYY-MM-DD. */
  dueDate: string;
  deadline: DeadlineState;
  closedAt: string | null;
  /** Shown in the public log (false while new, or when kept private where the law requires). */
  published: boolean;
}

export interface Message {
  id: string;
  at: string;
  /** `public`: requester and (when published) everyone; `internal`: staff only. */
  kind: 'public' | 'internal';
  author: string;
  body: string;
}

export interface FeeLine {
  id: string;
  kind: FeeKind;
  description: string;
  /** US cents. */
  amountCents: number;
}

export interface ReleasedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  visibility: Visibility;
  /** upload: its download URL; dataset: the dataset's id; offline: how to see it. */
  fileName?: string;
  datasetId?: string;
  description?: string;
  redactionNote?: string;
  releasedAt: string;
  /** upload: where the file is downloaded, for this viewer (the API's file route). */
  url?: string;
  mediaType?: string;
  /** upload: bytes. */
  size?: number;
}

/** A file the requester sent with the request (requester and staff only). */
export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Where it is downloaded, for this viewer (absent when the viewer's link is not known). */
  url?: string;
}

export interface Denial {
  /** full: nothing released; partial: some withheld. */
  scope: 'full' | 'partial';
  /** Exemptions cited (e.g. "Gov. Code 7927.705 (personnel records)"); at least one. */
  exemptions: string[];
  /** Each person responsible, with their title; at least one. */
  responsible: Person[];
  explanation: string;
  at: string;
}

export interface Reconsideration {
  id: string;
  /** What is asked to be reconsidered. */
  subject: 'denial' | 'fee';
  reason: string;
  requestedAt: string;
  decision: 'pending' | 'upheld' | 'reversed' | 'modified';
  decisionNote: string | null;
  decidedAt: string | null;
  decidedBy: Person | null;
}

export interface RequestDetail extends RequestSummary {
  preferredFormat: PreferredFormat;
  /** Staff only (never in public views): who asked and how to reach them. */
  requester?: { name: string | null; email: string | null; phone: string | null };
  extension: { reason: UnusualCircumstance; notice: string; days: number; at: string } | null;
  assignees: { userId: string; name: string }[];
  messages: Message[];
  fees: { lines: FeeLine[]; totalCents: number; payment: PaymentStatus };
  documents: ReleasedDocument[];
  denial: Denial | null;
  reconsiderations: Reconsideration[];
  /** Why staff keep it out of the public log, when they do. */
  privateReason: string | null;
  /** Datasets published from this request ("request to dataset"). */
  datasets: { id: string; title: string }[];
  /** The requester's attachments (requester and staff; never in public views). */
  attachments?: Attachment[];
  /** Reminders to the assignees stopped (staff only; the legal clock runs on). */
  paused?: boolean;
  /** The first due date, before any extension. */
  initialDueDate?: string;
  /** What staff wrote when closing, and the agency a referred request went to. */
  closeNote?: string | null;
  referredTo?: string | null;
  /** Why a programming or extraction fee line is allowed, when there is one. */
  programmingJustification?: ProgrammingJustification | null;
  /**
   * The last local date (YYYY-MM-DD) the requester may ask the Clerk to reconsider the denial or the fee;
   * absent when there is nothing to reconsider. Shown to the requester and staff.
   */
  reconsiderationUntil?: { denial?: string; fee?: string };
}

/** Who is looking: the public, the requester (through their private link), or staff. */
export type DeskViewer =
  | { kind: 'public' }
  | { kind: 'requester'; requestId: string }
  | {
      kind: 'staff';
      userId: string;
      name: string;
      clerk: boolean;
      admin: boolean;
      departments: string[];
      /** Where from, for the audit log. */
      ip?: string | null;
    };

export interface NewRequest {
  description: string;
  preferredFormat: PreferredFormat;
  /** A department the requester thinks holds the records (optional; the Clerk routes it otherwise). */
  departmentId?: string;
  name?: string;
  /** Needed for updates by email; without it, the private link is the only way to follow the request. */
  email?: string;
  phone?: string;
  attachments?: { fileName: string; mediaType: string; path: string }[];
}

export interface LogQuery {
  q?: string;
  status?: RequestStatus;
  departmentId?: string;
  /** Received from / to, YYYY-MM-DD (city calendar). */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface DeskNumbers {
  /** Closed requests answered by their due moment, over all closed (null with none closed). */
  onTimeRate: number | null;
  medianDaysToClose: number | null;
  open: number;
  overdue: number;
  byDepartment: {
    id: string;
    name: string;
    open: number;
    overdue: number;
    closed: number;
    onTimeRate: number | null;
  }[];
}

/**
 * What the desk does. Every method checks who may do it (`DeskViewer`) and throws an AppError with a stable code
 * (`records.not_found`, `records.forbidden`, `records.extension_used`, `records.extension_too_long`,
 * `records.extension_reason`, `records.programming_fee_not_allowed`, `records.denial_needs_responsible`,
 * `records.denial_needs_exemption`, `records.closed`, `records.reconsideration_late`, `validation.failed`...).
 * A department's staff see their departments' requests; the Clerk and admins see all; a requester sees theirs.
 */
export interface RecordsDesk {
  /** Files a request: number, due date, a private follow link (token shown once), acknowledgement mail. */
  submit(input: NewRequest, now?: Date): Promise<{ request: RequestDetail; followToken: string }>;
  /** The request behind a private follow link, as its requester sees it; undefined when the token is unknown. */
  byFollowToken(token: string, now?: Date): Promise<RequestDetail | undefined>;
  /** One request by id or by number (`R26-0001`), as this viewer may see it (the public: published ones). */
  get(id: string, viewer: DeskViewer, now?: Date): Promise<RequestDetail>;
  /** The public log: published requests, newest first; requester identity never included. */
  log(query: LogQuery, now?: Date): Promise<{ total: number; results: RequestSummary[] }>;
  /** The public log as CSV (a header row, then every published request matching the query; RFC 4180). */
  logCsv(query: Omit<LogQuery, 'limit' | 'offset'>, now?: Date): AsyncIterable<string>;
  /** The staff queue: what this viewer may work on, open ones first by due date. */
  queue(
    viewer: DeskViewer,
    query: LogQuery & { mine?: boolean },
    now?: Date,
  ): Promise<{ total: number; results: RequestSummary[] }>;
  /** The requester withdraws their request (closed as withdrawn). */
  withdraw(id: string, viewer: DeskViewer, now?: Date): Promise<RequestDetail>;

  assign(
    id: string,
    viewer: DeskViewer,
    change: { departments?: string[]; userIds?: string[] },
    now?: Date,
  ): Promise<RequestDetail>;
  addMessage(
    id: string,
    viewer: DeskViewer,
    message: { kind: 'public' | 'internal'; body: string },
    now?: Date,
  ): Promise<RequestDetail>;
  extend(
    id: string,
    viewer: DeskViewer,
    extension: { reason: UnusualCircumstance; days: number; notice: string },
    now?: Date,
  ): Promise<RequestDetail>;
  setPaused(id: string, viewer: DeskViewer, paused: boolean, now?: Date): Promise<RequestDetail>;
  /**
   * Replaces the fee lines and sets the payment status. A programming line needs `programmingJustification`,
   * one of `ProgrammingJustification`.
   */
  setFees(
    id: string,
    viewer: DeskViewer,
    fees: { lines: Omit<FeeLine, 'id'>[]; payment: PaymentStatus; programmingJustification?: string },
    now?: Date,
  ): Promise<RequestDetail>;
  /**
   * Releases a document: an upload (`path`: a file received with `receiveUpload`, moved into the request's
   * folder; `fileName`, `mediaType`), a dataset (`datasetId`) or an offline record (`description`).
   */
  release(
    id: string,
    viewer: DeskViewer,
    document: Omit<ReleasedDocument, 'id' | 'releasedAt'> & { path?: string },
    now?: Date,
  ): Promise<RequestDetail>;
  setPublished(
    id: string,
    viewer: DeskViewer,
    published: boolean,
    privateReason?: string,
    now?: Date,
  ): Promise<RequestDetail>;
  close(
    id: string,
    viewer: DeskViewer,
    closing: { reason: CloseReason; note: string; denial?: Omit<Denial, 'at'>; referredTo?: string },
    now?: Date,
  ): Promise<RequestDetail>;
  /** The requester asks the Clerk to reconsider a denial or a fee, within the city's period. */
  askReconsideration(
    id: string,
    viewer: DeskViewer,
    ask: { subject: 'denial' | 'fee'; reason: string },
    now?: Date,
  ): Promise<RequestDetail>;
  /** The Clerk (or an admin) decides; reversing or modifying a denial reopens the request. */
  decideReconsideration(
    id: string,
    reconsiderationId: string,
    viewer: DeskViewer,
    decision: { decision: 'upheld' | 'reversed' | 'modified'; note: string },
    now?: Date,
  ): Promise<RequestDetail>;
  /** Links a dataset published from released records to the request. */
  linkDataset(id: string, viewer: DeskViewer, datasetId: string, now?: Date): Promise<RequestDetail>;
  numbers(viewer: DeskViewer | { kind: 'public' }, now?: Date): Promise<DeskNumbers>;
  /**
   * A file of a request (a released upload or an attachment) when this viewer may have it: public uploads of
   * published requests for everyone, requester uploads and attachments for the requester, all for staff.
   */
  file(
    id: string,
    fileId: string,
    viewer: DeskViewer,
  ): Promise<{ path: string; fileName: string; mediaType: string; size: number }>;
  /** Reminders to assignees of requests due soon or overdue (not paused), once a day per request; returns count. */
  sendReminders(now?: Date): Promise<number>;
}
