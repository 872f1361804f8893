import { sql, type Kysely } from 'kysely';

/**
 * The records desk: public records requests under the California Public Records Act, their departments and
 * assignees, messages, fees, released documents, the requester's attachments, denials, reconsiderations and the
 * datasets published from them.
 *
 * - Ids are random text (UUIDs), times ISO 8601 text in UTC, local dates YYYY-MM-DD, flags 0/1, lists JSON text.
 * - The requester's follow link is stored only as a hash.
 * - Request numbers (`R26-0001`) come from `records_numbers`, one row per year, incremented in the transaction
 *   that files the request.
 */
const STATEMENTS = [
  `CREATE TABLE records_numbers (
     year integer PRIMARY KEY,
     last integer NOT NULL
   )`,
  `CREATE TABLE records_requests (
     id text PRIMARY KEY,
     number text NOT NULL,
     year integer NOT NULL,
     seq integer NOT NULL,
     description text NOT NULL,
     preferred_format text NOT NULL,
     requester_name text,
     requester_email text,
     requester_phone text,
     follow_token_hash text NOT NULL,
     status text NOT NULL,
     close_reason text,
     close_note text,
     referred_to text,
     received_at text NOT NULL,
     due_date text NOT NULL,
     due_at text NOT NULL,
     initial_due_date text NOT NULL,
     initial_due_at text NOT NULL,
     extension_reason text,
     extension_days integer,
     extension_notice text,
     extended_at text,
     extended_by text,
     paused integer NOT NULL DEFAULT 0,
     published integer NOT NULL DEFAULT 0,
     private_reason text,
     payment_status text NOT NULL DEFAULT 'not_required',
     programming_justification text,
     fees_at text,
     closed_at text,
     reminded_on text,
     created_at text NOT NULL,
     updated_at text NOT NULL
   )`,
  `CREATE UNIQUE INDEX records_requests_number ON records_requests (number)`,
  `CREATE UNIQUE INDEX records_requests_year_seq ON records_requests (year, seq)`,
  `CREATE UNIQUE INDEX records_requests_follow ON records_requests (follow_token_hash)`,
  `CREATE INDEX records_requests_log ON records_requests (published, received_at)`,
  `CREATE INDEX records_requests_due ON records_requests (status, due_at)`,
  `CREATE TABLE records_request_departments (
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     department_id text NOT NULL REFERENCES departments(id),
     PRIMARY KEY (request_id, department_id)
   )`,
  `CREATE INDEX records_request_departments_department ON records_request_departments (department_id)`,
  `CREATE TABLE records_request_assignees (
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     PRIMARY KEY (request_id, user_id)
   )`,
  `CREATE INDEX records_request_assignees_user ON records_request_assignees (user_id)`,
  `CREATE TABLE records_messages (
     id text PRIMARY KEY,
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     kind text NOT NULL,
     author text NOT NULL,
     author_id text,
     body text NOT NULL,
     at text NOT NULL
   )`,
  `CREATE INDEX records_messages_request ON records_messages (request_id, at)`,
  `CREATE TABLE records_fees (
     id text PRIMARY KEY,
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     position integer NOT NULL,
     kind text NOT NULL,
     description text NOT NULL,
     amount_cents integer NOT NULL
   )`,
  `CREATE INDEX records_fees_request ON records_fees (request_id, position)`,
  `CREATE TABLE records_documents (
     id text PRIMARY KEY,
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     kind text NOT NULL,
     title text NOT NULL,
     visibility text NOT NULL,
     file_path text,
     file_name text,
     media_type text,
     size integer,
     dataset_id text,
     description text,
     redaction_note text,
     released_at text NOT NULL,
     released_by text
   )`,
  `CREATE INDEX records_documents_request ON records_documents (request_id, released_at)`,
  `CREATE TABLE records_attachments (
     id text PRIMARY KEY,
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     file_path text NOT NULL,
     file_name text NOT NULL,
     media_type text NOT NULL,
     size integer NOT NULL,
     created_at text NOT NULL
   )`,
  `CREATE INDEX records_attachments_request ON records_attachments (request_id)`,
  `CREATE TABLE records_denials (
     request_id text PRIMARY KEY REFERENCES records_requests(id) ON DELETE CASCADE,
     scope text NOT NULL,
     exemptions text NOT NULL,
     responsible text NOT NULL,
     explanation text NOT NULL,
     at text NOT NULL,
     by_id text
   )`,
  `CREATE TABLE records_reconsiderations (
     id text PRIMARY KEY,
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     subject text NOT NULL,
     reason text NOT NULL,
     requested_at text NOT NULL,
     decision text NOT NULL,
     decision_note text,
     decided_at text,
     decided_by_id text,
     decided_by_name text,
     decided_by_title text
   )`,
  `CREATE INDEX records_reconsiderations_request ON records_reconsiderations (request_id, requested_at)`,
  `CREATE TABLE records_datasets (
     request_id text NOT NULL REFERENCES records_requests(id) ON DELETE CASCADE,
     dataset_id text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
     linked_at text NOT NULL,
     linked_by text,
     PRIMARY KEY (request_id, dataset_id)
   )`,
  `CREATE INDEX records_datasets_dataset ON records_datasets (dataset_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'records_datasets',
    'records_reconsiderations',
    'records_denials',
    'records_attachments',
    'records_documents',
    'records_fees',
    'records_messages',
    'records_request_assignees',
    'records_request_departments',
    'records_requests',
    'records_numbers',
  ])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
