/**
 * The words of the records desk's staff pages (English, like the rest of the staff console): statuses, the
 * statute's unusual circumstances and fee cases in plain language, close reasons, visibilities, notices.
 */
import type { UnusualCircumstance } from '../deadlines/deadlines.js';
import type {
  CloseReason,
  DeadlineState,
  DocumentKind,
  FeeKind,
  PaymentStatus,
  ProgrammingJustification,
  RequestStatus,
  Visibility,
} from '../records/records.types.js';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Open',
  extended: 'Extended',
  closed: 'Closed',
};

export const DEADLINE_LABELS: Record<DeadlineState, string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  on_track: 'On track',
  met: 'Answered on time',
};

/** Gov. Code 7922.535(c): the only reasons for the one extension, as a person would say them. */
export const CIRCUMSTANCE_LABELS: Record<UnusualCircumstance, string> = {
  other_facilities: 'The records are at other facilities, away from the office handling the request',
  voluminous: 'A large amount of separate records must be searched, collected and examined',
  consultation:
    'Another agency, or two or more city departments with a substantial interest, must be consulted',
  compilation: 'Data must be compiled, a computer report built or a program written to extract the records',
  emergency: 'A declared state of emergency affects the work of the office',
};

export const FEE_LABELS: Record<FeeKind, string> = {
  duplication: 'Duplication (direct cost of paper copies)',
  electronic_copy: 'Electronic copy (direct cost of producing it)',
  programming: 'Programming or data extraction',
};

/**
 * Gov. Code 7922.575(b): the only cases in which programming or extraction may be charged, as the desk records
 * them (its `ProgrammingJustification`).
 */
export const PROGRAMMING_LABELS: Record<ProgrammingJustification, string> = {
  compilation: 'The request needs data to be compiled to produce the record',
  extraction: 'The request needs data to be extracted to produce the record',
  programming: 'The request needs programming to produce the record',
  scheduled_intervals: 'The record is otherwise produced only at regularly scheduled intervals',
};

export const PAYMENT_LABELS: Record<PaymentStatus, string> = {
  not_required: 'No fee',
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  waived: 'Waived',
};

export const CLOSE_LABELS: Record<CloseReason, string> = {
  fulfilled: 'Fulfilled: every responsive record is released',
  partially_fulfilled: 'Partially fulfilled: some records or parts are withheld (a partial denial)',
  no_responsive_records: 'No responsive records: the city holds none',
  denied: 'Denied: every responsive record is withheld',
  withdrawn: 'Withdrawn by the requester',
  referred: 'Referred to another agency that holds the records',
};

/** Short forms for tables and badges. */
export const CLOSE_SHORT: Record<CloseReason, string> = {
  fulfilled: 'Fulfilled',
  partially_fulfilled: 'Partially fulfilled',
  no_responsive_records: 'No responsive records',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  referred: 'Referred',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public: the requester, and everyone once the request is in the public log',
  requester: 'Requester only',
  staff: 'Staff only',
};

export const VISIBILITY_SHORT: Record<Visibility, string> = {
  public: 'Public',
  requester: 'Requester only',
  staff: 'Staff only',
};

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  upload: 'A file',
  dataset: 'A dataset on the portal',
  offline: 'A record that is not online (describe how to see or get it)',
};

export const FORMAT_LABELS: Record<string, string> = {
  electronic: 'Electronic copy',
  paper: 'Paper copy',
  inspection: 'Inspection in person',
};

export const RECONSIDERATION_DECISIONS = [
  { value: 'upheld', label: 'Upheld: the decision stands' },
  { value: 'reversed', label: 'Reversed: the records will be released (or the fee dropped)' },
  { value: 'modified', label: 'Modified: part of the decision changes' },
] as const;

export const RECONSIDERATION_SHORT: Record<string, string> = {
  pending: 'Waiting for the Clerk',
  upheld: 'Upheld',
  reversed: 'Reversed',
  modified: 'Modified',
};

/** What the detail page says after a form succeeded (`?done=`). */
export const DONE_NOTICES: Record<string, string> = {
  assigned: 'The assignment is saved.',
  message: 'The message is sent to the requester and added to the timeline.',
  note: 'The internal note is added to the timeline.',
  extended: 'The extension is recorded; the requester is sent the notice with the new date.',
  paused: 'Reminders are paused. The legal deadline has not moved.',
  resumed: 'Reminders are on again.',
  fees: 'The fees are saved.',
  released: 'The document is released.',
  published: 'The request is in the public log.',
  private: 'The request is kept out of the public log.',
  closed: 'The request is closed; the requester is told by email when they gave an address.',
  decided: 'The reconsideration decision is recorded and the requester is told.',
  linked: 'The dataset is linked to the request.',
};
