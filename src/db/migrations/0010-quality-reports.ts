import { sql, type Kysely } from 'kysely';

/**
 * Quality reports: a resident's "this is wrong" about a dataset or one of its sensors, and the reports the sensor
 * checks open by themselves, with their events (filed, status changes, public replies, internal notes,
 * assignments) and the per-year numbers.
 *
 * - Ids are random text (UUIDs), times ISO 8601 text in UTC.
 * - The reporter's follow link is stored only as a hash; automatic reports have none.
 * - Report numbers (`Q26-0001`) come from `reports_numbers`, one row per year, incremented in the transaction
 *   that files the report.
 * - At most one open automatic report per datastream and fault kind (a partial unique index), so that a fault
 *   said twice opens one report.
 * - The reporter's address is kept only as a salted hash, in `reports_filings`, for the rate limit; entries older
 *   than a day are deleted as new ones come.
 */
const STATEMENTS = [
  `CREATE TABLE reports_numbers (
     year integer PRIMARY KEY,
     last integer NOT NULL
   )`,
  `CREATE TABLE reports (
     id text PRIMARY KEY,
     number text NOT NULL,
     year integer NOT NULL,
     seq integer NOT NULL,
     dataset_id text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
     datastream_id integer,
     department_id text NOT NULL REFERENCES departments(id),
     kind text NOT NULL,
     source text NOT NULL,
     fault_kind text,
     status text NOT NULL,
     description text NOT NULL,
     email text,
     row_ref text,
     time_from text,
     time_to text,
     user_id text,
     lang text NOT NULL,
     follow_token_hash text,
     assignee_id text,
     closing_note text,
     created_at text NOT NULL,
     updated_at text NOT NULL,
     closed_at text
   )`,
  `CREATE UNIQUE INDEX reports_number ON reports (number)`,
  `CREATE UNIQUE INDEX reports_year_seq ON reports (year, seq)`,
  `CREATE UNIQUE INDEX reports_follow ON reports (follow_token_hash)`,
  `CREATE UNIQUE INDEX reports_open_fault ON reports (datastream_id, fault_kind)
     WHERE source = 'automatic' AND closed_at IS NULL`,
  `CREATE INDEX reports_dataset ON reports (dataset_id, created_at)`,
  `CREATE INDEX reports_department ON reports (department_id, created_at)`,
  `CREATE INDEX reports_datastream ON reports (datastream_id, closed_at)`,
  `CREATE TABLE report_events (
     id text PRIMARY KEY,
     report_id text NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
     kind text NOT NULL,
     from_status text,
     to_status text,
     body text,
     author text NOT NULL,
     author_id text,
     at text NOT NULL
   )`,
  `CREATE INDEX report_events_report ON report_events (report_id, at)`,
  `CREATE TABLE reports_filings (
     ip_hash text NOT NULL,
     at text NOT NULL
   )`,
  `CREATE INDEX reports_filings_ip ON reports_filings (ip_hash, at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reports_filings', 'report_events', 'reports', 'reports_numbers'])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
