/**
 * The dataset page in a real browser, on the demo: the table pages, sorts and filters with JavaScript (the
 * island swaps the table in place and keeps the address current) and without it (plain links and forms); a
 * download starts; the copy button copies an example; and axe finds no violation of any impact on a tabular,
 * a geospatial and a sensor dataset in English, Vietnamese and Spanish.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallDemo } from '../fixtures/demo.js';
import { LANGS } from '../../src/web/i18n/lang.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const SCREENSHOTS = resolve('artifacts', 'screenshots');

/** The text of one column of the table preview, by its field name. */
async function columnValues(page: Page, field: string): Promise<string[]> {
  const headers = await page.locator('.preview-table thead th').allInnerTexts();
  const names = await page
    .locator('.preview-table thead th a')
    .evaluateAll((links) =>
      links.map((a) => new URL((a as unknown as { href: string }).href).searchParams.get('sort')),
    );
  const index = names.indexOf(field);
  expect(index, `column ${field} among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return page.locator(`.preview-table tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

const rowCount = (page: Page) => page.locator('.preview-table tbody tr').count();
const summary = (page: Page) => page.locator('#table-summary').innerText();
/** Marks the document, to tell a swap in place (mark kept) from a page load (mark gone). */
const mark = (page: Page) =>
  page.evaluate(() => {
    (globalThis as unknown as Record<string, unknown>).plazaMark = true;
  });
const marked = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Record<string, unknown>).plazaMark === true);

const numbers = (cells: string[]) => cells.filter((c) => c !== '' && c !== 'N/A').map(Number);

describeBrowser('dataset page', () => {
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

  describe('without JavaScript', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
    });
    afterAll(() => page.close());

    it('pages and sorts the table through links', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits`);
      expect(await rowCount(page)).toBe(25);
      expect(await summary(page)).toMatch(/^Rows 1 to 25 of [\d,]+$/);
      await page.locator('.table-pager').getByRole('link', { name: 'Next' }).click();
      await page.waitForURL(/\/datasets\/bldg-permits\?page=2#table$/);
      expect(await summary(page)).toMatch(/^Rows 26 to 50 of /);

      await page
        .locator('.preview-table thead')
        .getByRole('link', { name: /^valuation/ })
        .click();
      await page.waitForURL(/sort=valuation#table$/);
      expect(await page.locator('th[aria-sort="ascending"]').innerText()).toMatch(/^valuation/);
      const ascending = numbers(await columnValues(page, 'valuation'));
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      await page
        .locator('.preview-table thead')
        .getByRole('link', { name: /^valuation/ })
        .click();
      await page.waitForURL(/sort=valuation&order=desc#table$/);
      const descending = numbers(await columnValues(page, 'valuation'));
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
    });

    it('filters with the form, keeps the state in the URL, and explains a bad filter', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits?size=10`);
      const kind = (await columnValues(page, 'permit_type'))[0]!;
      await page.selectOption('#filter-column', 'permit_type');
      await page.selectOption('#filter-op', 'eq');
      await page.fill('#filter-value', kind);
      await page.getByRole('button', { name: 'Apply filter' }).click();
      await page.waitForURL(/filter=permit_type%3Aeq%3A/);
      expect(page.url()).toMatch(/\?size=10&filter=permit_type%3Aeq%3A[^&#]+#table$/);
      expect(new Set(await columnValues(page, 'permit_type'))).toEqual(new Set([kind]));
      expect(await summary(page)).toMatch(/ matching \(of [\d,]+ in the table\)$/);
      expect(await page.locator('.active-filters').innerText()).toContain(`permit_type equals “${kind}”`);

      await page.selectOption('#filter-column', 'valuation');
      await page.selectOption('#filter-op', 'gt');
      await page.fill('#filter-value', 'lots');
      await page.getByRole('button', { name: 'Apply filter' }).click();
      await page.waitForURL(/filter=valuation%3Agt%3Alots/);
      expect(await page.getByRole('alert').innerText()).toContain('“lots” is not a number');
      // The good filter still applies.
      expect(new Set(await columnValues(page, 'permit_type'))).toEqual(new Set([kind]));

      await page.getByRole('link', { name: `Remove permit_type equals “${kind}”` }).click();
      await page.waitForURL(/\/datasets\/bldg-permits\?size=10(#table)?$/);
      expect(await rowCount(page)).toBe(10);
    });

    it('starts a download: the CSV link answers with CSV', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits`);
      const href = await page.locator('#downloads a', { hasText: /^CSV$/ }).getAttribute('href');
      const response = await page.request.get(href ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^text\/csv/);
      expect((await response.text()).split('\r\n')[0]).toMatch(/^permit_number,permit_type,/);
      const button = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
      expect(button).toBe(href);
    });
  });

  describe('with JavaScript', () => {
    let page: Page;
    beforeAll(async () => {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
      page = await context.newPage();
    });
    afterAll(() => page.context().close());

    it('swaps pages and sorts in place, keeping the address and Back working', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits`);
      await page.waitForLoadState('networkidle');
      await mark(page);
      await page.locator('.table-pager').getByRole('link', { name: 'Next' }).click();
      await page.waitForURL(/\?page=2#table$/);
      await expect.poll(() => summary(page)).toMatch(/^Rows 26 to 50 of /);
      expect(await marked(page)).toBe(true);
      // Focus moves to the summary, so that a screen reader hears the new rows.
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement
              .id,
        ),
      ).toBe('table-summary');

      await page
        .locator('.preview-table thead')
        .getByRole('link', { name: /^valuation/ })
        .click();
      await page.waitForURL(/\?sort=valuation#table$/);
      await expect.poll(() => page.locator('th[aria-sort]').count()).toBe(1);
      const ascending = numbers(await columnValues(page, 'valuation'));
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      expect(await marked(page)).toBe(true);

      await page.goBack();
      await page.waitForURL(/\?page=2#table$/);
      await expect.poll(() => summary(page)).toMatch(/^Rows 26 to 50 of /);
      expect(await page.locator('th[aria-sort]').count()).toBe(0);
      expect(await marked(page)).toBe(true);
    });

    it('leaves moves between the page’s anchors alone', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits?lang=en`);
      await page.waitForLoadState('networkidle');
      const fragments: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/table')) fragments.push(request.url());
      });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#main$/);
      await page
        .getByRole('navigation', { name: 'On this page' })
        .getByRole('link', { name: 'Columns' })
        .click();
      await page.waitForURL(/#columns$/);
      await page.goBack();
      await page.waitForURL(/#main$/);
      expect(await page.locator('#table-summary').evaluate((e) => e.matches(':focus'))).toBe(false);
      expect(fragments).toEqual([]);
    });

    it('offers the conditions that fit the column, filters in place, and changes the page size', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits`);
      await page.waitForLoadState('networkidle');
      await mark(page);
      await page.selectOption('#filter-column', 'valuation');
      expect(await page.locator('#filter-op option[value="contains"]').isDisabled()).toBe(true);
      expect(await page.locator('#filter-value2').isVisible()).toBe(false);
      await page.selectOption('#filter-op', 'between');
      expect(await page.locator('#filter-value2').isVisible()).toBe(true);
      await page.fill('#filter-value', '1000');
      await page.fill('#filter-value2', '5000');
      await page.getByRole('button', { name: 'Apply filter' }).click();
      await page.waitForURL(/\?filter=valuation%3Abetween%3A1000..5000#table$/);
      await expect.poll(() => summary(page)).toMatch(/ matching /);
      const values = numbers(await columnValues(page, 'valuation'));
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((v) => v >= 1000 && v <= 5000)).toBe(true);

      await page.selectOption('#table-size', '50');
      await page.waitForURL(/\?size=50&filter=valuation%3Abetween%3A1000..5000#table$/);
      await expect.poll(() => rowCount(page)).toBeGreaterThan(25);
      expect(await marked(page)).toBe(true);
      await page.screenshot({
        path: join(SCREENSHOTS, 'dataset-table-filtered-desktop-en.png'),
        fullPage: false,
      });
    });

    it('copies an API example with the copy button', async () => {
      await page.goto(`${server.baseUrl}/datasets/bldg-permits#api`);
      const example = page.locator('.api-example[open] pre');
      const button = page.locator('.api-example[open]').getByRole('button', { name: 'Copy' });
      await button.click();
      await expect.poll(() => page.locator('.api-example[open] .copy-status').innerText()).toBe('Copied');
      const copied = await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(copied).toBe(await example.innerText());
      expect(copied).toMatch(/^curl -G 'http:\/\/127\.0\.0\.1:\d+\/api\/v1\/datasets\/bldg-permits\/query'/);
      expect(copied).toContain("--data-urlencode '$select=permit_number, permit_type, work_description'");
      expect(copied).toMatch(/--data-urlencode '\$where=\w+ = '\\''[^']+'\\''' \\\n/);
    });
  });

  for (const lang of LANGS) {
    it(`has no accessibility violations on a tabular, a geospatial and a sensor dataset in ${lang}`, async () => {
      const page = await browser.newPage();
      const found: string[] = [];
      for (const id of ['bldg-permits', 'parks-facilities', 'air-quality']) {
        const response = await page.goto(`${server.baseUrl}/datasets/${id}?lang=${lang}`);
        expect(response?.status(), id).toBe(200);
        await page.waitForLoadState('networkidle').catch(() => undefined);
        for (const v of await runAxe(page)) {
          found.push(`${id}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`);
        }
      }
      // A filtered table, with a message about a filter that does not apply.
      await page.goto(
        `${server.baseUrl}/datasets/bldg-permits?lang=${lang}&filter=valuation%3Agt%3Aabc&filter=status%3Aeq%3AIssued`,
      );
      await page.waitForLoadState('networkidle').catch(() => undefined);
      for (const v of await runAxe(page)) {
        found.push(`filtered: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`);
      }
      await page.close();
      expect(found).toEqual([]);
    }, 120_000);
  }
});
