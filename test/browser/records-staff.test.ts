/**
 * The Clerk works a records request from the keyboard: signs in, opens the request from the queue, writes a
 * public message, extends the deadline once (a refused field first), and the queue and the request's page pass
 * axe with no violation, at desktop width and at 360 px without sideways scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const EMAIL = 'carla.clerk@city.example';

describeBrowser('records desk: the Clerk works a request with the keyboard', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let number = '';

  async function expectAccessible(label: string): Promise<void> {
    const violations = await runAxe(page);
    expect(
      violations.map(
        (v) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes[0]?.target)}`,
      ),
    ).toEqual([]);
  }

  /** How far the page scrolls sideways at its current width (0: it fits). */
  const overflow = () =>
    page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await app.services.catalog.upsertDepartment({ id: 'public-works', name: 'Public Works' });
        await app.services.access.users.create({
          email: EMAIL,
          name: 'Carla Clerk',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'clerk' }],
          verified: true,
        });
        const filed = await app.services.desk.submit({
          description: 'Pothole repair logs for Bolsa Avenue in 2024, with dates, crews and costs.',
          preferredFormat: 'electronic',
          departmentId: 'public-works',
          email: 'rosa@example.org',
        });
        number = filed.request.number;
      },
    });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in and finds the request in the queue', async () => {
    await page.goto(`${server.baseUrl}/staff/records`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    const form = page.locator('form[action="/signin"]');
    await form.locator('input[name="email"]').fill(EMAIL);
    await form.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/staff\/records$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Records requests');
    await expect(page.getByRole('row', { name: new RegExp(number) }).innerText()).resolves.toContain(
      'On track',
    );
    await expectAccessible('queue');
  });

  it('opens the request and writes a public message without a mouse', async () => {
    await page.getByRole('link', { name: number }).focus();
    await Promise.all([page.waitForURL(/\/staff\/records\/[^/]+$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe(`Request ${number}`);
    await expectAccessible('request page');

    await page.getByLabel('Public message').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Message', { exact: true }).focus();
    await page.keyboard.type('We are gathering the logs from the yard.');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/done=message/), page.keyboard.press('Enter')]);
    await expect(page.getByRole('status').innerText()).resolves.toContain('The message is sent');
    await expect(page.locator('section[aria-labelledby="messages"] ol').innerText()).resolves.toContain(
      'We are gathering the logs from the yard.',
    );
  });

  it('extends the deadline once, fixing a refused field', async () => {
    await page.getByLabel('Unusual circumstance').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('Days of extension').focus();
    await page.keyboard.type('20');
    await page.getByLabel('Notice to the requester').focus();
    await page.keyboard.type('The logs fill twelve boxes; we need more time to review them.');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);

    // Refused: the message sits next to the field, with the notice as typed.
    await expect(page.locator('#extension-days-error').innerText()).resolves.toMatch(/14/);
    expect(await page.getByLabel('Notice to the requester').inputValue()).toContain('twelve boxes');
    expect(await page.getByLabel('Unusual circumstance').inputValue()).toBe('voluminous');
    await expectAccessible('refused extension');

    await page.getByLabel('Days of extension').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.getByLabel('Notice to the requester').focus();
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/done=extended/), page.keyboard.press('Enter')]);
    await expect(page.locator('section[aria-labelledby="deadline"] .alert').innerText()).resolves.toContain(
      'Extended by 10 days',
    );
    expect(await page.getByLabel('Days of extension').count()).toBe(0);
    await expectAccessible('extended request');
  });

  it('fits a 360 px screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${server.baseUrl}/staff/records`);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible('queue at 360 px');
    await page.goto(`${server.baseUrl}/staff/records/numbers`);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible('numbers at 360 px');
  });
});
