/** SQL of the live feeds: the latest observation of a datastream, to seed its retained MQTT message. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';

export interface LatestRow {
  id: number;
  time: number;
  end: number | null;
  resultTime: number | null;
  number: number | null;
  json: string | null;
  /** What the client sent (JSON text); the served resultQuality is composed with the QC flag and tests. */
  quality: string | null;
  qcFlag: number | null;
  qcTests: number | null;
}

export function liveRepo(db: Kysely<Schema>) {
  return {
    async latest(datastreamId: number): Promise<LatestRow | undefined> {
      return db
        .selectFrom('sensor_datastream_state')
        .select([
          'latest_id as id',
          'latest_time as time',
          'latest_end as end',
          'latest_result_time as resultTime',
          'latest_number as number',
          'latest_json as json',
          'latest_quality as quality',
          'latest_qc_flag as qcFlag',
          'latest_qc_tests as qcTests',
        ])
        .where('datastream_id', '=', datastreamId)
        .executeTakeFirst();
    },
  };
}

export type LiveRepo = ReturnType<typeof liveRepo>;
