/**
 * Searching the demo catalog as a visitor does, with and without JavaScript: words typed on the home page, a
 * facet applied and removed, the sort changed, a second page; the catalog and department pages have no
 * accessibility violation of any impact in English, Vietnamese and Spanish.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallDemo } from '../fixtures/demo.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

/** Council minutes of 24 years: enough results for two pages, split between two categories. */
const MINUTES = Array.from({ length: 24 }, (_, i) => 2001 + i);

describeBrowser('catalog search and facets', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await seedSmallDemo(app);
        for (const year of MINUTES) {
          await app.services.catalog.create({
            id: `council-minutes-${year}`,
            title: `Council Meeting Minutes ${year}`,
            description: `The minutes of every City Council meeting of ${year}.`,
            category: year % 2 === 0 ? 'government' : 'finance',
            keywords: ['council', 'minutes'],
            department: 'city-clerk',
            steward: { name: 'Office of the City Clerk', email: 'cityclerk@westminster-ca.example' },
            license: 'PDDL-1.0',
            update_frequency: 'R/P1Y',
          });
        }
      },
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const titles = (page: Page) => page.locator('.dataset-card .usa-card__heading a').allInnerTexts();

  async function follow(page: Page, url: RegExp, act: () => Promise<unknown>): Promise<void> {
    await Promise.all([page.waitForURL(url), act()]);
  }

  describe.each([
    ['without JavaScript', false],
    ['with JavaScript', true],
  ])('%s', (_label, javaScriptEnabled) => {
    it('searches from the home page, filters, removes the filter, sorts and pages', async () => {
      const page = await browser.newPage({ javaScriptEnabled });
      await page.goto(`${server.baseUrl}/`);
      await page.fill('#home-q', 'permits');
      await follow(page, /\/datasets\?q=permits$/, () => page.press('#home-q', 'Enter'));
      expect((await titles(page))[0]).toBe('Building Permits');
      expect(await page.title()).toContain('“permits”');

      await page.fill('#catalog-q', 'council minutes');
      // The form sends the sort it shows.
      await follow(page, /q=council\+minutes&sort=relevance$/, () => page.click('.search-box button'));
      expect(await page.locator('#results-heading').innerText()).toBe('24 datasets');
      expect(await page.locator('.dataset-card').count()).toBe(20);

      // A facet: the count beside it is what the filter leaves.
      const finance = page.locator('.facet-link', { hasText: 'Finance' }).first();
      expect(await finance.locator('.facet-link__count').innerText()).toBe('12');
      await follow(page, /category=finance/, () => finance.click());
      expect(await page.locator('#results-heading').innerText()).toBe('12 datasets');
      const chip = page.locator('.filter-chip', { hasText: 'Category: Finance' });
      expect(await chip.count()).toBe(1);
      expect(await page.locator('#catalog-q').inputValue()).toBe('council minutes');

      // Removing it keeps the words.
      await follow(page, /\/datasets\?q=council\+minutes$/, () => chip.click());
      expect(await page.locator('#results-heading').innerText()).toBe('24 datasets');

      // Sort by title, then the second page.
      await page.selectOption('#catalog-sort', 'title');
      await follow(page, /sort=title/, () => page.click('.catalog-search__sort-row button'));
      expect((await titles(page))[0]).toBe('Council Meeting Minutes 2001');
      await follow(page, /page=2/, () => page.click('.usa-pagination__next-page'));
      expect(await titles(page)).toEqual([
        'Council Meeting Minutes 2021',
        'Council Meeting Minutes 2022',
        'Council Meeting Minutes 2023',
        'Council Meeting Minutes 2024',
      ]);
      expect(await page.locator('.usa-pagination [aria-current="page"]').innerText()).toBe('2');

      await follow(page, /\/datasets$/, () => page.click('.active-filters__clear'));
      expect(await page.locator('.filter-chip').count()).toBe(0);
      await page.close();
    });
  });

  describe.each(['en', 'vi', 'es'])('in %s', (lang) => {
    it('has no accessibility violation on the catalog and department pages', async () => {
      const page = await browser.newPage();
      const failures: string[] = [];
      for (const path of [
        '/datasets?q=council&category=finance',
        '/datasets?q=nothing-matches-this',
        '/departments',
        '/departments/city-clerk',
        '/departments/no-such-department',
      ]) {
        await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        for (const v of await runAxe(page))
          failures.push(
            `${path}: ${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
          );
      }
      expect(failures).toEqual([]);
      await page.close();
    });
  });
});
