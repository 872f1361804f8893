/**
 * Enforcement on open live connections: an SSE stream opened with a key or a session ends, with a final `end`
 * event saying why, when that key or account is suspended or revoked; other holders' streams go on; a reinstated
 * key streams again. MQTT subscribers connected with a key are disconnected, told why on their errors topic.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeveloper, createKey, sessionOf } from '../fixtures/accounts.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';
import { listenLive, type LiveUrls } from '../support/live.js';

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** An open event stream, read event by event; `ended` tells whether the server closed it. */
async function openFeed(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let done = false;
  const next = async (timeout = 5_000): Promise<SseEvent> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const match = /^([a-z]+): ?(.*)$/.exec(line);
          if (match) fields.set(match[1]!, match[2]!);
        }
        if (!fields.has('data')) continue;
        return {
          event: fields.get('event') ?? 'message',
          data: JSON.parse(fields.get('data')!) as Record<string, unknown>,
        };
      }
      if (done) throw new Error('the stream ended');
      let timer: NodeJS.Timeout | undefined;
      const timeoutPromise = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no event within ${timeout} ms`)),
          Math.max(1, deadline - Date.now()),
        );
      });
      const chunk = await Promise.race([reader.read(), timeoutPromise]).finally(() => clearTimeout(timer));
      if (chunk.done) done = true;
      else buffer += chunk.value;
    }
  };
  /** Resolves once the server has closed the stream (after the events still to read). */
  const ended = async (timeout = 5_000) => {
    const deadline = Date.now() + timeout;
    while (!done) {
      if (Date.now() > deadline) throw new Error('the stream is still open');
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('the stream is still open')),
            Math.max(1, deadline - Date.now()),
          );
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) done = true;
      else buffer += chunk.value;
    }
  };
  return { res, next, ended, close: () => controller.abort() };
}

describeDb('enforcement: open live connections', () => {
  let t: TestApp;
  let urls: LiveUrls;
  let datastream: number;
  let minute = 0;
  const feeds: { close(): void }[] = [];
  const clients: MqttClient[] = [];

  const feed = async (query: string, headers: Record<string, string> = {}) => {
    const f = await openFeed(`${urls.baseUrl}/api/v1/live?${query}`, headers);
    feeds.push(f);
    return f;
  };
  const keyFeed = async (secret: string) => {
    const f = await feed(`datastream=${datastream}&api_key=${encodeURIComponent(secret)}`);
    expect(f.res.status).toBe(200);
    expect((await f.next()).event).toBe('ready');
    return f;
  };
  const write = () =>
    t.app.services.sensors.ingest.ingest(
      [
        {
          datastreamId: datastream,
          phenomenonTime: new Date(Date.UTC(2026, 0, 8, 9, minute++)).toISOString(),
          result: minute,
        },
      ],
      { kind: 'admin' },
    );
  const decide = async (
    url: string,
    payload: Record<string, string> = { category: 'abuse', reason: 'Scraping at full speed.' },
  ) => {
    const res = await t.injectAsAdmin({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await setUpApp();
    const air = await createSensorDataset(t, 'air-live-enforced');
    datastream = (await createStation(t, air, 'Harbor')).datastreamIds[0]!;
    urls = await listenLive(t);
  });
  afterAll(async () => {
    for (const f of feeds) f.close();
    for (const c of clients) c.end(true);
    await t.close();
  });

  it('ends a stream whose key is suspended, saying why, and streams again once reinstated', async () => {
    const dev = await createDeveloper(t);
    const key = await createKey(t, dev);
    const bystander = await keyFeed((await createKey(t, await createDeveloper(t))).secret);
    const f = await keyFeed(key.secret);
    await write();
    expect((await f.next()).event).toBe('observation');
    expect((await bystander.next()).event).toBe('observation');

    await decide(`/api/v1/admin/keys/${key.id}/suspend`);
    const end = await f.next();
    expect(end).toEqual({
      event: 'end',
      data: {
        reason: 'key_suspended',
        message: expect.stringMatching(/API key of this stream was suspended/),
      },
    });
    await f.ended();
    // A reconnecting client is refused.
    expect(
      (await fetch(`${urls.baseUrl}/api/v1/live?datastream=${datastream}&api_key=${key.secret}`)).status,
    ).toBe(403);

    // Another developer's stream goes on.
    await write();
    expect((await bystander.next()).event).toBe('observation');

    await decide(`/api/v1/admin/keys/${key.id}/reinstate`, {});
    const again = await keyFeed(key.secret);
    await write();
    expect((await again.next()).event).toBe('observation');
  });

  it('ends a stream whose key is revoked', async () => {
    const key = await createKey(t, await createDeveloper(t));
    const f = await keyFeed(key.secret);
    await decide(`/api/v1/admin/keys/${key.id}/revoke`);
    expect(await f.next()).toMatchObject({ event: 'end', data: { reason: 'key_revoked' } });
    await f.ended();
  });

  it('ends every stream of a suspended account: its keys’ and its sessions’', async () => {
    const dev = await createDeveloper(t);
    const [a, b] = [await createKey(t, dev, 'a'), await createKey(t, dev, 'b')];
    const browser = await sessionOf(t, dev);
    const byKey = [await keyFeed(a.secret), await keyFeed(b.secret)];
    const bySession = await feed(`datastream=${datastream}`, { cookie: browser.cookie });
    expect((await bySession.next()).event).toBe('ready');

    await decide(`/api/v1/admin/users/${dev.id}/suspend`);
    for (const f of [...byKey, bySession]) {
      expect(await f.next()).toMatchObject({ event: 'end', data: { reason: 'account_suspended' } });
      await f.ended();
    }
    expect(t.app.live.streams.holders().filter((h) => h.userId === dev.id)).toEqual([]);
  });

  it('disconnects an MQTT subscriber whose account is suspended', async () => {
    const dev = await createDeveloper(t);
    const key = await createKey(t, dev);
    const client = await mqtt.connectAsync(urls.mqttUrl, {
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      clientId: `enforced-${Date.now()}`,
      username: 'reader',
      password: key.secret,
    });
    clients.push(client);
    await client.subscribeAsync(`v1.1/Datastreams(${datastream})/Observations`);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await decide(`/api/v1/admin/users/${dev.id}/suspend`);
    await closed;
    await expect(
      mqtt.connectAsync(urls.mqttUrl, {
        reconnectPeriod: 0,
        connectTimeout: 5_000,
        username: 'reader',
        password: key.secret,
      }),
    ).rejects.toMatchObject({ code: 5 });
  });

  it('closes a key’s connections when asked on this node, telling MQTT clients why', async () => {
    const key = await createKey(t, await createDeveloper(t));
    const clientId = `told-${Date.now()}`;
    const client = await mqtt.connectAsync(urls.mqttUrl, {
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      clientId,
      username: 'reader',
      password: key.secret,
    });
    clients.push(client);
    await client.subscribeAsync(`plaza/errors/${clientId}`);
    const told = new Promise<Record<string, unknown>>((resolve) =>
      client.once('message', (_topic, payload) =>
        resolve(JSON.parse(payload.toString()) as Record<string, unknown>),
      ),
    );
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const f = await keyFeed(key.secret);

    expect(t.app.live.disconnect({ keyId: key.id }, 'key_revoked')).toBe(2);
    expect(await told).toMatchObject({ code: 'auth.key_revoked', disconnected: true });
    await closed;
    expect(await f.next()).toMatchObject({ event: 'end', data: { reason: 'key_revoked' } });
  });
});
