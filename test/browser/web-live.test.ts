/**
 * The live page in a real browser: the map draws a mark per sensor with no basemap reachable, an observation
 * sent through the HTTP ingest API while the page is open changes its table cell, legend count and mark, pausing
 * holds updates back and resuming catches up, the page works as tables without JavaScript, and axe finds no
 * violation in any language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { DatastreamInput } from '../../src/sensors/model.js';
import { LANGS } from '../../src/web/i18n/lang.js';
import { PARKING_STATE, PM25 } from '../fixtures/sensors.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { adminHeaders } from '../support/test-app.js';
import { describeBrowser } from '../support/tier.js';

const SPEED: Omit<DatastreamInput, 'name'> = {
  observationType: 'OM_Measurement',
  unitOfMeasurement: { name: 'mile per hour', symbol: 'mph', definition: null },
  sensor: { name: 'Vehicle detector' },
  observedProperty: { name: 'Mean vehicle speed', definition: 'mean speed of the vehicles in the bin' },
};

/** The datastream ids the tests write to. */
const ids = { space: 0, station: 0, detector: 0 };

async function seed(app: App) {
  const inject = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const res = await app.http.inject({ method, url, headers: adminHeaders, payload: payload as string });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  };
  await inject('PUT', '/api/v1/departments/public-works', { id: 'public-works', name: 'Public Works' });
  for (const id of ['parking-occupancy', 'air-quality', 'traffic-counts']) {
    await inject('POST', '/api/v1/datasets', {
      id,
      title: `Live ${id}`,
      description: 'Readings of the city sensors, as they arrive.',
      category: 'environment',
      keywords: ['sensors'],
      department: 'public-works',
      steward: { name: 'Sensor Team', email: 'sensors@city.example' },
      license: 'CC-BY-4.0',
      update_frequency: 'R/PT5M',
      kind: 'sensor',
    });
  }
  const thing = (dataset: string, name: string, streams: DatastreamInput[], at: [number, number]) =>
    app.services.sensors.model.createThing({
      name,
      datasetId: dataset,
      locations: [{ name, location: { type: 'Point', coordinates: at } }],
      datastreams: streams,
    });
  const spaces = await Promise.all(
    ['A-1', 'A-2', 'A-3'].map((s, i) =>
      thing(
        'parking-occupancy',
        `Space ${s}`,
        [{ ...PARKING_STATE, name: `${s} state` }],
        [-117.96 + i * 0.0001, 33.745],
      ),
    ),
  );
  const station = await thing(
    'air-quality',
    'Sigler Park station',
    [{ ...PM25, name: 'Sigler PM2.5' }],
    [-117.99, 33.75],
  );
  // Two approaches of one intersection share its place: both marks must show.
  const detector = await thing(
    'traffic-counts',
    'Bolsa & Magnolia detectors',
    [
      { ...SPEED, name: 'Bolsa & Magnolia, northbound: mean speed' },
      { ...SPEED, name: 'Bolsa & Magnolia, southbound: mean speed' },
    ],
    [-117.97, 33.755],
  );
  ids.space = spaces[0]!.datastreamIds[0]!;
  ids.station = station.datastreamIds[0]!;
  ids.detector = detector.datastreamIds[0]!;
  const at = new Date(Date.now() - 10 * 60_000).toISOString();
  await app.services.sensors.ingest.ingest(
    [
      ...spaces.map((s, i) => ({
        datastreamId: s.datastreamIds[0]!,
        phenomenonTime: at,
        result: i === 2 ? 'occupied' : 'free',
      })),
      { datastreamId: ids.station, phenomenonTime: at, result: 12.5 },
      { datastreamId: ids.detector, phenomenonTime: at, result: 34 },
      { datastreamId: detector.datastreamIds[1]!, phenomenonTime: at, result: 31 },
    ],
    { kind: 'admin' },
  );
}

describeBrowser('live page', () => {
  let server: TestServer;
  let browser: Browser;

  /** Sends one observation through the HTTP ingest API, as a device or a script would. */
  async function send(datastream: number, result: unknown) {
    const res = await fetch(`${server.baseUrl}/api/v1/observations`, {
      method: 'POST',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          Datastream: { '@iot.id': datastream },
          components: ['phenomenonTime', 'result'],
          dataArray: [[new Date().toISOString(), result]],
        },
      ]),
    });
    expect(res.status).toBeLessThan(300);
    expect(((await res.json()) as { created: number }).created).toBe(1);
  }

  /** Opens the live page and waits until the map is drawn and the feed is open. */
  async function open(lang = 'en'): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/live?lang=${lang}`);
    await page.locator('#live[data-ready="true"][data-feed="live"]').waitFor();
    return page;
  }

  const row = (page: Page, datastream: number) => page.locator(`tr[data-datastream="${datastream}"]`);
  const mark = (page: Page, datastream: number) =>
    page.locator(`#live-map .leaflet-marker-icon[data-datastream="${datastream}"] .live-mark`);

  beforeAll(async () => {
    server = await startServer({ seed });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws a mark per sensor, and an observation sent while the page is open changes its cell, count and mark', async () => {
    const page = await open();
    expect(await page.locator('#live').getAttribute('data-marks')).toBe('6');
    expect(await page.locator('#live-map .leaflet-marker-icon').count()).toBe(6);
    expect(await row(page, ids.station).locator('.live-reading').innerText()).toBe('12.5 µg/m³');
    expect(await mark(page, ids.station).innerText()).toBe('13');
    expect(await mark(page, ids.station).getAttribute('class')).toContain('live-b-moderate');

    await send(ids.station, 60.25);
    await expect.poll(() => row(page, ids.station).locator('.live-reading').innerText()).toBe('60.25 µg/m³');
    expect(await row(page, ids.station).getAttribute('data-band')).toBe('unhealthy');
    expect(await row(page, ids.station).locator('.live-label').innerText()).toBe('Unhealthy');
    await expect.poll(() => mark(page, ids.station).innerText()).toBe('60');
    expect(await mark(page, ids.station).getAttribute('class')).toContain('live-b-unhealthy');
    expect(await page.locator('#live-air li[data-band="unhealthy"] .live-count').innerText()).toBe('1');
    expect(await page.locator('#live-air li[data-band="moderate"] .live-count').innerText()).toBe('0');
    expect(await page.locator('.live-status').innerText()).toMatch(/^Updated \d{1,2}:\d{2}\s[AP]M\.$/);

    await send(ids.space, 'occupied');
    await expect.poll(() => mark(page, ids.space).innerText()).toBe('✕');
    expect(await row(page, ids.space).locator('.live-label').innerText()).toBe('Occupied');
    expect(await page.locator('#live-parking li[data-band="occupied"] .live-count').innerText()).toBe('2');
    await page.close();
  });

  it('holds updates back while paused and catches up on resume', async () => {
    const page = await open();
    const pause = page.getByRole('button', { name: 'Pause updates' });
    await pause.click();
    expect(await page.locator('.live-status').innerText()).toBe('Updates are paused.');
    await page.locator('#live[data-feed="paused"]').waitFor();
    await send(ids.detector, 9.5);
    // The server has the new value, and the paused page still shows the old one.
    const latest = await page.request.get(`${server.baseUrl}/api/v1/datasets/traffic-counts/latest`);
    expect(JSON.stringify(await latest.json())).toContain('"result":9.5');
    expect(await row(page, ids.detector).locator('.live-reading').innerText()).toBe('34 mph');
    await page.getByRole('button', { name: 'Resume updates' }).click();
    // The feed resumes from the last event it saw: the observation sent while paused arrives.
    await expect.poll(() => row(page, ids.detector).locator('.live-reading').innerText()).toBe('9.5 mph');
    expect(await row(page, ids.detector).getAttribute('data-band')).toBe('congested');
    await expect.poll(() => mark(page, ids.detector).getAttribute('class')).toContain('live-b-congested');
    await page.close();
  });

  it('shows the readings as tables, with a note, without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/live?lang=en`);
    expect(await page.locator('.live-nojs').innerText()).toContain(
      'The map and automatic updates need JavaScript',
    );
    expect(await page.locator('table').count()).toBe(3);
    expect(await row(page, ids.detector).locator('th .live-name').innerText()).toBe(
      'Bolsa & Magnolia, northbound: mean speed',
    );
    // Each sensor's row links the report form of its dataset, with the sensor chosen.
    expect(await row(page, ids.detector).locator('th a.live-report__link').getAttribute('href')).toMatch(
      new RegExp(`/report\\?datastream=${ids.detector}$`),
    );
    expect(await page.locator('#live-map').isVisible()).toBe(false);
    expect(await page.locator('.live-pause').isVisible()).toBe(false);
    await page.close();
  });

  for (const lang of LANGS) {
    it(`has no accessibility violations, in ${lang}`, async () => {
      const page = await open(lang);
      const found = (await runAxe(page)).map(
        (v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`,
      );
      expect(found).toEqual([]);
      await page.close();
    });
  }
});
