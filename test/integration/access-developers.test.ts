/**
 * Developer sign-up and email confirmation, through the forms and the JSON API: the account starts unconfirmed,
 * a one-time link confirms it and signs the browser in, an address that already has an account is not revealed,
 * and the "may not" cases (no CSRF token, a used or expired link, an unconfirmed account creating keys).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeveloper, createStaff, PASSWORD, sessionOf } from '../fixtures/accounts.js';
import {
  confirmWithForm,
  cookiesOf,
  csrfOf,
  mailsTo,
  openForm,
  postForm,
  signUpWithForm,
  verificationToken,
} from '../fixtures/developer-forms.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

let counter = 0;
const newEmail = (label: string) => `${label}-${++counter}-${Date.now().toString(36)}@example.org`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeDb('developers: sign-up and email confirmation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PLAZA_TERMS_VERSION: '2026-test' } });
  });
  afterAll(() => t.close());

  const userRow = (email: string) =>
    t.db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const auditActions = async (targetId: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', targetId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);

  describe('the form', () => {
    it('has labelled fields, a required terms checkbox and a link to the terms', async () => {
      const res = await t.inject('/developers/signup');
      expect(res.statusCode).toBe(200);
      for (const id of ['name', 'email', 'password', 'accept-terms'])
        expect(res.body).toContain(`<label for="${id}"`);
      expect(res.body).toMatch(
        /type="checkbox" id="accept-terms" name="acceptTerms" value="yes"[^>]* required/,
      );
      expect(res.body).toContain('href="/terms"');
      expect(res.body).toContain('2026-test');
      expect(csrfOf(res.body)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('serves the terms of use with their version', async () => {
      const res = await t.inject('/terms');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Version 2026-test');
      for (const topic of ['Say where the data comes from', 'rate limits', 'review', 'No warranty'])
        expect(res.body).toContain(topic);
    });
  });

  describe('signing up', () => {
    it('creates an unconfirmed developer account with the terms accepted, and mails a link', async () => {
      const email = newEmail('new');
      const res = await signUpWithForm(t, { name: 'Ada Lovelace', email: email.toUpperCase() });
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe('/developers/signup/sent');
      expect((await t.inject('/developers/signup/sent')).body).toContain('Check your email');

      const row = (await userRow(email))!;
      expect(row).toMatchObject({
        name: 'Ada Lovelace',
        kind: 'developer',
        tier: 'standard',
        email_verified_at: null,
        terms_version: '2026-test',
      });
      expect(Date.parse(row.terms_accepted_at!)).toBeGreaterThan(Date.now() - 60_000);
      expect(row.password_hash).toMatch(/^scrypt\$/);

      const [mail, ...more] = await mailsTo(t, email, 'verify_email');
      expect(more).toEqual([]);
      const token = await verificationToken(t, email);
      expect(mail!.body).toContain(`http://plaza.test/developers/verify?token=${token}`);
      const tokens = await t.db.kysely
        .selectFrom('email_tokens')
        .selectAll()
        .where('user_id', '=', row.id)
        .execute();
      expect(tokens).toHaveLength(1);
      expect(tokens[0]).toMatchObject({ purpose: 'verify', token_hash: sha256(token), used_at: null });
      const lifetime = Date.parse(tokens[0]!.expires_at) - Date.parse(tokens[0]!.created_at);
      expect(lifetime).toBe(24 * 3600_000);
      expect(await auditActions(row.id)).toEqual(['user.signup']);
    });

    it('lists every problem beside its field, keeps what was typed but never the password', async () => {
      const email = newEmail('bad');
      const res = await signUpWithForm(t, {
        name: '  ',
        email: 'not-an-address',
        password: 'short',
        acceptTerms: false,
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('There is a problem');
      for (const id of ['name', 'email', 'password', 'accept-terms']) {
        expect(res.body).toContain(`href="#${id}"`);
        expect(res.body).toContain(`id="${id}-error"`);
      }
      expect(res.body).toContain('value="not-an-address"');
      expect(res.body).not.toContain('value="short"');
      const missingTerms = await signUpWithForm(t, { email, acceptTerms: false });
      expect(missingTerms.statusCode).toBe(422);
      expect(missingTerms.body).toContain('accept the terms of use');
      const mine = await signUpWithForm(t, { email, password: `${email.split('@')[0]}-and-more` });
      expect(mine.statusCode).toBe(422);
      expect(await userRow(email)).toBeUndefined();
      expect(await mailsTo(t, email)).toEqual([]);
    });

    it('may not be sent without the form’s CSRF token and cookie', async () => {
      const email = newEmail('csrf');
      const fields = { name: 'Eve', email, password: PASSWORD, acceptTerms: 'yes' };
      const { csrf, cookie } = await openForm(t, '/developers/signup');
      const noToken = await postForm(t, '/developers/signup', fields, cookie);
      const noCookie = await postForm(t, '/developers/signup', { ...fields, _csrf: csrf });
      const other = await openForm(t, '/developers/signup');
      const mismatch = await postForm(t, '/developers/signup', { ...fields, _csrf: other.csrf }, cookie);
      for (const res of [noToken, noCookie, mismatch]) {
        expect(res.statusCode).toBe(403);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.body).toContain('The form has expired');
      }
      expect(await userRow(email)).toBeUndefined();
    });

    it('answers an address that has an account exactly like a new one, and tells its owner', async () => {
      const owner = await createDeveloper(t, { email: newEmail('owner') });
      const fresh = await signUpWithForm(t, { email: newEmail('fresh') });
      const taken = await signUpWithForm(t, { email: owner.email, name: 'Mallory' });
      expect(taken.statusCode).toBe(fresh.statusCode);
      expect(taken.headers.location).toBe(fresh.headers.location);
      expect(taken.body).toBe(fresh.body);
      expect((await t.app.services.access.users.get(owner.id)).name).toBe(owner.name);
      const notes = await mailsTo(t, owner.email, 'signup_attempt');
      expect(notes).toHaveLength(1);
      expect(notes[0]!.body).toContain('http://plaza.test/signin');
      expect(await mailsTo(t, owner.email, 'verify_email')).toEqual([]);
      // A second try within the hour does not mail the owner again.
      await signUpWithForm(t, { email: owner.email });
      expect(await mailsTo(t, owner.email, 'signup_attempt')).toHaveLength(1);
    });

    it('answers the JSON API the same way for a new and a registered address', async () => {
      const owner = await createDeveloper(t, { email: newEmail('json-owner') });
      const body = (email: string) => ({ name: 'Json Dev', email, password: PASSWORD, acceptTerms: true });
      const fresh = await t.inject({
        method: 'POST',
        url: '/api/v1/developers',
        payload: body(newEmail('j')),
      });
      const taken = await t.inject({ method: 'POST', url: '/api/v1/developers', payload: body(owner.email) });
      expect(fresh.statusCode).toBe(202);
      expect(taken.statusCode).toBe(202);
      expect(taken.json()).toEqual(fresh.json());
      expect(fresh.json()).toMatchObject({ status: 'pending_verification' });
      expect(await mailsTo(t, owner.email, 'signup_attempt')).toHaveLength(1);

      const refused = await t.inject({
        method: 'POST',
        url: '/api/v1/developers',
        payload: { ...body(newEmail('j')), acceptTerms: false, password: 'short' },
      });
      expect(refused.statusCode).toBe(422);
      const problems = refused.json<{ error: { code: string; details: { problems: { field: string }[] } } }>()
        .error;
      expect(problems.code).toBe('user.invalid');
      expect(problems.details.problems.map((p) => p.field).sort()).toEqual(['acceptTerms', 'password']);
    });

    it('sends a signed-in browser from the sign-up page to its account', async () => {
      const dev = await sessionOf(t, await createDeveloper(t));
      const res = await dev.inject('/developers/signup');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/account');
    });
  });

  describe('confirming the address', () => {
    it('shows a confirmation button first: opening the link uses nothing', async () => {
      const email = newEmail('look');
      await signUpWithForm(t, { email });
      const token = await verificationToken(t, email);
      for (let i = 0; i < 2; i++) {
        const page = await t.inject(`/developers/verify?token=${token}`);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Confirm my address');
        expect(cookiesOf(page).plaza_session).toBeUndefined();
      }
      expect((await userRow(email))!.email_verified_at).toBeNull();
    });

    it('confirms, signs the browser in with a new session and lands on the account page', async () => {
      const email = newEmail('confirm');
      await signUpWithForm(t, { email });
      const token = await verificationToken(t, email);
      const { csrf, cookie } = await openForm(t, `/developers/verify?token=${token}`);
      const res = await postForm(t, '/developers/verify', { _csrf: csrf, token }, cookie);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/account?done=verified');
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/plaza_session=[^;]+;.*HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);

      const session = `plaza_session=${cookiesOf(res).plaza_session}`;
      const account = await t.inject({ url: '/account?done=verified', headers: { cookie: session } });
      expect(account.statusCode).toBe(200);
      expect(account.body).toContain('Your email address is confirmed');
      expect(account.body).toContain('Create key');
      const row = (await userRow(email))!;
      expect(row.email_verified_at).not.toBeNull();
      expect(row.last_login_at).not.toBeNull();
      expect(await auditActions(row.id)).toEqual(['user.signup', 'user.verify_email']);

      // The link is single use.
      const again = await postForm(t, '/developers/verify', { _csrf: csrf, token }, cookie);
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain('already used');
      expect((await t.inject(`/developers/verify?token=${token}`)).statusCode).toBe(410);
    });

    it('refuses an expired link, a made-up one and a post without the form token', async () => {
      const email = newEmail('late');
      await signUpWithForm(t, { email });
      const token = await verificationToken(t, email);
      const { csrf, cookie } = await openForm(t, `/developers/verify?token=${token}`);
      expect((await postForm(t, '/developers/verify', { token }, cookie)).statusCode).toBe(403);
      await t.db.kysely
        .updateTable('email_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('token_hash', '=', sha256(token))
        .execute();
      const expired = await postForm(t, '/developers/verify', { _csrf: csrf, token }, cookie);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('expired');
      const madeUp = await t.inject(`/developers/verify?token=${'x'.repeat(43)}`);
      expect(madeUp.statusCode).toBe(400);
      expect((await t.inject('/developers/verify')).statusCode).toBe(400);
      expect((await userRow(email))!.email_verified_at).toBeNull();
    });

    it('confirms through the JSON API too, with a session and its CSRF token in the answer', async () => {
      const email = newEmail('api');
      const signUp = await t.inject({
        method: 'POST',
        url: '/api/v1/developers',
        payload: { name: 'Api Dev', email, password: PASSWORD, acceptTerms: true },
      });
      expect(signUp.statusCode).toBe(202);
      const token = await verificationToken(t, email);
      const res = await t.inject({ method: 'POST', url: '/api/v1/developers/verify', payload: { token } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ account: { email: string; emailVerified: boolean }; csrfToken: string }>();
      expect(body.account).toMatchObject({ email, emailVerified: true });
      const cookie = `plaza_session=${cookiesOf(res).plaza_session}`;
      const created = await t.inject({
        method: 'POST',
        url: '/api/v1/account/keys',
        headers: { cookie, 'x-csrf-token': body.csrfToken },
        payload: { name: 'first' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const reused = await t.inject({ method: 'POST', url: '/api/v1/developers/verify', payload: { token } });
      expect(reused.statusCode).toBe(410);
      expect(reused.json<{ error: { code: string } }>().error.code).toBe('account.verify_used');
    });
  });

  describe('before the address is confirmed', () => {
    it('may not create keys: the page says why and offers the link again', async () => {
      const email = newEmail('wait');
      await signUpWithForm(t, { email });
      const user = (await t.app.services.access.users.findByEmail(email))!;
      const browser = await sessionOf(t, user);
      const page = await browser.inject('/account');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Confirm your email address');
      expect(page.body).toContain('Send the link again');
      expect(page.body).not.toContain('action="/account/keys"');

      const form = await postForm(
        t,
        '/account/keys',
        { _csrf: browser.csrf, name: 'sneaky' },
        browser.cookie,
      );
      expect(form.statusCode).toBe(403);
      expect(form.body).toContain('Confirm your email address before creating API keys');
      const api = await browser.inject({
        method: 'POST',
        url: '/api/v1/account/keys',
        payload: { name: 'x' },
      });
      expect(api.statusCode).toBe(403);
      expect(api.json<{ error: { code: string } }>().error.code).toBe('account.unverified');
      expect(await t.app.services.access.keys.list(user.id)).toEqual([]);
    });

    it('sends the link again at most once a minute, and the new link replaces the old', async () => {
      const email = newEmail('again');
      await signUpWithForm(t, { email });
      const first = await verificationToken(t, email);
      const user = (await t.app.services.access.users.findByEmail(email))!;
      const browser = await sessionOf(t, user);
      const resend = () => postForm(t, '/account/verification', { _csrf: browser.csrf }, browser.cookie);

      const tooSoon = await resend();
      expect(tooSoon.statusCode).toBe(429);
      expect(tooSoon.body).toContain('less than a minute ago');
      expect(await mailsTo(t, email, 'verify_email')).toHaveLength(1);

      await t.db.kysely
        .updateTable('email_tokens')
        .set({ created_at: new Date(Date.now() - 61_000).toISOString() })
        .where('user_id', '=', user.id)
        .execute();
      const sent = await resend();
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe('/account?done=sent');
      expect(await mailsTo(t, email, 'verify_email')).toHaveLength(2);
      const second = await verificationToken(t, email);
      expect(second).not.toBe(first);
      expect((await t.inject(`/developers/verify?token=${first}`)).statusCode).toBe(410);
      expect((await resend()).statusCode).toBe(429);
      const api = await browser.inject({ method: 'POST', url: '/api/v1/account/verification' });
      expect(api.statusCode).toBe(429);
      expect(api.json<{ error: { code: string } }>().error.code).toBe('account.verify_wait');

      // Without the session's CSRF token, nothing is sent.
      const forged = await postForm(t, '/account/verification', {}, browser.cookie);
      expect(forged.statusCode).toBe(403);

      const cookie = await confirmWithForm(t, second);
      const confirmed = await t.inject({ url: '/account', headers: { cookie } });
      expect(confirmed.body).not.toContain('Send the link again');
    });
  });

  describe('who the account page is for', () => {
    it('sends anonymous visitors to sign in and staff to the staff console', async () => {
      const anonymous = await t.inject('/account');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe('/signin?next=%2Faccount');
      const staff = await sessionOf(t, await createStaff(t, [{ role: 'clerk' }]));
      const res = await staff.inject('/account');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/staff');
    });
  });

  it('keeps the audit chain whole', async () => {
    const verdict = await t.app.services.access.audit.verify();
    expect(verdict.ok).toBe(true);
  });
});
