/**
 * A developer's own API keys, through the account pages and the JSON API: created once the address is
 * confirmed, the secret shown once and never again (not in pages, answers, mail, the audit log or the logs),
 * renamed, rotated and revoked, with usage by day. And the "may not" cases: another developer's key, a revoked
 * or suspended key, no CSRF token, staff, the admin token, anonymous callers.
 */
import { h } from '../../src/web/html.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccountSection } from '../../src/access/developers/developers.routes.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { postForm } from '../fixtures/developer-forms.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

interface KeyView {
  id: string;
  name: string;
  prefix: string;
  display: string;
  status: string;
  lastUsedAt: string | null;
}
interface Issued {
  key: KeyView;
  secret: string;
}
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const SECRET = /plaza_key_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/;

describeDb('developers: API keys', () => {
  let t: TestApp;
  let dana: Browser;
  let omar: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    dana = await sessionOf(t, await createDeveloper(t, { name: 'Dana' }));
    omar = await sessionOf(t, await createDeveloper(t, { name: 'Omar' }));
  });
  afterAll(() => t.close());

  const datasets = (secret: string) => t.inject({ url: '/api/v1/datasets', headers: keyHeaders(secret) });
  const createWithForm = async (browser: Browser, name: string) => {
    const res = await postForm(t, '/account/keys', { _csrf: browser.csrf, name }, browser.cookie);
    expect(res.statusCode, res.body).toBe(201);
    const secret = SECRET.exec(res.body)?.[0];
    if (!secret) throw new Error('the page shows no key');
    const [key] = await t.app.services.access.keys.list(browser.user.id);
    return { res, secret, id: key!.id };
  };
  const auditOf = (keyId: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('target_type', '=', 'api_key')
      .where('target_id', '=', keyId)
      .orderBy('seq')
      .execute();

  describe('through the account pages', () => {
    it('creates a key and shows its secret once, with the ways to send it', async () => {
      const { res, secret, id } = await createWithForm(dana, 'bus arrivals app');
      expect(res.body).toMatch(new RegExp(`<p class="secret"[^>]*>${secret}</p>`));
      expect(res.body).toContain('only time it is shown');
      for (const way of ['X-Api-Key', 'api_key=', 'X-App-Token', '/api/v1/live?', 'mqtt', 'apikey'])
        expect(res.body).toContain(way);
      expect(res.headers['cache-control']).toContain('no-store');
      expect((await datasets(secret)).statusCode).toBe(200);

      const prefix = secret.split('_')[2]!;
      const account = await dana.inject('/account');
      expect(account.body).toContain(`plaza_key_${prefix}_…`);
      expect(account.body).toContain('bus arrivals app');
      const audit = await auditOf(id);
      expect(audit.map((a) => a.action)).toEqual(['key.create']);
      expect(audit[0]!.actor_id).toBe(dana.user.id);
    });

    it('renames, rotates (the old secret stops at once) and revokes after a confirmation step', async () => {
      const { secret, id } = await createWithForm(dana, 'to change');
      const keyPage = await dana.inject(`/account/keys/${id}`);
      expect(keyPage.statusCode).toBe(200);
      expect(keyPage.body).toContain('Requests in the last 30 days');

      const renamed = await postForm(
        t,
        `/account/keys/${id}/rename`,
        { _csrf: dana.csrf, name: 'renamed' },
        dana.cookie,
      );
      expect(renamed.statusCode).toBe(303);
      expect((await dana.inject(renamed.headers.location as string)).body).toContain('The key is renamed');
      const empty = await postForm(
        t,
        `/account/keys/${id}/rename`,
        { _csrf: dana.csrf, name: ' ' },
        dana.cookie,
      );
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('Name the key');

      const rotated = await postForm(t, `/account/keys/${id}/rotate`, { _csrf: dana.csrf }, dana.cookie);
      expect(rotated.statusCode).toBe(200);
      const fresh = SECRET.exec(rotated.body)![0];
      expect(fresh).not.toBe(secret);
      expect(rotated.body).toContain('previous secret of this key has stopped working');
      const old = await datasets(secret);
      expect(old.statusCode).toBe(401);
      expect(codeOf(old.body)).toBe('auth.key_invalid');
      expect((await datasets(fresh)).statusCode).toBe(200);

      const confirm = await dana.inject(`/account/keys/${id}/revoke`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Revoke the key');
      expect(await t.app.services.access.keys.get(id)).toMatchObject({ status: 'active' });
      const revoked = await postForm(t, `/account/keys/${id}/revoke`, { _csrf: dana.csrf }, dana.cookie);
      expect(revoked.statusCode).toBe(303);
      expect(revoked.headers.location).toBe('/account?done=revoked');
      const after = await datasets(fresh);
      expect(after.statusCode).toBe(401);
      expect(codeOf(after.body)).toBe('auth.key_revoked');
      expect((await auditOf(id)).map((a) => a.action)).toEqual([
        'key.create',
        'key.rename',
        'key.rotate',
        'key.revoke',
      ]);
      const page = await dana.inject(`/account/keys/${id}`);
      expect(page.body).toContain('This key was revoked');
      expect(page.body).not.toContain(`action="/account/keys/${id}/rotate"`);
    });

    it('may not be posted without the session’s CSRF token', async () => {
      const { id } = await createWithForm(omar, 'csrf target');
      const before = await t.app.services.access.keys.list(omar.user.id);
      const attempts = [
        postForm(t, '/account/keys', { name: 'forged' }, omar.cookie),
        postForm(t, `/account/keys/${id}/rename`, { name: 'forged' }, omar.cookie),
        postForm(t, `/account/keys/${id}/rotate`, {}, omar.cookie),
        postForm(t, `/account/keys/${id}/revoke`, { _csrf: 'x'.repeat(43) }, omar.cookie),
        postForm(t, `/account/keys/${id}/revoke`, { _csrf: dana.csrf }, omar.cookie),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.statusCode).toBe(403);
        expect(res.body).toContain('The form has expired');
      }
      expect(await t.app.services.access.keys.list(omar.user.id)).toEqual(before);
    });

    it('treats another developer’s key as missing on every page', async () => {
      const { id, secret } = await createWithForm(omar, 'omar’s own');
      const responses = [
        await dana.inject(`/account/keys/${id}`),
        await dana.inject(`/account/keys/${id}/revoke`),
        await postForm(t, `/account/keys/${id}/rename`, { _csrf: dana.csrf, name: 'mine' }, dana.cookie),
        await postForm(t, `/account/keys/${id}/rotate`, { _csrf: dana.csrf }, dana.cookie),
        await postForm(t, `/account/keys/${id}/revoke`, { _csrf: dana.csrf }, dana.cookie),
      ];
      for (const res of responses) {
        expect(res.statusCode).toBe(404);
        expect(res.body).toContain('Not found');
        expect(res.body).not.toContain('omar’s own');
      }
      expect(await t.app.services.access.keys.get(id)).toMatchObject({
        name: 'omar’s own',
        status: 'active',
      });
      expect((await datasets(secret)).statusCode).toBe(200);
    });

    it('shows a suspended key as suspended, with why and until when', async () => {
      const key = await createKey(t, dana.user, 'suspend me');
      const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
      await t.app.services.access.keys.setStatus(key.id, 'suspended', { reason: 'scraping too fast', until });
      t.app.services.access.forget({ keyId: key.id });
      const refused = await datasets(key.secret);
      expect(refused.statusCode).toBe(403);
      expect(codeOf(refused.body)).toBe('auth.key_suspended');
      const page = await dana.inject('/account');
      expect(page.body).toMatch(/Suspended until [^<]+: scraping too fast/);
    });

    it('refuses a key name that is too long, and the eleventh key', async () => {
      const fresh = await sessionOf(t, await createDeveloper(t));
      const long = await postForm(
        t,
        '/account/keys',
        { _csrf: fresh.csrf, name: 'x'.repeat(101) },
        fresh.cookie,
      );
      expect(long.statusCode).toBe(422);
      expect(long.body).toContain('1 to 100 characters');
      for (let i = 0; i < 10; i++) await createKey(t, fresh.user, `key ${i}`);
      const eleventh = await postForm(
        t,
        '/account/keys',
        { _csrf: fresh.csrf, name: 'one more' },
        fresh.cookie,
      );
      expect(eleventh.statusCode).toBe(409);
      expect(eleventh.body).toContain('at most 10 keys');
    });

    it('renders the sections other parts of the access module add below the keys', async () => {
      addAccountSection(t.app.http, ({ user }) =>
        user.id === dana.user.id
          ? h('section', { 'aria-labelledby': 'extra' }, h('h2', { id: 'extra' }, 'A section for Dana only'))
          : undefined,
      );
      const page = (await dana.inject('/account')).body;
      expect(page.indexOf('A section for Dana only')).toBeGreaterThan(page.indexOf('Create key'));
      expect((await omar.inject('/account')).body).not.toContain('A section for Dana only');
    });
  });

  describe('through the JSON API', () => {
    it('lists, creates, renames, rotates and revokes with a session and its CSRF header', async () => {
      const created = await dana.inject({
        method: 'POST',
        url: '/api/v1/account/keys',
        payload: { name: 'notebook' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { key, secret } = created.json<Issued>();
      expect(secret).toMatch(SECRET);
      expect(key).toMatchObject({ name: 'notebook', status: 'active', display: `plaza_key_${key.prefix}_…` });

      const list = await dana.inject('/api/v1/account/keys');
      expect(list.json<{ keys: KeyView[] }>().keys.map((k) => k.id)).toContain(key.id);
      expect((await dana.inject(`/api/v1/account/keys/${key.id}`)).json<KeyView>().name).toBe('notebook');

      const renamed = await dana.inject({
        method: 'PATCH',
        url: `/api/v1/account/keys/${key.id}`,
        payload: { name: 'lab notebook' },
      });
      expect(renamed.json<KeyView>().name).toBe('lab notebook');

      const rotated = await dana.inject({ method: 'POST', url: `/api/v1/account/keys/${key.id}/rotate` });
      expect(rotated.statusCode).toBe(201);
      const next = rotated.json<Issued>();
      expect(next.key.id).toBe(key.id);
      expect(next.key.prefix).not.toBe(key.prefix);
      expect((await datasets(secret)).statusCode).toBe(401);
      expect((await datasets(next.secret)).statusCode).toBe(200);

      const revoked = await dana.inject({ method: 'DELETE', url: `/api/v1/account/keys/${key.id}` });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json<KeyView>().status).toBe('revoked');
      const again = await dana.inject({ method: 'DELETE', url: `/api/v1/account/keys/${key.id}` });
      expect(again.json<KeyView>().status).toBe('revoked');
      const refused = await datasets(next.secret);
      expect(refused.statusCode).toBe(401);
      expect(codeOf(refused.body)).toBe('auth.key_revoked');
      const rotateRevoked = await dana.inject({
        method: 'POST',
        url: `/api/v1/account/keys/${key.id}/rotate`,
      });
      expect(rotateRevoked.statusCode).toBe(401);
      expect((await auditOf(key.id)).map((a) => a.action)).toEqual([
        'key.create',
        'key.rename',
        'key.rotate',
        'key.revoke',
      ]);
    });

    it('works with an API key of the same account instead of a session', async () => {
      const own = await createKey(t, omar.user, 'automation');
      const headers = keyHeaders(own.secret);
      const account = await t.inject({ url: '/api/v1/account', headers });
      expect(account.statusCode).toBe(200);
      expect(account.json()).toMatchObject({ id: omar.user.id, tier: 'standard', effectiveTier: 'standard' });
      expect(account.json<{ limits: { requests: number } }>().limits.requests).toBe(
        t.config.limits.requests.standard,
      );
      const made = await t.inject({
        method: 'POST',
        url: '/api/v1/account/keys',
        headers,
        payload: { name: 'made by a key' },
      });
      expect(made.statusCode).toBe(201);
      const listed = await t.inject({ url: '/api/v1/account/keys', headers });
      expect(listed.json<{ keys: KeyView[] }>().keys.map((k) => k.name)).toContain('made by a key');
    });

    it('may not be used without the CSRF header on a session', async () => {
      const key = await createKey(t, dana.user, 'csrf json');
      const bare = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
        t.inject({ method, url, headers: { cookie: dana.cookie }, ...(payload ? { payload } : {}) });
      const attempts = [
        await bare('POST', '/api/v1/account/keys', { name: 'forged' }),
        await bare('PATCH', `/api/v1/account/keys/${key.id}`, { name: 'forged' }),
        await bare('POST', `/api/v1/account/keys/${key.id}/rotate`),
        await bare('DELETE', `/api/v1/account/keys/${key.id}`),
      ];
      for (const res of attempts) {
        expect(res.statusCode).toBe(403);
        expect(codeOf(res.body)).toBe('auth.csrf');
      }
      expect(await t.app.services.access.keys.get(key.id)).toMatchObject({
        name: 'csrf json',
        status: 'active',
      });
      expect((await datasets(key.secret)).statusCode).toBe(200);
    });

    it('answers 404 for another developer’s key on every route, with a session or a key', async () => {
      const theirs = await createKey(t, omar.user, 'not yours');
      const mine = await createKey(t, dana.user, 'prober');
      const routes: [method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string][] = [
        ['GET', `/api/v1/account/keys/${theirs.id}`],
        ['PATCH', `/api/v1/account/keys/${theirs.id}`],
        ['POST', `/api/v1/account/keys/${theirs.id}/rotate`],
        ['DELETE', `/api/v1/account/keys/${theirs.id}`],
        ['GET', `/api/v1/account/keys/${theirs.id}/usage`],
      ];
      for (const [method, url] of routes) {
        const payload = method === 'PATCH' ? { name: 'mine now' } : undefined;
        const bySession = await dana.inject({ method, url, ...(payload ? { payload } : {}) });
        const byKey = await t.inject({
          method,
          url,
          headers: keyHeaders(mine.secret),
          ...(payload ? { payload } : {}),
        });
        for (const res of [bySession, byKey]) {
          expect(res.statusCode, `${method} ${url}`).toBe(404);
          expect(codeOf(res.body)).toBe('api_key.not_found');
        }
      }
      expect((await dana.inject('/api/v1/account/keys/no-such-key')).statusCode).toBe(404);
      expect(await t.app.services.access.keys.get(theirs.id)).toMatchObject({
        name: 'not yours',
        status: 'active',
      });
      expect((await datasets(theirs.secret)).statusCode).toBe(200);
      expect(await auditOf(theirs.id)).toEqual([]);
    });

    it('is for developers: 401 for anonymous callers, 403 for staff and the admin token', async () => {
      const anonymous = await t.inject('/api/v1/account/keys');
      expect(anonymous.statusCode).toBe(401);
      const staff = await sessionOf(t, await createStaff(t, [{ role: 'admin' }]));
      const fromStaff = await staff.inject({
        method: 'POST',
        url: '/api/v1/account/keys',
        payload: { name: 'x' },
      });
      expect(fromStaff.statusCode).toBe(403);
      expect(codeOf(fromStaff.body)).toBe('account.developers_only');
      const admin = await t.injectAsAdmin('/api/v1/account');
      expect(admin.statusCode).toBe(403);
    });

    it('refuses a revoked key (401) and a suspended key (403) on the account API itself', async () => {
      const revoked = await createKey(t, dana.user, 'gone');
      await dana.inject({ method: 'DELETE', url: `/api/v1/account/keys/${revoked.id}` });
      const a = await t.inject({ url: '/api/v1/account/keys', headers: keyHeaders(revoked.secret) });
      expect(a.statusCode).toBe(401);
      expect(codeOf(a.body)).toBe('auth.key_revoked');
      const suspended = await createKey(t, dana.user, 'paused');
      await t.app.services.access.keys.setStatus(suspended.id, 'suspended', { reason: 'review' });
      t.app.services.access.forget({ keyId: suspended.id });
      const b = await t.inject({ url: '/api/v1/account', headers: keyHeaders(suspended.secret) });
      expect(b.statusCode).toBe(403);
      expect(codeOf(b.body)).toBe('auth.key_suspended');
    });
  });

  describe('usage by day', () => {
    it('gives every one of the last 30 days, days without use as zeros, on the API and the page', async () => {
      const key = await createKey(t, dana.user, 'counted');
      const { keys } = t.app.services.access;
      for (let i = 0; i < 3; i++) keys.recordUse(key.id);
      keys.recordUse(key.id, true);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: t.config.timeZone }).format(new Date());
      const daysAgo = (n: number) =>
        new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
      await t.db.kysely
        .insertInto('api_key_usage')
        .values([
          { key_id: key.id, day: daysAgo(10), requests: 40, limited: 0 },
          { key_id: key.id, day: daysAgo(30), requests: 999, limited: 0 },
        ])
        .execute();

      const res = await dana.inject(`/api/v1/account/keys/${key.id}/usage?days=30`);
      expect(res.statusCode, res.body).toBe(200);
      const usage = res.json<{
        from: string;
        to: string;
        timeZone: string;
        days: { day: string; requests: number; limited: number }[];
        total: { requests: number; limited: number };
      }>();
      expect(usage.days).toHaveLength(30);
      expect(usage.to).toBe(today);
      expect(usage.from).toBe(daysAgo(29));
      expect(usage.days.at(-1)).toEqual({ day: today, requests: 4, limited: 1 });
      expect(usage.days.find((d) => d.day === daysAgo(10))).toEqual({
        day: daysAgo(10),
        requests: 40,
        limited: 0,
      });
      expect(usage.days.filter((d) => d.requests === 0)).toHaveLength(28);
      expect(usage.total).toEqual({ requests: 44, limited: 1 });
      expect(usage.timeZone).toBe(t.config.timeZone);
      const week = await dana.inject(`/api/v1/account/keys/${key.id}/usage?days=7`);
      expect(week.json<{ days: unknown[] }>().days).toHaveLength(7);
      for (const days of ['0', '91', 'many'])
        expect((await dana.inject(`/api/v1/account/keys/${key.id}/usage?days=${days}`)).statusCode).toBe(400);

      const page = await dana.inject(`/account/keys/${key.id}`);
      expect(page.body).toContain('44 requests');
      expect(page.body.match(/<th scope="row"/g)).toHaveLength(30);
      expect(page.body).toContain('width: 100%');
      expect(page.body).toContain('width: 10%');
      expect(
        (await dana.inject('/api/v1/account/keys'))
          .json<{ keys: KeyView[] }>()
          .keys.find((k) => k.id === key.id)!.lastUsedAt,
      ).not.toBeNull();
    });
  });

  describe('counting use', () => {
    it('counts the requests made with a key, including those over the limit', async () => {
      const key = await createKey(t, dana.user, 'busy');
      for (let i = 0; i < 5; i++) expect((await datasets(key.secret)).statusCode).toBe(200);
      const usage = await dana.inject(`/api/v1/account/keys/${key.id}/usage?days=1`);
      expect(usage.json<{ total: { requests: number } }>().total.requests).toBe(5);
      const listed = (await dana.inject('/api/v1/account/keys')).json<{ keys: KeyView[] }>();
      expect(listed.keys.find((k) => k.id === key.id)!.lastUsedAt).not.toBeNull();
    });
  });

  describe('the secret', () => {
    let logged: TestApp;
    let ada: Browser;
    beforeAll(async () => {
      logged = await createTestApp({ config: { logLevel: 'debug' } });
      ada = await sessionOf(logged, await createDeveloper(logged, { name: 'Ada' }));
    });
    afterAll(() => logged.close());

    /** Everything the app's logger writes while `run` runs (pino keeps its destination under a symbol). */
    async function logsOf(run: () => Promise<void>): Promise<string> {
      const logger = logged.app.http.log as unknown as Record<symbol, { write(line: string): unknown }>;
      let owner: object | null = logger;
      let symbol: symbol | undefined;
      while (owner && !symbol) {
        symbol = Object.getOwnPropertySymbols(owner).find((s) => s.description === 'pino.stream');
        owner = Object.getPrototypeOf(owner) as object | null;
      }
      expect(symbol).toBeDefined();
      const stream = logger[symbol!]!;
      const write = stream.write;
      const lines: string[] = [];
      stream.write = (line: string) => lines.push(line);
      try {
        await run();
      } finally {
        stream.write = write;
      }
      return lines.join('');
    }

    it('appears in the creation answer only: not in later pages, answers, mail, audit or logs', async () => {
      const seen: string[] = [];
      const secrets: string[] = [];
      const inject = logged.inject;
      const logs = await logsOf(async () => {
        const created = await ada.inject({
          method: 'POST',
          url: '/api/v1/account/keys',
          payload: { name: 'one' },
        });
        const { key, secret } = created.json<Issued>();
        const form = await postForm(logged, '/account/keys', { _csrf: ada.csrf, name: 'two' }, ada.cookie);
        expect(form.statusCode).toBe(201);
        const rotated = await ada.inject({ method: 'POST', url: `/api/v1/account/keys/${key.id}/rotate` });
        secrets.push(secret, SECRET.exec(form.body)![0], rotated.json<Issued>().secret);
        // Used every way a client can, including the ways that fail.
        for (const s of secrets) {
          seen.push((await inject({ url: '/api/v1/datasets', headers: keyHeaders(s) })).body);
          seen.push((await inject(`/api/v1/datasets?api_key=${s}`)).body);
          seen.push((await inject(`/api/v1/datasets?$$app_token=${s}`)).body);
          seen.push((await inject({ url: '/api/v1/account', headers: { 'x-app-token': s } })).body);
          seen.push(
            (await inject({ url: '/api/v1/account', headers: { authorization: `Bearer ${s}` } })).body,
          );
        }
        const keys = await logged.app.services.access.keys.list(ada.user.id);
        for (const url of [
          '/account',
          ...keys.flatMap((k) => [`/account/keys/${k.id}`, `/api/v1/account/keys/${k.id}`]),
          '/api/v1/account',
          '/api/v1/account/keys',
          `/api/v1/account/keys/${key.id}/usage`,
        ])
          seen.push((await ada.inject(url)).body);
        seen.push((await ada.inject({ method: 'DELETE', url: `/api/v1/account/keys/${key.id}` })).body);
        seen.push((await inject({ url: '/api/v1/datasets', headers: keyHeaders(secrets[2]!) })).body);
      });
      expect(logs).toContain('/api/v1/datasets');
      expect(logs).toContain('[REDACTED]');
      const stored = JSON.stringify([
        await logged.db.kysely.selectFrom('api_keys').selectAll().execute(),
        await logged.db.kysely.selectFrom('audit_log').selectAll().execute(),
        await logged.db.kysely.selectFrom('outbox').selectAll().execute(),
      ]);
      expect(secrets).toHaveLength(3);
      expect(seen.length).toBeGreaterThan(20);
      for (const s of secrets) {
        const tail = s.slice(-43);
        for (const body of seen) expect(body).not.toContain(tail);
        expect(stored).not.toContain(tail);
        expect(logs).not.toContain(tail);
      }
    });
  });
});
