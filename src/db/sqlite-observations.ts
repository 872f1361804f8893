import type BetterSqlite3 from 'better-sqlite3';
import { rollupMerge, stateMerge, type MinMax } from './observation-merge-sql.js';
import type { BatchRules, ObservationRow, ObservationStore, QcRevision } from './observation-store.js';

/** SQLite's scalar min/max return NULL when either side is NULL: the result range must skip a NULL side. */
const SQLITE: MinMax = {
  least: (a, b) => `coalesce(min(${a}, ${b}), ${a}, ${b})`,
  greatest: (a, b) => `coalesce(max(${a}, ${b}), ${a}, ${b})`,
};

const OBSERVATION_COLUMNS =
  'datastream_id, phenomenon_time, phenomenon_end, result_time, result_number, result_json, result_quality, parameters, feature_id, received_at, qc_flag, qc_tests';

/** The insert every ingest path runs (and the ingest benchmark's raw baseline too). */
export const SQLITE_INSERT_OBSERVATION = `INSERT INTO sensor_observations (${OBSERVATION_COLUMNS})
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (datastream_id, phenomenon_time) DO NOTHING`;

const UPSERT_ROLLUP = `INSERT INTO sensor_rollups AS r
  (datastream_id, resolution, bucket, n, total, min, max, first_time, first_value, last_time, last_value)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (datastream_id, resolution, bucket) DO UPDATE SET
    ${rollupMerge(SQLITE)}`;

const READ_MINUTES = 'SELECT minutes FROM sensor_minute_rollups WHERE datastream_id = ? AND hour = ?';
const WRITE_MINUTES =
  'INSERT OR REPLACE INTO sensor_minute_rollups (datastream_id, hour, minutes) VALUES (?, ?, ?)';

const REVISE = `UPDATE sensor_observations SET qc_flag = ?, qc_tests = ?
  WHERE datastream_id = ? AND phenomenon_time = ?`;
// The state keeps the latest observation's outcome too: revised when the revised observation is the latest.
const REVISE_STATE = `UPDATE sensor_datastream_state SET latest_qc_flag = ?, latest_qc_tests = ?
  WHERE datastream_id = ? AND latest_time = ?`;

const UPSERT_STATE = `INSERT INTO sensor_datastream_state AS s
  (datastream_id, observations, phenomenon_start, phenomenon_end, result_start, result_end, latest_id, latest_time,
   latest_end, latest_result_time, latest_number, latest_json, latest_quality, latest_received_at, latest_qc_flag,
   latest_qc_tests)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (datastream_id) DO UPDATE SET
    ${stateMerge(SQLITE)}`;

/**
 * SQLite: the batch runs synchronously on the writer connection, inside one transaction, so it is committed
 * (WAL, synchronous=FULL) when the promise resolves. Statements are prepared once.
 */
export function sqliteObservationStore(db: BetterSqlite3.Database): ObservationStore {
  // Prepared on first use: the database opens before its migrations have run.
  let write: ReturnType<typeof prepare> | undefined;
  return {
    write: async (rows, rules, revisions) => (write ??= prepare(db))(rows, rules, revisions ?? []),
  };
}

function prepare(db: BetterSqlite3.Database) {
  const insert = db.prepare(SQLITE_INSERT_OBSERVATION);
  const rollup = db.prepare(UPSERT_ROLLUP);
  const state = db.prepare(UPSERT_STATE);
  const readMinutes = db.prepare<[number, number], { minutes: Buffer }>(READ_MINUTES);
  const writeMinutes = db.prepare(WRITE_MINUTES);
  const revise = db.prepare(REVISE);
  const reviseState = db.prepare(REVISE_STATE);
  const applyRevisions = (revisions: readonly QcRevision[]) => {
    for (const r of revisions) {
      revise.run(r.qcFlag, r.qcTests, r.datastreamId, r.phenomenonTime);
      reviseState.run(r.qcFlag, r.qcTests, r.datastreamId, r.phenomenonTime);
    }
  };
  return db.transaction(
    (rows: readonly ObservationRow[], rules: BatchRules, revisions: readonly QcRevision[]) => {
      const ids: (number | null)[] = new Array(rows.length);
      const inserted: ObservationRow[] = [];
      const insertedIds: number[] = [];
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        // Arguments one by one: an array per row would be garbage a few hundred thousand times a second.
        const result = insert.run(
          row.datastreamId,
          row.phenomenonTime,
          row.phenomenonEnd,
          row.resultTime,
          row.resultNumber,
          row.resultJson,
          row.resultQuality,
          row.parameters,
          row.featureId,
          row.receivedAt,
          row.qcFlag ?? null,
          row.qcTests ?? null,
        );
        if (result.changes === 0) {
          ids[i] = null;
          continue;
        }
        const id = Number(result.lastInsertRowid);
        ids[i] = id;
        inserted.push(row);
        insertedIds.push(id);
      }
      if (inserted.length === 0) {
        applyRevisions(revisions);
        return ids;
      }
      const summary = rules.summarize(inserted, insertedIds);
      for (const m of summary.minutes) {
        const stored = readMinutes.get(m.datastreamId, m.hour)?.minutes;
        writeMinutes.run(m.datastreamId, m.hour, rules.mergeMinutes(stored ?? null, m.hour, m.minutes));
      }
      for (const r of summary.rollups) {
        rollup.run(
          r.datastreamId,
          r.resolution,
          r.bucket,
          r.n,
          r.total,
          r.min,
          r.max,
          r.firstTime,
          r.firstValue,
          r.lastTime,
          r.lastValue,
        );
      }
      for (const s of summary.states) {
        const l = s.latest;
        state.run(
          s.datastreamId,
          s.observations,
          s.phenomenonStart,
          s.phenomenonEnd,
          s.resultStart,
          s.resultEnd,
          s.latestId,
          l.phenomenonTime,
          l.phenomenonEnd,
          l.resultTime,
          l.resultNumber,
          l.resultJson,
          l.resultQuality,
          l.receivedAt,
          l.qcFlag ?? null,
          l.qcTests ?? null,
        );
      }
      applyRevisions(revisions);
      return ids;
    },
  );
}
