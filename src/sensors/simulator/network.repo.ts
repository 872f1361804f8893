/**
 * SQL the demo network needs beyond the model service: the ids of the Things and Datastreams a seed created,
 * found by their external ids, and the network's Sensors and ObservedProperties, made once up front and found by
 * name, so that every datastream of a kind points at the same ones (creating a Thing can reference existing
 * ones, but not share a new one between its own datastreams).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { ObservedPropertyInput, SensorInput } from '../model.js';

export interface NetworkDatastreamRow {
  thingId: number;
  thingExternalId: string;
  datastreamId: number;
  externalId: string;
}

export function networkRepo(db: Kysely<Schema>) {
  return {
    /** Datastreams with an external id under the Things (with one) of these datasets. */
    async datastreams(datasetIds: readonly string[]): Promise<NetworkDatastreamRow[]> {
      if (datasetIds.length === 0) return [];
      const rows = await db
        .selectFrom('sensor_datastreams as d')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .select(['t.id as thing_id', 't.external_id as thing_external_id', 'd.id', 'd.external_id'])
        .where('t.dataset_id', 'in', datasetIds)
        .where('t.external_id', 'is not', null)
        .where('d.external_id', 'is not', null)
        .orderBy('d.id')
        .execute();
      return rows.map((r) => ({
        thingId: Number(r.thing_id),
        thingExternalId: r.thing_external_id!,
        datastreamId: Number(r.id),
        externalId: r.external_id!,
      }));
    },

    /** The id of the Sensor of this name, created when there is none. */
    async sensor(input: SensorInput): Promise<number> {
      const found = await db
        .selectFrom('sensor_sensors')
        .select('id')
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (found) return Number(found.id);
      const row = await db
        .insertInto('sensor_sensors')
        .values({
          name: input.name,
          description: input.description ?? '',
          encoding_type: input.encodingType ?? 'text/html',
          metadata: input.metadata ?? '',
          properties: input.properties ? JSON.stringify(input.properties) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** The id of the ObservedProperty of this name, created when there is none. */
    async observedProperty(input: ObservedPropertyInput): Promise<number> {
      const found = await db
        .selectFrom('sensor_observed_properties')
        .select('id')
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (found) return Number(found.id);
      const row = await db
        .insertInto('sensor_observed_properties')
        .values({
          name: input.name,
          definition: input.definition ?? '',
          description: input.description ?? '',
          properties: input.properties ? JSON.stringify(input.properties) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
  };
}

export type NetworkRepo = ReturnType<typeof networkRepo>;
