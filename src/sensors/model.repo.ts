/** SQL for the SensorThings entities (creation and the lookups ingest needs). */
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../db/schema.js';

type Executor = Kysely<Schema> | Transaction<Schema>;

export interface DatastreamRow {
  id: number;
  thing_id: number;
  dataset_id: string | null;
  observation_type: string;
  feature_id: number | null;
}

/** A datastream of a dataset with the time of its latest observation (epoch ms). */
export interface FeedRow {
  id: number;
  name: string;
  dataset_id: string;
  latest_time: number | null;
  latest_end: number | null;
}

export function modelRepo(db: Kysely<Schema>) {
  return {
    transaction: <T>(run: (trx: Transaction<Schema>) => Promise<T>) => db.transaction().execute(run),

    async insert<T extends keyof Schema & `sensor_${string}`>(
      trx: Executor,
      table: T,
      values: Record<string, unknown>,
    ): Promise<number> {
      const row = await trx
        .insertInto(table)
        .values(values as never)
        .returning('id' as never)
        .executeTakeFirstOrThrow();
      return Number((row as unknown as { id: number }).id);
    },

    async link(trx: Executor, thingId: number, locationId: number, time: number): Promise<void> {
      await trx
        .insertInto('sensor_thing_locations')
        .values({ thing_id: thingId, location_id: locationId })
        .execute();
      const historical = await trx
        .insertInto('sensor_historical_locations')
        .values({ thing_id: thingId, time })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('sensor_historical_location_locations')
        .values({ historical_location_id: Number(historical.id), location_id: locationId })
        .execute();
    },

    async thingByExternalId(datasetId: string, externalId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('sensor_things')
        .select('id')
        .where('dataset_id', '=', datasetId)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return row ? Number(row.id) : undefined;
    },

    async thingExists(id: number): Promise<boolean> {
      return (
        (await db.selectFrom('sensor_things').select('id').where('id', '=', id).executeTakeFirst()) !==
        undefined
      );
    },

    /** Which of these FeatureOfInterest ids exist. */
    async existingFeatures(ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('sensor_features').select('id').where('id', 'in', ids).execute();
      return new Set(rows.map((r) => Number(r.id)));
    },

    async entityExists(table: 'sensor_sensors' | 'sensor_observed_properties', id: number): Promise<boolean> {
      return (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async datastreams(ids?: readonly number[]): Promise<DatastreamRow[]> {
      let query = db
        .selectFrom('sensor_datastreams as d')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .select(['d.id', 'd.thing_id', 't.dataset_id', 'd.observation_type', 'd.feature_id']);
      if (ids) query = query.where('d.id', 'in', ids.length > 0 ? ids : [-1]);
      const rows = await query.execute();
      return rows.map((r) => ({ ...r, id: Number(r.id), thing_id: Number(r.thing_id) }));
    },

    /** Datastream ids of a dataset's Things, in id order. */
    async datastreamIdsOfDataset(datasetId: string): Promise<number[]> {
      const rows = await db
        .selectFrom('sensor_datastreams as d')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .select('d.id')
        .where('t.dataset_id', '=', datasetId)
        .orderBy('d.id')
        .execute();
      return rows.map((r) => Number(r.id));
    },

    /**
     * The datastreams of these datasets' Things with their latest observation (phenomenon time, and its end for
     * an interval; null before the first), from the running states: one indexed join, for the status board.
     */
    async feedsOfDatasets(datasetIds: readonly string[]): Promise<FeedRow[]> {
      if (datasetIds.length === 0) return [];
      const rows = await db
        .selectFrom('sensor_datastreams as d')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .leftJoin('sensor_datastream_state as s', 's.datastream_id', 'd.id')
        .select(['d.id', 'd.name', 't.dataset_id', 's.latest_time', 's.latest_end'])
        .where('t.dataset_id', 'in', datasetIds)
        .orderBy('t.id')
        .orderBy('d.id')
        .execute();
      const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      return rows.map((r) => ({
        id: Number(r.id),
        name: r.name,
        dataset_id: r.dataset_id!,
        latest_time: number(r.latest_time),
        latest_end: number(r.latest_end),
      }));
    },

    /** Newest phenomenon time of each dataset's observations (epoch ms), from the datastream states. */
    async newestByDataset(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('sensor_datastream_state as s')
        .innerJoin('sensor_datastreams as d', 'd.id', 's.datastream_id')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .select(['t.dataset_id', (eb) => eb.fn.max('s.latest_received_at').as('newest')])
        .where('t.dataset_id', 'is not', null)
        .groupBy('t.dataset_id')
        .execute();
      return new Map(rows.map((r) => [r.dataset_id!, Number(r.newest)]));
    },
  };
}

export type ModelRepo = ReturnType<typeof modelRepo>;
