/**
 * How credentials become principals on every request: API keys in each place clients put them, the refusals a
 * bad key gets, sessions and their CSRF tokens, and roles against the admin API.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDb, type TestApp } from '../support/index.js';
import { createDataset, importCsv, setUpApp } from '../fixtures/tables.js';
import { createDeveloper, createKey, createStaff, keyHeaders, sessionOf } from '../fixtures/accounts.js';

const code = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;

describeDb('authentication', () => {
  let t: TestApp;
  let key: { id: string; secret: string };
  let developerId: string;

  beforeAll(async () => {
    t = await setUpApp();
    await createDataset(t, { id: 'closed', access_level: 'restricted' });
    expect((await importCsv(t, 'closed', 'name\nalpha\n')).statusCode).toBe(201);
    const developer = await createDeveloper(t);
    developerId = developer.id;
    key = await createKey(t, developer);
    await t.db.kysely
      .insertInto('access_grants')
      .values({
        id: 'g1',
        user_id: developer.id,
        dataset_id: 'closed',
        tier: null,
        source: 'request',
        source_id: 'r1',
        starts_at: '2020-01-01T00:00:00.000Z',
        ends_at: null,
        revoked_at: null,
        created_at: '2020-01-01T00:00:00.000Z',
      })
      .execute();
  });
  afterAll(() => t.close());

  it('accepts a key as X-Api-Key, X-App-Token, api_key, $$app_token and a bearer token', async () => {
    const url = '/api/v1/datasets/closed/rows.json';
    expect((await t.inject(url)).statusCode).toBe(403);
    for (const request of [
      { url, headers: { 'x-api-key': key.secret } },
      { url, headers: { 'x-app-token': key.secret } },
      { url, headers: { authorization: `Bearer ${key.secret}` } },
      { url: `${url}?api_key=${encodeURIComponent(key.secret)}` },
      { url: `/resource/closed.json?$$app_token=${encodeURIComponent(key.secret)}` },
      // Strict parameter lists do not see the key: it is a credential, not a query parameter.
      { url: `/api/v1/datasets/closed/query?$limit=1&api_key=${encodeURIComponent(key.secret)}` },
    ]) {
      const res = await t.inject(request);
      expect(res.statusCode, `${JSON.stringify(request)}: ${res.body}`).toBe(200);
      expect(res.body).toContain('alpha');
    }
  });

  it('keeps Socrata clients that send another portal’s app token working, anonymously', async () => {
    const res = await t.inject({
      url: '/resource/closed.json',
      headers: { 'x-app-token': 'socrata-token-123' },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.inject('/api/v1/datasets?$$app_token=abc')).statusCode).toBe(200);
  });

  it('refuses a malformed or unknown key instead of serving it as anonymous', async () => {
    for (const secret of [
      'nonsense',
      `${key.secret.slice(0, -2)}${key.secret.endsWith('xx') ? 'yy' : 'xx'}`,
      key.secret.replace(/_[0-9a-f]{12}_/, '_000000000000_'),
    ]) {
      const res = await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(secret) });
      expect(res.statusCode).toBe(401);
      expect(code(res)).toBe('auth.key_invalid');
    }
  });

  it('refuses a suspended key until its suspension ends, and a revoked key for good', async () => {
    const other = await createKey(t, await createDeveloper(t));
    const { keys } = t.app.services.access;
    const until = new Date(Date.now() + 3600_000).toISOString();
    await keys.setStatus(other.id, 'suspended', { reason: 'abuse', until });
    t.app.services.access.forget({ keyId: other.id });
    const suspended = await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(other.secret) });
    expect(suspended.statusCode).toBe(403);
    expect(code(suspended)).toBe('auth.key_suspended');
    expect(suspended.json<{ error: { message: string } }>().error.message).toContain(until);

    await keys.setStatus(other.id, 'suspended', {
      reason: 'abuse',
      until: new Date(Date.now() - 1000).toISOString(),
    });
    t.app.services.access.forget({ keyId: other.id });
    expect((await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(other.secret) })).statusCode).toBe(
      200,
    );

    await keys.setStatus(other.id, 'revoked', { reason: 'security' });
    t.app.services.access.forget({ keyId: other.id });
    const revoked = await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(other.secret) });
    expect(revoked.statusCode).toBe(401);
    expect(code(revoked)).toBe('auth.key_revoked');
    await expect(keys.setStatus(other.id, 'active')).rejects.toMatchObject({ code: 'auth.key_revoked' });
  });

  it('refuses every key of a suspended account, on the next request', async () => {
    const holder = await createDeveloper(t);
    const own = await createKey(t, holder);
    expect((await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(own.secret) })).statusCode).toBe(
      200,
    );
    await t.db.kysely.updateTable('users').set({ status: 'suspended' }).where('id', '=', holder.id).execute();
    t.app.services.access.forget({ userId: holder.id });
    const res = await t.inject({ url: '/api/v1/datasets', headers: keyHeaders(own.secret) });
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('auth.account_suspended');
  });

  it('asks a session for its CSRF token on unsafe requests, and not on reads', async () => {
    const admin = await sessionOf(t, await createStaff(t, [{ role: 'admin' }]));
    const payload = { id: 'parks', name: 'Parks' };
    const without = await t.inject({
      method: 'PUT',
      url: '/api/v1/departments/parks',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(code(without)).toBe('auth.csrf');
    const wrong = await t.inject({
      method: 'PUT',
      url: '/api/v1/departments/parks',
      // The right token with its last character changed (to one it is not).
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': `${admin.csrf.slice(0, -1)}${admin.csrf.endsWith('A') ? 'B' : 'A'}`,
      },
      payload,
    });
    expect(code(wrong)).toBe('auth.csrf');
    expect(
      (await admin.inject({ method: 'PUT', url: '/api/v1/departments/parks', payload })).statusCode,
    ).toBe(204);
    expect((await admin.inject('/api/v1/datasets/closed/rows.json')).statusCode).toBe(200);
    // A key is not a browser: no CSRF token needed (and no staff role either).
    const byKey = await t.inject({
      method: 'PUT',
      url: '/api/v1/departments/parks',
      headers: keyHeaders(key.secret),
      payload,
    });
    expect(byKey.statusCode).toBe(403);
    expect(code(byKey)).toBe('auth.forbidden');
  });

  it('lets only admins use the admin API: stewards, clerks and viewers get 403', async () => {
    for (const role of ['steward', 'clerk', 'viewer'] as const) {
      const staff = await createStaff(t, [
        role === 'steward' ? { role, department: 'public-works' } : { role },
      ]);
      const browser = await sessionOf(t, staff);
      const res = await browser.inject({
        method: 'PUT',
        url: '/api/v1/departments/other',
        payload: { id: 'other', name: 'Other' },
      });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('forgets a session that was ended, and an unknown cookie is anonymous', async () => {
    const browser = await sessionOf(t, await createStaff(t, [{ role: 'viewer' }]));
    expect((await browser.inject('/api/v1/datasets/closed/rows.json')).statusCode).toBe(200);
    await t.app.services.access.sessions.endAll(browser.user.id);
    expect((await browser.inject('/api/v1/datasets/closed/rows.json')).statusCode).toBe(403);
    const forged = await t.inject({
      url: '/api/v1/datasets/closed/rows.json',
      headers: { cookie: 'plaza_session=forged' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('takes a grant away on the next request once it ends', async () => {
    await t.db.kysely
      .updateTable('access_grants')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', 'g1')
      .execute();
    t.app.services.access.forget({ userId: developerId });
    const res = await t.inject({ url: '/api/v1/datasets/closed/rows.json', headers: keyHeaders(key.secret) });
    expect(res.statusCode).toBe(403);
  });
});
