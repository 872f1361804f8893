/**
 * The dataset page's map in a real browser: it draws every feature of a dataset with a known count (points
 * clustered when many, polygons and lines as shapes) with no basemap reachable, says how many it drew, keeps
 * its text alternative and GeoJSON link without JavaScript, and passes axe in every language.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { LANGS } from '../../src/web/i18n/lang.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { adminHeaders } from '../support/test-app.js';
import { describeBrowser } from '../support/tier.js';

/** How many points the point dataset has: more than the map draws without clustering. */
const POINTS = 250;

async function admin(app: App, method: 'POST' | 'PUT', url: string, payload: unknown, type?: string) {
  const res = await app.http.inject({
    method,
    url,
    headers: { ...adminHeaders, ...(type ? { 'content-type': type } : {}) },
    payload: payload as string,
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
}

async function dataset(app: App, id: string, title: string) {
  await admin(app, 'POST', '/api/v1/datasets', {
    id,
    title,
    description: 'Places kept by the city for the map tests.',
    category: 'city-services',
    keywords: ['places'],
    department: 'public-works',
    steward: { name: 'GIS Team', email: 'gis@city.example' },
    license: 'CC-BY-4.0',
    update_frequency: 'R/P1M',
  });
}

async function seed(app: App) {
  await admin(app, 'PUT', '/api/v1/departments/public-works', { id: 'public-works', name: 'Public Works' });
  await dataset(app, 'bus-stops', 'Bus Stops');
  const lines = ['stop_id,name,latitude,longitude'];
  for (let i = 0; i < POINTS; i++) {
    lines.push(
      `S-${i + 1},Stop ${i + 1},${(33.74 + (i % 25) * 0.001).toFixed(4)},${(-118.0 + Math.floor(i / 25) * 0.002).toFixed(4)}`,
    );
  }
  await admin(app, 'POST', '/api/v1/datasets/bus-stops/imports', `${lines.join('\n')}\n`, 'text/csv');

  await dataset(app, 'city-wards', 'City Wards');
  const square = (x: number, y: number) => [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ];
  const wards = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ward: 'Ward 1', seats: 2 },
        geometry: { type: 'Polygon', coordinates: square(-118, 33.74) },
      },
      {
        type: 'Feature',
        properties: { ward: 'Ward 2', seats: 3 },
        geometry: { type: 'Polygon', coordinates: square(-117.98, 33.74) },
      },
      {
        type: 'Feature',
        properties: { ward: 'Boundary road', seats: 0 },
        geometry: {
          type: 'LineString',
          coordinates: [
            [-118, 33.76],
            [-117.97, 33.76],
          ],
        },
      },
    ],
  };
  await admin(
    app,
    'POST',
    '/api/v1/datasets/city-wards/imports',
    JSON.stringify(wards),
    'application/geo+json',
  );
}

describeBrowser('dataset map', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws every point of a dataset, in clusters, with no basemap reachable, and says how many', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/datasets/bus-stops?lang=en`);
    await page.locator('#map-frame[data-ready="true"]').waitFor();
    expect(await page.locator('#dataset-map').getAttribute('data-features')).toBe(String(POINTS));
    expect(await page.locator('.map-status').innerText()).toBe(`The map shows ${POINTS} features.`);
    expect(await page.locator('.map-summary').innerText()).toContain(`${POINTS} features.`);
    // Many points are grouped: each group is a button that names its size.
    const clusters = page.locator('.leaflet-marker-icon.map-cluster');
    expect(await clusters.count()).toBeGreaterThan(0);
    expect(await clusters.first().getAttribute('role')).toBe('button');
    expect(await clusters.first().innerText()).toMatch(/\d+ features; select to zoom in/);
    const region = page.locator('#dataset-map');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('aria-label')).toBe('Map of Bus Stops');
    // The map takes the keyboard: focus it and zoom in with "+".
    await region.focus();
    const proxy = page.locator('#dataset-map .leaflet-proxy');
    const zoomBefore = await proxy.getAttribute('style');
    await page.keyboard.press('+');
    await expect.poll(() => proxy.getAttribute('style')).not.toBe(zoomBefore);
    await page.close();
  });

  it('draws polygons and lines as shapes with popups of their fields', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/datasets/city-wards?lang=en`);
    await page.locator('#map-frame[data-ready="true"]').waitFor();
    expect(await page.locator('#dataset-map').getAttribute('data-features')).toBe('3');
    expect(await page.locator('.map-status').innerText()).toBe('The map shows 3 features.');
    expect(await page.locator('#dataset-map path.leaflet-interactive').count()).toBe(3);
    await page.locator('#dataset-map path.leaflet-interactive').first().click({ force: true });
    const popup = page.locator('.leaflet-popup-content .map-popup');
    await popup.waitFor();
    expect(await popup.innerText()).toMatch(/ward\s+Ward \d/);
    await page.close();
  });

  it('keeps the summary and the GeoJSON download without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/datasets/bus-stops?lang=en`);
    const summary = page.locator('.map-summary');
    expect(await summary.innerText()).toContain(
      `${POINTS} features. The data table on this page lists the same rows`,
    );
    const link = summary.locator('a', { hasText: 'download them as GeoJSON' });
    expect(await link.getAttribute('href')).toBe('/api/v1/datasets/bus-stops/rows.geojson');
    expect(await page.locator('#map-frame').isVisible()).toBe(false);
    expect(await page.locator('#map').innerText()).toContain('The interactive map needs JavaScript');
    await page.close();
  });

  for (const lang of LANGS) {
    it(`has no accessibility violations with the map drawn, in ${lang}`, async () => {
      const page = await browser.newPage();
      const found: string[] = [];
      for (const id of ['bus-stops', 'city-wards']) {
        await page.goto(`${server.baseUrl}/datasets/${id}?lang=${lang}`);
        await page.locator('#map-frame[data-ready="true"]').waitFor();
        for (const v of await runAxe(page)) {
          found.push(`${id}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`);
        }
      }
      expect(found).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
