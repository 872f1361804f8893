import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/access/users/users.service.js';
import { createDeveloper, createStaff, sessionOf, type Browser } from '../fixtures/accounts.js';
import { createDataset, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const PURPOSE = 'Mapping the age of street trees for a neighborhood shade study.';
const USE = 'A map in our community newsletter; the rows stay on our laptops and are deleted in a year.';

describeDb('access request pages', () => {
  let t: TestApp;
  /**
   * A urlencoded form post from a signed-in browser: the session cookie, and the CSRF token only as the form's
   * hidden field carries it.
   */
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

  let developer: Browser;
  let steward: Browser;
  let otherSteward: Browser;
  let dev: User;
  let requestId: string;

  beforeAll(async () => {
    t = await setUpApp();
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/finance',
      payload: { id: 'finance', name: 'Finance' },
    });
    for (const id of ['tree-ages', 'tree-work']) {
      await createDataset(t, { id, access_level: 'restricted' });
      report(await importCsv(t, id, 'n\n1\n'));
    }
    dev = await createDeveloper(t, { name: 'Noor Neighbor' });
    developer = await sessionOf(t, dev);
    steward = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'public-works' }]));
    otherSteward = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'finance' }]));
  });
  afterAll(() => t.close());

  it("links a restricted dataset's page to the request form", async () => {
    const res = await t.inject('/datasets/tree-ages');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/access/request?dataset=tree-ages"');
    expect(res.body).toContain('Request access');
  });

  it('sends anonymous visitors to sign in first, and back', async () => {
    const res = await t.inject('/access/request?dataset=tree-ages');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/signin?next=${encodeURIComponent('/access/request?dataset=tree-ages')}`,
    );
    expect((await t.inject('/staff/access-requests')).statusCode).toBe(303);
  });

  it('shows a developer the form, with labels and the CSRF token', async () => {
    const res = await developer.inject('/access/request?dataset=tree-ages');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Request access to Dataset tree-ages');
    expect(res.body).toContain(`name="_csrf" value="${developer.csrf}"`);
    expect(res.body).toMatch(/<label for="purpose">Purpose<\/label>/);
    expect(res.body).toMatch(/<label for="intended_use">Intended use<\/label>/);
    expect(res.body).toContain('name="dataset" value="tree-ages"');
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await post(
      developer,
      '/access/request',
      { dataset: 'tree-ages', purpose: PURPOSE, intended_use: USE },
      '',
    );
    expect(res.statusCode).toBe(403);
    expect(await t.db.kysely.selectFrom('access_requests').selectAll().execute()).toEqual([]);
  });

  it('shows what to fix, keeping what was typed', async () => {
    const res = await post(developer, '/access/request', {
      dataset: 'tree-ages',
      purpose: 'shade',
      intended_use: USE,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('write at least 20 characters');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain(USE.replace(/'/g, '&#39;'));
  });

  it('sends the request and shows it to the requester', async () => {
    const res = await post(developer, '/access/request', {
      dataset: 'tree-ages',
      purpose: PURPOSE,
      intended_use: USE,
    });
    expect(res.statusCode, res.body).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/access\/requests\/[0-9a-f-]{36}\?sent=1$/);
    requestId = location.slice('/access/requests/'.length, location.indexOf('?'));
    const page = await developer.inject(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your request was sent to Public Works');
    expect(page.body).toContain('Withdraw this request');
    const again = await developer.inject('/access/request?dataset=tree-ages');
    expect(again.body).toContain('You already have a <a href="/access/requests/');
    const list = await developer.inject('/access/requests');
    expect(list.body).toContain(`href="/access/requests/${requestId}"`);
    expect(list.body).toContain('Pending');
  });

  it("lists the requests on the developer's account page", async () => {
    const res = await developer.inject('/account');
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('<h2 id="access-requests">Access requests</h2>');
    expect(page).toContain(`href="/access/requests/${requestId}"`);
    expect(page).toContain('href="/access/request"');
  });

  it("does not show one developer's request to another (404)", async () => {
    const other = await sessionOf(t, await createDeveloper(t));
    expect((await other.inject(`/access/requests/${requestId}`)).statusCode).toBe(404);
  });

  it("queues it for its department's stewards only", async () => {
    const queue = await steward.inject('/staff/access-requests');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`href="/staff/access-requests/${requestId}"`);
    expect(queue.body).toContain('Noor Neighbor');
    const elsewhere = await otherSteward.inject('/staff/access-requests');
    expect(elsewhere.body).not.toContain(requestId);
    expect((await otherSteward.inject(`/staff/access-requests/${requestId}`)).statusCode).toBe(404);
    expect((await developer.inject('/staff/access-requests')).statusCode).toBe(403);
  });

  it('wants a reason to deny, then tells the requester what they can do next', async () => {
    const detail = await steward.inject(`/staff/access-requests/${requestId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(PURPOSE);
    expect(detail.body).toContain('name="decision" value="deny"');
    const missing = await post(steward, `/staff/access-requests/${requestId}/decision`, { decision: 'deny' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('say why the request is denied');
    const denied = await post(steward, `/staff/access-requests/${requestId}/decision`, {
      decision: 'deny',
      reason: 'The ages come from private yards.',
    });
    expect(denied.statusCode).toBe(303);
    expect(denied.headers.location).toBe(`/staff/access-requests/${requestId}?decided=1`);
    const page = await developer.inject(`/access/requests/${requestId}`);
    expect(page.body).toContain('Denied');
    expect(page.body).toContain('The ages come from private yards.');
    expect(page.body).toContain('What you can do next');
    expect(page.body).toContain('California Public Records Act');
    expect(page.body).toContain('data-sharing agreement');
    expect(page.body).not.toContain('Withdraw this request');
  });

  it('lets the requester withdraw a pending request from its page', async () => {
    const sent = await post(developer, '/access/request', {
      dataset: 'tree-work',
      purpose: PURPOSE,
      intended_use: USE,
    });
    const id = String(sent.headers.location).split('/')[3]!.split('?')[0]!;
    const res = await post(developer, `/access/requests/${id}/withdraw`, {});
    expect(res.statusCode).toBe(303);
    const page = await developer.inject(String(res.headers.location));
    expect(page.body).toContain('You withdrew this request.');
    expect(page.body).toContain('Withdrawn');
  });

  it('offers only the tiers above the one a developer has', async () => {
    const elevated = await sessionOf(t, await createDeveloper(t, { tier: 'elevated' }));
    const page = (await elevated.inject('/access/request')).body;
    expect(page).toContain('Your account has the elevated tier.');
    expect(page).toContain('<option value="partner" selected>Partner</option>');
    expect(page).not.toContain('<option value="elevated"');
  });

  it('offers a form for a higher tier', async () => {
    const res = await developer.inject('/access/request?tier=partner');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ask for a higher tier');
    expect(res.body).toContain('<option value="partner" selected>');
    const sent = await post(developer, '/access/request', {
      tier: 'partner',
      purpose: PURPOSE,
      intended_use: USE,
    });
    expect(sent.statusCode).toBe(303);
    // Stewards do not decide tiers; administrators do.
    const id = String(sent.headers.location).split('/')[3]!.split('?')[0]!;
    expect((await steward.inject(`/staff/access-requests/${id}`)).statusCode).toBe(404);
  });
});
