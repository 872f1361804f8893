/**
 * An admin suspends a developer's key in the browser (a reason missing first, then given), finds the decision
 * in the account's history and the audit log, and reads the notice in the development mailbox. Every page on
 * the way is checked with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/access/sessions/sessions.service.js';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

describeBrowser('enforcement pages in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let developerId = '';
  let keyId = '';

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const violations = await runAxe(page);
    expect(
      violations.map(
        (v) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes[0]?.target)}`,
      ),
    ).toEqual([]);
  }

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await app.services.access.users.create({
          email: 'ada.admin@city.example',
          name: 'Ada Admin',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'admin' }],
          verified: true,
        });
        const dev = await app.services.access.users.create({
          email: 'dana.dev@example.org',
          name: 'Dana Developer',
          kind: 'developer',
          password: PASSWORD,
          verified: true,
          termsVersion: '1',
        });
        developerId = dev.id;
        keyId = (await app.services.access.keys.create(dev.id, 'harbor app')).key.id;
      },
    });
    browser = await launchBrowser();
    const user = (await server.app.services.access.users.findByEmail('ada.admin@city.example'))!;
    const { cookie } = await server.app.services.access.sessions.start(user.id, { ip: '127.0.0.1' });
    const context: BrowserContext = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: server.baseUrl }]);
    admin = await context.newPage();
    admin.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('suspends a key with a reason, and shows the decision everywhere', async () => {
    await admin.goto(`${server.baseUrl}/staff/developers`);
    await expectAccessible(admin, 'developers');
    await admin.getByRole('link', { name: 'dana.dev@example.org' }).click();
    await admin.waitForURL(`${server.baseUrl}/staff/developers/${developerId}`);
    expect(await admin.textContent('h1')).toBe('Dana Developer');
    await expectAccessible(admin, 'developer');

    await admin.getByRole('link', { name: 'Suspend the key harbor app' }).click();
    expect(admin.url()).toBe(`${server.baseUrl}/staff/developers/${developerId}/keys/${keyId}/suspend`);
    await expectAccessible(admin, 'suspend form');
    // Spaces pass the browser's own check; the server says what is missing, on the form.
    await admin.getByLabel('Reason').selectOption('abuse');
    await admin.getByLabel('What happened').fill('   ');
    await admin.getByRole('button', { name: 'Suspend' }).click();
    expect(await admin.textContent('#reason-error')).toMatch(/reason: say what happened/);
    await expectAccessible(admin, 'suspend form with an error');

    await admin.getByLabel('What happened').fill('Ten million requests in an hour.');
    await admin.getByLabel('Suspended until (optional)').fill('2099-05-01');
    await admin.getByRole('button', { name: 'Suspend' }).click();
    expect(admin.url()).toBe(`${server.baseUrl}/staff/developers/${developerId}?done=key-suspend`);
    expect(await admin.textContent('[role="status"]')).toMatch(/The key is suspended/);
    expect(await admin.textContent('main')).toContain(
      'Abuse of the service: Ten million requests in an hour.',
    );
    await expectAccessible(admin, 'developer after the decision');

    await admin.goto(`${server.baseUrl}/staff/audit?action=key.*`);
    expect(await admin.textContent('tbody')).toContain('key.suspend');
    await expectAccessible(admin, 'audit log');
    await admin.goto(`${server.baseUrl}/staff/audit/verify`);
    expect(await admin.textContent('[role="status"]')).toMatch(/The chain is intact/);
    await expectAccessible(admin, 'audit check');

    await admin.goto(`${server.baseUrl}/staff/mailbox`);
    await expectAccessible(admin, 'mailbox');
    await admin.getByRole('link', { name: 'Your API key "harbor app" is suspended' }).click();
    expect(await admin.textContent('pre')).toContain('Ten million requests in an hour.');
    await expectAccessible(admin, 'message');
  });
});
