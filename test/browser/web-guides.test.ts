/**
 * The guides of docs/ as a visitor meets them, without JavaScript: reached from the developers page, listed
 * beside each other, in English for visitors of every language (who are told so in theirs).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GUIDES } from '../../src/web/guides.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('guides', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('leads from the developers page to the query language guide, an accessible page among the guides', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Developers' }).click();
    expect(new URL(page.url()).pathname).toBe('/developers');
    await page.getByRole('link', { name: 'Read the query language guide' }).click();
    expect(new URL(page.url()).pathname).toBe('/docs/query-language');
    expect(await page.locator('h1').innerText()).toBe('Query language (SoQL)');
    // Links between guides lead to their pages, not to Markdown files.
    expect(await page.locator('a', { hasText: 'API guide' }).first().getAttribute('href')).toBe('/docs/api');
    // The list of guides beside it marks this one and leads to the others.
    const guides = page.getByRole('navigation', { name: 'Guides' });
    expect(await guides.locator('[aria-current="page"]').innerText()).toBe('Query language (SoQL)');
    await guides.getByRole('link', { name: 'API keys' }).click();
    expect(new URL(page.url()).pathname).toBe('/docs/api-keys');
    expect(await page.locator('h1').innerText()).toBe('API keys');
    const missing = await page.goto(`${server.baseUrl}/docs/no-such-guide`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Guide not found');
  });

  it('shows a guide in English to visitors of every language, saying so, with no accessibility violations', async () => {
    const withScripts = await browser.newPage();
    const found: string[] = [];
    for (const [lang, note] of [
      ['en', null],
      ['vi', 'Trang này chỉ có bằng tiếng Anh.'],
      ['es', 'Esta página solo está disponible en inglés.'],
    ] as const) {
      await withScripts.goto(`${server.baseUrl}/docs/query-language?lang=${lang}`);
      expect(await withScripts.getAttribute('html', 'lang')).toBe('en');
      const notes = withScripts.locator('main .english-only');
      if (note) expect(await notes.innerText()).toBe(note);
      else expect(await notes.count()).toBe(0);
      found.push(...(await runAxe(withScripts)).map((v) => `${lang}: ${v.id} (${v.impact}): ${v.help}`));
    }
    expect(found).toEqual([]);
    await withScripts.close();
  });

  it('has no accessibility violations on any guide', async () => {
    const withScripts = await browser.newPage();
    const found: string[] = [];
    for (const name of Object.keys(GUIDES)) {
      const response = await withScripts.goto(`${server.baseUrl}/docs/${name}`);
      expect(response?.status(), name).toBe(200);
      found.push(...(await runAxe(withScripts)).map((v) => `${name}: ${v.id} (${v.impact}): ${v.help}`));
    }
    expect(found).toEqual([]);
    await withScripts.close();
  }, 60_000);
});
