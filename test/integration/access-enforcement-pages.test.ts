/**
 * The admins' pages of developers: the list, one account with its keys and history, and the forms that suspend,
 * revoke and reinstate (a reason is required, errors are shown on the form, a decision comes back confirmed).
 * Stewards, developers and visitors may not use them; a form without its token is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/access/users/users.service.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('enforcement: staff pages', () => {
  let t: TestApp;
  let admin: Browser;
  let dev: User;
  let key: { id: string; secret: string };

  const form = (browser: Browser, url: string, fields: Record<string, string>) =>
    browser.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: browser.csrf, ...fields }).toString(),
    });

  beforeAll(async () => {
    t = await setUpApp();
    admin = await sessionOf(t, await createStaff(t, [{ role: 'admin' }], { name: 'Ada Admin' }));
    dev = await createDeveloper(t, { name: 'Dana Pages', email: 'dana-pages@example.org' });
    key = await createKey(t, dev, 'harbor app');
  });
  afterAll(() => t.close());

  it('lists developers with their status and keys, and finds them', async () => {
    const res = await admin.inject('/staff/developers');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Developers</h1>');
    expect(html).toContain(`<a href="/staff/developers/${dev.id}">dana-pages@example.org</a>`);
    expect(html).toContain('1 active');
    expect(html).toContain('aria-current="page"');
    expect((await admin.inject('/staff/developers?q=nobody-like-this')).body).toContain(
      'No developer accounts match.',
    );
    expect((await admin.inject('/staff/developers?q=DANA-PAGES&status=active')).body).toContain(
      'dana-pages@example.org',
    );
    expect((await admin.inject('/staff/developers?status=suspended')).body).not.toContain(
      'dana-pages@example.org',
    );
  });

  it('shows an account with its keys and the actions open to it', async () => {
    const html = (await admin.inject(`/staff/developers/${dev.id}`)).body;
    expect(html).toContain('<h1>Dana Pages</h1>');
    expect(html).toContain('harbor app');
    expect(html).toContain(`href="/staff/developers/${dev.id}/keys/${key.id}/suspend"`);
    expect(html).toContain(`href="/staff/developers/${dev.id}/keys/${key.id}/revoke"`);
    expect(html).not.toContain(`href="/staff/developers/${dev.id}/keys/${key.id}/reinstate"`);
    expect(html).toContain(`href="/staff/developers/${dev.id}/suspend"`);
    expect(html).not.toContain(key.secret);
    expect((await admin.inject('/staff/developers/no-such-account')).statusCode).toBe(404);
    const staff = await createStaff(t, [{ role: 'clerk' }]);
    expect((await admin.inject(`/staff/developers/${staff.id}`)).statusCode).toBe(404);
    expect((await admin.inject(`/staff/developers/${dev.id}/keys/no-such-key/suspend`)).statusCode).toBe(404);
    expect((await admin.inject(`/staff/developers/${dev.id}/obliterate`)).statusCode).toBe(404);
  });

  it('suspends a key through its form, with the reason required, and reinstates it', async () => {
    const url = `/staff/developers/${dev.id}/keys/${key.id}/suspend`;
    const page = (await admin.inject(url)).body;
    expect(page).toContain('Suspend the API key &quot;harbor app&quot; of dana-pages@example.org');
    expect(page).toContain('<label for="category">Reason</label>');
    expect(page).toContain('<label for="reason">What happened</label>');
    expect(page).toContain('<label for="until">Suspended until (optional)</label>');
    expect(page).toContain(`name="_csrf" value="${admin.csrf}"`);

    const missing = await form(admin, url, { category: 'abuse', reason: '  ' });
    expect(missing.statusCode).toBe(422);
    const missingHtml = missing.body;
    expect(missingHtml).toContain('id="reason-error"');
    expect(missingHtml).toContain('aria-describedby="reason-hint reason-error"');
    expect(missingHtml).toContain('<option value="abuse" selected>');
    const past = await form(admin, url, { category: 'abuse', reason: 'Scraping.', until: '2001-01-01' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('id="until-error"');
    expect((await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode).toBe(
      200,
    );

    const done = await form(admin, url, {
      category: 'abuse',
      reason: 'Scraping at full speed.',
      until: '2099-03-01',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/staff/developers/${dev.id}?done=key-suspend`);
    expect((await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode).toBe(
      403,
    );
    const after = (await admin.inject(done.headers.location as string)).body;
    expect(after).toContain('The key is suspended. The holder was sent a notice.');
    expect(after).toContain('Mar 1, 2099');
    expect(after).toContain('<code>key.suspend</code>');
    expect(after).toContain('Abuse of the service: Scraping at full speed.');
    expect(after).toContain(`href="/staff/developers/${dev.id}/keys/${key.id}/reinstate"`);
    const [entry] = (await t.injectAsAdmin(`/api/v1/admin/audit?target=api_key:${key.id}`)).json<{
      entries: { actor: string; actorId: string }[];
    }>().entries;
    expect(entry).toMatchObject({ actor: admin.user.email, actorId: admin.user.id });

    const reinstate = `/staff/developers/${dev.id}/keys/${key.id}/reinstate`;
    expect((await admin.inject(reinstate)).body).toContain(
      '<label for="reason">Note to the holder (optional)</label>',
    );
    const back = await form(admin, reinstate, {});
    expect(back.statusCode).toBe(303);
    expect((await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode).toBe(
      200,
    );
    const conflict = await form(admin, reinstate, {});
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('role="alert"');
  });

  it('suspends and reinstates the account through its forms', async () => {
    const other = await createDeveloper(t, { email: 'dana-account@example.org' });
    const browser = await sessionOf(t, other);
    const done = await form(admin, `/staff/developers/${other.id}/suspend`, {
      category: 'security',
      reason: 'The password was found in a breach.',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/staff/developers/${other.id}?done=account-suspend`);
    expect((await browser.inject('/account')).statusCode).toBe(303);
    const html = (await admin.inject(done.headers.location as string)).body;
    expect(html).toContain('The account is suspended and signed out everywhere.');
    expect(html).toContain('until further notice');
    expect(html).toContain(`href="/staff/developers/${other.id}/reinstate"`);
    expect(
      (await form(admin, `/staff/developers/${other.id}/reinstate`, { reason: 'Password changed.' }))
        .statusCode,
    ).toBe(303);
    expect((await admin.inject(`/staff/developers/${other.id}`)).body).toContain('Password changed.');
  });

  it('may not be used by stewards, developers or visitors, nor without the form token', async () => {
    const steward = await sessionOf(
      t,
      await createStaff(t, [{ role: 'steward', department: 'public-works' }]),
    );
    const developer = await sessionOf(t, dev);
    const urls = [
      '/staff/developers',
      `/staff/developers/${dev.id}`,
      `/staff/developers/${dev.id}/keys/${key.id}/revoke`,
      `/staff/developers/${dev.id}/revoke`,
    ];
    for (const url of urls) {
      expect((await steward.inject(url)).statusCode, url).toBe(403);
      expect((await developer.inject(url)).statusCode, url).toBe(403);
      const visitor = await t.inject(url);
      expect(visitor.statusCode, url).toBe(303);
      expect(visitor.headers.location).toBe(`/signin?next=${encodeURIComponent(url)}`);
    }
    const fields = { category: 'abuse', reason: 'No.' };
    expect(
      (await form(steward, `/staff/developers/${dev.id}/keys/${key.id}/revoke`, fields)).statusCode,
    ).toBe(403);
    expect((await form(developer, `/staff/developers/${dev.id}/revoke`, fields)).statusCode).toBe(403);
    const tokenless = await t.inject({
      method: 'POST',
      url: `/staff/developers/${dev.id}/keys/${key.id}/revoke`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    expect(tokenless.statusCode).toBe(403);
    expect((await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode).toBe(
      200,
    );
  });
});
