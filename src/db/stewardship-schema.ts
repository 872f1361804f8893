/**
 * Kysely's view of the stewardship tables (migration 0011): corrective notices to departments and the daily
 * digests sent to them. Times are ISO 8601 strings in UTC, local dates YYYY-MM-DD, problem lists JSON text.
 */

export interface StewardshipNoticeTable {
  id: string;
  dataset_id: string;
  /** The department the notice went to (the dataset's when it was issued). */
  department_id: string;
  /** `metadata` or `freshness`. */
  kind: string;
  /** `open`, `escalated` or `resolved`. */
  state: string;
  /** JSON: `[{ "field", "message" }]`, what is missing or late. */
  problems: string;
  issued_at: string;
  due_at: string;
  updated_at: string;
  escalated_at: string | null;
  resolved_at: string | null;
  /** When the watch unpublished the dataset under the city's policy, and when it published it again. */
  withdrawn_at: string | null;
  republished_at: string | null;
}

export interface StewardshipDigestTable {
  department_id: string;
  /** The city-local day the digest is for. */
  local_date: string;
  sent_at: string;
}

export interface StewardshipSchema {
  stewardship_notices: StewardshipNoticeTable;
  stewardship_digests: StewardshipDigestTable;
}
