/**
 * Kysely's view of the records desk's tables (migration 0008): public records requests and what staff do with
 * them. Times are ISO 8601 strings in UTC; local dates (the city's calendar) are YYYY-MM-DD; flags are 0/1 and
 * lists are JSON text, so that both dialects read and write the same shapes.
 */

export interface RecordsRequestTable {
  id: string;
  /** `R26-0001`: the year of receipt (city calendar) and its sequence; unique. */
  number: string;
  year: number;
  seq: number;
  description: string;
  /** `electronic`, `paper` or `inspection`. */
  preferred_format: string;
  /** Who asked: never shown in public views. */
  requester_name: string | null;
  /** Lower-cased. */
  requester_email: string | null;
  requester_phone: string | null;
  /** SHA-256 (hex) of the private follow link's token; the token itself is shown once. */
  follow_token_hash: string;
  /** `open`, `extended` or `closed`. */
  status: string;
  /** fulfilled, partially_fulfilled, no_responsive_records, denied, withdrawn, referred. */
  close_reason: string | null;
  close_note: string | null;
  /** The agency a referred request was sent to. */
  referred_to: string | null;
  received_at: string;
  /** The due date in force (the extended one once extended) and its instant (11:59 pm local). */
  due_date: string;
  due_at: string;
  initial_due_date: string;
  initial_due_at: string;
  /** The one extension: an unusual circumstance (deadlines.ts), its days, the written notice, when and who. */
  extension_reason: string | null;
  extension_days: number | null;
  extension_notice: string | null;
  extended_at: string | null;
  extended_by: string | null;
  /** 1: no reminders (never stops the legal clock). */
  paused: number;
  /** 1: in the public log. */
  published: number;
  /** Why staff keep it out of the public log, when they do. */
  private_reason: string | null;
  /** not_required, awaiting_payment, paid, waived. */
  payment_status: string;
  /** Why a programming or extraction fee is allowed (7922.575(b)), when a fee line has one. */
  programming_justification: string | null;
  /** When the fees were last set (a reconsideration of the fee is asked within the city's period from it). */
  fees_at: string | null;
  closed_at: string | null;
  /** The local date of the last reminder to the assignees: at most one a day. */
  reminded_on: string | null;
  created_at: string;
  updated_at: string;
}

/** The last sequence number given in each year. */
export interface RecordsNumberTable {
  year: number;
  last: number;
}

export interface RecordsRequestDepartmentTable {
  request_id: string;
  department_id: string;
}

export interface RecordsRequestAssigneeTable {
  request_id: string;
  user_id: string;
}

export interface RecordsMessageTable {
  id: string;
  request_id: string;
  /** `public` (the requester and, once published, everyone) or `internal` (staff only). */
  kind: string;
  /** A name, as shown. */
  author: string;
  author_id: string | null;
  body: string;
  at: string;
}

export interface RecordsFeeTable {
  id: string;
  request_id: string;
  position: number;
  /** duplication, electronic_copy, programming. */
  kind: string;
  description: string;
  amount_cents: number;
}

export interface RecordsDocumentTable {
  id: string;
  request_id: string;
  /** upload, dataset, offline. */
  kind: string;
  title: string;
  /** public, requester, staff. */
  visibility: string;
  /** Uploads: the file, relative to the desk's folder (dataDir/records). */
  file_path: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  dataset_id: string | null;
  description: string | null;
  redaction_note: string | null;
  released_at: string;
  released_by: string | null;
}

export interface RecordsAttachmentTable {
  id: string;
  request_id: string;
  file_path: string;
  file_name: string;
  media_type: string;
  size: number;
  created_at: string;
}

export interface RecordsDenialTable {
  request_id: string;
  /** full or partial. */
  scope: string;
  /** JSON array of strings. */
  exemptions: string;
  /** JSON array of { name, title }. */
  responsible: string;
  explanation: string;
  at: string;
  by_id: string | null;
}

export interface RecordsReconsiderationTable {
  id: string;
  request_id: string;
  /** denial or fee. */
  subject: string;
  reason: string;
  requested_at: string;
  /** pending, upheld, reversed, modified. */
  decision: string;
  decision_note: string | null;
  decided_at: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_by_title: string | null;
}

export interface RecordsDatasetTable {
  request_id: string;
  dataset_id: string;
  linked_at: string;
  linked_by: string | null;
}

export interface DeskSchema {
  records_requests: RecordsRequestTable;
  records_numbers: RecordsNumberTable;
  records_request_departments: RecordsRequestDepartmentTable;
  records_request_assignees: RecordsRequestAssigneeTable;
  records_messages: RecordsMessageTable;
  records_fees: RecordsFeeTable;
  records_documents: RecordsDocumentTable;
  records_attachments: RecordsAttachmentTable;
  records_denials: RecordsDenialTable;
  records_reconsiderations: RecordsReconsiderationTable;
  records_datasets: RecordsDatasetTable;
}
