/**
 * The demo as a visitor meets it: search from the home page without JavaScript, open a dataset, read its
 * metadata and columns, follow a download link. Seeded with the real demo generator at a small scale.
 */
import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo-seed.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('catalog and dataset pages with the demo', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({
      // The generator's files go to a scratch folder of their own, removed by the seed.
      seed: (app) =>
        seedDemo(app.services, { dataDir: tmpdir() }, { scale: 0.02, quiet: true }).then(() => undefined),
    });
    browser = await launchBrowser();
    page = await browser.newPage({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a dataset with its metadata, columns and downloads', async () => {
    await page.goto(`${server.baseUrl}/datasets/bldg-permits`);
    expect(await page.locator('h1').innerText()).toBe('Building Permits');
    const metadata = await page.locator('.metadata').innerText();
    expect(metadata).toMatch(/Update frequency\s+daily/);
    expect(metadata).toMatch(/Steward/);
    expect(await page.locator('#columns table tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('#table .preview-table tbody tr').count()).toBe(25);
    expect(await page.locator('.description').innerText()).toContain('not official City of Westminster data');
    const csv = page.locator('.downloads a', { hasText: 'CSV' });
    const href = await csv.getAttribute('href');
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await response.text()).split('\r\n')[0]).toMatch(/^permit_number,/);
  });

  it('has no accessibility violations of any impact on a dataset page', async () => {
    const withScripts = await browser.newPage();
    await withScripts.goto(`${server.baseUrl}/datasets/zoning`);
    await withScripts.waitForLoadState('networkidle').catch(() => undefined);
    const violations = await runAxe(withScripts);
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help}`)).toEqual([]);
    await withScripts.close();
  });

  it('says plainly when a dataset does not exist', async () => {
    const response = await page.goto(`${server.baseUrl}/datasets/no-such-thing`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Dataset not found');
  });
});
