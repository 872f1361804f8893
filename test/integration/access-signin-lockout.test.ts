/**
 * Brakes on guessing passwords: the account lockout after five wrong passwords (and the same answer for
 * addresses without an account), its end, and the per-address slow-down.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usersRepo } from '../../src/access/users/users.repo.js';
import { createDeveloper, createStaff, PASSWORD } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

let address = 0;
const newIp = () => `203.0.113.${++address}`;

describeDb('lockout and slow-down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** One sign-in through the session API, from an address of its own unless given. */
  const attempt = (email: string, password: string, ip = newIp()) =>
    t.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: ip, payload: { email, password } });

  it('locks an account after five wrong passwords in a row, whatever the address they come from', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    for (let i = 1; i <= 4; i++) {
      const res = await attempt(staff.email, `wrong password ${i}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.invalid_credentials');
    }
    expect((await usersRepo(t.db).find(staff.id))?.failed_logins).toBe(4);

    const fifth = await attempt(staff.email, 'wrong password 5');
    expect(fifth.statusCode).toBe(429);
    const error = fifth.json().error;
    expect(error.code).toBe('auth.account_locked');
    expect(error.message).toMatch(/Too many failed sign-in attempts/);
    const until = Date.parse(error.details.until);
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await usersRepo(t.db).find(staff.id))?.locked_until).toBe(error.details.until);

    // The right password gets the same answer while the account is locked: it tells nothing.
    const right = await attempt(staff.email, PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toEqual({ ...error, requestId: right.json().error.requestId });
    expect(right.cookies.find((c) => c.name === 'plaza_session')).toBeUndefined();

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', staff.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.lock',
      'user.sign_in_failed',
    ]);
    expect(JSON.parse(audit[5]!.details)).toMatchObject({ email: staff.email, until: error.details.until });
    expect(JSON.parse(audit[6]!.details)).toMatchObject({ reason: 'locked' });
  });

  it('lets the account in again once the lock is over, and a success resets the count', async () => {
    const developer = await createDeveloper(t);
    for (let i = 1; i <= 5; i++) await attempt(developer.email, `wrong password ${i}`);
    expect((await attempt(developer.email, PASSWORD)).statusCode).toBe(429);
    // Fifteen minutes later, as the database sees it.
    await usersRepo(t.db).update(developer.id, { locked_until: new Date(Date.now() - 1000).toISOString() });

    // A wrong password after the lock counts from one again, not from six.
    expect((await attempt(developer.email, 'still wrong')).statusCode).toBe(401);
    expect((await usersRepo(t.db).find(developer.id))?.failed_logins).toBe(1);
    const res = await attempt(developer.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const row = await usersRepo(t.db).find(developer.id);
    expect(row).toMatchObject({ failed_logins: 0, locked_until: null });
    expect(Date.now() - Date.parse(row!.last_login_at!)).toBeLessThan(60_000);
  });

  it('resets the count on success, so that only consecutive failures lock', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= 4; i++) await attempt(staff.email, `wrong ${i}`);
      expect((await attempt(staff.email, PASSWORD)).statusCode).toBe(200);
    }
    expect((await usersRepo(t.db).find(staff.id))?.failed_logins).toBe(0);
  });

  it('answers an address without an account the same way, locked after five tries', async () => {
    const answers = [];
    for (let i = 1; i <= 6; i++) answers.push(await attempt('no-account-here@example.org', `guess ${i}`));
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(answers[4]!.json().error.code).toBe('auth.account_locked');
    expect(answers[4]!.json().error.message).toMatch(/Too many failed sign-in attempts/);
  });

  it('locks a wrong-password storm sent all at once no later than a sixth try', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attempt(staff.email, `parallel guess ${i}`)),
    );
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(3);
    const locks = await t.db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'user.lock')
      .where('target_id', '=', staff.id)
      .execute();
    expect(locks).toHaveLength(1);
    expect((await attempt(staff.email, PASSWORD)).statusCode).toBe(429);
  });

  it('slows an address down after three failures, twice as long each time', async () => {
    const ip = newIp();
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await attempt(email, 'a wrong password', ip);
      expect(res.statusCode).toBe(401);
      return performance.now() - started;
    };
    // Different addresses each time: no account lockout, only the address's failures count.
    for (let i = 0; i < 3; i++) await timed(`spray-${i}@example.org`);
    expect(await timed('spray-3@example.org')).toBeGreaterThanOrEqual(240);
    expect(await timed('spray-4@example.org')).toBeGreaterThanOrEqual(490);
    expect(await timed('spray-5@example.org')).toBeGreaterThanOrEqual(990);
    // The slow-down is per address: another client is not made to wait for it.
    const other = performance.now();
    await attempt('spray-6@example.org', 'a wrong password', newIp());
    expect(performance.now() - other).toBeLessThan(990);
  });
});
