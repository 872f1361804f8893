/**
 * The demo as a visitor meets it: search from the home page without JavaScript, open a dataset, read its
 * metadata and columns, follow a download link. Seeded with the real demo generator at a small scale.
 */
import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo-seed.js';
import { launchBrowser, runAxe, seriousViolations } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('guides with the demo', () => {
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

  it('serves the query language guide as an accessible page, linked from the header', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('link', { name: 'Query data' }).click();
    expect(new URL(page.url()).pathname).toBe('/docs/query-language');
    expect(await page.locator('h1').innerText()).toBe('Query language (SoQL)');
    // Links between guides lead to their pages, not to Markdown files.
    expect(await page.locator('a', { hasText: 'API guide' }).first().getAttribute('href')).toBe('/docs/api');
    const withScripts = await browser.newPage();
    await withScripts.goto(`${server.baseUrl}/docs/query-language`);
    const serious = seriousViolations(await runAxe(withScripts));
    expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help}`)).toEqual([]);
    await withScripts.close();
    const missing = await page.goto(`${server.baseUrl}/docs/no-such-guide`);
    expect(missing?.status()).toBe(404);
  });
});
