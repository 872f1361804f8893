/**
 * One public records request from filing to the Clerk's decision on a reconsideration, as the resident and the
 * Clerk see it in Chromium: the resident files it with the form and follows it through the private link; the
 * desk extends it with a written notice, releases a record and closes it with a partial denial; the resident reads
 * the denial with its remedies and asks for a reconsideration; the Clerk sees it in the staff console and decides;
 * the published request is in the public log. Each step is photographed into artifacts/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskViewer } from '../../src/desk/records/records.types.js';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const SCREENSHOTS = resolve('artifacts', 'screenshots');
const CLERK_EMAIL = 'casey.clerk@city.example';

describeBrowser('records desk: a request from filing to reconsideration', () => {
  let server: TestServer;
  let browser: Browser;
  let resident: Page;
  let clerk: DeskViewer;
  let followUrl = '';
  let number = '';

  const shoot = (page: Page, step: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `records-${step}-desktop-en.png`), fullPage: true });

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await app.services.catalog.upsertDepartment({ id: 'police', name: 'Police' });
        const user = await app.services.access.users.create({
          email: CLERK_EMAIL,
          name: 'Casey Clerk',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'clerk' }],
          verified: true,
        });
        clerk = {
          kind: 'staff',
          userId: user.id,
          name: 'Casey Clerk',
          clerk: true,
          admin: false,
          departments: [],
        };
      },
    });
    browser = await launchBrowser();
    resident = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('files a request with the form and lands on the acknowledgement with the private link', async () => {
    await resident.goto(`${server.baseUrl}/records`);
    await resident
      .getByLabel('Describe the records you want')
      .fill('Use-of-force reports of the Police Department for 2025, with the officers names redacted.');
    await resident.getByLabel('Email address').fill('requester@example.org');
    await shoot(resident, '1-form');
    await resident.getByRole('button', { name: 'Send request' }).click();
    expect(await resident.locator('h1').innerText()).toBe('Your request was received');
    number = await resident.locator('.records-number').innerText();
    expect(number).toMatch(/^R\d{2}-\d{4}$/);
    await shoot(resident, '2-acknowledgement');
    await resident.getByRole('link', { name: 'Go to your private page' }).click();
    followUrl = resident.url();
    expect(new URL(followUrl).pathname).toMatch(/^\/records\/follow\//);
    await shoot(resident, '3-follow');
  });

  it('shows the extension notice, the released record and the written partial denial with its remedies', async () => {
    const desk = server.app.services.desk;
    const request = await desk.get(number, clerk);
    await desk.assign(request.id, clerk, { departments: ['police'] });
    await desk.extend(request.id, clerk, {
      reason: 'voluminous',
      days: 7,
      notice: 'The reports for a whole year are many; we need more time to review and redact them.',
    });
    await desk.release(request.id, clerk, {
      kind: 'offline',
      title: 'Use-of-force summary table 2025',
      visibility: 'requester',
      description: 'Available to read at the Police front desk.',
      redactionNote: 'Officers names removed.',
    });
    await desk.close(request.id, clerk, {
      reason: 'partially_fulfilled',
      note: 'The narrative reports are withheld.',
      denial: {
        scope: 'partial',
        exemptions: ['Gov. Code 7923.600 (records of investigations)'],
        responsible: [{ name: 'Jordan Lee', title: 'Police Records Manager' }],
        explanation: 'The narrative reports are part of open investigations.',
      },
    });
    await resident.goto(followUrl);
    const text = await resident.locator('main').innerText();
    expect(text).toContain('The reports for a whole year are many');
    expect(text).toContain('Use-of-force summary table 2025');
    expect(text).toContain('Gov. Code 7923.600 (records of investigations)');
    expect(text).toContain('Jordan Lee');
    expect(text).toContain('Police Records Manager');
    expect(text).toMatch(/superior court/i);
    await shoot(resident, '4-denial');
  });

  it('lets the resident ask the Clerk to reconsider the denial', async () => {
    const form = resident.locator('form[action$="/reconsideration"]');
    await form
      .locator('textarea[name="reason"]')
      .fill('The investigations closed in June; please release the reports.');
    if ((await form.locator('input[type="radio"][value="denial"]').count()) > 0)
      await form.locator('label[for$="denial"]').first().click();
    await form.getByRole('button').click();
    expect(await resident.locator('main').innerText()).toContain('The investigations closed in June');
    await shoot(resident, '5-reconsideration-asked');
  });

  it('shows the Clerk the whole request in the staff console, and the decision reaches the resident', async () => {
    const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const desk = server.app.services.desk;
    const request = await desk.get(number, clerk);
    await staff.goto(`${server.baseUrl}/staff/records/${request.id}`);
    const form = staff.locator('form[action="/signin"]');
    await form.locator('input[name="email"]').fill(CLERK_EMAIL);
    await form.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([
      staff.waitForURL(/\/staff\/records\//),
      form.locator('input[name="password"]').press('Enter'),
    ]);
    const page = await staff.locator('main').innerText();
    expect(page).toContain('requester@example.org');
    expect(page).toContain('The investigations closed in June');
    await shoot(staff, '6-staff-request');
    const pending = request.reconsiderations.find((r) => r.decision === 'pending');
    expect(pending).toBeDefined();
    await desk.decideReconsideration(request.id, pending!.id, clerk, {
      decision: 'upheld',
      note: 'Two of the investigations are still open; the denial stands for their reports.',
    });
    await desk.setPublished(request.id, clerk, true);
    await resident.goto(followUrl);
    expect(await resident.locator('main').innerText()).toContain('Two of the investigations are still open');
    await staff.close();
  });

  it('lists the published request in the public log without the requester', async () => {
    await resident.goto(`${server.baseUrl}/records/log/${number}`);
    const text = await resident.locator('main').innerText();
    expect(text).toContain('Use-of-force reports');
    expect(text).not.toContain('requester@example.org');
    await shoot(resident, '7-public-log');
    await resident.goto(`${server.baseUrl}/records/numbers`);
    await shoot(resident, '8-numbers');
  });
});
