/**
 * The account pages in Vietnamese and Spanish in Chromium: a developer signs up and confirms their address in
 * Vietnamese with JavaScript off, staying in their language all the way; the sign-in and sign-up pages (empty
 * and with their errors), the account page and the access request form have no accessibility violation of any
 * impact in either language; and they are photographed at phone and desktop widths for a person to look at.
 */
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser, runAxe, type AxeViolation } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const SCREENSHOTS = resolve('artifacts', 'screenshots');
const EMAIL = 'lan.nguyen@example.org';

const describeViolations = (violations: AxeViolation[]) =>
  violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );

async function seed(app: App) {
  await app.services.catalog.upsertDepartment({
    id: 'public-works',
    name: 'Public Works',
    email: 'publicworks@city.example',
  });
  await app.services.catalog.create({
    id: 'tree-ages',
    title: 'Street tree ages',
    description: 'The age of each street tree, from the city’s survey.',
    category: 'city-services',
    keywords: ['trees'],
    department: 'public-works',
    steward: { name: 'Urban Forestry', email: 'trees@city.example' },
    license: 'CC-BY-4.0',
    update_frequency: 'R/P1Y',
    access_level: 'restricted',
    status: 'published',
  } as Parameters<typeof app.services.catalog.create>[0]);
}

describeBrowser('account pages in Vietnamese and Spanish', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page as it is now has no accessibility violation at all, in the language it says it is in. */
  async function accessible(page: Page, lang: string) {
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(describeViolations(await runAxe(page))).toEqual([]);
  }

  it('signs up and confirms the address in Vietnamese without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.baseUrl}/developers/signup?lang=vi`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('h1').innerText()).resolves.toBe('Tạo tài khoản nhà phát triển');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await page.getByLabel('Địa chỉ email').fill(EMAIL);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    // Sent without the terms accepted, the form says so beside the checkbox, still in Vietnamese.
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('#accept-terms-error').innerText()).resolves.toContain(
      'Hãy chấp nhận điều khoản sử dụng',
    );
    await expect(page.getByLabel('Họ và tên').inputValue()).resolves.toBe('Nguyễn Thị Lan');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByLabel('Tôi chấp nhận điều khoản sử dụng').check();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    expect(new URL(page.url()).pathname).toBe('/developers/signup/sent');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('h1').innerText()).resolves.toBe('Hãy kiểm tra email');

    // The mail stays English; the page its link opens is in the language the browser chose.
    const [mail] = await server.app.services.access.outbox.list({ to: EMAIL });
    const link = /https?:\/\/\S+\/developers\/verify\?token=\S+/.exec(mail!.body)![0];
    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('h1').innerText()).resolves.toBe('Xác nhận địa chỉ email');
    await page.getByRole('button', { name: 'Xác nhận địa chỉ của tôi' }).click();
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.locator('h1').innerText()).resolves.toBe('Tài khoản của bạn');
    await expect(page.locator('main').innerText()).resolves.toContain(
      'Địa chỉ email của bạn đã được xác nhận.',
    );
    await page.close();
  });

  describe.each([
    ['vi', 'Đăng nhập', 'Tạo tài khoản'],
    ['es', 'Iniciar sesión', 'Crear cuenta'],
  ] as const)('in %s', (lang, signIn, createAccount) => {
    it('has sign-in and sign-up pages with no accessibility violations, empty or with errors', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/signin?lang=${lang}`);
      await accessible(page, lang);
      await page.getByRole('button', { name: signIn, exact: true }).click();
      await page.waitForLoadState('load');
      expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
      await accessible(page, lang);

      await page.goto(`${server.baseUrl}/signin/forgot`);
      await accessible(page, lang);

      await page.goto(`${server.baseUrl}/developers/signup`);
      await accessible(page, lang);
      await page.getByRole('button', { name: createAccount }).click();
      await page.waitForLoadState('load');
      await expect(page.locator('#error-summary-title').count()).resolves.toBe(1);
      await accessible(page, lang);
      await page.close();
    });

    it('has account, key and access request pages with no accessibility violations', async () => {
      const { users, sessions } = server.app.services.access;
      const user = await users.create({
        email: `dev-${lang}@example.org`,
        name: 'Dana Developer',
        kind: 'developer',
        password: PASSWORD,
        verified: true,
        termsVersion: '1',
      });
      const { key } = await server.app.services.access.keys.create(user.id, 'bus app');
      const { cookie } = await sessions.start(user.id);
      const context = await browser.newContext();
      await context.addCookies([
        { name: 'plaza_session', value: cookie, url: server.baseUrl },
        { name: 'plaza_lang', value: lang, url: server.baseUrl },
      ]);
      const page = await context.newPage();
      for (const path of [
        '/account',
        `/account/keys/${key.id}`,
        `/account/keys/${key.id}/revoke`,
        '/access/request?dataset=tree-ages',
        '/access/request',
      ]) {
        await page.goto(`${server.baseUrl}${path}`);
        await accessible(page, lang);
      }
      // The page that shows a new key's secret, once.
      await page.goto(`${server.baseUrl}/account`);
      await page.locator('#key-name').fill('notebook');
      await page.locator('form[action="/account/keys"] button[type="submit"]').click();
      await page.waitForLoadState('load');
      await expect(page.locator('.secret').innerText()).resolves.toMatch(/^plaza_key_/);
      await accessible(page, lang);
      await context.close();
    });
  });

  it('saves screenshots of the Vietnamese account pages at phone and desktop widths', async () => {
    const { users, sessions } = server.app.services.access;
    const user = await users.create({
      email: 'photo@example.org',
      name: 'Trần Minh',
      kind: 'developer',
      password: PASSWORD,
      verified: true,
      termsVersion: '1',
    });
    await server.app.services.access.keys.create(user.id, 'ứng dụng xe buýt');
    const { cookie } = await sessions.start(user.id);
    for (const [label, width, height] of [
      ['phone', 360, 780],
      ['desktop', 1280, 900],
    ] as const) {
      const anonymous = await browser.newContext({ viewport: { width, height } });
      const signedIn = await browser.newContext({ viewport: { width, height } });
      await signedIn.addCookies([{ name: 'plaza_session', value: cookie, url: server.baseUrl }]);
      for (const [name, context, path] of [
        ['signin', anonymous, '/signin?lang=vi'],
        ['signup', anonymous, '/developers/signup?lang=vi'],
        ['account', signedIn, '/account?lang=vi'],
        ['access-request', signedIn, '/access/request?dataset=tree-ages&lang=vi'],
      ] as const) {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}${path}`);
        // Nothing in the page may be wider than the screen: a phone scrolls down, never sideways (wide tables
        // scroll inside their own box).
        const overflow = (await page.evaluate(
          "Math.max(...['header', 'main', 'footer'].map((s) => document.querySelector(s).scrollWidth)) - window.innerWidth",
        )) as number;
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}-vi.png`), fullPage: true });
        await page.close();
      }
      await anonymous.close();
      await signedIn.close();
    }
  }, 120_000);
});
