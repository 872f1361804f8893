/**
 * A small sensor network for the SensorThings tests, made through the sensors module's own services: two
 * public stations and one in a restricted dataset, with observations of numbers, booleans and categories.
 */
import { expect } from 'vitest';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import type { TestApp } from './index.js';

export const HOUR = 3_600_000;
/** The first observation of Station A's temperature: 2024-05-01T00:00:00Z. */
export const START = Date.parse('2024-05-01T00:00:00Z');
export const TEMPERATURES = 25;

export interface SensorNetwork {
  t: TestApp;
  publicDataset: string;
  restrictedDataset: string;
  stationA: { thing: number; location: number; temperature: number; door: number; status: number };
  stationB: { thing: number; location: number; temperature: number };
  hidden: { thing: number; location: number; temperature: number };
}

const celsius = {
  name: 'degree Celsius',
  symbol: '°C',
  definition: 'http://unitsofmeasure.org/ucum.html#para-30',
};

/** Builds the app and the network; close `t` after the tests. */
export async function sensorNetwork(): Promise<SensorNetwork> {
  const t = await setUpApp();
  const publicDataset = (await createDataset(t, { id: 'air-sensors', category: 'environment' })).id;
  const restrictedDataset = (
    await createDataset(t, { id: 'lab-sensors', category: 'environment', access_level: 'restricted' })
  ).id;
  const { model, ingest } = t.app.services.sensors;

  const a = await model.createThing({
    name: 'Station A',
    description: 'Roof of the library',
    properties: { owner: 'Parks', floors: 3 },
    datasetId: publicDataset,
    locations: [{ name: 'Library roof', location: { type: 'Point', coordinates: [-117.99, 33.75] } }],
    datastreams: [
      {
        name: 'A Temperature',
        observationType: 'OM_Measurement',
        unitOfMeasurement: celsius,
        sensor: {
          name: 'TMP36',
          description: 'Analog thermometer',
          encodingType: 'application/pdf',
          metadata: 'https://example.com/tmp36.pdf',
        },
        observedProperty: {
          name: 'Air temperature',
          definition: 'http://vocab.nerc.ac.uk/collection/P07/current/CFSN0023/',
        },
        properties: { height: 12 },
      },
      {
        name: 'A Door',
        observationType: 'OM_TruthObservation',
        unitOfMeasurement: { name: null, symbol: null, definition: null },
        sensor: { name: 'Reed switch' },
        observedProperty: { name: 'Door open' },
      },
      {
        name: 'A Status',
        observationType: 'OM_CategoryObservation',
        unitOfMeasurement: { name: null, symbol: null, definition: null },
        sensor: { name: 'Controller' },
        observedProperty: { name: 'Station status' },
      },
    ],
  });
  const [temperatureA, door, status] = a.datastreamIds as [number, number, number];
  const sensorId = await sensorOf(t, temperatureA);
  const b = await model.createThing({
    name: 'Station B',
    description: 'Harbor pier',
    properties: { owner: 'Harbor' },
    datasetId: publicDataset,
    locations: [{ name: 'Pier', location: { type: 'Point', coordinates: [-117.9, 33.6] } }],
    datastreams: [
      {
        name: 'B Temperature',
        observationType: 'OM_Measurement',
        unitOfMeasurement: celsius,
        sensor: { id: sensorId },
        observedProperty: { name: 'Water temperature' },
      },
    ],
  });
  const hidden = await model.createThing({
    name: 'Hidden Station',
    description: 'Laboratory',
    datasetId: restrictedDataset,
    locations: [{ name: 'Lab', location: { type: 'Point', coordinates: [-118.2, 34.0] } }],
    datastreams: [
      {
        name: 'H Temperature',
        observationType: 'OM_Measurement',
        unitOfMeasurement: celsius,
        sensor: { name: 'Lab probe' },
        observedProperty: { name: 'Lab temperature' },
      },
    ],
  });

  const at = (i: number) => new Date(START + i * HOUR).toISOString();
  const items = [
    ...Array.from({ length: TEMPERATURES }, (_, i) => ({
      datastreamId: temperatureA,
      phenomenonTime: at(i),
      result: 10 + i * 0.5,
    })),
    ...[true, false, true].map((result, i) => ({ datastreamId: door, phenomenonTime: at(i), result })),
    ...['ok', 'open', 'ok', 'fault'].map((result, i) => ({
      datastreamId: status,
      phenomenonTime: at(i),
      result,
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      datastreamId: b.datastreamIds[0],
      phenomenonTime: `${at(i)}/${at(i + 1)}`,
      resultTime: at(i + 1),
      result: 15 + i,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      datastreamId: hidden.datastreamIds[0],
      phenomenonTime: at(i),
      result: 30 + i,
    })),
  ];
  const results = await ingest.ingest(items, { kind: 'admin' });
  expect(results.filter((r) => r.status !== 'created')).toEqual([]);

  return {
    t,
    publicDataset,
    restrictedDataset,
    stationA: { thing: a.id, location: a.locationIds[0]!, temperature: temperatureA, door, status },
    stationB: { thing: b.id, location: b.locationIds[0]!, temperature: b.datastreamIds[0]! },
    hidden: { thing: hidden.id, location: hidden.locationIds[0]!, temperature: hidden.datastreamIds[0]! },
  };
}

async function sensorOf(t: TestApp, datastream: number): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('sensor_datastreams')
    .select('sensor_id')
    .where('id', '=', datastream)
    .executeTakeFirstOrThrow();
  return Number(row.sensor_id);
}
