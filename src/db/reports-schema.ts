/**
 * Kysely's view of the quality reports' tables (migration 0010). Times are ISO 8601 strings in UTC.
 */

export interface ReportTable {
  id: string;
  /** `Q26-0001`: the year of filing (UTC) and its sequence; unique. */
  number: string;
  year: number;
  seq: number;
  dataset_id: string;
  datastream_id: number | null;
  /** The dataset's department when filed: who works on it. */
  department_id: string;
  /** One of REPORT_KINDS. */
  kind: string;
  /** `public` or `automatic`. */
  source: string;
  /** Automatic reports: the sensor fault (`flat_line`, `failing`, `silent`). */
  fault_kind: string | null;
  /** One of REPORT_STATUSES. */
  status: string;
  /** As the reporter wrote it (public views show it moderated). */
  description: string;
  /** Lower-cased; never shown publicly. */
  email: string | null;
  row_ref: string | null;
  time_from: string | null;
  time_to: string | null;
  /** The signed-in reporter, if any. */
  user_id: string | null;
  lang: string;
  /** SHA-256 (hex) of the private follow link's token; null for automatic reports. */
  follow_token_hash: string | null;
  assignee_id: string | null;
  /** The won't-fix reason or the resolution note. */
  closing_note: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ReportEventTable {
  id: string;
  report_id: string;
  /** `filed`, `status`, `reply`, `note` or `assigned`. */
  kind: string;
  from_status: string | null;
  to_status: string | null;
  body: string | null;
  /** Who, in words (a staff member's name, `reporter`, `automatic quality control`). */
  author: string;
  author_id: string | null;
  at: string;
}

export interface ReportsNumberTable {
  year: number;
  last: number;
}

/** One filing from an address (salted hash), for the rate limit; kept a day. */
export interface ReportsFilingTable {
  ip_hash: string;
  at: string;
}

export interface ReportsSchema {
  reports: ReportTable;
  report_events: ReportEventTable;
  reports_numbers: ReportsNumberTable;
  reports_filings: ReportsFilingTable;
}
