/**
 * The content pages and the page-not-found page as a visitor meets them: the language switcher and the cookie
 * that remembers it, the skip link from the keyboard, the search box of the not-found page, and axe-core with no
 * violation of any impact in English, Vietnamese and Spanish.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LANGS } from '../../src/web/i18n/lang.js';
import { launchBrowser, runAxe, type AxeViolation } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const describe = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`);

describeBrowser('content pages in a browser', () => {
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

  const fresh = async (options: { javaScriptEnabled?: boolean } = {}): Promise<Page> =>
    (await browser.newContext({ locale: 'en-US', ...options })).newPage();

  it('switches to Vietnamese, keeps it on the next pages, and lets ?lang= win over the cookie', async () => {
    const page = await fresh({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/about`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('About Westminster Open Data');

    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('link', { name: 'Tiếng Việt' })
      .click();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h1').innerText()).toBe('Giới thiệu Dữ liệu Mở Westminster');

    // Links carry no language: the cookie does.
    await page
      .getByRole('navigation', { name: 'Trong mục này' })
      .getByRole('link', { name: 'Quyền riêng tư' })
      .click();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('h1').innerText()).toBe('Quyền riêng tư');
    await page
      .getByRole('navigation', { name: 'Chính' })
      .getByRole('link', { name: 'Nhà phát triển' })
      .click();
    expect(await page.locator('h1').innerText()).toBe('Nhà phát triển');

    await page.goto(`${server.baseUrl}/faq?lang=es`);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('h1').innerText()).toBe('Preguntas frecuentes');
    await page.context().close();
  });

  it('reaches the skip link first from the keyboard, and the skip link moves focus to the main content', async () => {
    const page = await fresh();
    await page.goto(`${server.baseUrl}/faq`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(
      `({ text: document.activeElement && document.activeElement.textContent,
          href: document.activeElement && document.activeElement.getAttribute('href') })`,
    );
    expect(first).toEqual({ text: 'Skip to main content', href: '#main' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
    // The next Tab goes on inside the main content, not back to the header.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate("Boolean(document.activeElement && document.activeElement.closest('main'))"),
    ).toBe(true);
    await page.context().close();
  });

  it('offers a search of the catalog on the not-found page, which works without JavaScript', async () => {
    const page = await fresh({ javaScriptEnabled: false });
    const response = await page.goto(`${server.baseUrl}/no-such-page?lang=es`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Página no encontrada');
    await page.getByRole('searchbox', { name: 'Buscar conjuntos de datos' }).fill('parques');
    await page.getByRole('button', { name: 'Buscar' }).click();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/datasets');
    expect(url.searchParams.get('q')).toBe('parques');
    await page.context().close();
  });

  it('has no accessibility violations of any impact on text pages and the not-found page, in every language', async () => {
    const page = await fresh();
    const found: string[] = [];
    for (const path of ['/about', '/faq', '/terms', '/licences', '/privacy', '/no-such-page']) {
      for (const lang of LANGS) {
        await page.goto(`${server.baseUrl}${path}?lang=${lang}`);
        // A text page ships no JavaScript.
        expect(await page.locator('script').count(), path).toBe(0);
        found.push(...describe(await runAxe(page)).map((v) => `${path}?lang=${lang}: ${v}`));
      }
    }
    expect(found).toEqual([]);
    await page.context().close();
  }, 120_000);
});
