/** A sensor dataset's page shows its latest readings, server-rendered, to whoever may read its data. */
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
  });

  it('keeps the readings of a restricted dataset off its public page, and shows them to the admin', async () => {
    const page = await t.inject('/datasets/air-closed');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Latest readings');
    expect(page.body).not.toContain('µg/m³');
    const admin = await t.injectAsAdmin('/datasets/air-closed');
    expect(admin.body).toContain('Latest readings');
  });
});
