/**
 * Rows as people see them. What a viewer sees depends on their sight of the request (records.rules.ts):
 * staff see everything; the requester sees public messages, the documents released to the public or to them,
 * and their own details; the public sees a published request without who asked, internal notes, attachments or
 * documents kept for the requester or staff.
 */
import { addDays } from '../../access/grants/dates.js';
import {
  deadlineOn,
  deadlineState,
  localDate,
  type DeskCalendar,
  type UnusualCircumstance,
} from '../deadlines/deadlines.js';
import type { RequestParts, RequestRow } from './records.repo.js';
import type { Sight } from './records.rules.js';
import type {
  CloseReason,
  DocumentKind,
  FeeKind,
  PaymentStatus,
  PreferredFormat,
  ProgrammingJustification,
  Reconsideration,
  RequestDetail,
  RequestStatus,
  RequestSummary,
  Visibility,
} from './records.types.js';

export interface Clock {
  calendar: DeskCalendar;
  dueSoonDays: number;
  reconsiderationDays: number;
}

/** Names and links the presenter needs, looked up by the service. */
export interface Lookups {
  departmentName(id: string): string;
  userName(id: string): string;
  /** Linked datasets this viewer may see (others are left out). */
  datasets: { id: string; title: string }[];
  /** Datasets a released document may name for this viewer. */
  showsDataset(id: string): boolean;
  /** A file's download URL for this viewer, or undefined when it cannot be given. */
  fileUrl(fileId: string): string | undefined;
}

export const deadlineOf = (row: Pick<RequestRow, 'due_date' | 'due_at'>) => ({
  date: row.due_date,
  at: new Date(row.due_at),
});

/** The last local date a reconsideration of a decision made at `at` may be asked. */
export const reconsiderationLastDay = (at: string, clock: Clock) =>
  addDays(localDate(new Date(at), clock.calendar.timeZone), clock.reconsiderationDays);

/** Whether `now` is still within the reconsideration period of a decision made at `at` (to 11:59 pm local). */
export const withinReconsideration = (at: string, now: Date, clock: Clock) =>
  now.getTime() <= deadlineOn(reconsiderationLastDay(at, clock), clock.calendar).at.getTime() + 59_999;

export function summaryOf(
  row: RequestRow,
  departments: readonly string[],
  departmentName: (id: string) => string,
  clock: Clock,
  now: Date,
): RequestSummary {
  return {
    id: row.id,
    number: row.number,
    description: row.description,
    departments: departments.map((id) => ({ id, name: departmentName(id) })),
    status: row.status as RequestStatus,
    closeReason: row.close_reason as CloseReason | null,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    dueDate: row.due_date,
    deadline: deadlineState(now, deadlineOf(row), {
      dueSoonDays: clock.dueSoonDays,
      closedAt: row.closed_at ? new Date(row.closed_at) : null,
      calendar: clock.calendar,
    }),
    closedAt: row.closed_at,
    published: row.published === 1,
  };
}

const seenBy = (sight: Sight, visibility: string) =>
  sight === 'staff' || visibility === 'public' || (sight === 'requester' && visibility === 'requester');

export function detailOf(
  row: RequestRow,
  parts: RequestParts,
  sight: Exclude<Sight, 'none'>,
  lookups: Lookups,
  clock: Clock,
  now: Date,
): RequestDetail {
  const staff = sight === 'staff';
  const lines = parts.fees.map((f) => ({
    id: f.id,
    kind: f.kind as FeeKind,
    description: f.description,
    amountCents: f.amount_cents,
  }));
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  // The denial in force: a reconsideration that reverses or modifies it reopens the request (its record stays).
  const denied =
    row.status === 'closed' && (row.close_reason === 'denied' || row.close_reason === 'partially_fulfilled');
  const denial =
    parts.denial && denied
      ? {
          scope: parts.denial.scope as 'full' | 'partial',
          exemptions: JSON.parse(parts.denial.exemptions) as string[],
          responsible: JSON.parse(parts.denial.responsible) as { name: string; title: string }[],
          explanation: parts.denial.explanation,
          at: parts.denial.at,
        }
      : null;
  const reconsiderationUntil: { denial?: string; fee?: string } = {};
  if (denial) reconsiderationUntil.denial = reconsiderationLastDay(denial.at, clock);
  if (totalCents > 0 && row.fees_at) reconsiderationUntil.fee = reconsiderationLastDay(row.fees_at, clock);

  const reconsiderations: Reconsideration[] = parts.reconsiderations.map((r) => ({
    id: r.id,
    subject: r.subject as 'denial' | 'fee',
    // The requester's words stay between them and the City.
    reason: sight === 'public' ? '' : r.reason,
    requestedAt: r.requested_at,
    decision: r.decision as Reconsideration['decision'],
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    decidedBy:
      r.decided_by_name !== null ? { name: r.decided_by_name, title: r.decided_by_title ?? '' } : null,
  }));

  const detail: RequestDetail = {
    ...summaryOf(row, parts.departments, lookups.departmentName, clock, now),
    preferredFormat: row.preferred_format as PreferredFormat,
    initialDueDate: row.initial_due_date,
    extension:
      row.extension_reason !== null
        ? {
            reason: row.extension_reason as UnusualCircumstance,
            notice: row.extension_notice ?? '',
            days: row.extension_days ?? 0,
            at: row.extended_at ?? row.updated_at,
          }
        : null,
    assignees: staff ? parts.assignees.map((userId) => ({ userId, name: lookups.userName(userId) })) : [],
    messages: parts.messages
      .filter((m) => staff || m.kind === 'public')
      .map((m) => ({
        id: m.id,
        at: m.at,
        kind: m.kind as 'public' | 'internal',
        author: m.author,
        body: m.body,
      })),
    fees: { lines, totalCents, payment: row.payment_status as PaymentStatus },
    programmingJustification: row.programming_justification as ProgrammingJustification | null,
    documents: parts.documents
      .filter((d) => seenBy(sight, d.visibility))
      .filter((d) => staff || d.dataset_id === null || lookups.showsDataset(d.dataset_id))
      .map((d) => {
        const url = d.kind === 'upload' ? lookups.fileUrl(d.id) : undefined;
        return {
          id: d.id,
          kind: d.kind as DocumentKind,
          title: d.title,
          visibility: d.visibility as Visibility,
          ...(d.file_name !== null && { fileName: d.file_name }),
          ...(d.dataset_id !== null && { datasetId: d.dataset_id }),
          ...(d.description !== null && { description: d.description }),
          ...(d.redaction_note !== null && { redactionNote: d.redaction_note }),
          releasedAt: d.released_at,
          ...(url !== undefined && { url }),
          ...(d.media_type !== null && { mediaType: d.media_type }),
          ...(d.size !== null && { size: d.size }),
        };
      }),
    denial,
    reconsiderations,
    privateReason: staff ? row.private_reason : null,
    datasets: lookups.datasets,
    // Written to the requester: not part of the public log.
    closeNote: sight === 'public' ? null : row.close_note,
    referredTo: row.referred_to,
  };
  if (sight === 'public') return detail;
  detail.requester = {
    name: row.requester_name,
    email: row.requester_email,
    phone: row.requester_phone,
  };
  detail.attachments = parts.attachments.map((a) => {
    const url = lookups.fileUrl(a.id);
    return {
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      size: a.size,
      ...(url !== undefined && { url }),
    };
  });
  detail.reconsiderationUntil = reconsiderationUntil;
  if (staff) detail.paused = row.paused === 1;
  return detail;
}
