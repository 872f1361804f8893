/**
 * Passwords, session cookies and reset tokens never reach the server's log: a real `plaza serve` process with
 * the most detailed log level, driven through sign-in, a failed sign-in and a password reset.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaff, PASSWORD } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';
import { servePlaza, type ServedPlaza } from '../support/serve-process.js';

const WRONG = 'Wrong-Horse-Battery-9931';
const NEW_PASSWORD = 'reset to this secret 5512';

describeDb('the log of a sign-in', () => {
  let t: TestApp;
  let server: ServedPlaza | undefined;
  let base = '';

  beforeAll(async () => {
    t = await createTestApp();
    server = await servePlaza(t, () => ({ PLAZA_MQTT: 'false' }));
    base = server.base;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  const form = (path: string) => server!.form(path);
  const postForm = (path: string, cookie: string, fields: Record<string, string>) =>
    server!.postForm(path, cookie, fields);

  it('holds no password, session cookie, CSRF token or reset token', async () => {
    const staff = await createStaff(t, [{ role: 'viewer' }]);
    const secrets: string[] = [WRONG, PASSWORD, NEW_PASSWORD];

    const signInForm = await form('/signin');
    secrets.push(signInForm.csrf, signInForm.cookie.split('=')[1]!);
    const wrong = await postForm('/signin', signInForm.cookie, {
      _csrf: signInForm.csrf,
      email: staff.email,
      password: WRONG,
    });
    expect(wrong.status).toBe(401);
    const right = await postForm('/signin', signInForm.cookie, {
      _csrf: signInForm.csrf,
      email: staff.email,
      password: PASSWORD,
    });
    expect(right.status).toBe(303);
    const session = right.headers
      .getSetCookie()
      .find((c) => c.startsWith('plaza_session='))!
      .split(';')[0]!;
    secrets.push(session.split('=')[1]!);

    const api = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: JSON.stringify({ email: staff.email, password: WRONG }),
    });
    // Signed in already: the API wants the session's CSRF token first.
    expect(api.status).toBe(403);
    const who = (await (await fetch(`${base}/api/v1/session`, { headers: { cookie: session } })).json()) as {
      csrfToken: string;
    };
    secrets.push(who.csrfToken);
    const out = await fetch(`${base}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie: session, 'x-csrf-token': who.csrfToken },
    });
    expect(out.status).toBe(204);

    const forgot = await form('/signin/forgot');
    await postForm('/signin/forgot', forgot.cookie, { _csrf: forgot.csrf, email: staff.email });
    const [mail] = await t.app.services.access.outbox.list({ to: staff.email });
    const token = decodeURIComponent(/token=(\S+)/.exec(mail!.body)![1]!);
    secrets.push(token);
    const reset = await form(`/signin/reset?token=${encodeURIComponent(token)}`);
    const done = await postForm('/signin/reset', reset.cookie, {
      _csrf: reset.csrf,
      token,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(done.status).toBe(303);

    // Give the logger a moment to write the last lines.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The log did record the requests: the test looks at a real, detailed log.
    expect(server!.output()).toMatch(/"url":"\/signin"/);
    expect(server!.output()).toMatch(/"url":"\/signin\/reset\?token=\[REDACTED\]"/);
    for (const secret of secrets) expect(server!.output()).not.toContain(secret);
  }, 60_000);
});
