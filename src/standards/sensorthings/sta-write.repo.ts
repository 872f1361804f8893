/**
 * The lookups the SensorThings write side needs around ingest (which never inserts here): the stored
 * observation a duplicate collided with, and which FeaturesOfInterest exist; and the updates of the entities
 * a PATCH may change.
 */
import type { Database } from '../../db/database.js';

/** Values per `IN (...)` list: well under the bound-parameter limits of both databases. */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

export function staWriteRepo(db: Database) {
  const k = db.kysely;
  return {
    /** The ids of the stored observations of one datastream at these phenomenon times (epoch ms), by time. */
    async observationIdsAt(datastreamId: number, times: readonly number[]): Promise<Map<number, number>> {
      const found = new Map<number, number>();
      for (const part of chunks([...new Set(times)])) {
        const rows = await k
          .selectFrom('sensor_observations')
          .select(['id', 'phenomenon_time'])
          .where('datastream_id', '=', datastreamId)
          .where('phenomenon_time', 'in', part)
          .execute();
        for (const row of rows) found.set(Number(row.phenomenon_time), Number(row.id));
      }
      return found;
    },

    /** Updates columns of a Datastream or ObservedProperty; false when there is no such entity. */
    async updateEntity(
      table: 'sensor_datastreams' | 'sensor_observed_properties',
      id: number,
      values: Record<string, string | null>,
    ): Promise<boolean> {
      if (Object.keys(values).length === 0) {
        return (await k.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
      }
      const result = await k
        .updateTable(table)
        .set(values as never)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Those of these FeatureOfInterest ids that exist. */
    async existingFeatures(ids: readonly number[]): Promise<Set<number>> {
      const found = new Set<number>();
      for (const part of chunks([...new Set(ids)])) {
        const rows = await k.selectFrom('sensor_features').select('id').where('id', 'in', part).execute();
        for (const row of rows) found.add(Number(row.id));
      }
      return found;
    },
  };
}

export type StaWriteRepo = ReturnType<typeof staWriteRepo>;
