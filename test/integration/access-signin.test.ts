/**
 * Signing in with email and password, through the form and the session API: the cookie, the redirects, CSRF on
 * sign-in and sign-out, session fixation, suspended accounts, and the scrypt work an unknown address costs.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Passwords from '../../src/access/passwords.js';
import { decoyHash, verifyPassword } from '../../src/access/passwords.js';
import { SESSION_COOKIE } from '../../src/access/sessions/sessions.service.js';
import { usersRepo } from '../../src/access/users/users.repo.js';
import { createDeveloper, createStaff, PASSWORD, sessionOf } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

// The real scrypt, watched: the timing test counts the verifications an unknown address causes.
vi.mock('../../src/access/passwords.js', async (importOriginal) => {
  const original = await importOriginal<typeof Passwords>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

let address = 0;
/** A client address of its own for each test, so that the per-address slow-down of one does not touch another. */
const newIp = () => `198.51.100.${++address}`;

/** A browser that opened the sign-in page: its form cookie and the form's CSRF token. */
async function openForm(t: TestApp, ip: string, url = '/signin', cookie?: string) {
  const page = await t.inject({ url, remoteAddress: ip, headers: cookie ? { cookie } : {} });
  expect(page.statusCode).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const form = page.cookies.find((c) => c.name === 'plaza_form');
  const jar = [cookie, form ? `plaza_form=${form.value}` : undefined].filter(Boolean).join('; ');
  return { csrf: csrf!, cookie: jar, page };
}

function post(
  t: TestApp,
  url: string,
  fields: Record<string, string>,
  { ip, cookie }: { ip: string; cookie?: string },
) {
  return t.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === SESSION_COOKIE);

async function signInWithForm(
  t: TestApp,
  email: string,
  password: string,
  extra: Record<string, string> = {},
) {
  const ip = newIp();
  const form = await openForm(t, ip);
  return post(t, '/signin', { _csrf: form.csrf, email, password, ...extra }, { ip, cookie: form.cookie });
}

describeDb('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const department = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    expect(department.statusCode, department.body).toBe(204);
  });
  afterAll(() => t.close());

  describe('the form', () => {
    it('shows labelled fields with autocomplete hints and a CSRF token', async () => {
      const { page, csrf } = await openForm(t, newIp());
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toMatch(/<html lang="en">/);
      expect(page.body).toMatch(/<label for="email">Email address<\/label>/);
      expect(page.body).toMatch(/<input type="email" id="email" name="email" autocomplete="username"/);
      expect(page.body).toMatch(/<label for="password">Password<\/label>/);
      expect(page.body).toMatch(/autocomplete="current-password"/);
      expect(page.body).toContain('href="/signin/forgot"');
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // No identity provider is configured here: no button for one.
      expect(page.body).not.toContain('/signin/oidc');
    });

    it('signs a staff member in: a new HttpOnly, SameSite=Lax session cookie and the staff console', async () => {
      const staff = await createStaff(t, [{ role: 'steward', department: 'public-works' }]);
      const res = await signInWithForm(t, staff.email.toUpperCase(), PASSWORD);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/staff');
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.secure).toBeFalsy();
      const who = await t.inject({
        url: '/api/v1/session',
        headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
      });
      expect(who.json()).toMatchObject({
        signedIn: true,
        via: 'session',
        account: { id: staff.id, email: staff.email },
        roles: ['steward'],
        departments: ['public-works'],
      });
      const row = await usersRepo(t.db).find(staff.id);
      expect(row?.last_login_at).not.toBeNull();
      expect(row?.failed_logins).toBe(0);
    });

    it('sends developers to their account page, and anyone to a local "next" page', async () => {
      const developer = await createDeveloper(t);
      const res = await signInWithForm(t, developer.email, PASSWORD);
      expect(res.headers.location).toBe('/account');
      const next = await signInWithForm(t, developer.email, PASSWORD, {
        next: '/datasets/bldg-permits?tab=map',
      });
      expect(next.headers.location).toBe('/datasets/bldg-permits?tab=map');
    });

    it('ignores a "next" that leads to another site', async () => {
      const developer = await createDeveloper(t);
      for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
        const res = await signInWithForm(t, developer.email, PASSWORD, { next });
        expect(res.headers.location).toBe('/account');
      }
    });

    it('keeps the "next" of the sign-in link in the form', async () => {
      const page = await t.inject({ url: '/signin?next=%2Fdatasets%2Fx', remoteAddress: newIp() });
      expect(page.body).toContain('<input type="hidden" name="next" value="/datasets/x">');
      const evil = await t.inject({ url: '/signin?next=%2F%2Fevil.example', remoteAddress: newIp() });
      expect(evil.body).not.toContain('name="next"');
    });

    it('shows the errors next to the fields and keeps the email address, never the password', async () => {
      const ip = newIp();
      const form = await openForm(t, ip);
      const res = await post(
        t,
        '/signin',
        { _csrf: form.csrf, email: 'not-an-address', password: '' },
        { ip, cookie: form.cookie },
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/<div class="field field-error">\s*<label for="email">/);
      expect(res.body).toMatch(/id="email-error"/);
      expect(res.body).toMatch(/aria-describedby="email-error"/);
      expect(res.body).toContain('value="not-an-address"');
      expect(res.body).toMatch(/id="password-error"[^>]*>.*Enter your password/s);
      expect(sessionCookie(res)).toBeUndefined();
    });

    it('gives the same answer to a wrong password and an unknown address', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const wrong = await signInWithForm(t, staff.email, 'not the password at all');
      const unknown = await signInWithForm(t, 'nobody-here@example.org', 'not the password at all');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      const message = (body: string) =>
        /<div class="alert alert-error" role="alert"><p>([^<]*)<\/p>/.exec(body)?.[1];
      expect(message(wrong.body)).toBe(message(unknown.body));
      expect(message(wrong.body)).toMatch(/email address or the password is not right/);
      expect(wrong.body).not.toContain('not the password at all');
      expect(sessionCookie(wrong)).toBeUndefined();
    });
  });

  describe('CSRF', () => {
    it('refuses a sign-in form without its token, or with a wrong one (403 auth.csrf)', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const ip = newIp();
      const form = await openForm(t, ip);
      const cases = [
        { _csrf: '', cookie: form.cookie },
        { _csrf: 'x'.repeat(43), cookie: form.cookie },
        // The token alone, without the cookie it must match (a cross-site post).
        { _csrf: form.csrf, cookie: undefined },
      ];
      for (const c of cases) {
        const res = await post(
          t,
          '/signin',
          { _csrf: c._csrf, email: staff.email, password: PASSWORD },
          { ip, cookie: c.cookie },
        );
        expect(res.statusCode).toBe(403);
        expect(res.body).toContain('The form is missing its security token');
        expect(sessionCookie(res)).toBeUndefined();
      }
      const json = await t.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email: staff.email, password: PASSWORD }).toString(),
      });
      // The session API takes only JSON, which a cross-site form cannot send.
      expect(json.statusCode).toBe(415);
    });

    it('refuses to sign out without the session’s token (403 auth.csrf), and the session goes on', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const browser = await sessionOf(t, staff);
      for (const token of [undefined, 'wrong-token']) {
        const res = await t.inject({
          method: 'POST',
          url: '/signout',
          headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: token ? `_csrf=${token}` : '',
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('auth.csrf');
      }
      const api = await t.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { cookie: browser.cookie },
      });
      expect(api.statusCode).toBe(403);
      expect(api.json().error.code).toBe('auth.csrf');
      expect((await browser.inject('/api/v1/session')).json().signedIn).toBe(true);
    });

    it('signs out with the token: the session ends, the cookie is cleared, and it is audited', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const browser = await sessionOf(t, staff);
      const res = await t.inject({
        method: 'POST',
        url: '/signout',
        headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${browser.csrf}`,
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
      expect(sessionCookie(res)?.value).toBe('');
      expect((await browser.inject('/api/v1/session')).json().signedIn).toBe(false);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.sign_out')
        .execute();
      expect(audit.map((a) => a.target_id)).toContain(staff.id);
    });
  });

  describe('session fixation', () => {
    it('never keeps a cookie the browser had before signing in', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const planted = `${SESSION_COOKIE}=attacker-chosen-value-0123456789abcdefghijklmnopq`;
      const ip = newIp();
      const form = await openForm(t, ip, '/signin', planted);
      const res = await post(
        t,
        '/signin',
        { _csrf: form.csrf, email: staff.email, password: PASSWORD },
        { ip, cookie: form.cookie },
      );
      expect(res.statusCode).toBe(303);
      const fresh = sessionCookie(res)!.value;
      expect(fresh).not.toBe('attacker-chosen-value-0123456789abcdefghijklmnopq');
      expect((await t.inject({ url: '/api/v1/session', headers: { cookie: planted } })).json().signedIn).toBe(
        false,
      );
    });

    it('replaces a live session with a new one and ends the old one', async () => {
      const first = await createStaff(t, [{ role: 'viewer' }]);
      const second = await createStaff(t, [{ role: 'viewer' }]);
      const before = await sessionOf(t, first);
      const ip = newIp();
      // A signed-in browser that opens the form is sent on; it may still post the form with its session's token.
      const page = await t.inject({ url: '/signin?next=%2Fdatasets', headers: { cookie: before.cookie } });
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toBe('/datasets');
      const res = await post(
        t,
        '/signin',
        { _csrf: before.csrf, email: second.email, password: PASSWORD },
        { ip, cookie: before.cookie },
      );
      expect(res.statusCode).toBe(303);
      const after = sessionCookie(res)!.value;
      expect(`${SESSION_COOKIE}=${after}`).not.toBe(before.cookie);
      expect(
        (await t.inject({ url: '/api/v1/session', headers: { cookie: before.cookie } })).json().signedIn,
      ).toBe(false);
      const who = await t.inject({
        url: '/api/v1/session',
        headers: { cookie: `${SESSION_COOKIE}=${after}` },
      });
      expect(who.json().account.id).toBe(second.id);
    });

    it('does the same through the session API', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const before = await sessionOf(t, staff);
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: newIp(),
        headers: { cookie: before.cookie, 'x-csrf-token': before.csrf },
        payload: { email: staff.email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(`${SESSION_COOKIE}=${sessionCookie(res)!.value}`).not.toBe(before.cookie);
      expect(
        (await t.inject({ url: '/api/v1/session', headers: { cookie: before.cookie } })).json().signedIn,
      ).toBe(false);
    });
  });

  describe('the session API', () => {
    it('signs in with JSON, says who is asking, and signs out', async () => {
      const developer = await createDeveloper(t, { tier: 'elevated' });
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: newIp(),
        payload: { email: developer.email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const body = res.json();
      expect(body).toMatchObject({
        signedIn: true,
        via: 'session',
        account: { id: developer.id, kind: 'developer', tier: 'elevated' },
        roles: [],
        tier: 'elevated',
      });
      expect(JSON.stringify(body)).not.toContain('hash');
      const cookie = `${SESSION_COOKIE}=${sessionCookie(res)!.value}`;
      const who = await t.inject({ url: '/api/v1/session', headers: { cookie } });
      expect(who.json().csrfToken).toBe(body.csrfToken);

      const out = await t.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { cookie, 'x-csrf-token': body.csrfToken },
      });
      expect(out.statusCode).toBe(204);
      expect((await t.inject({ url: '/api/v1/session', headers: { cookie } })).json()).toMatchObject({
        signedIn: false,
        via: 'anonymous',
        account: null,
        tier: 'anonymous',
        csrfToken: null,
      });
    });

    it('answers 401 auth.invalid_credentials to a wrong password', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: newIp(),
        payload: { email: staff.email, password: 'wrong wrong wrong' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.invalid_credentials');
      expect(sessionCookie(res)).toBeUndefined();
    });
  });

  describe('suspended and revoked accounts', () => {
    it('cannot sign in, and are told so only once the password was right', async () => {
      for (const status of ['suspended', 'revoked'] as const) {
        const developer = await createDeveloper(t);
        await usersRepo(t.db).update(developer.id, { status, status_reason: 'abuse of the API' });
        const right = await t.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: newIp(),
          payload: { email: developer.email, password: PASSWORD },
        });
        expect(right.statusCode).toBe(403);
        expect(right.json().error.code).toBe('auth.account_suspended');
        expect(sessionCookie(right)).toBeUndefined();
        const wrong = await t.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: newIp(),
          payload: { email: developer.email, password: 'not the right one' },
        });
        expect(wrong.json().error.code).toBe('auth.invalid_credentials');
        const form = await signInWithForm(t, developer.email, PASSWORD);
        expect(form.statusCode).toBe(403);
        expect(form.body).toContain('This account is suspended');
      }
    });

    it('signs in again once a dated suspension is over', async () => {
      const developer = await createDeveloper(t);
      await usersRepo(t.db).update(developer.id, {
        status: 'suspended',
        status_until: new Date(Date.now() - 1000).toISOString(),
      });
      const res = await signInWithForm(t, developer.email, PASSWORD);
      expect(res.statusCode).toBe(303);
    });
  });

  describe('timing', () => {
    it('runs scrypt for an unknown address (against the decoy hash) as for a known one', async () => {
      const verify = vi.mocked(verifyPassword);
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const row = await usersRepo(t.db).find(staff.id);

      verify.mockClear();
      await signInWithForm(t, 'no-such-person@example.org', 'a guess at a password');
      expect(verify).toHaveBeenCalledTimes(1);
      expect(verify).toHaveBeenCalledWith('a guess at a password', await decoyHash());
      await expect(verify.mock.results[0]!.value).resolves.toBe(false);

      verify.mockClear();
      await signInWithForm(t, staff.email, 'a guess at a password');
      expect(verify).toHaveBeenCalledTimes(1);
      expect(verify).toHaveBeenCalledWith('a guess at a password', row!.password_hash);

      // An account without a password (identity provider only) costs the same and never signs in.
      await usersRepo(t.db).update(staff.id, { password_hash: null });
      verify.mockClear();
      const res = await signInWithForm(t, staff.email, PASSWORD);
      expect(res.statusCode).toBe(401);
      expect(verify).toHaveBeenCalledWith(PASSWORD, await decoyHash());
    });
  });

  describe('audit', () => {
    it('records successes and failures without the password', async () => {
      const staff = await createStaff(t, [{ role: 'viewer' }]);
      const wrongPassword = 'Tr0ub4dor&3-never-logged';
      await signInWithForm(t, staff.email, wrongPassword);
      await signInWithForm(t, staff.email, PASSWORD);
      const rows = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', staff.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.action)).toEqual(['user.sign_in_failed', 'user.sign_in']);
      expect(JSON.parse(rows[0]!.details)).toMatchObject({
        email: staff.email,
        reason: 'wrong_password',
        failures: 1,
      });
      expect(rows[0]!.ip).toMatch(/^198\.51\.100\./);
      expect(JSON.parse(rows[1]!.details)).toEqual({ method: 'password' });
      const everything = JSON.stringify(await t.db.kysely.selectFrom('audit_log').selectAll().execute());
      expect(everything).not.toContain(wrongPassword);
      expect(everything).not.toContain(PASSWORD);
      expect((await t.app.services.access.audit.verify()).ok).toBe(true);
    });
  });
});

describeDb('signing in behind TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PLAZA_PUBLIC_URL: 'https://data.example.gov' } });
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure when the public address is https', async () => {
    const developer = await createDeveloper(t);
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: developer.email, password: PASSWORD },
    });
    expect(sessionCookie(res)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
  });
});
