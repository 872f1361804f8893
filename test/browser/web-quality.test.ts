/**
 * Every page type of the portal, in every language, on the demo with a day of sensor history: axe-core finds no
 * violation of any impact, the keyboard reaches everything from the skip link, text pages ship no JavaScript, and
 * each page type is photographed at phone and desktop widths into artifacts/screenshots for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSmallDemo } from '../fixtures/demo.js';
import { LANGS } from '../../src/web/i18n/lang.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const SCREENSHOTS = resolve('artifacts', 'screenshots');

/** One page of each type, and whether it may load JavaScript. */
const PAGES: { name: string; path: string; scripts: boolean }[] = [
  { name: 'home', path: '/', scripts: true },
  { name: 'catalog', path: '/datasets?q=street', scripts: false },
  { name: 'dataset-table', path: '/datasets/bldg-permits', scripts: true },
  { name: 'dataset-map', path: '/datasets/parks-facilities', scripts: true },
  { name: 'dataset-sensor', path: '/datasets/air-quality', scripts: true },
  { name: 'live', path: '/live', scripts: true },
  { name: 'departments', path: '/departments', scripts: false },
  { name: 'department', path: '/departments/public-works', scripts: false },
  { name: 'developers', path: '/developers', scripts: false },
  { name: 'about', path: '/about', scripts: false },
  { name: 'faq', path: '/faq', scripts: false },
  { name: 'guide', path: '/docs/query-language', scripts: false },
  { name: 'report-form', path: '/datasets/air-quality/report', scripts: false },
  { name: 'reports', path: '/reports?status=all', scripts: false },
  { name: 'not-found', path: '/no-such-page', scripts: false },
  { name: 'status', path: '/status', scripts: false },
];

const WIDTHS = [
  { label: 'phone', width: 360, height: 780 },
  { label: 'desktop', width: 1280, height: 900 },
];

describeBrowser('every page type, in every language', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({
      // The demo's sensor network with its last day of readings, so that live pages and charts have data.
      seed: (app) => seedSmallDemo(app, { sensorDays: 1 }),
    });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page and waits until its islands have had a moment to draw. */
  async function open(page: Page, path: string, lang: string): Promise<number> {
    const response = await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return response?.status() ?? 0;
  }

  for (const lang of LANGS) {
    it(`has no accessibility violations on any page type in ${lang}`, async () => {
      const page = await browser.newPage();
      const found: string[] = [];
      for (const { name, path } of PAGES) {
        const status = await open(page, path, lang);
        expect(status, name).toBe(name === 'not-found' ? 404 : 200);
        expect(await page.locator('html').getAttribute('lang'), name).toBe(name === 'guide' ? 'en' : lang);
        for (const v of await runAxe(page)) {
          found.push(`${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`);
        }
      }
      await page.close();
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('ships JavaScript only on the pages that need it', async () => {
    const page = await browser.newPage();
    for (const { name, path, scripts } of PAGES) {
      await open(page, path, 'en');
      const count = await page.locator('script[src]').count();
      if (scripts) expect(count, name).toBeGreaterThan(0);
      else expect(count, name).toBe(0);
    }
    await page.close();
  }, 60_000);

  it('is usable with a keyboard: the skip link comes first, focus is visible, nothing traps it', async () => {
    const page = await browser.newPage();
    for (const path of ['/', '/datasets/bldg-permits', '/live']) {
      await open(page, path, 'en');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate('document.activeElement && document.activeElement.getAttribute("href")'),
      ).toBe('#main');
      const outline = (await page.evaluate(`(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return { outline: style.outlineStyle, left: element.getBoundingClientRect().left };
      })()`)) as { outline: string; left: number };
      expect(outline.outline).not.toBe('none');
      expect(outline.left).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
      // Tab on through the whole page: focus keeps moving and reaches the footer, so nothing traps it.
      const seen = new Set<string>();
      let reachedFooter = false;
      for (let i = 0; i < 400 && !reachedFooter; i++) {
        await page.keyboard.press('Tab');
        const where = (await page.evaluate(`(() => {
          const element = document.activeElement;
          return {
            key: element ? element.tagName + ':' + element.outerHTML.slice(0, 120) : '',
            footer: Boolean(element && element.closest('footer')),
          };
        })()`)) as { key: string; footer: boolean };
        seen.add(where.key);
        reachedFooter = where.footer;
      }
      expect(reachedFooter, path).toBe(true);
      expect(seen.size, path).toBeGreaterThan(5);
    }
    await page.close();
  }, 120_000);

  it('saves screenshots of every page type at phone and desktop widths', async () => {
    for (const size of WIDTHS) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      for (const { name, path } of PAGES) {
        for (const lang of name === 'home' || name.startsWith('dataset') ? LANGS : (['en'] as const)) {
          await open(page, path, lang);
          // Nothing may be wider than the screen: a phone scrolls down, never sideways.
          const overflow = (await page.evaluate(
            'document.documentElement.scrollWidth - window.innerWidth',
          )) as number;
          expect(overflow, `${name} at ${size.width}px`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: join(SCREENSHOTS, `${name}-${size.label}-${lang}.png`),
            fullPage: true,
          });
        }
      }
      await context.close();
    }
  }, 180_000);
});
