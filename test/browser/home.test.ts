import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, runAxe, seriousViolations } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('home page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let status: number | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    const response = await page.goto(`${server.baseUrl}/`, { waitUntil: 'load' });
    status = response?.status();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers 200 with HTML', () => {
    expect(status).toBe(200);
  });

  it('has a main heading', async () => {
    await expect(page.locator('h1').count()).resolves.toBeGreaterThan(0);
    expect((await page.locator('h1').first().innerText()).trim()).not.toBe('');
  });

  it('has a search form with a labelled input', async () => {
    const field = 'input[type="search"], input[name="q"]';
    const input = page.locator('form').locator(field).first();
    await expect(input.count()).resolves.toBe(1);
    // A name from a <label>, aria-label or aria-labelledby; a placeholder alone is not a label.
    const names = [(await input.getAttribute('aria-label')) ?? ''];
    const id = await input.getAttribute('id');
    if (id) names.push(...(await page.locator(`label[for="${id}"]`).allInnerTexts()));
    names.push(
      ...(await page
        .locator('label')
        .filter({ has: page.locator(field) })
        .allInnerTexts()),
    );
    for (const labelId of ((await input.getAttribute('aria-labelledby')) ?? '')
      .split(/\s+/)
      .filter(Boolean)) {
      names.push(...(await page.locator(`[id="${labelId}"]`).allInnerTexts()));
    }
    expect(names.join(' ').trim()).not.toBe('');
  });

  it('has no serious or critical accessibility violations', async () => {
    const serious = seriousViolations(await runAxe(page));
    expect(
      serious.map(
        (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      ),
    ).toEqual([]);
  });
});
