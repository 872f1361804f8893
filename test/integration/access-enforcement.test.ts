/**
 * Enforcement through the admin API: suspending, revoking and reinstating developers' keys and accounts, what
 * each does on every surface (native API, SODA with $$app_token, SensorThings, the live feed, session pages),
 * the notice mailed to the holder, the audit log, the developers list, and who may not do any of it.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/access/audit/audit.service.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { createDataset, failure, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

interface Developer {
  id: string;
  email: string;
  status: string;
  statusReason: string | null;
  statusUntil: string | null;
  keys: { id: string; status: string; statusReason: string | null; statusUntil: string | null }[];
}

const abuse = { category: 'abuse', reason: 'Ten million requests in an hour from one script.' };

describeDb('enforcement: suspend, revoke, reinstate', () => {
  let t: TestApp;
  let datastream: number;

  const post = (url: string, payload: Record<string, string> = {}) =>
    t.injectAsAdmin({ method: 'POST', url, payload });
  const ok = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const auditOf = async (target: string) =>
    (await t.injectAsAdmin(`/api/v1/admin/audit?target=${target}`)).json<{ entries: AuditEntry[] }>().entries;
  const noticesTo = (email: string) => t.app.services.access.outbox.list({ to: email });

  /** The surfaces a key reaches, with the status each answers. */
  async function served(secret: string): Promise<Record<string, number>> {
    const [native, soda, sodaHeader, sta] = await Promise.all([
      t.inject({ url: '/api/v1/datasets/trees', headers: keyHeaders(secret) }),
      t.inject(`/resource/trees.json?$$app_token=${encodeURIComponent(secret)}`),
      t.inject({ url: '/resource/trees.json', headers: { 'x-app-token': secret } }),
      t.inject({ url: '/sta/v1.1/Things', headers: keyHeaders(secret) }),
    ]);
    return {
      native: native.statusCode,
      soda: soda.statusCode,
      sodaHeader: sodaHeader.statusCode,
      sta: sta.statusCode,
    };
  }
  /**
   * The same, and the live feed: only for a key that is refused, since one that is accepted opens a stream that
   * never ends (the live tests read streams from a listening server).
   */
  async function refused(secret: string): Promise<Record<string, number>> {
    const live = await t.inject(
      `/api/v1/live?datastream=${datastream}&api_key=${encodeURIComponent(secret)}`,
    );
    return { ...(await served(secret)), live: live.statusCode };
  }
  const everywhere = (status: number) => ({
    native: status,
    soda: status,
    sodaHeader: status,
    sta: status,
    live: status,
  });
  const allServed = { native: 200, soda: 200, sodaHeader: 200, sta: 200 };

  beforeAll(async () => {
    t = await setUpApp();
    await createDataset(t, { id: 'trees' });
    report(await importCsv(t, 'trees', 'species,height\nOak,12\nElm,9\n'));
    const air = await createSensorDataset(t, 'air-enforced');
    datastream = (await createStation(t, air, 'North')).datastreamIds[0]!;
  });
  afterAll(() => t.close());

  describe('API keys', () => {
    it('suspends a key from the next request on, tells the holder, records it, and reinstates it', async () => {
      const dana = await createDeveloper(t, { name: 'Dana' });
      const key = await createKey(t, dana, 'harbor app');
      const other = await createKey(t, dana, 'other app');
      // Used once, so that the key's principal sits in the cache when the suspension comes.
      ok(await t.inject({ url: '/api/v1/datasets/trees', headers: keyHeaders(key.secret) }));

      const suspended = ok(
        await post(`/api/v1/admin/keys/${key.id}/suspend`, { ...abuse, until: '2099-01-15' }),
      ).json<Developer['keys'][number]>();
      expect(suspended).toMatchObject({
        id: key.id,
        status: 'suspended',
        // The suspension ends as 15 January starts in Westminster (PST, UTC-8).
        statusUntil: '2099-01-15T08:00:00.000Z',
        statusReason: `Abuse of the service: ${abuse.reason}`,
      });

      const refusal = await t.inject({ url: '/api/v1/datasets/trees', headers: keyHeaders(key.secret) });
      const error = failure(refusal, 403, 'auth.key_suspended');
      expect(error.details).toMatchObject({ until: '2099-01-15T08:00:00.000Z' });
      expect(await refused(key.secret)).toEqual(everywhere(403));
      // The holder's other key is not concerned.
      ok(await t.inject({ url: '/api/v1/datasets/trees', headers: keyHeaders(other.secret) }));

      const [notice] = await noticesTo(dana.email);
      expect(notice).toMatchObject({
        kind: 'enforcement',
        subject: 'Your API key "harbor app" is suspended',
      });
      expect(notice!.body).toContain('Hello Dana,');
      expect(notice!.body).toContain('until Jan 15, 2099, 12:00 AM PST');
      expect(notice!.body).toContain('Why: Abuse of the service.');
      expect(notice!.body).toContain(abuse.reason);
      expect(notice!.body).toContain('To ask for a review, reply to this message');
      expect(notice!.body).toContain('http://plaza.test/account');
      expect(notice!.body).not.toContain(key.secret);

      const [entry] = await auditOf(`api_key:${key.id}`);
      expect(entry).toMatchObject({
        action: 'key.suspend',
        actor: 'admin token',
        actorId: null,
        reason: abuse.reason,
        details: {
          category: 'abuse',
          until: '2099-01-15T08:00:00.000Z',
          userId: dana.id,
          keyName: 'harbor app',
        },
      });
      expect(notice!.body).toContain(`quote reference ${entry!.seq}`);

      const reinstated = ok(
        await post(`/api/v1/admin/keys/${key.id}/reinstate`, { reason: 'Rate limited on your side now.' }),
      ).json<Developer['keys'][number]>();
      expect(reinstated).toMatchObject({ status: 'active', statusReason: null, statusUntil: null });
      expect(await served(key.secret)).toEqual(allServed);
      expect((await noticesTo(dana.email))[0]).toMatchObject({
        subject: 'Your API key "harbor app" works again',
      });
      expect((await auditOf(`api_key:${key.id}`))[0]).toMatchObject({
        action: 'key.reinstate',
        reason: 'Rate limited on your side now.',
      });
      // A reinstatement needs no body at all.
      const again = await t.injectAsAdmin({ method: 'POST', url: `/api/v1/admin/keys/${key.id}/reinstate` });
      failure(again, 409, 'enforcement.not_suspended');
    });

    it('revokes a key for good', async () => {
      const dev = await createDeveloper(t);
      const key = await createKey(t, dev);
      const revoked = ok(
        await post(`/api/v1/admin/keys/${key.id}/revoke`, {
          category: 'security',
          reason: 'Published on a forum.',
        }),
      ).json<Developer['keys'][number]>();
      expect(revoked.status).toBe('revoked');
      failure(
        await t.inject({ url: '/api/v1/datasets/trees', headers: keyHeaders(key.secret) }),
        401,
        'auth.key_revoked',
      );
      expect(await refused(key.secret)).toEqual(everywhere(401));
      failure(await post(`/api/v1/admin/keys/${key.id}/reinstate`), 409, 'enforcement.revoked');
      failure(await post(`/api/v1/admin/keys/${key.id}/suspend`, abuse), 409, 'enforcement.revoked');
      failure(await post(`/api/v1/admin/keys/${key.id}/revoke`, abuse), 409, 'enforcement.revoked');
      const [notice] = await noticesTo(dev.email);
      expect(notice!.subject).toBe('Your API key "test key" was revoked');
      expect(notice!.body).toContain('Why: Security.');
      expect((await auditOf(`api_key:${key.id}`)).map((e) => e.action)).toEqual(['key.revoke']);
    });

    it('lets a suspension with an end date lapse by itself', async () => {
      const dev = await createDeveloper(t);
      const key = await createKey(t, dev);
      ok(await post(`/api/v1/admin/keys/${key.id}/suspend`, { ...abuse, until: '2099-01-01T00:00:00Z' }));
      expect((await served(key.secret)).native).toBe(403);
      // The end arrives (moved into the past rather than waited for).
      await t.db.kysely
        .updateTable('api_keys')
        .set({ status_until: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', key.id)
        .execute();
      t.app.services.access.forget({ keyId: key.id });
      expect((await served(key.secret)).native).toBe(200);
      const listed = ok(await t.injectAsAdmin(`/api/v1/admin/developers/${dev.id}`)).json<Developer>();
      expect(listed.keys[0]!.status).toBe('active');
    });

    it('says what to fix in a decision', async () => {
      const dev = await createDeveloper(t);
      const key = await createKey(t, dev);
      const url = `/api/v1/admin/keys/${key.id}/suspend`;
      expect((await post(url, { reason: 'no category' })).statusCode).toBe(400);
      expect((await post(url, { category: 'rudeness', reason: 'x' })).statusCode).toBe(400);
      expect((await post(url, { category: 'abuse', reason: '' })).statusCode).toBe(400);
      failure(await post(url, { category: 'abuse', reason: '   ' }), 422, 'enforcement.invalid');
      const past = failure(await post(url, { ...abuse, until: '2020-01-01' }), 422, 'enforcement.invalid');
      expect(past.message).toMatch(/until: the end must be in the future/);
      failure(await post(url, { ...abuse, until: 'next week' }), 422, 'enforcement.invalid');
      failure(await post('/api/v1/admin/keys/no-such-key/suspend', abuse), 404, 'api_key.not_found');
      // Nothing changed and nobody was told.
      expect((await served(key.secret)).native).toBe(200);
      expect(await noticesTo(dev.email)).toEqual([]);
    });
  });

  describe('developer accounts', () => {
    it('refuses a suspended account on every surface, ends its sessions, and lets it back in', async () => {
      const erin = await createDeveloper(t, { name: 'Erin' });
      const key = await createKey(t, erin);
      const browser = await sessionOf(t, erin);
      expect((await browser.inject('/account')).statusCode).toBe(200);
      expect(await served(key.secret)).toEqual(allServed);

      const suspended = ok(
        await post(`/api/v1/admin/users/${erin.id}/suspend`, {
          category: 'licence_breach',
          reason: 'The app shows the data without the attribution the licence asks for.',
        }),
      ).json<Developer>();
      expect(suspended).toMatchObject({ id: erin.id, status: 'suspended', statusUntil: null });
      // The key itself is untouched: the account's standing refuses it.
      expect(suspended.keys[0]!.status).toBe('active');

      expect(await refused(key.secret)).toEqual(everywhere(403));
      failure(
        await t.inject({ url: '/api/v1/datasets/trees', headers: keyHeaders(key.secret) }),
        403,
        'auth.account_suspended',
      );
      const page = await browser.inject('/account');
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toMatch(/^\/signin/);
      const sessions = await t.db.kysely
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', erin.id)
        .execute();
      expect(sessions).toEqual([]);

      const [notice] = await noticesTo(erin.email);
      expect(notice).toMatchObject({ kind: 'enforcement', subject: 'Your developer account is suspended' });
      expect(notice!.body).toContain('until further notice');
      expect(notice!.body).toContain('Why: Breach of the licence or attribution terms.');
      expect((await auditOf(`user:${erin.id}`))[0]).toMatchObject({
        action: 'user.suspend',
        details: { category: 'licence_breach', until: null, email: erin.email },
      });

      ok(await post(`/api/v1/admin/users/${erin.id}/reinstate`));
      expect(await served(key.secret)).toEqual(allServed);
      // The sessions stay ended: Erin signs in again.
      expect((await browser.inject('/account')).statusCode).toBe(303);
      expect((await browser.inject('/account')).headers.location).toMatch(/^\/signin/);
      expect((await sessionOf(t, erin).then((b) => b.inject('/account'))).statusCode).toBe(200);
      expect((await noticesTo(erin.email))[0]!.subject).toBe('Your developer account works again');
    });

    it('closes an account for good and revokes its keys', async () => {
      const dev = await createDeveloper(t);
      const [a, b] = [await createKey(t, dev, 'a'), await createKey(t, dev, 'b')];
      const closed = ok(
        await post(`/api/v1/admin/users/${dev.id}/revoke`, {
          category: 'other',
          reason: 'Asked us to close it.',
        }),
      ).json<Developer>();
      expect(closed.status).toBe('revoked');
      expect(closed.keys.map((k) => k.status)).toEqual(['revoked', 'revoked']);
      expect((await served(a.secret)).native).toBe(401);
      expect((await served(b.secret)).native).toBe(401);
      failure(await post(`/api/v1/admin/users/${dev.id}/reinstate`), 409, 'enforcement.revoked');
      failure(await post(`/api/v1/admin/users/${dev.id}/suspend`, abuse), 409, 'enforcement.revoked');
      const [entry] = await auditOf(`user:${dev.id}`);
      expect(entry).toMatchObject({
        action: 'user.revoke',
        details: { keys: expect.arrayContaining([a.id, b.id]) },
      });
      expect((await noticesTo(dev.email))[0]!.subject).toBe('Your developer account was closed');
    });

    it('manages developer accounts only', async () => {
      const clerk = await createStaff(t, [{ role: 'clerk' }]);
      failure(await post(`/api/v1/admin/users/${clerk.id}/suspend`, abuse), 409, 'enforcement.not_developer');
      const missing = await post('/api/v1/admin/users/nobody/suspend', abuse);
      expect(missing.statusCode).toBe(404);
      expect(missing.json<{ error: { code: string } }>().error.code).toBe('user.not_found');
    });
  });

  describe('the developers list', () => {
    it('lists developers with their keys and status, filtered and paged', async () => {
      const a = await createDeveloper(t, { email: 'list-a@example.org', name: 'Alpha Lister' });
      const b = await createDeveloper(t, { email: 'list-b@example.org', name: 'Beta Lister' });
      await createKey(t, a, 'alpha key');
      ok(await post(`/api/v1/admin/users/${b.id}/suspend`, { ...abuse, until: '2099-02-01' }));

      const all = ok(await t.injectAsAdmin('/api/v1/admin/developers?q=lister')).json<{
        developers: Developer[];
      }>();
      expect(all.developers.map((d) => d.email)).toEqual(['list-a@example.org', 'list-b@example.org']);
      expect(all.developers[0]!.keys).toHaveLength(1);
      expect(all.developers[1]).toMatchObject({
        status: 'suspended',
        statusUntil: '2099-02-01T08:00:00.000Z',
      });

      const suspended = ok(await t.injectAsAdmin('/api/v1/admin/developers?q=LISTER&status=suspended')).json<{
        developers: Developer[];
      }>();
      expect(suspended.developers.map((d) => d.email)).toEqual(['list-b@example.org']);
      const active = ok(await t.injectAsAdmin('/api/v1/admin/developers?q=lister&status=active')).json<{
        developers: Developer[];
      }>();
      expect(active.developers.map((d) => d.email)).toEqual(['list-a@example.org']);

      const first = ok(await t.injectAsAdmin('/api/v1/admin/developers?q=lister&limit=1')).json<{
        developers: Developer[];
        next: string | null;
      }>();
      expect(first.developers.map((d) => d.email)).toEqual(['list-a@example.org']);
      const second = ok(
        await t.injectAsAdmin(
          `/api/v1/admin/developers?q=lister&limit=1&cursor=${encodeURIComponent(first.next!)}`,
        ),
      ).json<{ developers: Developer[]; next: string | null }>();
      expect(second.developers.map((d) => d.email)).toEqual(['list-b@example.org']);
      expect(second.next).toBeNull();

      // Staff accounts are not developers.
      const staff = await createStaff(t, [{ role: 'viewer' }], { email: 'lister-staff@city.example' });
      const listed = ok(await t.injectAsAdmin('/api/v1/admin/developers?q=lister')).json<{
        developers: Developer[];
      }>();
      expect(listed.developers.map((d) => d.id)).not.toContain(staff.id);
      failure(
        await t.injectAsAdmin(`/api/v1/admin/developers/${staff.id}`),
        409,
        'enforcement.not_developer',
      );
    });
  });

  describe('who may not', () => {
    let target: { id: string; secret: string };
    let targetUser: string;
    let steward: Browser;
    let admin: Browser;
    let developerKey: string;

    beforeAll(async () => {
      const holder = await createDeveloper(t);
      targetUser = holder.id;
      target = await createKey(t, holder);
      steward = await sessionOf(t, await createStaff(t, [{ role: 'steward', department: 'public-works' }]));
      admin = await sessionOf(t, await createStaff(t, [{ role: 'admin' }]));
      developerKey = (await createKey(t, await createDeveloper(t))).secret;
    });

    const actions = () => [
      `/api/v1/admin/keys/${target.id}/suspend`,
      `/api/v1/admin/keys/${target.id}/revoke`,
      `/api/v1/admin/keys/${target.id}/reinstate`,
      `/api/v1/admin/users/${targetUser}/suspend`,
      `/api/v1/admin/users/${targetUser}/revoke`,
      `/api/v1/admin/users/${targetUser}/reinstate`,
    ];

    it('refuses developers, stewards and anonymous callers', async () => {
      for (const url of actions()) {
        const asDeveloper = await t.inject({
          method: 'POST',
          url,
          headers: keyHeaders(developerKey),
          payload: abuse,
        });
        failure(asDeveloper, 403, 'auth.forbidden');
        failure(await steward.inject({ method: 'POST', url, payload: abuse }), 403, 'auth.forbidden');
        expect((await t.inject({ method: 'POST', url, payload: abuse })).statusCode).toBe(401);
      }
      // Not even the holder, on their own key.
      failure(
        await t.inject({
          method: 'POST',
          url: `/api/v1/admin/keys/${target.id}/revoke`,
          headers: keyHeaders(target.secret),
          payload: abuse,
        }),
        403,
        'auth.forbidden',
      );
      for (const url of ['/api/v1/admin/developers', `/api/v1/admin/developers/${targetUser}`]) {
        failure(await t.inject({ url, headers: keyHeaders(developerKey) }), 403, 'auth.forbidden');
        failure(await steward.inject(url), 403, 'auth.forbidden');
      }
      expect((await served(target.secret)).native).toBe(200);
    });

    it('refuses an admin session without the form token', async () => {
      const res = await t.inject({
        method: 'POST',
        url: `/api/v1/admin/keys/${target.id}/suspend`,
        headers: { cookie: admin.cookie },
        payload: abuse,
      });
      failure(res, 403, 'auth.csrf');
      expect((await served(target.secret)).native).toBe(200);
      // With it, an admin's session acts, recorded under the admin's name.
      ok(
        await admin.inject({
          method: 'POST',
          url: `/api/v1/admin/keys/${target.id}/suspend`,
          payload: abuse,
        }),
      );
      expect((await auditOf(`api_key:${target.id}`))[0]).toMatchObject({
        actorId: admin.user.id,
        actor: admin.user.email,
        ip: '127.0.0.1',
      });
    });
  });
});
