/**
 * A sensor dataset's page shows its latest readings, server-rendered, to whoever may read its data, judges its
 * freshness by the newest reading, and gives the sensor APIs with this dataset's own datastreams.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('sensor dataset pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    for (const [id, access] of [
      ['air-page', 'public'],
      ['air-closed', 'restricted'],
    ] as const) {
      const station = await createStation(t, await createSensorDataset(t, id, access), `${id} station`);
      const [result] = await t.app.services.sensors.ingest.ingest(
        [
          { datastreamId: station.datastreamIds[0], phenomenonTime: '2026-03-01T20:00:00Z', result: 12.25 },
          // An interval, as 5-minute counts come: the page shows when it ended.
          {
            datastreamId: station.datastreamIds[0],
            phenomenonTime: '2026-03-01T20:05:00Z/2026-03-01T20:10:00Z',
            result: 13.5,
          },
        ],
        { kind: 'admin' },
      );
      expect(result).toMatchObject({ status: 'created' });
    }
  });
  afterAll(() => t.close());

  it('lists the latest value of each series with its unit, time in the city zone, and the live APIs', async () => {
    const page = await t.inject('/datasets/air-page');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Latest readings');
    expect(page.body).toContain('13.5 µg/m³');
    expect(page.body).toContain('Mar 1, 2026, 12:10 PM PST');
    expect(page.body).toContain('href="/api/v1/datasets/air-page/latest.geojson"');
    expect(page.body).toContain('href="/api/v1/live?dataset=air-page"');
    expect(page.body).toContain('Latest readings of Dataset air-page');
    expect(page.body).not.toContain('id="table"');
  });

  it('judges freshness by the newest reading against the declared frequency', async () => {
    const page = await t.inject('/datasets/air-page');
    // Every minute, and the last reading is long past: overdue, with the time it was taken.
    expect(page.body).toContain('class="usa-tag badge-overdue">Overdue<');
    expect(page.body).toContain(
      'Updated every minute, but the data last changed on Mar 1, 2026, 12:10 PM PST: the next update was expected by Mar 1, 2026, 12:11 PM PST.',
    );
  });

  it('gives the sensor APIs and SensorThings addresses of its own datastreams', async () => {
    const page = await t.inject('/datasets/air-page');
    const api = /<section id="api"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    const [id] = /\/api\/v1\/datastreams\/(\d+)\/series/.exec(api)?.slice(1) ?? [];
    expect(id).toBeDefined();
    expect(api).toContain(
      `/sta/v1.1/Datastreams(${id})/Observations?$top=10&amp;$orderby=phenomenonTime desc`,
    );
    expect(api).toMatch(/\/sta\/v1\.1\/Things\(\d+\)\/Datastreams/);
    expect(api).toContain('/api/v1/datasets/air-page/latest');
    expect(api).toContain('<summary>Python (requests)</summary>');
  });

  it('keeps the readings of a restricted dataset off its public page, and shows them to the admin', async () => {
    const page = await t.inject('/datasets/air-closed');
    expect(page.statusCode).toBe(200);
    // The section says why there is nothing to see, and how to ask; no reading, unit or station appears.
    expect(page.body).not.toContain('Latest readings of');
    expect(page.body).not.toContain('µg/m³');
    expect(page.body).not.toContain('air-closed station');
    expect(page.body).not.toContain('/sta/v1.1/Datastreams(');
    expect(page.body).toContain('href="/access/request?dataset=air-closed"');
    const admin = await t.injectAsAdmin('/datasets/air-closed');
    expect(admin.body).toContain('Latest readings of Dataset air-closed');
    expect(admin.body).toContain('13.5 µg/m³');
  });
});
