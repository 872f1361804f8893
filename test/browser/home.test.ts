/**
 * The home page in a browser: a labelled search, the live strip rendered by the server (so that it reads the
 * same without JavaScript), kept current by its island from the live feed (quietly, and without animation for
 * those who ask for less motion), and no accessibility violation of any impact in English, Vietnamese and Spanish.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { seedSmallDemo } from '../fixtures/demo.js';
import type { DatastreamInput } from '../../src/sensors/model.js';
import { PARKING_STATE, PM25 } from '../fixtures/sensors.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

/** Places inside the demo city's Little Saigon box [-117.975, 33.738, -117.95, 33.752]. */
const inside = (i: number): [number, number] => [-117.97 + i * 0.002, 33.745];
const STATES = ['free', 'occupied', 'free', 'occupied', 'occupied', 'free'];

describeBrowser('home page', () => {
  let server: TestServer;
  let browser: Browser;
  const spaces: number[] = [];
  const stations: number[] = [];

  async function thing(
    app: App,
    dataset: string,
    name: string,
    at: [number, number],
    stream: Omit<DatastreamInput, 'name'>,
  ) {
    const created = await app.services.sensors.model.createThing({
      name,
      datasetId: dataset,
      locations: [{ name, location: { type: 'Point', coordinates: at } }],
      datastreams: [{ ...stream, name: `${name} reading` }],
    });
    return created.datastreamIds[0]!;
  }

  async function ingest(datastreamId: number, result: unknown): Promise<void> {
    const [outcome] = await server.app.services.sensors.ingest.ingest(
      [{ datastreamId, phenomenonTime: new Date().toISOString(), result }],
      { kind: 'admin' },
    );
    expect(outcome).toMatchObject({ status: 'created' });
  }

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await seedSmallDemo(app);
        for (const [i] of STATES.entries())
          spaces.push(await thing(app, 'parking-occupancy', `Space ${i}`, inside(i), PARKING_STATE));
        for (const i of [0, 1, 2])
          stations.push(await thing(app, 'air-quality', `Station ${i}`, inside(i), PM25));
      },
    });
    for (const [i, state] of STATES.entries()) await ingest(spaces[i]!, state);
    for (const [i, value] of [10, 12, 14].entries()) await ingest(stations[i]!, value);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const card = (page: Page, heading: string) => page.locator('.home-live__card', { hasText: heading });

  it('renders the search and the live figures without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${server.baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect((await page.locator('h1').innerText()).trim()).toBe('City of Westminster Open Data');
    expect(await page.locator('label[for="home-q"]').innerText()).toBe("Search the city's datasets");
    const parking = card(page, 'Parking in Little Saigon');
    expect(await parking.locator('[data-figure]').innerText()).toBe('3');
    expect(await parking.innerText()).toContain('free of 6 spaces with sensors');
    const air = card(page, 'Air quality');
    expect(await air.locator('[data-figure]').innerText()).toBe('12');
    expect(await air.locator('[data-band]').innerText()).toBe('Moderate');
    expect(await page.locator('.home-live__note:visible').count()).toBe(0);
    // Without the island nothing updates, and the page does not claim it does.
    expect(await page.locator('[data-live-updating]').isVisible()).toBe(false);
    await page.close();
  });

  it('keeps the figures current from the live feed', async () => {
    const page = await browser.newPage();
    // The island has subscribed once the feed answers.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/live?dataset=')),
      page.goto(`${server.baseUrl}/`),
    ]);
    await expect.poll(() => page.locator('[data-live-updating]').isVisible()).toBe(true);
    const parking = card(page, 'Parking in Little Saigon').locator('[data-figure]');
    await ingest(spaces[1]!, 'free');
    await expect.poll(() => parking.innerText()).toBe('4');
    await ingest(spaces[0]!, 'occupied');
    await ingest(spaces[2]!, 'out_of_service');
    await expect.poll(() => parking.innerText()).toBe('2');

    const air = card(page, 'Air quality');
    await ingest(stations[0]!, 40);
    await ingest(stations[1]!, 41.5);
    await expect.poll(() => air.locator('[data-band]').innerText()).toBe('Unhealthy for sensitive groups');
    expect(await air.locator('[data-figure]').innerText()).toBe('40');
    expect(await air.locator('[data-band]').getAttribute('class')).toMatch(/^aq-band aq-band--sensitive\b/);
    // Nothing is announced: the strip has no live region.
    expect(await page.locator('.home-live [aria-live], .home-live [role="status"]').count()).toBe(0);
    await page.close();
  });

  it('changes figures without animation for those who ask for less motion', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/live?dataset=')),
      page.goto(`${server.baseUrl}/`),
    ]);
    const parking = card(page, 'Parking in Little Saigon').locator('[data-figure]');
    const before = Number(await parking.innerText());
    await ingest(spaces[3]!, 'free');
    await expect.poll(() => parking.innerText()).toBe(String(before + 1));
    expect(await page.locator('.is-updated').count()).toBe(0);
    await page.close();
  });

  describe.each(['en', 'vi', 'es'])('in %s', (lang) => {
    it('has no accessibility violation', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/?lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('.home-live__card').count()).toBe(2);
      const violations = await runAxe(page);
      expect(
        violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
        ),
      ).toEqual([]);
      await page.close();
    });
  });
});
