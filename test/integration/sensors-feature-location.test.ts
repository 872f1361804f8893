/** A Thing's Location given as a GeoJSON Feature, as SensorThings allows: kept as given, placed by its geometry. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { PM25 } from '../fixtures/sensors.js';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const FEATURE = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-117.95, 33.72] },
  properties: { address: '8200 Westminster Blvd' },
};

describeDb('sensors: a Location given as a GeoJSON Feature', () => {
  let t: TestApp;
  let created: { id: number; locationIds: number[]; datastreamIds: number[] };
  beforeAll(async () => {
    t = await setUpApp();
    const dataset = (await createDataset(t, { id: 'civic-sensors', category: 'environment' })).id;
    created = await t.app.services.sensors.model.createThing({
      name: 'Civic Center',
      datasetId: dataset,
      locations: [{ name: 'City hall', location: FEATURE }],
      datastreams: [{ ...PM25, name: 'Civic PM2.5' }],
    });
  });
  afterAll(() => t.close());

  const get = async <T>(path: string) => {
    const res = await t.inject(`/sta/v1.1${path}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('keeps the Feature as given', async () => {
    const location = await get<{ location: unknown }>(`/Locations(${created.locationIds[0]})`);
    expect(location.location).toEqual(FEATURE);
  });

  it("takes the Datastream's observedArea from the Feature's geometry", async () => {
    const ds = await get<{ observedArea: unknown }>(`/Datastreams(${created.datastreamIds[0]})`);
    expect(ds.observedArea).toEqual(FEATURE.geometry);
  });

  it('places the Location by its geometry in spatial filters', async () => {
    const around = "geography'POLYGON((-118 33.7, -117.9 33.7, -117.9 33.75, -118 33.75, -118 33.7))'";
    const elsewhere = "geography'POLYGON((-119 34, -118.9 34, -118.9 34.1, -119 34.1, -119 34))'";
    const within = (polygon: string) =>
      get<{ value: { '@iot.id': number }[] }>(
        `/Locations?$filter=${encodeURIComponent(`st_within(location, ${polygon})`)}`,
      );
    expect((await within(around)).value.map((l) => l['@iot.id'])).toEqual(created.locationIds);
    expect((await within(elsewhere)).value).toEqual([]);
  });

  it('refuses a Feature without a usable geometry, and saves nothing', async () => {
    const { model } = t.app.services.sensors;
    for (const location of [
      { type: 'Feature', geometry: null, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [200] }, properties: {} },
      { type: 'Feature', properties: {} },
    ]) {
      const error = await model
        .createThing({ name: 'Broken', locations: [{ name: 'Nowhere', location: location }] })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('sensors.invalid_entity');
      expect((error as AppError).message).toContain('Feature');
    }
    const things = await get<{ value: { name: string }[] }>('/Things');
    expect(things.value.map((th) => th.name)).toEqual(['Civic Center']);
  });
});
