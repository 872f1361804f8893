import { sql, type Kysely } from 'kysely';

/**
 * Stewardship: the corrective notices the watches send to a dataset's department (metadata that misses
 * DCAT-US or city rules, data that is overdue against its update frequency), with their due date, escalation,
 * and the withdrawal of a dataset until it is fixed; and the daily digest sent to each department.
 *
 * - Ids are random text (UUIDs), times ISO 8601 text in UTC, local dates YYYY-MM-DD, problem lists JSON text.
 * - At most one unresolved notice per dataset and kind: a partial unique index, so that two nodes running the
 *   watch at once cannot both open one.
 * - A digest is claimed by inserting its (department, local date) row: the one that inserts it sends it.
 */
const STATEMENTS = [
  `CREATE TABLE stewardship_notices (
     id text PRIMARY KEY,
     dataset_id text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
     department_id text NOT NULL,
     kind text NOT NULL,
     state text NOT NULL,
     problems text NOT NULL,
     issued_at text NOT NULL,
     due_at text NOT NULL,
     updated_at text NOT NULL,
     escalated_at text,
     resolved_at text,
     withdrawn_at text,
     republished_at text
   )`,
  `CREATE UNIQUE INDEX stewardship_notices_unresolved ON stewardship_notices (dataset_id, kind) WHERE state <> 'resolved'`,
  `CREATE INDEX stewardship_notices_department ON stewardship_notices (department_id, state)`,
  `CREATE TABLE stewardship_digests (
     department_id text NOT NULL,
     local_date text NOT NULL,
     sent_at text NOT NULL,
     PRIMARY KEY (department_id, local_date)
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['stewardship_digests', 'stewardship_notices'])
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
}
