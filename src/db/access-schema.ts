import type { Generated } from 'kysely';

/** Kysely's view of the access module's tables (migration 0007). Times are ISO 8601 strings in UTC. */
export interface UserTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  /** `staff` or `developer`. */
  kind: string;
  /** scrypt (src/access/passwords.ts); null for accounts that sign in only through the identity provider. */
  password_hash: string | null;
  oidc_subject: string | null;
  email_verified_at: string | null;
  terms_accepted_at: string | null;
  terms_version: string | null;
  /** Rate-limit tier of a developer: `standard`, `elevated` or `partner`. */
  tier: string;
  /** `active`, `suspended` (until status_until, when set) or `revoked`. */
  status: string;
  status_reason: string | null;
  status_until: string | null;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  /** `admin`, `steward`, `clerk` or `viewer`. */
  role: string;
  /** The department a steward speaks for; '' for roles that are not scoped. */
  department_id: string;
}

export interface SessionTable {
  /** SHA-256 of the session id in the cookie. */
  id_hash: string;
  user_id: string;
  csrf_secret: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface EmailTokenTable {
  token_hash: string;
  user_id: string;
  /** `verify` (email address) or `reset` (password). */
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiKeyTable {
  id: string;
  user_id: string;
  name: string;
  /** The visible part of the key, unique: `plaza_<prefix>_...`. */
  prefix: string;
  /** SHA-256 of the whole key (hex). */
  secret_hash: string;
  /** `active`, `suspended` (until status_until, when set) or `revoked`. */
  status: string;
  status_reason: string | null;
  status_until: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiKeyUsageTable {
  key_id: string;
  /** Local calendar day of the city, YYYY-MM-DD. */
  day: string;
  requests: number;
  /** Requests answered 429. */
  limited: number;
}

export interface AccessRequestTable {
  id: string;
  user_id: string;
  /** `tier` or `dataset`. */
  kind: string;
  dataset_id: string | null;
  tier: string | null;
  /** The department that decides; null for tier requests (IT decides). */
  department_id: string | null;
  purpose: string;
  intended_use: string;
  /** `pending`, `approved`, `denied` or `withdrawn`. */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  /** The last day (YYYY-MM-DD, the city's calendar) of a limited approval; null when open-ended. */
  approved_until: string | null;
  /** The tier granted by an approved tier request (it may be lower than the one asked for). */
  approved_tier: string | null;
  created_at: string;
}

export interface AgreementTable {
  id: string;
  department_id: string;
  organization: string;
  contact_name: string;
  contact_email: string;
  purpose: string;
  terms_text: string;
  terms_url: string | null;
  terms_version: string;
  starts_at: string;
  ends_at: string;
  signed_at: string | null;
  /** `draft`, `active`, `expired` or `terminated`. */
  status: string;
  /** When the first notice of the coming expiry (30 days ahead) was sent. */
  expiry_notice_at: string | null;
  /** When the last notice of the coming expiry (7 days ahead) was sent. */
  final_notice_at: string | null;
  terminated_at: string | null;
  termination_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgreementDatasetTable {
  agreement_id: string;
  dataset_id: string;
}

export interface AgreementMemberTable {
  agreement_id: string;
  user_id: string;
}

export interface AccessGrantTable {
  id: string;
  user_id: string;
  /** A dataset grant, or null for a tier grant. */
  dataset_id: string | null;
  tier: string | null;
  /** `request` or `agreement`. */
  source: string;
  source_id: string;
  starts_at: string;
  ends_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  /** Who, in words: an email, `admin token`, `system`. */
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  reason: string | null;
  ip: string | null;
  /** JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

export interface AccessSchema {
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  email_tokens: EmailTokenTable;
  api_keys: ApiKeyTable;
  api_key_usage: ApiKeyUsageTable;
  access_requests: AccessRequestTable;
  agreements: AgreementTable;
  agreement_datasets: AgreementDatasetTable;
  agreement_members: AgreementMemberTable;
  access_grants: AccessGrantTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}
