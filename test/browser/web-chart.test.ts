/**
 * The dataset page's chart in a real browser: it draws the chosen series of a sensor dataset (a canvas appears)
 * with a summary whose minimum and maximum are those of the observations ingested, redraws when the form
 * changes and says plainly when a period has no data, works as a GET form with a CSV link without JavaScript,
 * and passes axe in every language.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { LANGS } from '../../src/web/i18n/lang.js';
import { PM25 } from '../fixtures/sensors.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { adminHeaders } from '../support/test-app.js';
import { describeBrowser } from '../support/tier.js';

const HOUR = 3_600_000;
/** What the first station measured over the last hours: the summary must find 2.25 and 15. */
const VALUES = [4, 8.5, 15, 2.25];
const ids = { recent: 0, old: 0 };

async function seed(app: App) {
  const inject = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const res = await app.http.inject({ method, url, headers: adminHeaders, payload: payload as string });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  };
  await inject('PUT', '/api/v1/departments/public-works', { id: 'public-works', name: 'Public Works' });
  await inject('POST', '/api/v1/datasets', {
    id: 'air-test',
    title: 'Air Test',
    description: 'Fine particles measured by two test stations.',
    category: 'environment',
    keywords: ['air quality'],
    department: 'public-works',
    steward: { name: 'Sensor Team', email: 'sensors@city.example' },
    license: 'CC-BY-4.0',
    update_frequency: 'R/PT1M',
    kind: 'sensor',
  });
  const station = (name: string) =>
    app.services.sensors.model.createThing({
      name,
      datasetId: 'air-test',
      locations: [{ name, location: { type: 'Point', coordinates: [-117.99, 33.75] } }],
      datastreams: [{ ...PM25, name: `${name} PM2.5` }],
    });
  ids.recent = (await station('Sigler Park')).datastreamIds[0]!;
  ids.old = (await station('Liberty Park')).datastreamIds[0]!;
  const now = Date.now();
  const items = [
    ...VALUES.map((result, i) => ({
      datastreamId: ids.recent,
      phenomenonTime: new Date(now - (5 - i) * HOUR).toISOString(),
      result,
    })),
    // Three days ago: nothing in the last 24 hours.
    { datastreamId: ids.old, phenomenonTime: new Date(now - 72 * HOUR).toISOString(), result: 7 },
  ];
  // Each received when it was measured, as from a station reporting live: quality control judges the timing
  // (history received hours late would fail it, and series leave failed values out).
  await app.services.sensors.ingest.ingest(
    items,
    { kind: 'admin' },
    {
      receivedAt: items.map((item) => Date.parse(item.phenomenonTime)),
    },
  );
}

describeBrowser('dataset chart', () => {
  let server: TestServer;
  let browser: Browser;

  async function open(query: string, lang = 'en'): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/datasets/air-test?${query}${query ? '&' : ''}lang=${lang}`);
    await page.locator('#chart[data-ready="true"]').waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startServer({ seed });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the series with a summary of its minimum, maximum and mean, and a data table', async () => {
    const page = await open(`chart_stream=${ids.recent}&chart_interval=1h&chart_period=24h`);
    expect(await page.locator('#chart-canvas canvas').count()).toBeGreaterThan(0);
    const summary = await page.locator('.chart-summary').innerText();
    expect(summary).toContain('Sigler Park PM2.5 (µg/m³) from ');
    expect(summary).toContain('minimum 2.25 µg/m³, maximum 15 µg/m³, mean 7.44 µg/m³');
    expect(summary).toContain('was 2.25 µg/m³.');
    expect(await page.locator('#chart').getAttribute('data-buckets')).toBe('4');
    await page.locator('details.chart-table summary').click();
    const cells = page.locator('details.chart-table tbody tr td:first-of-type');
    expect(await cells.allInnerTexts()).toEqual(['4 µg/m³', '8.5 µg/m³', '15 µg/m³', '2.25 µg/m³']);
    expect(await page.locator('#chart-canvas').getAttribute('aria-label')).toContain(
      'Chart of Sigler Park PM2.5',
    );
    await page.close();
  });

  it('redraws when the form changes, and says plainly when the period has no data', async () => {
    const page = await open('');
    expect(await page.locator('#chart-stream').inputValue()).toBe(String(ids.recent));
    await page.locator('#chart-period').selectOption('24h');
    await page.locator('#chart-stream').selectOption(String(ids.old));
    await expect.poll(() => page.locator('.chart-summary').innerText()).toBe('No data in this period.');
    expect(await page.locator('#chart-canvas').isVisible()).toBe(false);
    expect(page.url()).toContain(`chart_stream=${ids.old}`);
    expect(page.url()).toContain('chart_period=24h');
    // A week back, the old reading is there.
    await page.locator('#chart-period').selectOption('7d');
    await expect
      .poll(() => page.locator('.chart-summary').innerText())
      .toContain('minimum 7 µg/m³, maximum 7 µg/m³');
    expect(await page.locator('#chart-canvas canvas').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('works as a form with a CSV download without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/datasets/air-test?lang=en`);
    expect(await page.locator('#chart').innerText()).toContain('The chart needs JavaScript');
    await page.locator('#chart-interval').selectOption('1d');
    await page.locator('#chart-period').selectOption('30d');
    await page.locator('.chart-form button[type="submit"]').click();
    await page.waitForURL(/chart_period=30d/);
    expect(await page.locator('.chart-chosen').innerText()).toBe(
      'Sigler Park PM2.5 (µg/m³), averaged over intervals of 1 day, last 30 days.',
    );
    const href = await page.locator('.chart-links a', { hasText: 'CSV' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/v1/datastreams/${ids.recent}/series\\.csv\\?interval=1d&`));
    const csv = await page.request.get(`${server.baseUrl}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('start,avg,min,max,count,last');
    expect(lines.length).toBeGreaterThan(1);
    await page.close();
  });

  for (const lang of LANGS) {
    it(`has no accessibility violations with the chart drawn, in ${lang}`, async () => {
      const page = await open(`chart_stream=${ids.recent}&chart_interval=1h&chart_period=24h`, lang);
      await page.locator('details.chart-table summary').click();
      const found = (await runAxe(page)).map(
        (v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`,
      );
      expect(found).toEqual([]);
      await page.close();
    });
  }
});
