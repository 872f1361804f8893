/**
 * What quality control reads from storage: where each datastream's configuration is written (its own and its
 * ObservedProperty's `properties`), the recent observations that prime a datastream's state after a restart,
 * and the latest observation of every datastream (for silence).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';

/** A datastream's facts quality control needs: its configuration sources and the words of its faults. */
export interface QcDatastreamRow {
  id: number;
  name: string;
  datasetId: string | null;
  thingName: string;
  unitSymbol: string | null;
  /** JSON text of the Datastream's properties, or null. */
  properties: string | null;
  propertyName: string;
  propertyDefinition: string;
  /** JSON text of the ObservedProperty's properties, or null. */
  propertyProperties: string | null;
}

/** A stored observation, newest first, to prime a datastream's state. */
export interface QcHistoryRow {
  time: number;
  value: number | null;
  qcFlag: number | null;
  /** Each test's flag (qc-quality.ts `encodeTests`), null when stored without. */
  qcTests: number | null;
}

/** A datastream's latest observation (phenomenon time, or the end of an interval), null before the first. */
export interface LatestRow {
  id: number;
  latest: number | null;
}

/** Ids per `IN (...)` list. */
const CHUNK = 200;

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export function qcRepo(db: Kysely<Schema>) {
  return {
    /** The datastreams asked for (all of them when `ids` is absent); unknown ids are left out. */
    async datastreams(ids?: readonly number[]): Promise<QcDatastreamRow[]> {
      let query = db
        .selectFrom('sensor_datastreams as d')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .innerJoin('sensor_observed_properties as p', 'p.id', 'd.observed_property_id')
        .select([
          'd.id',
          'd.name',
          't.dataset_id',
          't.name as thing_name',
          'd.unit_symbol',
          'd.properties',
          'p.name as property_name',
          'p.definition as property_definition',
          'p.properties as property_properties',
        ]);
      if (ids) query = query.where('d.id', 'in', ids.length > 0 ? ids : [-1]);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: Number(r.id),
        name: r.name,
        datasetId: r.dataset_id,
        thingName: r.thing_name,
        unitSymbol: r.unit_symbol,
        properties: r.properties,
        propertyName: r.property_name,
        propertyDefinition: r.property_definition,
        propertyProperties: r.property_properties,
      }));
    },

    /** The ids of the datastreams of an ObservedProperty (their configuration may come from it). */
    async datastreamsOfProperty(propertyId: number): Promise<number[]> {
      const rows = await db
        .selectFrom('sensor_datastreams')
        .select('id')
        .where('observed_property_id', '=', propertyId)
        .execute();
      return rows.map((r) => Number(r.id));
    },

    /**
     * The newest observations of these datastreams, newest first by datastream: none older than `window` ms
     * before the datastream's newest one (the state of the tests never reaches further back). One read for
     * many datastreams: after a restart, every datastream is primed at once.
     */
    async history(datastreamIds: readonly number[], window: number): Promise<Map<number, QcHistoryRow[]>> {
      const found = new Map<number, QcHistoryRow[]>();
      for (let i = 0; i < datastreamIds.length; i += CHUNK) {
        const rows = await db
          .selectFrom('sensor_observations as o')
          .innerJoin('sensor_datastream_state as s', 's.datastream_id', 'o.datastream_id')
          .select(['o.datastream_id', 'o.phenomenon_time', 'o.result_number', 'o.qc_flag', 'o.qc_tests'])
          .where('o.datastream_id', 'in', datastreamIds.slice(i, i + CHUNK))
          .where((eb) => eb('o.phenomenon_time', '>=', eb('s.latest_time', '-', window)))
          .orderBy('o.datastream_id')
          .orderBy('o.phenomenon_time', 'desc')
          .execute();
        for (const r of rows) {
          const id = Number(r.datastream_id);
          let list = found.get(id);
          if (!list) found.set(id, (list = []));
          list.push({
            time: Number(r.phenomenon_time),
            value: num(r.result_number),
            qcFlag: num(r.qc_flag),
            qcTests: num(r.qc_tests),
          });
        }
      }
      return found;
    },

    /** Every datastream with the time of its latest observation. */
    async latest(): Promise<LatestRow[]> {
      const rows = await db
        .selectFrom('sensor_datastreams as d')
        .leftJoin('sensor_datastream_state as s', 's.datastream_id', 'd.id')
        .select(['d.id', 's.latest_time', 's.latest_end'])
        .execute();
      return rows.map((r) => ({ id: Number(r.id), latest: num(r.latest_end) ?? num(r.latest_time) }));
    },
  };
}

export type QcRepo = ReturnType<typeof qcRepo>;
