import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, cityCalendar } from '../../src/access/grants/dates.js';
import type { User } from '../../src/access/users/users.service.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { createDataset, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const today = () => cityCalendar('America/Los_Angeles').dayOf(new Date());

describeDb('agreement pages', () => {
  let t: TestApp;
  let steward: Browser;
  let otherSteward: Browser;
  let member: User;
  let memberKey: string;
  let agreementUrl: string;

  /** A form post with the CSRF token only in the form's hidden field. */
  const post = (
    browser: Browser,
    url: string,
    fields: Record<string, string | string[]>,
    csrf = browser.csrf,
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...fields, _csrf: csrf }))
      for (const value of [v].flat()) body.append(k, value);
    return t.inject({
      method: 'POST',
      url,
      headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const fields = () => ({
    department: 'public-works',
    organization: 'Eastside Mobility Institute',
    contact_name: 'Lee Park',
    contact_email: 'lee@mobility.example',
    purpose: 'Studying how street works affect bus reliability.',
    terms_text: 'Research use only.',
    terms_url: '',
    terms_version: 'v3',
    start_date: today(),
    end_date: addDays(today(), 60),
    signed_date: today(),
    datasets: ['work-orders', 'pavement'],
    members: `${member.email}\n`,
  });

  beforeAll(async () => {
    t = await setUpApp();
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/finance',
      payload: { id: 'finance', name: 'Finance' },
    });
    for (const [id, department] of [
      ['work-orders', 'public-works'],
      ['pavement', 'public-works'],
      ['payroll', 'finance'],
    ] as const) {
      await createDataset(t, { id, access_level: 'restricted', department });
      report(await importCsv(t, id, 'n\n1\n'));
    }
    member = await createDeveloper(t);
    memberKey = (await createKey(t, member)).secret;
    steward = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'public-works' }]));
    otherSteward = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'finance' }]));
  });
  afterAll(() => t.close());

  it('is for stewards and administrators only', async () => {
    expect((await t.inject('/staff/agreements')).statusCode).toBe(303);
    const developer = await sessionOf(t, member);
    expect((await developer.inject('/staff/agreements')).statusCode).toBe(403);
    expect((await developer.inject('/staff/agreements/new')).statusCode).toBe(403);
  });

  it("offers the steward their department's datasets only", async () => {
    const res = await steward.inject('/staff/agreements/new');
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('<option value="public-works" selected>Public Works</option>');
    expect(page).not.toContain('value="finance"');
    expect(page).toContain('name="datasets" value="work-orders"');
    expect(page).not.toContain('value="payroll"');
    expect(page).toContain(`name="_csrf" value="${steward.csrf}"`);
  });

  it('shows what to fix in a new agreement, keeping what was typed', async () => {
    const res = await post(steward, '/staff/agreements', {
      ...fields(),
      end_date: addDays(today(), -3),
      members: 'nobody@example.org',
    });
    expect(res.statusCode).toBe(422);
    const page = res.body;
    expect(page).toContain('There is a problem');
    expect(page).toContain('give today or a later day');
    expect(page).toContain('no developer account with the email nobody@example.org');
    expect(page).toContain('value="Eastside Mobility Institute"');
    expect(page).toContain('name="datasets" value="pavement" checked');
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await post(steward, '/staff/agreements', fields(), 'forged');
    expect(res.statusCode).toBe(403);
    expect(await t.db.kysely.selectFrom('agreements').selectAll().execute()).toEqual([]);
  });

  it('records a signed agreement, which comes into force at once', async () => {
    const res = await post(steward, '/staff/agreements', fields());
    expect(res.statusCode, res.body).toBe(303);
    agreementUrl = String(res.headers.location).split('?')[0]!;
    expect(agreementUrl).toMatch(/^\/staff\/agreements\/[0-9a-f-]{36}$/);
    const page = (await steward.inject(String(res.headers.location))).body;
    expect(page).toContain('The agreement is in force');
    expect(page).toContain('In force');
    expect(
      (await t.inject({ url: '/api/v1/datasets/pavement/rows.json', headers: keyHeaders(memberKey) }))
        .statusCode,
    ).toBe(200);
    const list = (await steward.inject('/staff/agreements')).body;
    expect(list).toContain(`href="${agreementUrl}"`);
    expect((await otherSteward.inject('/staff/agreements')).body).not.toContain(agreementUrl);
    expect((await otherSteward.inject(agreementUrl)).statusCode).toBe(404);
  });

  it('changes its datasets from the edit form', async () => {
    const res = await post(steward, agreementUrl, { ...fields(), datasets: ['work-orders'] });
    expect(res.statusCode, res.body).toBe(303);
    expect(
      (await t.inject({ url: '/api/v1/datasets/pavement/rows.json', headers: keyHeaders(memberKey) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.inject({ url: '/api/v1/datasets/work-orders/rows.json', headers: keyHeaders(memberKey) }))
        .statusCode,
    ).toBe(200);
  });

  it('terminates it with a reason', async () => {
    const missing = await post(steward, `${agreementUrl}/terminate`, { reason: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('say why the agreement ends early');
    expect((await post(otherSteward, `${agreementUrl}/terminate`, { reason: 'Not mine.' })).statusCode).toBe(
      404,
    );
    const res = await post(steward, `${agreementUrl}/terminate`, { reason: 'The study ended early.' });
    expect(res.statusCode).toBe(303);
    const page = (await steward.inject(String(res.headers.location))).body;
    expect(page).toContain('Terminated');
    expect(page).toContain('The study ended early.');
    expect(page).not.toContain('Terminate the agreement');
    expect(
      (await t.inject({ url: '/api/v1/datasets/work-orders/rows.json', headers: keyHeaders(memberKey) }))
        .statusCode,
    ).toBe(403);
  });
});
