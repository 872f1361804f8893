import type pg from 'pg';
import { rollupMerge, stateMerge, type MinMax } from './observation-merge-sql.js';
import type { MinuteChange, ObservationRow, ObservationStore, QcRevision } from './observation-store.js';

/** least/greatest skip NULLs, which the state's result range relies on. */
const POSTGRES: MinMax = { least: (a, b) => `least(${a}, ${b})`, greatest: (a, b) => `greatest(${a}, ${b})` };

const INSERT = `INSERT INTO sensor_observations
    (datastream_id, phenomenon_time, phenomenon_end, result_time, result_number, result_json, result_quality,
     parameters, feature_id, received_at, qc_flag, qc_tests)
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::float8[], $6::text[],
    $7::text[], $8::text[], $9::bigint[], $10::bigint[], $11::smallint[], $12::int[])
  ON CONFLICT (datastream_id, phenomenon_time) DO NOTHING
  RETURNING id, datastream_id, phenomenon_time`;

const UPSERT_ROLLUPS = `INSERT INTO sensor_rollups AS r
    (datastream_id, resolution, bucket, n, total, min, max, first_time, first_value, last_time, last_value)
  SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[],
    $7::float8[], $8::bigint[], $9::float8[], $10::bigint[], $11::float8[])
  ON CONFLICT (datastream_id, resolution, bucket) DO UPDATE SET
    ${rollupMerge(POSTGRES)}`;

const UPSERT_STATES = `INSERT INTO sensor_datastream_state AS s
    (datastream_id, observations, phenomenon_start, phenomenon_end, result_start, result_end, latest_id,
     latest_time, latest_end, latest_result_time, latest_number, latest_json, latest_quality, latest_received_at,
     latest_qc_flag, latest_qc_tests)
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],
    $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::float8[], $12::text[], $13::text[], $14::bigint[],
    $15::smallint[], $16::int[])
  ON CONFLICT (datastream_id) DO UPDATE SET
    ${stateMerge(POSTGRES)}`;

// Packed minute rollups: rows are made to exist first, then locked in key order, so that concurrent writers (several
// nodes) serialize on them instead of overwriting each other's minutes.
const ENSURE_MINUTES = `INSERT INTO sensor_minute_rollups (datastream_id, hour, minutes)
  SELECT d, h, '\\x'::bytea FROM unnest($1::bigint[], $2::bigint[]) AS u(d, h)
  ON CONFLICT (datastream_id, hour) DO NOTHING`;
const LOCK_MINUTES = `SELECT m.datastream_id, m.hour, m.minutes FROM sensor_minute_rollups m
  JOIN unnest($1::bigint[], $2::bigint[]) AS u(d, h) ON m.datastream_id = u.d AND m.hour = u.h
  ORDER BY m.datastream_id, m.hour FOR UPDATE OF m`;
const WRITE_MINUTES = `UPDATE sensor_minute_rollups m SET minutes = u.minutes
  FROM unnest($1::bigint[], $2::bigint[], $3::bytea[]) AS u(d, h, minutes)
  WHERE m.datastream_id = u.d AND m.hour = u.h`;

// A revised observation's outcome; the datastream state's copy too when it is the latest observation.
const REVISE = `UPDATE sensor_observations o SET qc_flag = u.flag, qc_tests = u.tests
  FROM unnest($1::bigint[], $2::bigint[], $3::smallint[], $4::int[]) AS u(d, t, flag, tests)
  WHERE o.datastream_id = u.d AND o.phenomenon_time = u.t`;
const REVISE_STATES = `UPDATE sensor_datastream_state s SET latest_qc_flag = u.flag, latest_qc_tests = u.tests
  FROM unnest($1::bigint[], $2::bigint[], $3::smallint[], $4::int[]) AS u(d, t, flag, tests)
  WHERE s.datastream_id = u.d AND s.latest_time = u.t`;

/** Columns of arrays for unnest(), one array per field. */
function columns<T>(items: readonly T[], fields: readonly ((item: T) => unknown)[]): unknown[][] {
  return fields.map((field) => items.map(field));
}

/** Applies quality revisions; the last one for an observation wins (unnest may not update a row twice). */
async function revise(client: pg.PoolClient, revisions: readonly QcRevision[]): Promise<void> {
  const last = new Map<string, QcRevision>();
  for (const r of revisions) last.set(`${r.datastreamId}:${r.phenomenonTime}`, r);
  const list = [...last.values()];
  const values = columns(list, [
    (r) => r.datastreamId,
    (r) => r.phenomenonTime,
    (r) => r.qcFlag,
    (r) => r.qcTests,
  ]);
  await client.query(REVISE, values);
  await client.query(REVISE_STATES, values);
}

/**
 * PostgreSQL: one transaction per batch on one pooled client; rows travel as arrays (one parameter per column),
 * so a batch of thousands is three statements. least/greatest skip NULLs, which the ranges rely on.
 */
export function postgresObservationStore(pool: pg.Pool): ObservationStore {
  return {
    async write(rows, rules, revisions: readonly QcRevision[] = []) {
      // A batch may carry the same (datastream, time) twice: the first one counts, as it would one by one.
      const keys = new Map<string, number>();
      const unique: ObservationRow[] = [];
      const positions: number[] = [];
      rows.forEach((row, i) => {
        const key = `${row.datastreamId}:${row.phenomenonTime}`;
        if (keys.has(key)) return;
        keys.set(key, i);
        unique.push(row);
        positions.push(i);
      });
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows: created } = await client.query<{
          id: number;
          datastream_id: number;
          phenomenon_time: number;
        }>(
          INSERT,
          columns(unique, [
            (r) => r.datastreamId,
            (r) => r.phenomenonTime,
            (r) => r.phenomenonEnd,
            (r) => r.resultTime,
            (r) => r.resultNumber,
            (r) => r.resultJson,
            (r) => r.resultQuality,
            (r) => r.parameters,
            (r) => r.featureId,
            (r) => r.receivedAt,
            (r) => r.qcFlag ?? null,
            (r) => r.qcTests ?? null,
          ]),
        );
        const ids: (number | null)[] = new Array<number | null>(rows.length).fill(null);
        const inserted: ObservationRow[] = [];
        const insertedIds: number[] = [];
        for (const c of created) {
          const at = keys.get(`${c.datastream_id}:${c.phenomenon_time}`)!;
          ids[at] = Number(c.id);
          inserted.push(rows[at]!);
          insertedIds.push(Number(c.id));
        }
        if (inserted.length > 0) {
          const summary = rules.summarize(inserted, insertedIds);
          const minutes = [...summary.minutes].sort(
            (a, b) => a.datastreamId - b.datastreamId || a.hour - b.hour,
          );
          if (minutes.length > 0) {
            const keys = columns(minutes, [(m) => m.datastreamId, (m) => m.hour]);
            await client.query(ENSURE_MINUTES, keys);
            const { rows: locked } = await client.query<{
              datastream_id: number;
              hour: number;
              minutes: Buffer;
            }>(LOCK_MINUTES, keys);
            const stored = new Map(locked.map((r) => [`${r.datastream_id}:${r.hour}`, r.minutes]));
            const merged = minutes.map((m: MinuteChange) => {
              const bytes = stored.get(`${m.datastreamId}:${m.hour}`);
              return Buffer.from(
                rules.mergeMinutes(bytes && bytes.length > 0 ? bytes : null, m.hour, m.minutes),
              );
            });
            await client.query(WRITE_MINUTES, [...keys, merged]);
          }
          await client.query(
            UPSERT_ROLLUPS,
            columns(summary.rollups, [
              (r) => r.datastreamId,
              (r) => r.resolution,
              (r) => r.bucket,
              (r) => r.n,
              (r) => r.total,
              (r) => r.min,
              (r) => r.max,
              (r) => r.firstTime,
              (r) => r.firstValue,
              (r) => r.lastTime,
              (r) => r.lastValue,
            ]),
          );
          await client.query(
            UPSERT_STATES,
            columns(summary.states, [
              (s) => s.datastreamId,
              (s) => s.observations,
              (s) => s.phenomenonStart,
              (s) => s.phenomenonEnd,
              (s) => s.resultStart,
              (s) => s.resultEnd,
              (s) => s.latestId,
              (s) => s.latest.phenomenonTime,
              (s) => s.latest.phenomenonEnd,
              (s) => s.latest.resultTime,
              (s) => s.latest.resultNumber,
              (s) => s.latest.resultJson,
              (s) => s.latest.resultQuality,
              (s) => s.latest.receivedAt,
              (s) => s.latest.qcFlag ?? null,
              (s) => s.latest.qcTests ?? null,
            ]),
          );
        }
        if (revisions.length > 0) await revise(client, revisions);
        await client.query('COMMIT');
        return ids;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
