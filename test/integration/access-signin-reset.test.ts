/**
 * Password reset by email: one answer for every address, a mailed one-time link that works once and for an
 * hour, the new password's rules, and the sessions it ends.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { digest } from '../../src/access/secrets.js';
import { usersRepo } from '../../src/access/users/users.repo.js';
import { createDeveloper, createStaff, PASSWORD, sessionOf } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const NEW_PASSWORD = 'a brand new passphrase 42';

let address = 0;
const newIp = () => `192.0.2.${++address}`;

describeDb('password reset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Opens a form page and posts it with its token and form cookie. */
  async function submit(url: string, fields: Record<string, string>, pageUrl = url) {
    const ip = newIp();
    const page = await t.inject({ url: pageUrl, remoteAddress: ip });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = `plaza_form=${page.cookies.find((c) => c.name === 'plaza_form')!.value}`;
    return t.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }

  const mailsTo = (to: string) => t.app.services.access.outbox.list({ to });
  const linkIn = (body: string) => /http:\/\/plaza\.test\/signin\/reset\?token=([A-Za-z0-9_%-]+)/.exec(body)!;
  const tokenIn = (body: string) => decodeURIComponent(linkIn(body)[1]!);

  const signIn = (email: string, password: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: newIp(),
      payload: { email, password },
    });

  it('gives the same answer whether the address has an account or not, and mails only a real one', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    const known = await submit('/signin/forgot', { email: staff.email });
    const unknown = await submit('/signin/forgot', { email: 'nobody-at-all@example.org' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const answer = (res: LightMyRequestResponse, email: string) =>
      res.body.replaceAll(email, 'EMAIL').replace(/value="[^"]*"/g, '');
    expect(answer(known, staff.email)).toBe(answer(unknown, 'nobody-at-all@example.org'));
    expect(known.body).toContain('If an account exists for');

    expect(await mailsTo('nobody-at-all@example.org')).toEqual([]);
    const [mail] = await mailsTo(staff.email);
    expect(mail).toMatchObject({ kind: 'password_reset', to: staff.email });
    expect(mail!.subject).toMatch(/Reset your password/);
    expect(mail!.body).toMatch(/works once, within the next hour/);
    const token = tokenIn(mail!.body);
    // Only the digest is stored.
    const row = await t.db.kysely
      .selectFrom('email_tokens')
      .selectAll()
      .where('user_id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(digest(token));
    expect(row.purpose).toBe('reset');
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(3600_000);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('sets a new password once: the link is used up, older sessions end, the old password stops working', async () => {
    const developer = await createDeveloper(t);
    const before = await sessionOf(t, developer);
    await submit('/signin/forgot', { email: developer.email });
    const token = tokenIn((await mailsTo(developer.email))[0]!.body);
    const resetUrl = `/signin/reset?token=${encodeURIComponent(token)}`;

    const form = await t.inject(resetUrl);
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.body).toContain(`For the account ${developer.email}`);
    expect(form.body).toMatch(/autocomplete="new-password"/);

    const done = await submit(
      '/signin/reset',
      { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      resetUrl,
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/signin?reset=done');
    expect((await t.inject('/signin?reset=done')).body).toContain('Your password is changed');

    expect((await before.inject('/api/v1/session')).json().signedIn).toBe(false);
    expect((await signIn(developer.email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(developer.email, NEW_PASSWORD)).statusCode).toBe(200);

    // Used once: the page and the form both refuse the link now.
    const again = await t.inject(resetUrl);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This link does not work any more');
    const replay = await submit(
      '/signin/reset',
      { token, password: 'yet another passphrase 7', confirm: 'yet another passphrase 7' },
      '/signin/forgot',
    );
    expect(replay.statusCode).toBe(400);
    expect((await signIn(developer.email, NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', developer.id)
      .where('action', 'like', 'user.password_reset%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.password_reset_request', 'user.password_reset']);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a link after its hour, and makes older links worthless once one is used', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    await submit('/signin/forgot', { email: staff.email });
    await submit('/signin/forgot', { email: staff.email });
    const [newer, older] = (await mailsTo(staff.email)).map((m) => tokenIn(m.body));
    expect(newer).not.toBe(older);

    await t.db.kysely
      .updateTable('email_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', digest(older!))
      .execute();
    expect((await t.inject(`/signin/reset?token=${older}`)).statusCode).toBe(400);
    const late = await submit(
      '/signin/reset',
      { token: older!, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      '/signin/forgot',
    );
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('This link does not work any more');
    expect((await signIn(staff.email, PASSWORD)).statusCode).toBe(200);

    await submit('/signin/forgot', { email: staff.email });
    const newest = tokenIn((await mailsTo(staff.email))[0]!.body);
    const used = await submit(
      '/signin/reset',
      { token: newest, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      `/signin/reset?token=${newest}`,
    );
    expect(used.statusCode).toBe(303);
    expect((await t.inject(`/signin/reset?token=${newer}`)).statusCode).toBe(400);
  });

  it('keeps the link usable when the new password breaks the rules, and says why beside the field', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }], { email: 'marguerite.delacroix@example.org' });
    await submit('/signin/forgot', { email: staff.email });
    const token = tokenIn((await mailsTo(staff.email))[0]!.body);
    const page = `/signin/reset?token=${token}`;

    const short = await submit('/signin/reset', { token, password: 'short', confirm: 'short' }, page);
    expect(short.statusCode).toBe(422);
    expect(short.body).toMatch(/id="password-error"[^>]*>.*Use at least 12 characters/s);
    const mine = await submit(
      '/signin/reset',
      { token, password: 'marguerite.delacroix rocks', confirm: 'marguerite.delacroix rocks' },
      page,
    );
    expect(mine.body).toMatch(/do not use your email address/i);
    const mismatch = await submit(
      '/signin/reset',
      { token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` },
      page,
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toMatch(/id="confirm-error"[^>]*>.*not the same/s);

    const ok = await submit('/signin/reset', { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, page);
    expect(ok.statusCode).toBe(303);
  });

  it('unlocks a locked account', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    for (let i = 0; i < 5; i++) await signIn(staff.email, `wrong ${i}`);
    expect((await signIn(staff.email, PASSWORD)).statusCode).toBe(429);
    await submit('/signin/forgot', { email: staff.email });
    const token = tokenIn((await mailsTo(staff.email))[0]!.body);
    await submit(
      '/signin/reset',
      { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      `/signin/reset?token=${token}`,
    );
    expect((await signIn(staff.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('sends an account at most three links an hour, still answering the same', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    for (let i = 0; i < 5; i++) {
      const res = await submit('/signin/forgot', { email: staff.email });
      expect(res.body).toContain('If an account exists for');
    }
    expect(await mailsTo(staff.email)).toHaveLength(3);
  });

  it('mails nothing to a suspended account', async () => {
    const developer = await createDeveloper(t);
    await usersRepo(t.db).update(developer.id, { status: 'suspended' });
    const res = await submit('/signin/forgot', { email: developer.email });
    expect(res.statusCode).toBe(200);
    expect(await mailsTo(developer.email)).toEqual([]);
  });

  it('refuses the forms without their CSRF token', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    const forgot = await t.inject({
      method: 'POST',
      url: '/signin/forgot',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: staff.email }).toString(),
    });
    expect(forgot.statusCode).toBe(403);
    expect(await mailsTo(staff.email)).toEqual([]);

    await submit('/signin/forgot', { email: staff.email });
    const token = tokenIn((await mailsTo(staff.email))[0]!.body);
    // A cross-site form cannot read or set the form cookie: its token matches no cookie.
    const page = await t.inject(`/signin/reset?token=${token}`);
    const cookie = `plaza_form=${page.cookies.find((c) => c.name === 'plaza_form')!.value}`;
    const reset = await t.inject({
      method: 'POST',
      url: '/signin/reset',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({
        _csrf: 'A'.repeat(43),
        token,
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      }).toString(),
    });
    expect(reset.statusCode).toBe(403);
    expect((await signIn(staff.email, NEW_PASSWORD)).statusCode).toBe(401);
    // The link is still good for the real form.
    expect((await t.inject(`/signin/reset?token=${token}`)).statusCode).toBe(200);
  });

  it('asks again for a field the forgot form needs', async () => {
    const res = await submit('/signin/forgot', { email: 'not an address' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="email-error"/);
  });
});
