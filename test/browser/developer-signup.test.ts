/**
 * A developer’s whole way in Chromium (the pages carry no script of their own): sign up through the form, open the
 * emailed confirmation link (read from the outbox), create a key, see it once, call the API with it, revoke it,
 * and be refused. Every page on the way passes axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser, runAxe, type AxeViolation } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const EMAIL = 'grace.hopper@example.org';

describeBrowser('developer sign-up, keys and revocation', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let secret = '';
  let keyUrl = '';

  const describe = (violations: AxeViolation[]) =>
    violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  /** The page as it is now has no accessibility violations at all. */
  const accessible = async () => expect(describe(await runAxe(page))).toEqual([]);
  const api = (key: string) =>
    fetch(`${server.baseUrl}/api/v1/datasets`, { headers: { 'x-api-key': key } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { error?: { code: string } },
    }));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs up through the form', async () => {
    await page.goto(`${server.baseUrl}/developers/signup`);
    await accessible();
    await page.getByLabel('Your name').fill('Grace Hopper');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    // Sending it without the terms accepted names the problem beside the checkbox.
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#accept-terms-error').innerText()).resolves.toContain('Accept the terms');
    await accessible();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('I accept the terms of use').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Check your email');
    await accessible();
  });

  it('shows an unconfirmed account why it cannot create keys, accessibly', async () => {
    const { users, sessions } = server.app.services.access;
    const user = await users.create({ email: 'waiting@example.org', kind: 'developer', password: PASSWORD });
    const { cookie } = await sessions.start(user.id);
    const context = await browser.newContext();
    await context.addCookies([{ name: 'plaza_session', value: cookie, url: server.baseUrl }]);
    const other = await context.newPage();
    await other.goto(`${server.baseUrl}/account`);
    await expect(other.locator('main').innerText()).resolves.toContain('Confirm your email address');
    await other.getByRole('button', { name: 'Send the link again' }).click();
    await expect(other.locator('main').innerText()).resolves.toContain('We sent a new confirmation link');
    expect(describe(await runAxe(other))).toEqual([]);
    await other.getByRole('button', { name: 'Send the link again' }).click();
    await expect(other.locator('main').innerText()).resolves.toContain('less than a minute ago');
    expect(describe(await runAxe(other))).toEqual([]);
    await context.close();
  });

  it('has terms of use that pass axe', async () => {
    const terms = await browser.newPage();
    await terms.goto(`${server.baseUrl}/terms`);
    expect(describe(await runAxe(terms))).toEqual([]);
    await terms.close();
  });

  it('confirms the address with the emailed link and lands on the account page', async () => {
    const [mail] = await server.app.services.access.outbox.list({ to: EMAIL });
    expect(mail?.kind).toBe('verify_email');
    const link = /https?:\/\/\S+\/developers\/verify\?token=\S+/.exec(mail!.body)![0];
    expect(link.startsWith(server.baseUrl)).toBe(true);
    await page.goto(link);
    await accessible();
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    expect(new URL(page.url()).pathname).toBe('/account');
    await expect(page.locator('main').innerText()).resolves.toContain('Your email address is confirmed');
    await accessible();
  });

  it('creates a key and shows it once', async () => {
    await page.getByLabel('Name of the key').fill('Grace’s notebook');
    await page.getByRole('button', { name: 'Create key' }).click();
    secret = (await page.locator('.secret').innerText()).trim();
    expect(secret).toMatch(/^plaza_key_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('main').innerText()).resolves.toContain('only time it is shown');
    await accessible();

    await page.goto(`${server.baseUrl}/account`);
    const html = await page.content();
    expect(html).not.toContain(secret);
    expect(html).toContain(`${secret.slice(0, 'plaza_key_'.length + 12)}_…`);
    keyUrl = `${server.baseUrl}${await page.getByRole('link', { name: 'Grace’s notebook', exact: true }).getAttribute('href')}`;
    await page.goto(keyUrl);
    expect(await page.content()).not.toContain(secret);
    await accessible();
  });

  it('calls the API with it', async () => {
    expect(secret).toMatch(/^plaza_key_/);
    expect((await api(secret)).status).toBe(200);
  });

  it('revokes it after a confirmation step, and the API refuses it', async () => {
    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('link', { name: 'Revoke Grace’s notebook' }).click();
    await accessible();
    await page.getByRole('button', { name: 'Revoke the key' }).click();
    expect(new URL(page.url()).pathname).toBe('/account');
    await expect(page.locator('main').innerText()).resolves.toContain('The key is revoked');
    await accessible();
    const refused = await api(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('auth.key_revoked');
  });
});
