/**
 * The live page `/live`: the latest readings of the city's live datasets, server-rendered in tables with their
 * bands, in every language; a dataset the visitor may not read never appears, not even by name.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatastreamInput } from '../../src/sensors/model.js';
import { createSensorDataset, PARKING_STATE, PM25 } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { adminHeaders, describeDb, type TestApp } from '../support/index.js';

const SPEED: Omit<DatastreamInput, 'name'> = {
  observationType: 'OM_Measurement',
  unitOfMeasurement: { name: 'mile per hour', symbol: 'mph', definition: null },
  sensor: { name: 'Vehicle detector' },
  observedProperty: { name: 'Mean vehicle speed', definition: 'mean speed of the vehicles in the bin' },
};

describeDb('live page', () => {
  let t: TestApp;

  async function thing(dataset: string, name: string, streams: DatastreamInput[], at: [number, number]) {
    return t.app.services.sensors.model.createThing({
      name,
      datasetId: dataset,
      locations: [{ name, location: { type: 'Point', coordinates: at } }],
      datastreams: streams,
    });
  }

  beforeAll(async () => {
    t = await setUpApp();
    await createSensorDataset(t, 'parking-occupancy');
    await createSensorDataset(t, 'air-quality');
    await createSensorDataset(t, 'traffic-counts', 'non-public');
    const spaceA = await thing(
      'parking-occupancy',
      'Space A-1',
      [{ ...PARKING_STATE, name: 'A-1 state' }],
      [-117.96, 33.745],
    );
    const spaceB = await thing(
      'parking-occupancy',
      'Space A-2',
      [{ ...PARKING_STATE, name: 'A-2 state' }],
      [-117.9601, 33.745],
    );
    const station = await thing(
      'air-quality',
      'Sigler Park station',
      [
        { ...PM25, name: 'Sigler Park PM2.5' },
        { ...PM25, name: 'Sigler Park PM10', observedProperty: { name: 'PM10', definition: 'PM10' } },
      ],
      [-117.99, 33.75],
    );
    const quiet = await thing(
      'air-quality',
      'Quiet station',
      [{ ...PM25, name: 'Quiet PM2.5' }],
      [-118, 33.76],
    );
    const detector = await thing(
      'traffic-counts',
      'Hidden Yard detector',
      [{ ...SPEED, name: 'Hidden Yard approach speed' }],
      [-117.97, 33.75],
    );
    const at = '2026-03-01T20:00:00Z';
    const results = await t.app.services.sensors.ingest.ingest(
      [
        { datastreamId: spaceA.datastreamIds[0]!, phenomenonTime: at, result: 'free' },
        { datastreamId: spaceB.datastreamIds[0]!, phenomenonTime: at, result: 'occupied' },
        { datastreamId: station.datastreamIds[0]!, phenomenonTime: at, result: 12.5 },
        { datastreamId: station.datastreamIds[1]!, phenomenonTime: at, result: 987.25 },
        { datastreamId: detector.datastreamIds[0]!, phenomenonTime: at, result: 22.75 },
      ],
      { kind: 'admin' },
    );
    expect(results.every((r) => r.status === 'created')).toBe(true);
    expect(quiet.datastreamIds).toHaveLength(1);
  });
  afterAll(() => t.close());

  it('shows the latest reading of each sensor in its band, with the legend counts and the live APIs', async () => {
    const res = await t.inject('/live');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const body = res.body;
    expect(body).toContain('<h1>Live sensors</h1>');
    expect(body).toMatch(
      /<tr data-datastream="\d+" data-band="free"><th scope="row"><span class="live-name">Space A-1<\/span><span class="live-report"><a class="live-report__link" href="\/datasets\/[a-z-]+\/report\?datastream=\d+">Report a problem<span class="usa-sr-only"> \([^)]+\)<\/span><\/a><\/span><\/th>/,
    );
    expect(body).toMatch(
      /<tr data-datastream="\d+" data-band="occupied"><th scope="row"><span class="live-name">Space A-2<\/span><span class="live-report"><a class="live-report__link" href="\/datasets\/[a-z-]+\/report\?datastream=\d+">Report a problem<span class="usa-sr-only"> \([^)]+\)<\/span><\/a><\/span><\/th>/,
    );
    expect(body).toContain('<td class="live-reading">12.5 µg/m³</td>');
    expect(body).toMatch(
      /data-band="moderate"><th scope="row"><span class="live-name">Sigler Park station<\/span>/,
    );
    // A station without a reading yet says so instead of guessing.
    expect(body).toMatch(
      /data-band="no_data"><th scope="row"><span class="live-name">Quiet station<\/span><span class="live-report"><a class="live-report__link" href="\/datasets\/[a-z-]+\/report\?datastream=\d+">Report a problem<span class="usa-sr-only"> \([^)]+\)<\/span><\/a><\/span><\/th><td class="live-reading">—/,
    );
    expect(body).toContain('Mar 1, 2026, 12:00 PM PST');
    // Only the layer's observed property: the PM10 stream of the same station is not drawn.
    expect(body).not.toContain('987.25');
    expect(body).toMatch(/<li data-band="free">.*?<strong class="live-count">1<\/strong>/s);
    expect(body).toContain('href="/api/v1/datasets/air-quality/latest.geojson"');
    expect(body).toContain('href="/api/v1/live?dataset=parking-occupancy"');
    // The island and the map's stylesheet load on this page only.
    expect(body).toMatch(/<script src="\/assets\/js\/live\.[0-9a-f]+\.js" defer><\/script>/);
    expect(body).toMatch(/leaflet-[\d.]+\/leaflet\.css/);
    expect(body).toContain('aria-current="page"');
    expect(res.headers['cache-control']).toMatch(/^public/);
  });

  it('never shows a non-public or restricted dataset to anonymous visitors, and shows it to the admin', async () => {
    for (const level of ['non-public', 'restricted']) {
      const patch = await t.injectAsAdmin({
        method: 'PATCH',
        url: '/api/v1/datasets/traffic-counts',
        payload: { access_level: level },
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const page = await t.inject('/live');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Hidden Yard');
      expect(page.body).not.toContain('traffic-counts');
      expect(page.body).not.toContain('Traffic speeds');
      expect(page.body).not.toContain('22.75');
    }
    const admin = await t.inject({ url: '/live', headers: adminHeaders });
    expect(admin.body).toContain('Hidden Yard detector');
    expect(admin.body).toContain('22.75 mph');
    expect(admin.body).toMatch(/data-band="slowed"/);
    // A page with data not everyone may read is never kept by a shared cache.
    expect(admin.headers['cache-control']).toBe('private, no-store');
  });

  it('is translated into Vietnamese and Spanish', async () => {
    const vi = await t.inject('/live?lang=vi');
    expect(vi.body).toContain('<html lang="vi">');
    expect(vi.body).toContain('<h1>Cảm biến trực tiếp</h1>');
    expect(vi.body).toContain('Chỗ đậu xe');
    expect(vi.body).toMatch(/<span class="live-label">Trống<\/span>/);
    expect(vi.body).toContain('Trung bình');
    const es = await t.inject('/live?lang=es');
    expect(es.body).toContain('<html lang="es">');
    expect(es.body).toContain('<h1>Sensores en vivo</h1>');
    expect(es.body).toMatch(/<span class="live-label">Libre<\/span>/);
    expect(es.body).toContain('Moderada');
    expect(es.body).toContain('Espacios de estacionamiento');
  });

  it('says plainly when no live dataset can be shown', async () => {
    for (const id of ['parking-occupancy', 'air-quality']) {
      const res = await t.injectAsAdmin({
        method: 'PATCH',
        url: `/api/v1/datasets/${id}`,
        payload: { access_level: 'non-public' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const page = await t.inject('/live');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No live sensor data is available right now.');
    expect(page.body).not.toContain('<script src=');
  });
});
