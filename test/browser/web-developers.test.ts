/**
 * The developers page in a browser: readable on a phone (the code samples scroll inside their boxes, which the
 * keyboard can reach, and the page never scrolls sideways), and no accessibility violation of any impact in
 * English, Vietnamese and Spanish.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LANGS } from '../../src/web/i18n/lang.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('developers page in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits a phone: the page does not scroll sideways, and the keyboard reaches each code sample', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/developers`);
    // The browser's language chose Vietnamese.
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    const samples = page.locator('pre.code-sample');
    expect(await samples.count()).toBeGreaterThan(5);
    const wide = (await samples.evaluateAll((pres) =>
      pres.filter((pre) => pre.scrollWidth > pre.clientWidth).map((pre) => pre.getAttribute('tabindex')),
    )) as (string | null)[];
    expect(wide.length).toBeGreaterThan(0);
    expect(wide.every((tabindex) => tabindex === '0')).toBe(true);
    await context.close();
  });

  it('has no accessibility violations of any impact, in every language', async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const lang of LANGS) {
      await page.goto(`${server.baseUrl}/developers?lang=${lang}`);
      expect(await page.locator('script').count()).toBe(0);
      found.push(
        ...(await runAxe(page)).map(
          (v) => `${lang}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`,
        ),
      );
    }
    expect(found).toEqual([]);
    await page.close();
  });
});
