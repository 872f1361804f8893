/**
 * No secret reaches the server's log: a real `plaza serve` process at the most detailed log level, its output
 * captured, used with an API key in every place a client may put one (headers, `api_key`, `$$app_token`, a
 * bearer token, the MQTT password), a sign-in through the session API with its cookie and CSRF token, a
 * password reset, a device token over HTTP and MQTT, the admin token, and mail the SMTP server refuses (the
 * mailer logs the failure, never the message, which holds the reset link).
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeveloper, createKey, PASSWORD } from '../fixtures/accounts.js';
import { createSensorDataset, createStation, deviceToken } from '../fixtures/sensors.js';
import { createDataset, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { ADMIN_TOKEN, describeDb, type TestApp } from '../support/index.js';
import { freePort } from '../support/ports.js';
import { servePlaza, type ServedPlaza } from '../support/serve-process.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const NEW_PASSWORD = 'a brand new secret 4417';

/** The key with its last character changed (to one it is not). */
const mistyped = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`;

describeDb('the log holds no secret', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let server: ServedPlaza | undefined;
  let base = '';
  let mqttUrl = '';

  beforeAll(async () => {
    t = await setUpApp();
    smtp = await startSmtp();
    // Every message is refused, so that the mailer logs failures (and the reset mail stays readable in the outbox).
    smtp.refuse({ code: 451, message: 'Try again later' });
    const mqttPort = await freePort();
    mqttUrl = `mqtt://127.0.0.1:${mqttPort}`;
    server = await servePlaza(
      t,
      () => ({ PLAZA_MQTT_PORT: String(mqttPort), PLAZA_ADMIN_TOKEN: ADMIN_TOKEN, PLAZA_SMTP_URL: smtp.url }),
      ['Plaza is serving', 'MQTT broker listening'],
    );
    base = server.base;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await t?.close();
  });

  const form = (path: string) => server!.form(path);
  const postForm = (path: string, cookie: string, fields: Record<string, string>) =>
    server!.postForm(path, cookie, fields);

  it('after keys, sign-in, a reset, device tokens and refused mail', async () => {
    await createDataset(t, { id: 'trees' });
    report(await importCsv(t, 'trees', 'species,height\nOak,12\n'));
    const air = await createSensorDataset(t, 'air-logged');
    const station = await createStation(t, air, 'Logged');
    const device = await deviceToken(t, station.id);
    const dev = await createDeveloper(t);
    const key = await createKey(t, dev);
    const secrets: Record<string, string> = {
      key: key.secret,
      'key tail': key.secret.slice(-43),
      password: PASSWORD,
      'new password': NEW_PASSWORD,
      device,
      'device tail': device.slice(-43),
      'admin token': ADMIN_TOKEN,
    };

    // An API key in every place clients put one.
    const withKey = [
      fetch(`${base}/api/v1/datasets/trees`, { headers: { 'x-api-key': key.secret } }),
      fetch(`${base}/api/v1/datasets/trees?api_key=${encodeURIComponent(key.secret)}`),
      fetch(`${base}/resource/trees.json?$$app_token=${encodeURIComponent(key.secret)}&$limit=1`),
      fetch(`${base}/resource/trees.json`, { headers: { 'x-app-token': key.secret } }),
      fetch(`${base}/sta/v1.1/Things`, { headers: { authorization: `Bearer ${key.secret}` } }),
      // Parameter names percent-encoded, as some clients write them.
      fetch(`${base}/api/v1/datasets/trees?%24%24app_token=${encodeURIComponent(key.secret)}`),
      fetch(`${base}/api/v1/datasets/trees?api%5Fkey=${encodeURIComponent(key.secret)}`),
      // A mistyped key is refused, and its refusal logged: still without the key.
      fetch(`${base}/api/v1/datasets?api_key=${encodeURIComponent(mistyped(key.secret))}`),
    ];
    expect((await Promise.all(withKey)).map((r) => r.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 401,
    ]);
    secrets['mistyped key'] = mistyped(key.secret);

    // Sign-in through the session API: the cookie and the CSRF token are secrets too.
    const signIn = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: dev.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('plaza_session='))!
      .split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    secrets.session = session.split('=')[1]!;
    secrets.csrf = csrfToken;
    expect((await fetch(`${base}/account`, { headers: { cookie: session } })).status).toBe(200);
    const out = await fetch(`${base}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie: session, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    const failed = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: dev.email, password: NEW_PASSWORD }),
    });
    expect(failed.status).toBe(401);

    // A password reset: its token travels in a link, a query string and a form.
    const forgot = await form('/signin/forgot');
    secrets['form token'] = forgot.csrf;
    secrets['form cookie'] = forgot.cookie.split('=')[1]!;
    await postForm('/signin/forgot', forgot.cookie, { _csrf: forgot.csrf, email: dev.email });
    const [mail] = await t.app.services.access.outbox.list({ to: dev.email });
    const token = decodeURIComponent(/token=(\S+)/.exec(mail!.body)![1]!);
    secrets['reset token'] = token;
    const reset = await form(`/signin/reset?token=${encodeURIComponent(token)}`);
    const done = await postForm('/signin/reset', reset.cookie, {
      _csrf: reset.csrf,
      token,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(done.status).toBe(303);

    // A device token over HTTP and MQTT, an API key over MQTT, and the admin token.
    const ingest = await fetch(`${base}/api/v1/observations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          Datastream: { '@iot.id': station.datastreamIds[0] },
          components: ['phenomenonTime', 'result'],
          dataArray: [['2026-01-05T10:00:00Z', 12.5]],
        },
      ]),
    });
    expect(ingest.status).toBe(200);
    const deviceClient = await mqtt.connectAsync(mqttUrl, {
      reconnectPeriod: 0,
      username: 'dev',
      password: device,
    });
    const reader = await mqtt.connectAsync(mqttUrl, {
      reconnectPeriod: 0,
      username: 'reader',
      password: key.secret,
    });
    await expect(
      mqtt.connectAsync(mqttUrl, { reconnectPeriod: 0, username: 'x', password: secrets['mistyped key'] }),
    ).rejects.toThrow();
    await deviceClient.endAsync();
    await reader.endAsync();
    expect(
      (await fetch(`${base}/api/v1/admin/audit`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }))
        .status,
    ).toBe(200);

    // A public records request: its private follow link's token is in the path.
    const filed = await fetch(`${base}/api/v1/records-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        description: 'Street sweeping schedules for 2025.',
        preferredFormat: 'electronic',
      }),
    });
    expect(filed.status).toBe(201);
    const followToken = ((await filed.json()) as { followToken: string }).followToken;
    secrets['records follow token'] = followToken;
    expect((await fetch(`${base}/api/v1/records-requests/follow/${followToken}`)).status).toBe(200);

    // The mailer tried the reset mail and logged the refusal.
    const deadline = Date.now() + 10_000;
    while (!server!.output().includes('mail delivery failed') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // Give the logger a moment to write the last lines.
    await new Promise((resolve) => setTimeout(resolve, 200));

    // The log is real and detailed: it holds the requests, with the credential parameters masked.
    expect(server!.output()).toContain('mail delivery failed');
    expect(server!.output()).toMatch(
      /"url":"\/resource\/trees\.json\?\$\$app_token=\[REDACTED\]&\$limit=1"/i,
    );
    expect(server!.output()).toMatch(/"url":"\/api\/v1\/datasets\/trees\?api_key=\[REDACTED\]"/);
    expect(server!.output()).toMatch(/"url":"\/signin\/reset\?token=\[REDACTED\]"/);
    expect(server!.output()).toMatch(/"url":"\/api\/v1\/records-requests\/follow\/\[REDACTED\]"/);
    for (const [name, secret] of Object.entries(secrets)) {
      expect(server!.output().includes(secret), `the log holds the ${name}`).toBe(false);
      expect(
        server!.output().includes(encodeURIComponent(secret)),
        `the log holds the ${name}, URL-encoded`,
      ).toBe(false);
    }
    expect(server!.output()).not.toContain('Choose a new password here');
  });
});
