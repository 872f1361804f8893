/**
 * The staff account API (/api/v1/users): who may list, create and change accounts, invitations, role changes
 * that take effect at once, the last admin, and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepo } from '../../src/access/users/users.repo.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  PASSWORD,
  sessionOf,
} from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

describeDb('staff account API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const id of ['public-works', 'parks']) {
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/departments/${id}`,
        payload: { id, name: id },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
  });
  afterAll(() => t.close());

  const auditOf = (userId: string, action: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', userId)
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  describe('who may', () => {
    it('refuses anonymous callers, developers, stewards and API keys of non-admins', async () => {
      expect((await t.inject('/api/v1/users')).statusCode).toBe(401);
      const developer = await createDeveloper(t);
      const steward = await createStaff(t, [{ role: 'steward', department: 'parks' }]);
      const key = await createKey(t, developer);
      for (const res of [
        await (await sessionOf(t, developer)).inject('/api/v1/users'),
        await (await sessionOf(t, steward)).inject('/api/v1/users'),
        await t.inject({ url: '/api/v1/users', headers: keyHeaders(key.secret) }),
        await (
          await sessionOf(t, steward)
        ).inject({
          method: 'PUT',
          url: `/api/v1/users/${steward.id}/roles`,
          payload: { roles: [{ role: 'admin' }] },
        }),
        await (
          await sessionOf(t, steward)
        ).inject({
          method: 'POST',
          url: '/api/v1/users',
          payload: { email: 'sneaky@example.org', name: 'Sneaky', roles: [{ role: 'admin' }] },
        }),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('auth.forbidden');
      }
      expect(await usersRepo(t.db).findByEmail('sneaky@example.org')).toBeUndefined();
      expect((await t.app.services.access.users.get(steward.id)).roles).toEqual([
        { role: 'steward', department: 'parks' },
      ]);
    });

    it('lets everyone read their own account, and only admins other people’s', async () => {
      const developer = await createDeveloper(t);
      const other = await createDeveloper(t);
      const browser = await sessionOf(t, developer);
      const own = await browser.inject(`/api/v1/users/${developer.id}`);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ id: developer.id, email: developer.email, kind: 'developer' });
      expect(JSON.stringify(own.json())).not.toMatch(/hash|password/i);
      expect((await browser.inject(`/api/v1/users/${other.id}`)).statusCode).toBe(403);
      expect((await t.injectAsAdmin(`/api/v1/users/${other.id}`)).json().id).toBe(other.id);
      expect((await t.injectAsAdmin('/api/v1/users/no-such-id')).statusCode).toBe(404);
    });

    it('needs the session’s CSRF token for changes made in a browser', async () => {
      const admin = await createStaff(t, [{ role: 'admin' }]);
      const viewer = await createStaff(t, [{ role: 'viewer' }]);
      const browser = await sessionOf(t, admin);
      const res = await t.inject({
        method: 'PUT',
        url: `/api/v1/users/${viewer.id}/roles`,
        headers: { cookie: browser.cookie },
        payload: { roles: [{ role: 'clerk' }] },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.csrf');
      const ok = await browser.inject({
        method: 'PUT',
        url: `/api/v1/users/${viewer.id}/roles`,
        payload: { roles: [{ role: 'clerk' }] },
      });
      expect(ok.statusCode).toBe(200);
    });
  });

  describe('creating', () => {
    it('creates a staff account and emails a link to choose its password', async () => {
      const admin = await createStaff(t, [{ role: 'admin' }]);
      const browser = await sessionOf(t, admin);
      const res = await browser.inject({
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          email: 'Rosa.Parks@Example.org',
          name: 'Rosa Parks',
          roles: [
            { role: 'steward', department: 'parks' },
            { role: 'steward', department: 'public-works' },
            { role: 'clerk' },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const user = res.json();
      expect(user).toMatchObject({
        email: 'rosa.parks@example.org',
        name: 'Rosa Parks',
        kind: 'staff',
        emailVerified: true,
        status: 'active',
      });
      expect(user.roles).toHaveLength(3);

      const [mail] = await t.app.services.access.outbox.list({ to: 'rosa.parks@example.org' });
      expect(mail).toMatchObject({ kind: 'account_invitation' });
      expect(mail!.body).toContain(admin.email);
      const token = /\/signin\/reset\?token=([A-Za-z0-9_%-]+)/.exec(mail!.body)![1]!;
      expect((await t.inject(`/signin/reset?token=${token}`)).statusCode).toBe(200);
      const row = await t.db.kysely
        .selectFrom('email_tokens')
        .selectAll()
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(72 * 3600_000);

      const [entry] = await auditOf(user.id, 'user.create');
      expect(entry).toMatchObject({ actor_id: admin.id, actor: admin.email });
      expect(JSON.parse(entry!.details)).toMatchObject({
        email: 'rosa.parks@example.org',
        kind: 'staff',
        roles: expect.arrayContaining(['steward:parks', 'steward:public-works', 'clerk']),
      });

      const listed = await t.injectAsAdmin('/api/v1/users?kind=staff');
      expect(listed.json().users.map((u: { email: string }) => u.email)).toContain('rosa.parks@example.org');
      expect(
        (await t.injectAsAdmin('/api/v1/users?kind=developer'))
          .json()
          .users.map((u: { kind: string }) => u.kind),
      ).not.toContain('staff');
    });

    it('takes a password when given one, under the password rules', async () => {
      const weak = await t.injectAsAdmin({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'weak@example.org', name: 'W', roles: [{ role: 'viewer' }], password: 'short' },
      });
      expect(weak.statusCode).toBe(422);
      const res = await t.injectAsAdmin({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'given@example.org', name: 'G', roles: [{ role: 'viewer' }], password: PASSWORD },
      });
      expect(res.statusCode).toBe(201);
      expect(await t.app.services.access.outbox.list({ to: 'given@example.org' })).toEqual([]);
      const [entry] = await auditOf(res.json().id, 'user.create');
      expect(entry).toMatchObject({ actor_id: null, actor: 'admin token' });
      expect(entry!.details).not.toContain(PASSWORD);
      const signIn = await t.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'given@example.org', password: PASSWORD },
      });
      expect(signIn.statusCode).toBe(200);
    });

    it('says what is wrong with a role, a department or a taken address', async () => {
      const post = (payload: object) => t.injectAsAdmin({ method: 'POST', url: '/api/v1/users', payload });
      const noDepartment = await post({ email: 'a@example.org', name: 'A', roles: [{ role: 'steward' }] });
      expect(noDepartment.statusCode).toBe(422);
      expect(noDepartment.json().error.message).toMatch(/steward needs the department/);
      const unknownDepartment = await post({
        email: 'b@example.org',
        name: 'B',
        roles: [{ role: 'steward', department: 'ministry-of-silly-walks' }],
      });
      expect(unknownDepartment.json().error.message).toMatch(/no department "ministry-of-silly-walks"/);
      const badRole = await post({ email: 'c@example.org', name: 'C', roles: [{ role: 'emperor' }] });
      expect(badRole.statusCode).toBe(400);
      const noRoles = await post({ email: 'd@example.org', name: 'D', roles: [] });
      expect(noRoles.statusCode).toBe(400);
      await post({ email: 'twice@example.org', name: 'T', roles: [{ role: 'viewer' }] });
      const taken = await post({ email: 'TWICE@example.org', name: 'T', roles: [{ role: 'viewer' }] });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('user.email_taken');
    });
  });

  describe('roles', () => {
    it('replaces the roles, effective on the account’s very next request, with an audit entry', async () => {
      const steward = await createStaff(t, [{ role: 'steward', department: 'parks' }]);
      const browser = await sessionOf(t, steward);
      expect((await browser.inject('/api/v1/session')).json()).toMatchObject({
        roles: ['steward'],
        departments: ['parks'],
      });
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/users/${steward.id}/roles`,
        payload: { roles: [{ role: 'viewer' }] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toEqual([{ role: 'viewer' }]);
      // The standing was cached a moment ago; the change must not wait for the cache to expire.
      expect((await browser.inject('/api/v1/session')).json()).toMatchObject({
        roles: ['viewer'],
        departments: [],
      });
      const [entry] = await auditOf(steward.id, 'user.roles');
      expect(JSON.parse(entry!.details)).toEqual({
        email: steward.email,
        before: ['steward:parks'],
        after: ['viewer'],
      });
    });

    it('gives developers no staff roles', async () => {
      const developer = await createDeveloper(t);
      const res = await t.injectAsAdmin({
        method: 'PUT',
        url: `/api/v1/users/${developer.id}/roles`,
        payload: { roles: [{ role: 'admin' }] },
      });
      expect(res.statusCode).toBe(422);
      expect((await t.app.services.access.users.get(developer.id)).roles).toEqual([]);
    });

    it('keeps the admin role on the last active admin', async () => {
      const solo = await createTestApp();
      try {
        const admin = await solo.app.services.access.users.create({
          email: 'only-admin@example.org',
          name: 'Only Admin',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'admin' }],
          verified: true,
        });
        const put = (id: string, roles: object[]) =>
          solo.injectAsAdmin({ method: 'PUT', url: `/api/v1/users/${id}/roles`, payload: { roles } });
        const refused = await put(admin.id, [{ role: 'viewer' }]);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.code).toBe('user.last_admin');
        const second = await solo.app.services.access.users.create({
          email: 'second-admin@example.org',
          kind: 'staff',
          password: PASSWORD,
          roles: [{ role: 'admin' }],
        });
        expect((await put(admin.id, [{ role: 'viewer' }])).statusCode).toBe(200);
        expect((await put(second.id, [])).statusCode).toBe(409);
      } finally {
        await solo.close();
      }
    });
  });
});
