/**
 * A steward publishes a dataset from the browser: signs in with the sign-in form, fills in the metadata form, uploads a CSV with one
 * bad row, reads the preview, publishes, sees the public page, edits the title and unpublishes it. Every staff
 * page on the way is checked with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const EMAIL = 'sam.steward@city.example';
const CSV = [
  'permit,issued,amount',
  'P-1,2024-01-05,120.5',
  'P-2,2024-02-11,80,extra',
  'P-3,2024-03-20,42',
  'P-4,2024-04-02,17.25',
].join('\n');

describeBrowser('staff console: a steward publishes a dataset', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Fails with the violations, if axe finds any on the page as it is now. */
  async function expectAccessible(label: string): Promise<void> {
    const violations = await runAxe(page);
    expect(
      violations.map(
        (v) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes[0]?.target)}`,
      ),
    ).toEqual([]);
  }

  /** What an anonymous visitor gets at a path. */
  async function anonymousStatus(path: string): Promise<number> {
    const response = await (await browser.newContext()).request.get(`${server.baseUrl}${path}`);
    return response.status();
  }

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await app.services.catalog.upsertDepartment({ id: 'public-works', name: 'Public Works' });
        await app.services.access.users.create({
          email: EMAIL,
          name: 'Sam Steward',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'steward', department: 'public-works' }],
          verified: true,
        });
      },
    });
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    // A missing element fails its step at once, with the step named, instead of the whole test timing out.
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends the steward to sign in, then back to the console', async () => {
    const response = await page.goto(`${server.baseUrl}/staff`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/staff');
    const form = page.locator('form[action="/signin"]');
    await form.locator('input[name="email"]').fill(EMAIL);
    await form.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/staff$/), form.getByRole('button', { name: 'Sign in' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Staff console');
    await expectAccessible('dashboard');
  });

  it('fills in the metadata form, fixing what the catalog refuses', async () => {
    await page.getByRole('link', { name: 'Publish a dataset' }).click();
    expect(await page.locator('h1').innerText()).toBe('Publish a new dataset');
    await expectAccessible('new dataset form');

    await page.getByLabel('Title').fill('Building Permits 2024');
    await page.getByLabel('Identifier').fill('permits-2024');
    await page
      .getByLabel('Description')
      .fill('Building permits issued by the city in 2024, one row per permit.');
    await page.getByLabel('Category').selectOption('permits-licensing');
    await page.getByLabel('Keywords').fill('permits, construction');
    await page.getByLabel('Steward name').fill('Permit Desk');
    await page.getByLabel('Steward email').fill('permits at city');
    await page.getByLabel('Licence').selectOption('CC-BY-4.0');
    await page.getByLabel('Restricted').check();
    await page.getByRole('button', { name: 'Save and continue to the data' }).click();

    // Refused: the error shows next to the field, and everything typed is still there.
    expect(await page.locator('#steward_email-error').innerText()).toContain('is not an email address');
    expect(await page.getByLabel('Title').inputValue()).toBe('Building Permits 2024');
    expect(await page.getByLabel('Restricted').isChecked()).toBe(true);
    await expectAccessible('new dataset form with errors');

    await page.getByLabel('Steward email').fill('permits@city.example');
    await page.getByLabel('Public', { exact: true }).check();
    await page.getByRole('button', { name: 'Save and continue to the data' }).click();
    expect(new URL(page.url()).pathname).toBe('/staff/datasets/permits-2024/data');
    expect(await page.locator('[role="status"]').innerText()).toContain('saved as a draft');
    await expectAccessible('upload form');
  });

  it('uploads a CSV, sees the preview with the bad row, and publishes', async () => {
    await page.getByLabel('Data file').setInputFiles({
      name: 'permits-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    expect(await page.locator('h1').innerText()).toBe('Preview of permits-2024.csv');
    expect(await page.locator('.alert').first().innerText()).toContain(
      '4 rows read; 3 will be imported. 1 row has problems',
    );
    const columns = await page.locator('table[aria-labelledby="columns-heading"] tbody tr').allInnerTexts();
    expect(columns.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'permit permit Text',
      'issued issued Date',
      'amount amount Number',
    ]);
    const problem = await page.locator('table.row-problems tbody tr').allInnerTexts();
    expect(problem).toHaveLength(1);
    expect(problem[0]).toMatch(/^3\s/);
    await expectAccessible('preview');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/staff/datasets/permits-2024');
    expect(await page.locator('[role="status"]').innerText()).toBe('The dataset is published.');
    await expectAccessible('dataset overview');

    const visitor = await (await browser.newContext()).newPage();
    const response = await visitor.goto(`${server.baseUrl}/datasets/permits-2024`);
    expect(response?.status()).toBe(200);
    expect(await visitor.locator('h1').innerText()).toBe('Building Permits 2024');
    expect(await visitor.locator('.metadata').innerText()).toMatch(/Rows\s+3/);
  });

  it('edits the title', async () => {
    await page.getByRole('link', { name: 'Edit the metadata' }).click();
    await expectAccessible('edit form');
    await page.getByLabel('Title').fill('Building Permits, 2024');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.locator('[role="status"]').innerText()).toBe('The changes are saved.');
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.baseUrl}/datasets/permits-2024`);
    expect(await visitor.locator('h1').innerText()).toBe('Building Permits, 2024');
  });

  it('unpublishes it after confirming, and the public page is gone', async () => {
    await page.getByRole('link', { name: 'Unpublish the dataset' }).click();
    await expectAccessible('unpublish confirmation');
    await page.getByLabel('Why is it unpublished?').fill('Owner names must be removed first.');
    await page.getByRole('button', { name: 'Unpublish the dataset' }).click();
    expect(await page.locator('[role="status"]').innerText()).toBe('The dataset is unpublished.');
    expect(await anonymousStatus('/datasets/permits-2024')).toBe(404);

    await page.goto(`${server.baseUrl}/staff`);
    const row = page.locator('tr', { hasText: 'Building Permits, 2024' });
    expect(await row.innerText()).toContain('Unpublished');
    await expectAccessible('dashboard with an unpublished dataset');
  });
});
