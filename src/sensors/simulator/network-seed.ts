/**
 * Creates the demo's sensor network through the model service, once: a Thing already there (same dataset and
 * external id) is skipped, so a second seed, or a seed cut short, adds only what is missing. Every datastream
 * of a kind shares one Sensor and one ObservedProperty. The first seed also records the history to backfill.
 */
import type { AppState } from '../../db/app-state.js';
import type { Database } from '../../db/database.js';
import { sensorNetwork } from '../../demo/sensors/network.js';
import type { NetworkThing, SensorNetwork, StreamSpec } from '../../demo/sensors/spec.js';
import { VOCABULARY } from '../../demo/sensors/vocabulary.js';
import type { DatastreamInput } from '../model.js';
import type { Sensors } from '../sensors.js';
import { MINUTE } from '../time.js';
import { newPlan, parsePlan } from './backfill-plan.js';
import { networkRepo } from './network.repo.js';

/** The app_state key of the backfill plan (see backfill-plan.ts). */
export const BACKFILL_STATE = 'sensor_backfill';
/** The app_state key of how far the live simulation has published (epoch ms as text). */
export const SIMULATOR_STATE = 'sensor_simulator_at';

export const SENSOR_DATASETS = [
  'parking-occupancy',
  'traffic-counts',
  'air-quality',
  'noise-levels',
] as const;

export interface NetworkSeedOptions {
  seed?: number;
  /** Fraction of each kind of sensor (tests seed a small network); default 1. */
  scale?: number;
  /** Days of history to backfill (default 30). */
  days?: number;
  now?: number;
}

const ISO_DURATION: Record<number, string> = {
  0: 'event',
  60_000: 'PT1M',
  300_000: 'PT5M',
  3_600_000: 'PT1H',
};

interface References {
  sensors: ReadonlyMap<string, number>;
  properties: ReadonlyMap<string, number>;
}

function datastreamInput(stream: StreamSpec, refs: References): DatastreamInput {
  const vocabulary = VOCABULARY[stream.kind];
  return {
    name: stream.name,
    description: vocabulary.property.description ?? vocabulary.property.name,
    observationType: vocabulary.observationType,
    unitOfMeasurement: vocabulary.unit,
    sensor: { id: refs.sensors.get(vocabulary.sensor.name)! },
    observedProperty: { id: refs.properties.get(vocabulary.property.name)! },
    properties: {
      reporting: ISO_DURATION[stream.cadence] ?? `PT${stream.cadence / 1000}S`,
      phenomenonTime: stream.interval ? 'interval ending when sent' : 'instant',
    },
    externalId: stream.key,
  };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

function thingInput(thing: NetworkThing, refs: References) {
  return {
    name: thing.name,
    description: thing.description,
    properties: { ...thing.properties, synthetic: true },
    datasetId: thing.datasetId,
    externalId: thing.externalId,
    locations: [
      {
        name: thing.locationName,
        location: { type: 'Point', coordinates: thing.location.map(round6) },
      },
    ],
    datastreams: thing.streams.map((s) => datastreamInput(s, refs)),
  };
}

/**
 * Creates whatever of the network is missing and records the backfill plan on the first run. The catalog
 * datasets of the four sensor feeds must exist.
 */
export async function seedSensorNetwork(
  deps: { sensors: Sensors; state: AppState; db: Database },
  options: NetworkSeedOptions = {},
): Promise<{ network: SensorNetwork; created: number; existing: number }> {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const network = sensorNetwork({ seed, scale });
  const repo = networkRepo(deps.db.kysely);
  const refs = { sensors: new Map<string, number>(), properties: new Map<string, number>() };
  for (const { sensor, property } of Object.values(VOCABULARY)) {
    if (!refs.sensors.has(sensor.name)) refs.sensors.set(sensor.name, await repo.sensor(sensor));
    if (!refs.properties.has(property.name))
      refs.properties.set(property.name, await repo.observedProperty(property));
  }
  let created = 0;
  let existing = 0;
  for (const thing of network.things) {
    if ((await deps.sensors.model.thingByExternalId(thing.datasetId, thing.externalId)) !== undefined) {
      existing++;
      continue;
    }
    await deps.sensors.model.createThing(thingInput(thing, refs));
    created++;
  }

  if (!parsePlan(await deps.state.get(BACKFILL_STATE))) {
    const now = options.now ?? Date.now();
    const plan = newPlan({ seed, scale, end: Math.floor(now / MINUTE) * MINUTE, days: options.days ?? 30 });
    await deps.state.set(BACKFILL_STATE, JSON.stringify(plan));
  }
  return { network, created, existing };
}

/** The ids of the network's Things and Datastreams in the database, by external id; missing ones left out. */
export async function networkIds(db: Database) {
  const rows = await networkRepo(db.kysely).datastreams(SENSOR_DATASETS);
  const datastreams = new Map<string, number>();
  const things = new Map<string, number>();
  for (const row of rows) {
    datastreams.set(row.externalId, row.datastreamId);
    things.set(row.thingExternalId, row.thingId);
  }
  return { datastreams, things };
}

export type NetworkIds = Awaited<ReturnType<typeof networkIds>>;
