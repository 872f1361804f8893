/** The sign-in form in a real browser: accessible, usable with the keyboard, and it signs people in. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const PASSWORD = 'correct horse battery staple';

const describeViolations = (violations: Awaited<ReturnType<typeof runAxe>>) =>
  violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );

async function seed(app: App) {
  const users = app.services.access.users;
  await users.create({
    email: 'clerk@example.gov',
    name: 'Casey Clerk',
    kind: 'staff',
    password: PASSWORD,
    roles: [{ role: 'clerk' }],
    verified: true,
  });
  await users.create({
    email: 'dev@example.org',
    name: 'Dana Developer',
    kind: 'developer',
    password: PASSWORD,
    verified: true,
    termsVersion: '1',
  });
}

describeBrowser('sign-in page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.baseUrl}/signin`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForLoadState('load');
  }

  it('has no accessibility violations, empty or with errors', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/signin`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(describeViolations(await runAxe(page))).toEqual([]);

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('#email-error').innerText()).toMatch(/Enter your email address/);
    // The error is part of the field's accessible description.
    expect(await page.getAttribute('#email', 'aria-describedby')).toBe('email-error');
    expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
    expect(describeViolations(await runAxe(page))).toEqual([]);

    await page.goto(`${server.baseUrl}/signin/forgot`);
    expect(describeViolations(await runAxe(page))).toEqual([]);
    await page.close();
  });

  it('signs a staff member in with the keyboard and lands on the staff console', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/signin`);
    await page.getByLabel('Email address').focus();
    await page.keyboard.type('clerk@example.gov');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.baseUrl}/staff`);
    const who = await context.request.get(`${server.baseUrl}/api/v1/session`);
    expect(await who.json()).toMatchObject({
      signedIn: true,
      roles: ['clerk'],
      account: { email: 'clerk@example.gov' },
    });
    const cookie = (await context.cookies()).find((c) => c.name === 'plaza_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await context.close();
  });

  it('sends a developer to their account page, and signs out from the header', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'dev@example.org', PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/account');

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    const who = await context.request.get(`${server.baseUrl}/api/v1/session`);
    expect((await who.json()).signedIn).toBe(false);
    await context.close();
  });

  it('resets a forgotten password through the emailed link', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/signin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email address').fill('dev@example.org');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('status').innerText()).toMatch(/If an account exists for dev@example\.org/);

    const [mail] = await server.app.services.access.outbox.list({ to: 'dev@example.org' });
    const link = /http:\/\/\S+\/signin\/reset\?token=\S+/.exec(mail!.body)![0];
    await page.goto(link);
    expect(describeViolations(await runAxe(page))).toEqual([]);
    await page.getByLabel('New password', { exact: true }).fill('a new and longer passphrase');
    await page.getByLabel('New password again').fill('a new and longer passphrase');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.waitForURL(`${server.baseUrl}/signin?reset=done`);
    expect(await page.getByRole('status').innerText()).toMatch(/Your password is changed/);

    await signIn(page, 'dev@example.org', 'a new and longer passphrase');
    expect(new URL(page.url()).pathname).toBe('/account');
    await context.close();
  });

  it('says a wrong password is wrong, keeps the email and empties the password', async () => {
    const page = await browser.newPage();
    await signIn(page, 'clerk@example.gov', 'not the password');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByRole('alert').innerText()).toMatch(/email address or the password is not right/);
    expect(await page.getByLabel('Email address').inputValue()).toBe('clerk@example.gov');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await page.close();
  });
});
