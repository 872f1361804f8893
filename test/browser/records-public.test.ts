/**
 * A resident files a public records request in Chromium, with JavaScript (datasets are suggested while they
 * type) and without it (the "check for datasets first" step), follows it through the private link, and withdraws
 * it. Every public page of the desk passes axe with no violation of any impact in English, Vietnamese and
 * Spanish, at 360 px and at desktop width, and none scrolls sideways on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskViewer } from '../../src/desk/records/records.types.js';
import { seedSmallDemo } from '../fixtures/demo.js';
import { launchBrowser, runAxe, type AxeViolation } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const describeViolations = (violations: AxeViolation[]) =>
  violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );

describeBrowser('records desk: filing, following and withdrawing a request', () => {
  let server: TestServer;
  let browser: Browser;
  /** A request closed with a denial, fees and released records: the follow page with every section. */
  let deniedToken = '';
  let publishedNumber = '';

  const accessible = async (page: Page) => expect(describeViolations(await runAxe(page))).toEqual([]);

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await seedSmallDemo(app);
        const desk = app.services.desk;
        const user = await app.services.access.users.create({
          email: 'clerk@example.org',
          name: 'Pat Clerk',
          kind: 'staff',
          password: 'correct horse battery staple',
          roles: [{ role: 'clerk' }],
          verified: true,
        });
        const clerk: DeskViewer = {
          kind: 'staff',
          userId: user.id,
          name: 'Pat Clerk',
          clerk: true,
          admin: false,
          departments: [],
        };
        const filed = await desk.submit({
          description: 'Body camera footage of the traffic stop on Bolsa Avenue on March 2',
          preferredFormat: 'electronic',
          email: 'requester@example.org',
        });
        deniedToken = filed.followToken;
        const id = filed.request.id;
        await desk.addMessage(id, clerk, { kind: 'public', body: 'We are reviewing the footage.' });
        await desk.setFees(id, clerk, {
          lines: [{ kind: 'electronic_copy', description: 'USB drive', amountCents: 800 }],
          payment: 'awaiting_payment',
        });
        await desk.release(id, clerk, {
          kind: 'offline',
          title: 'Incident log',
          visibility: 'requester',
          description: 'Available to read at the Police front desk.',
          redactionNote: 'Names of minors removed.',
        });
        await desk.close(id, clerk, {
          reason: 'partially_fulfilled',
          note: 'The footage is withheld.',
          denial: {
            scope: 'partial',
            exemptions: ['Gov. Code 7923.600 (investigation records)'],
            responsible: [{ name: 'Jordan Lee', title: 'Police Records Manager' }],
            explanation: 'The footage is part of an open investigation.',
          },
        });
        await desk.setPublished(id, clerk, true);
        publishedNumber = filed.request.number;
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('suggests datasets while the requester types, files the request, follows and withdraws it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/records`);
    await accessible(page);
    await page
      .getByLabel('Describe the records you want')
      .fill('All building permits issued for solar panels');
    const suggestion = page.locator('.records-suggest__item a', { hasText: 'Building Permits' });
    await suggestion.waitFor();
    await expect(page.locator('[data-records-suggest-status]').innerText()).resolves.toMatch(
      /published datasets? may answer your request/,
    );
    expect(await suggestion.getAttribute('href')).toBe('/datasets/bldg-permits');
    await accessible(page);
    await page.getByLabel('Email address').fill('resident@example.org');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your request was received');
    await expect(page.locator('.records-number').innerText()).resolves.toMatch(/^R\d{2}-\d{4}$/);
    await accessible(page);
    await page.getByRole('link', { name: 'Go to your private page' }).click();
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Request R\d{2}-\d{4}$/);
    await expect(page.locator('main').innerText()).resolves.toContain(
      'All building permits issued for solar panels',
    );
    await accessible(page);
    await page.getByRole('button', { name: 'Withdraw request' }).click();
    // Without the box ticked, nothing happens but a message beside it.
    await expect(page.locator('#confirm-error').innerText()).resolves.toContain('Tick the box to confirm');
    // The design system draws its own box: people tick it by its label.
    await page.locator('label[for="confirm"]').click();
    await expect(page.getByLabel(/Yes, withdraw my request/).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Withdraw request' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Your request is withdrawn.');
    await expect(page.locator('.records-tag').first().innerText()).resolves.toContain('Closed: withdrawn');
    await accessible(page);
    await page.close();
  });

  it('checks for datasets first and files the request without JavaScript, attachments kept', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/records`);
    await page
      .getByLabel('Describe the records you want')
      .fill('Where are the street trees on Magnolia Street?');
    await page.getByLabel('Your name').fill('Lan Tran');
    await page.locator('label[for="preferredFormat-paper"]').click();
    await page.locator('#attachments').setInputFiles({
      name: 'map.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Magnolia between Hazard and Bolsa'),
    });
    await page.getByRole('button', { name: 'Check for datasets first' }).click();
    await expect(page.locator('.records-suggest__item a', { hasText: 'Street Trees' }).count()).resolves.toBe(
      1,
    );
    await expect(page.getByLabel('Describe the records you want').inputValue()).resolves.toContain(
      'Magnolia',
    );
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Lan Tran');
    await expect(page.getByLabel('Paper copies').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(/map\.txt/).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your request was received');
    await expect(page.locator('main').innerText()).resolves.toContain('You gave no email address');
    await page.getByRole('link', { name: 'Go to your private page' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('map.txt');
    await expect(page.locator('main').innerText()).resolves.toContain('Paper copies');
    await page.close();
  });

  it('has no accessibility violations on any public desk page, in every language, on a phone and a desktop', async () => {
    const problems: string[] = [];
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const lang of ['en', 'vi', 'es']) {
        const pages = [
          '/records',
          `/records/filed/${deniedToken}`,
          `/records/follow/${deniedToken}`,
          '/records/log',
          `/records/log/${publishedNumber}`,
          '/records/numbers',
          `/records/follow/${'z'.repeat(43)}`,
        ];
        for (const path of pages) {
          await page.goto(`${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          for (const v of describeViolations(await runAxe(page)))
            problems.push(`${width}px ${lang} ${path}: ${v}`);
          const overflow = Number(
            await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
          );
          if (overflow > 0) problems.push(`${width}px ${lang} ${path}: scrolls sideways by ${overflow}px`);
        }
        // The form with its problems shown.
        await page.goto(`${server.baseUrl}/records?lang=${lang}`);
        await page.locator('button[value="send"]').click();
        await page.locator('.usa-alert--error').waitFor();
        for (const v of describeViolations(await runAxe(page)))
          problems.push(`${width}px ${lang} form errors: ${v}`);
        // The no-script step's answer: the datasets found for the description, below it.
        await page.locator('#description').fill('street trees and building permits');
        await page.locator('button[value="check"]').click();
        await page.locator('.records-suggest__found').waitFor();
        for (const v of describeViolations(await runAxe(page)))
          problems.push(`${width}px ${lang} suggestions: ${v}`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('shows the denial, the people responsible and the remedies on the requester’s page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/records/follow/${deniedToken}`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('The City withheld part of the records');
    expect(main).toContain('Gov. Code 7923.600 (investigation records)');
    expect(main).toContain('Jordan Lee, Police Records Manager');
    expect(main).toContain('petition to the superior court');
    expect(main).toContain('Names of minors removed.');
    expect(main).toContain('$8.00');
    await expect(page.getByRole('button', { name: 'Send to the City Clerk' }).count()).resolves.toBe(1);
    await page.close();
  });
});
