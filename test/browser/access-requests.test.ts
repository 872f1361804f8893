/**
 * A developer asks for a restricted dataset from its page, a steward denies it, the developer reads what to do
 * next; the steward records a data-sharing agreement. Every page on the way is checked with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, cityCalendar } from '../../src/access/grants/dates.js';
import { SESSION_COOKIE } from '../../src/access/sessions/sessions.service.js';
import { PASSWORD } from '../fixtures/accounts.js';
import { launchBrowser, runAxe } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { describeBrowser } from '../support/tier.js';

const DEV = 'dana.dev@example.org';

describeBrowser('access requests and agreements in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let developer: Page;
  let steward: Page;

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const violations = await runAxe(page);
    expect(
      violations.map(
        (v) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes[0]?.target)}`,
      ),
    ).toEqual([]);
  }

  /** A browser context signed in as an account (the sign-in form has tests of its own). */
  async function signedIn(email: string): Promise<Page> {
    const user = (await server.app.services.access.users.findByEmail(email))!;
    const { cookie } = await server.app.services.access.sessions.start(user.id, { ip: '127.0.0.1' });
    const context: BrowserContext = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: server.baseUrl }]);
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    return page;
  }

  beforeAll(async () => {
    server = await startServer({
      seed: async (app) => {
        await app.services.catalog.upsertDepartment({
          id: 'public-works',
          name: 'Public Works',
          email: 'publicworks@city.example',
        });
        await app.services.catalog.create({
          id: 'street-works',
          title: 'Street works schedule',
          description: 'Planned street works, with crew assignments.',
          category: 'city-services',
          keywords: ['streets'],
          department: 'public-works',
          steward: { name: 'Engineering', email: 'engineering@city.example' },
          license: 'CC-BY-4.0',
          update_frequency: 'R/P1W',
          access_level: 'restricted',
          status: 'published',
        } as Parameters<typeof app.services.catalog.create>[0]);
        await app.services.access.users.create({
          email: 'sam.steward@city.example',
          name: 'Sam Steward',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'steward', department: 'public-works' }],
          verified: true,
        });
        await app.services.access.users.create({
          email: DEV,
          name: 'Dana Developer',
          kind: 'developer',
          password: PASSWORD,
          verified: true,
          termsVersion: '1',
        });
      },
    });
    browser = await launchBrowser();
    developer = await signedIn(DEV);
    steward = await signedIn('sam.steward@city.example');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for access from the dataset page', async () => {
    await developer.goto(`${server.baseUrl}/datasets/street-works`);
    await developer.getByRole('link', { name: 'Request access' }).click();
    await developer.waitForURL(/\/access\/request\?dataset=street-works$/);
    await expectAccessible(developer, 'request form');
    await developer.getByRole('button', { name: 'Send the request' }).click();
    await developer.getByText('There is a problem').first().waitFor();
    await expectAccessible(developer, 'request form with errors');
    await developer.getByLabel('Purpose').fill('Planning cycling detours around street works for a club.');
    await developer.getByLabel('Intended use').fill('Shown on our club map; the rows are not republished.');
    await developer.getByRole('button', { name: 'Send the request' }).click();
    await developer.waitForURL(/\/access\/requests\/[0-9a-f-]+\?sent=1$/);
    await developer.getByText('Your request was sent to Public Works').first().waitFor();
    await expectAccessible(developer, 'request page');
  });

  it('lets the steward deny it with a reason', async () => {
    await steward.goto(`${server.baseUrl}/staff/access-requests`);
    await expectAccessible(steward, 'queue');
    await steward.getByRole('link', { name: 'Street works schedule' }).click();
    await expectAccessible(steward, 'request to decide');
    await steward.getByRole('button', { name: 'Deny' }).click();
    await steward.getByText('say why the request is denied').first().waitFor();
    await expectAccessible(steward, 'decision with errors');
    await steward.getByLabel('Reason', { exact: true }).fill('The schedule names crew members.');
    await steward.getByRole('button', { name: 'Deny' }).click();
    await steward.getByText('Decision recorded').first().waitFor();
    await expectAccessible(steward, 'decided request');
  });

  it('shows the developer what they can do next', async () => {
    await developer.goto(`${server.baseUrl}/access/requests`);
    await expectAccessible(developer, 'my requests');
    await developer.getByRole('link', { name: 'Street works schedule' }).click();
    await developer.getByRole('heading', { name: 'What you can do next' }).first().waitFor();
    await developer.getByText('California Public Records Act').first().waitFor();
    await expectAccessible(developer, 'denied request');
  });

  it('lets the steward record an agreement for the developer', async () => {
    const calendar = cityCalendar(server.config.timeZone);
    const today = calendar.dayOf(new Date());
    await steward.goto(`${server.baseUrl}/staff/agreements`);
    await expectAccessible(steward, 'agreements');
    await steward.getByRole('link', { name: 'Record a new agreement' }).click();
    await expectAccessible(steward, 'new agreement');
    await steward.getByLabel('Organization').fill('Westminster Cycling Club');
    await steward.getByLabel('Contact name').fill('Ana Rider');
    await steward.getByLabel('Contact email').fill('ana@cycling.example');
    await steward.getByLabel('Purpose').fill('Detour planning around street works.');
    await steward.getByLabel('Terms (optional)', { exact: true }).fill('Club use only.');
    await steward.getByLabel('Terms version').fill('1');
    await steward.getByLabel('First day').fill(today);
    await steward.getByLabel('Last day').fill(addDays(today, 90));
    await steward.getByLabel('Signed on').fill(today);
    await steward.getByLabel(/Street works schedule/).check();
    await steward.getByLabel('Members').fill(DEV);
    await steward.getByRole('button', { name: 'Record the agreement' }).click();
    await steward.getByText('The agreement is in force').first().waitFor();
    await expectAccessible(steward, 'agreement');
    await developer.goto(`${server.baseUrl}/datasets/street-works`);
    expect(await developer.getByRole('link', { name: 'Request access' }).count()).toBe(0);
  });
});
