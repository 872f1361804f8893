/**
 * Passwords, session cookies and reset tokens never reach the server's log: a real `plaza serve` process with
 * the most detailed log level, driven through sign-in, a failed sign-in and a password reset.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStaff, PASSWORD } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';
import { freePort } from '../support/ports.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WRONG = 'Wrong-Horse-Battery-9931';
const NEW_PASSWORD = 'reset to this secret 5512';

describeDb('the log of a sign-in', () => {
  let t: TestApp;
  let server: ChildProcess | undefined;
  let output = '';
  let base = '';

  beforeAll(async () => {
    t = await createTestApp();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
    Object.assign(env, {
      PLAZA_DATA_DIR: t.config.dataDir,
      ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
      PLAZA_LOG_LEVEL: 'trace',
      PLAZA_HOST: '127.0.0.1',
      PLAZA_PORT: String(port),
      PLAZA_PUBLIC_URL: base,
      PLAZA_MQTT: 'false',
      PLAZA_SIMULATE: 'false',
      PLAZA_SEED_DEMO: 'false',
    });
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'plaza.js'), 'serve', '--no-seed'], {
      env,
      cwd: ROOT,
    });
    server = child;
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 45_000;
    while (!output.includes('Plaza is serving')) {
      if (child.exitCode !== null) throw new Error(`plaza serve exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`plaza serve did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await t?.close();
  });

  /** The sign-in form's token and cookie, for a browser without a session. */
  async function form(path: string) {
    const res = await fetch(`${base}${path}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('plaza_form='))!
      .split(';')[0]!;
    return { csrf, cookie };
  }

  const postForm = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    });

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
    expect(output).toMatch(/"url":"\/signin"/);
    expect(output).toMatch(/"url":"\/signin\/reset\?token=\[REDACTED\]"/);
    for (const secret of secrets) expect(output).not.toContain(secret);
  }, 60_000);
});
