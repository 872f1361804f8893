import type BetterSqlite3 from 'better-sqlite3';
import type { BatchRules, ObservationRow, ObservationStore } from './observation-store.js';

const OBSERVATION_COLUMNS =
  'datastream_id, phenomenon_time, phenomenon_end, result_time, result_number, result_json, result_quality, parameters, feature_id, received_at';

/** The insert every ingest path runs (and the ingest benchmark's raw baseline too). */
export const SQLITE_INSERT_OBSERVATION = `INSERT INTO sensor_observations (${OBSERVATION_COLUMNS})
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (datastream_id, phenomenon_time) DO NOTHING`;

const UPSERT_ROLLUP = `INSERT INTO sensor_rollups AS r
  (datastream_id, resolution, bucket, n, total, min, max, first_time, first_value, last_time, last_value)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (datastream_id, resolution, bucket) DO UPDATE SET
    n = r.n + excluded.n,
    total = r.total + excluded.total,
    min = min(r.min, excluded.min),
    max = max(r.max, excluded.max),
    first_value = CASE WHEN excluded.first_time < r.first_time THEN excluded.first_value ELSE r.first_value END,
    first_time = min(r.first_time, excluded.first_time),
    last_value = CASE WHEN excluded.last_time > r.last_time THEN excluded.last_value ELSE r.last_value END,
    last_time = max(r.last_time, excluded.last_time)`;

const READ_MINUTES = 'SELECT minutes FROM sensor_minute_rollups WHERE datastream_id = ? AND hour = ?';
const WRITE_MINUTES =
  'INSERT OR REPLACE INTO sensor_minute_rollups (datastream_id, hour, minutes) VALUES (?, ?, ?)';

const LATEST_WINS = 'excluded.latest_time > s.latest_time';
const UPSERT_STATE = `INSERT INTO sensor_datastream_state AS s
  (datastream_id, observations, phenomenon_start, phenomenon_end, result_start, result_end, latest_id, latest_time,
   latest_end, latest_result_time, latest_number, latest_json, latest_quality, latest_received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (datastream_id) DO UPDATE SET
    observations = s.observations + excluded.observations,
    phenomenon_start = min(s.phenomenon_start, excluded.phenomenon_start),
    phenomenon_end = max(s.phenomenon_end, excluded.phenomenon_end),
    result_start = coalesce(min(s.result_start, excluded.result_start), s.result_start, excluded.result_start),
    result_end = coalesce(max(s.result_end, excluded.result_end), s.result_end, excluded.result_end),
    latest_id = CASE WHEN ${LATEST_WINS} THEN excluded.latest_id ELSE s.latest_id END,
    latest_end = CASE WHEN ${LATEST_WINS} THEN excluded.latest_end ELSE s.latest_end END,
    latest_result_time = CASE WHEN ${LATEST_WINS} THEN excluded.latest_result_time ELSE s.latest_result_time END,
    latest_number = CASE WHEN ${LATEST_WINS} THEN excluded.latest_number ELSE s.latest_number END,
    latest_json = CASE WHEN ${LATEST_WINS} THEN excluded.latest_json ELSE s.latest_json END,
    latest_quality = CASE WHEN ${LATEST_WINS} THEN excluded.latest_quality ELSE s.latest_quality END,
    latest_received_at = CASE WHEN ${LATEST_WINS} THEN excluded.latest_received_at ELSE s.latest_received_at END,
    latest_time = max(s.latest_time, excluded.latest_time)`;

/** The row's values in the order of OBSERVATION_COLUMNS. */
export const observationValues = (row: ObservationRow) => [
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
];

/**
 * SQLite: the batch runs synchronously on the writer connection, inside one transaction, so it is committed
 * (WAL, synchronous=FULL) when the promise resolves. Statements are prepared once.
 */
export function sqliteObservationStore(db: BetterSqlite3.Database): ObservationStore {
  // Prepared on first use: the database opens before its migrations have run.
  let write: ReturnType<typeof prepare> | undefined;
  return {
    write: async (rows, rules) => (write ??= prepare(db))(rows, rules),
  };
}

function prepare(db: BetterSqlite3.Database) {
  const insert = db.prepare(SQLITE_INSERT_OBSERVATION);
  const rollup = db.prepare(UPSERT_ROLLUP);
  const state = db.prepare(UPSERT_STATE);
  const readMinutes = db.prepare<[number, number], { minutes: Buffer }>(READ_MINUTES);
  const writeMinutes = db.prepare(WRITE_MINUTES);
  return db.transaction((rows: readonly ObservationRow[], rules: BatchRules) => {
    const ids: (number | null)[] = new Array(rows.length);
    const inserted: ObservationRow[] = [];
    const insertedIds: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const result = insert.run(observationValues(row));
      if (result.changes === 0) {
        ids[i] = null;
        continue;
      }
      const id = Number(result.lastInsertRowid);
      ids[i] = id;
      inserted.push(row);
      insertedIds.push(id);
    }
    if (inserted.length === 0) return ids;
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
      );
    }
    return ids;
  });
}
