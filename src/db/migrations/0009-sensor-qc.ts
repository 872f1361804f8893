import { sql, type Kysely } from 'kysely';

/**
 * Automatic quality control of sensor observations (QARTOD), stored compactly: each observation's combined flag
 * (`qc_flag`: 1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing) and each test's own flag packed one decimal
 * digit per test (`qc_tests`, see sensors/qc/qc-quality.ts). `result_quality` keeps only what the client sent;
 * the `resultQuality` JSON served (`{"qartod": {...}}` and the client's members) is composed when it is read.
 * A datastream's running state keeps its latest observation's flag and tests too (`latest_qc_flag`,
 * `latest_qc_tests`), so that latest values need not read the observation itself.
 *
 * - The columns are nullable: rows stored before QC existed, or with QC disabled, have no flag (read as 2).
 * - Rollups keep every value; series leave out failed values at read time. Failures are rare, so a partial
 *   index over them finds the buckets to correct, and the observations' own index does the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sensor_observations ADD COLUMN qc_flag smallint`.execute(db);
  await sql`ALTER TABLE sensor_observations ADD COLUMN qc_tests integer`.execute(db);
  await sql`ALTER TABLE sensor_datastream_state ADD COLUMN latest_qc_flag smallint`.execute(db);
  await sql`ALTER TABLE sensor_datastream_state ADD COLUMN latest_qc_tests integer`.execute(db);
  await sql`CREATE INDEX sensor_observations_qc_failed ON sensor_observations (datastream_id, phenomenon_time) WHERE qc_flag = 4`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS sensor_observations_qc_failed`.execute(db);
  await sql`ALTER TABLE sensor_datastream_state DROP COLUMN latest_qc_tests`.execute(db);
  await sql`ALTER TABLE sensor_datastream_state DROP COLUMN latest_qc_flag`.execute(db);
  await sql`ALTER TABLE sensor_observations DROP COLUMN qc_tests`.execute(db);
  await sql`ALTER TABLE sensor_observations DROP COLUMN qc_flag`.execute(db);
}
