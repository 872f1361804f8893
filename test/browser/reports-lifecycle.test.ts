/**
 * A problem with a sensor from the resident's report to the steward's answer, in Chromium: a resident follows
 * the chart's "Report a problem with this sensor" link (the sensor and the period shown come prefilled) and files
 * a report, once with JavaScript and once without; the steward signs in, acknowledges, assigns, replies and
 * resolves it in the staff console; the resident's private page and the public status page show the answer.
 * Every page passes axe (the public ones in English, Vietnamese and Spanish) and is photographed into
 * artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../fixtures/accounts.js';
import { seedSmallDemo } from '../fixtures/demo.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const SCREENSHOTS = resolve('artifacts', 'screenshots');
const STEWARD_EMAIL = 'sam.steward@city.example';
const DATASET = 'air-quality';

describeBrowser('quality reports: a sensor problem from the report to the answer', () => {
  let server: TestServer;
  let browser: Browser;
  let resident: Page;
  let number = '';
  let followUrl = '';
  let stream = '';

  const shoot = (page: Page, step: string, width = 'desktop') =>
    page.screenshot({ path: join(SCREENSHOTS, `reports-${step}-${width}-en.png`), fullPage: true });

  /** axe on the page as it is, and again in Vietnamese and Spanish when it is a public page; back in English. */
  async function axeEverywhere(page: Page, languages: readonly string[] = ['en', 'vi', 'es']) {
    const found: string[] = [];
    const here = page.url();
    for (const lang of languages) {
      const url = new URL(here);
      url.searchParams.set('lang', lang);
      await page.goto(url.toString());
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      for (const v of await runAxe(page))
        found.push(
          `${lang} ${new URL(here).pathname}: ${v.id} ${v.help} at ${v.nodes.map((n) => n.html).join(' | ')}`,
        );
    }
    const back = new URL(here);
    back.searchParams.set('lang', 'en');
    await page.goto(back.toString());
    expect(found).toEqual([]);
  }

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await seedSmallDemo(app, { sensorDays: 1 });
        for (const [email, name] of [
          [STEWARD_EMAIL, 'Sam Steward'],
          ['ari.analyst@city.example', 'Ari Analyst'],
        ] as const) {
          await app.services.access.users.create({
            email,
            name,
            kind: 'staff',
            password: PASSWORD,
            roles: [{ role: 'steward', department: 'information-technology' }],
            verified: true,
          });
        }
      },
    });
    browser = await launchBrowser();
    resident = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('files a report from the chart, with the sensor and the period prefilled (JavaScript on)', async () => {
    await resident.goto(`${server.baseUrl}/datasets/${DATASET}?chart_period=24h&lang=en#chart`);
    await resident.locator('#chart[data-ready="true"]').waitFor();
    stream = await resident.locator('#chart-stream').inputValue();
    const link = resident.getByRole('link', { name: 'Report a problem with this sensor' });
    const href = new URL((await link.getAttribute('href'))!, server.baseUrl);
    expect(href.pathname).toBe(`/datasets/${DATASET}/report`);
    expect(href.searchParams.get('datastream')).toBe(stream);
    const from = Date.parse(href.searchParams.get('from')!);
    const to = Date.parse(href.searchParams.get('to')!);
    expect(to - from).toBe(24 * 3_600_000);
    await resident
      .locator('#chart')
      .screenshot({ path: join(SCREENSHOTS, 'reports-0-chart-desktop-en.png') });
    await link.click();
    await resident.waitForURL(/\/report\?/);
    const formUrl = resident.url();
    expect(await resident.locator('#datastream').inputValue()).toBe(stream);
    expect(await resident.locator('#timeFrom').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(await resident.locator('#timeTo').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await axeEverywhere(resident);

    // Sent without a kind: the problem is said at the top and by the field; what was typed stays.
    await resident.getByLabel('Describe the problem').fill('Stuck at the same value since this morning.');
    await resident.getByRole('button', { name: 'Send report' }).click();
    expect(await resident.locator('.usa-alert--error').innerText()).toContain('Choose the kind of problem.');
    expect(await resident.getByLabel('Describe the problem').inputValue()).toBe(
      'Stuck at the same value since this morning.',
    );
    expect(await resident.locator('#datastream').inputValue()).toBe(stream);

    await resident.locator('label[for="kind-sensor_fault"]').click();
    await resident.getByLabel('Email address').fill('resident@example.org');
    await shoot(resident, '1-form');
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await phone.goto(formUrl);
    expect(await phone.locator('#datastream').inputValue()).toBe(stream);
    await phone.locator('label[for="kind-sensor_fault"]').click();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: join(SCREENSHOTS, 'reports-1-form-phone-en.png'), fullPage: true });
    await phone.close();

    await resident.getByRole('button', { name: 'Send report' }).click();
    expect(await resident.locator('h1').innerText()).toBe('Thank you: your report was received');
    number = await resident.locator('.reports-number').innerText();
    expect(number).toMatch(/^Q\d{2}-\d{4}$/);
    await shoot(resident, '2-acknowledgement');
    await axeEverywhere(resident);
    await resident.getByRole('link', { name: 'Go to your private page' }).click();
    followUrl = resident.url();
    expect(new URL(followUrl).pathname).toMatch(/^\/reports\/follow\//);
    expect(await resident.locator('main').innerText()).toContain('Received');
    await shoot(resident, '3-follow');
    await axeEverywhere(resident);
  });

  it('files a report from the chart without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.baseUrl}/datasets/${DATASET}?chart_stream=${stream}&chart_period=7d&lang=en`);
    // The open report flags the sensor, with a link to its public page.
    const badge = page.locator('[data-chart-investigation]');
    expect(await badge.innerText()).toBe(`Under investigation: ${number}`);
    expect(await badge.locator('a').getAttribute('href')).toBe(`/reports/${number}`);
    await page.getByRole('link', { name: 'Report a problem with this sensor' }).click();
    await page.waitForURL(/\/report\?/);
    expect(await page.locator('#datastream').inputValue()).toBe(stream);
    await page.locator('label[for="kind-wrong_values"]').click();
    await page
      .getByLabel('Describe the problem')
      .fill('The readings jump by 300 every few minutes overnight.');
    await page.getByRole('button', { name: 'Send report' }).click();
    expect(await page.locator('h1').innerText()).toBe('Thank you: your report was received');
    expect(await page.locator('.reports-number').innerText()).toMatch(/^Q\d{2}-\d{4}$/);
    expect(await page.locator('main').innerText()).toContain('You gave no email address');

    // The live map's table flags the same sensor and links its report form.
    await page.goto(`${server.baseUrl}/live?lang=en`);
    const row = page.locator(`tr[data-datastream="${stream}"]`);
    expect(await row.locator('.reports-badge').innerText()).toBe(`Under investigation: ${number}`);
    expect(await row.locator('a.live-report__link').getAttribute('href')).toBe(
      `/datasets/${DATASET}/report?datastream=${stream}`,
    );
    await page.close();
  });

  it('lets the steward acknowledge, assign, reply and resolve in the staff console', async () => {
    const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await staff.goto(`${server.baseUrl}/staff/reports`);
    const form = staff.locator('form[action="/signin"]');
    await form.locator('input[name="email"]').fill(STEWARD_EMAIL);
    await form.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([
      staff.waitForURL(/\/staff\/reports/),
      form.locator('input[name="password"]').press('Enter'),
    ]);
    expect(await staff.locator('main').innerText()).toContain(number);
    await shoot(staff, '4-staff-queue');
    expect(await runAxe(staff)).toEqual([]);

    await staff.getByRole('link', { name: number }).click();
    await staff.waitForURL(new RegExp(`/staff/reports/${number}$`));
    const text = await staff.locator('main').innerText();
    await shoot(staff, '5-staff-report');
    expect(text).toContain('resident@example.org');
    expect(text).toContain('Stuck at the same value since this morning.');
    expect(
      await staff.getByRole('link', { name: 'Its chart on the dataset page' }).getAttribute('href'),
    ).toContain(`chart_stream=${stream}`);
    expect(await runAxe(staff)).toEqual([]);

    await staff.getByRole('button', { name: 'Acknowledge' }).click();
    expect(await staff.locator('.alert-ok').innerText()).toContain('The report is acknowledged');
    await staff.locator('#assignee').selectOption({ label: 'Ari Analyst' });
    await staff.getByRole('button', { name: 'Save the assignment' }).click();
    expect(await staff.locator('.alert-ok').innerText()).toContain('The assignment is saved');
    await staff
      .getByRole('textbox', { name: 'Reply', exact: true })
      .fill('The sensor is stuck; a technician visits it on Monday.');
    await staff.getByRole('button', { name: 'Publish the reply' }).click();
    await staff
      .getByRole('textbox', { name: 'Note', exact: true })
      .fill('Second stuck sensor on this block this month.');
    await staff.getByRole('button', { name: 'Save the note' }).click();
    await staff
      .getByRole('textbox', { name: 'Resolution note (optional)' })
      .fill('The sensor was cleaned and reads correctly again.');
    await staff.getByRole('button', { name: 'Resolve' }).click();
    expect(await staff.locator('.alert-ok').innerText()).toContain('The report is resolved');
    expect(await staff.locator('main').innerText()).toContain('Ari Analyst');
    await shoot(staff, '6-staff-resolved');
    expect(await runAxe(staff)).toEqual([]);
    await staff.close();
  });

  it('shows the answer on the resident’s private page and on the public status page and list', async () => {
    await resident.goto(followUrl);
    let text = await resident.locator('main').innerText();
    expect(text).toContain('The sensor is stuck; a technician visits it on Monday.');
    expect(text).toContain('The sensor was cleaned and reads correctly again.');
    expect(text).not.toContain('Second stuck sensor on this block');
    await shoot(resident, '7-follow-answered');

    await resident.getByRole('link', { name: 'Public status page of this report' }).click();
    expect(new URL(resident.url()).pathname).toBe(`/reports/${number}`);
    text = await resident.locator('main').innerText();
    expect(text).toContain('Resolved');
    expect(text).toContain('The sensor is stuck; a technician visits it on Monday.');
    expect(text).not.toContain('resident@example.org');
    expect(
      await resident
        .locator('.reports-facts')
        .getByRole('link', { name: 'Air Quality (live)' })
        .getAttribute('href'),
    ).toBe(`/datasets/${DATASET}`);
    await shoot(resident, '8-status');
    await axeEverywhere(resident);

    // With the first report resolved, the chart flags the sensor with the one still open.
    await resident.goto(`${server.baseUrl}/datasets/${DATASET}?chart_stream=${stream}&lang=en#chart`);
    await resident.locator('#chart[data-ready="true"]').waitFor();
    const badge = await resident.locator('[data-chart-investigation]').innerText();
    expect(badge).toMatch(/^Under investigation: Q\d{2}-\d{4}$/);
    expect(badge).not.toContain(number);

    // The dataset page lists the report still open, and no longer the resolved one.
    const feedback = resident.locator('#feedback');
    const open = await feedback.locator('.reports-open').innerText();
    expect(open).toContain(badge.replace('Under investigation: ', ''));
    expect(open).not.toContain(number);
    await feedback.screenshot({ path: join(SCREENSHOTS, 'reports-10-dataset-feedback-desktop-en.png') });

    await resident.goto(`${server.baseUrl}/reports?status=all&lang=en`);
    expect(await resident.locator('main').innerText()).toContain(number);
    await shoot(resident, '9-list');
    await axeEverywhere(resident);
  });
});
