/**
 * MQTT subscribers with an API key hold live-connection slots like SSE streams do: past the tier's cap the
 * CONNECT is refused (CONNACK 5), and a slot comes back when a client disconnects.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeveloper, createKey } from '../fixtures/accounts.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';
import { listenLive, type LiveUrls } from '../support/live.js';

describeDb('rate limits: live connections over MQTT', () => {
  let t: TestApp;
  let urls: LiveUrls;
  let secret: string;
  let ids = 0;
  const clients: MqttClient[] = [];

  const connect = (password: string) =>
    mqtt
      .connectAsync(urls.mqttUrl, {
        reconnectPeriod: 0,
        connectTimeout: 5_000,
        clientId: `cap-${++ids}`,
        username: 'apikey',
        password,
      })
      .then((client) => {
        clients.push(client);
        return client;
      });
  /** The CONNACK return code of a refused connection. */
  const refusal = (password: string) =>
    connect(password).then(
      () => undefined,
      (error: { code?: number }) => error.code,
    );

  beforeAll(async () => {
    t = await createTestApp({ env: { PLAZA_LIMIT_LIVE: 'anonymous=1,standard=2,elevated=4,partner=8' } });
    secret = (await createKey(t, await createDeveloper(t))).secret;
    urls = await listenLive(t);
  });
  afterAll(async () => {
    for (const client of clients) client.end(true);
    await t.close();
  });

  it('refuses a key past its tier’s live connections, and takes it again once one closes', async () => {
    const first = await connect(secret);
    await connect(secret);
    expect(await refusal(secret)).toBe(5);
    await first.endAsync();
    // The broker learns of the disconnect a moment later.
    await expect.poll(() => refusal(secret), { timeout: 5_000, interval: 100 }).toBeUndefined();
  });

  it('gives every key of another account its own slots', async () => {
    const other = (await createKey(t, await createDeveloper(t))).secret;
    expect(await refusal(other)).toBeUndefined();
  });
});
