/**
 * API keys on live connections: the SSE feed takes a key like every HTTP route (the `api_key` parameter, since
 * browsers' EventSource sends no headers), and the embedded MQTT broker takes one as the CONNECT password, to
 * subscribe to what the key's account may read. Granted restricted data reaches the key's holder and nobody
 * else; revoked, suspended and rotated keys stop; a key publishes nothing.
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeveloper, createKey } from '../fixtures/accounts.js';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';
import { listenLive, type LiveUrls } from '../support/live.js';

interface Message {
  topic: string;
  result: unknown;
}

describeDb('developers: API keys on live connections', () => {
  let t: TestApp;
  let urls: LiveUrls;
  let open: Awaited<ReturnType<typeof createStation>>;
  let locked: Awaited<ReturnType<typeof createStation>>;
  let granted: Awaited<ReturnType<typeof createDeveloper>>;
  let stranger: Awaited<ReturnType<typeof createDeveloper>>;
  let minute = 0;
  const clients: MqttClient[] = [];
  const feeds: AbortController[] = [];
  let ids = 0;

  /** Writes one observation to a datastream, as the admin would. */
  const write = (datastreamId: number) =>
    t.app.services.sensors.ingest.ingest(
      [
        {
          datastreamId,
          phenomenonTime: new Date(Date.UTC(2026, 0, 7, 9, minute++)).toISOString(),
          result: minute,
        },
      ],
      { kind: 'admin' },
    );

  const grant = async (userId: string, datasetId: string) => {
    await t.db.kysely
      .insertInto('access_grants')
      .values({
        id: randomUUID(),
        user_id: userId,
        dataset_id: datasetId,
        tier: null,
        source: 'request',
        source_id: randomUUID(),
        starts_at: new Date(Date.now() - 60_000).toISOString(),
        ends_at: null,
        revoked_at: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    t.app.services.access.forget({ userId });
  };

  const connect = async (options: IClientOptions = {}) => {
    const client = await mqtt.connectAsync(urls.mqttUrl, {
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      clientId: `key-test-${++ids}`,
      ...options,
    });
    clients.push(client);
    return client;
  };
  const withKey = (secret: string) => connect({ username: 'apikey', password: secret });
  /** The QoS a subscription was granted: 128 when it was refused. */
  const subscribe = (client: MqttClient, topic: string) =>
    client.subscribeAsync(topic, { qos: 0 }).then(
      (grants) => grants[0]?.qos,
      (error: { packet?: { granted?: number[] } }) => error.packet?.granted?.[0],
    );
  const inbox = (client: MqttClient) => {
    const got: Message[] = [];
    client.on('message', (topic, payload, packet) => {
      if (!packet.retain)
        got.push({ topic, result: (JSON.parse(payload.toString()) as { result: unknown }).result });
    });
    return got;
  };
  const closed = (client: MqttClient) =>
    new Promise<void>((resolve) => (client.connected ? client.once('close', () => resolve()) : resolve()));

  /** Opens the SSE feed; resolves with the status and, for a 200, the first event's name. */
  async function openFeed(query: string) {
    const controller = new AbortController();
    feeds.push(controller);
    const res = await fetch(`${urls.baseUrl}/api/v1/live?${query}`, { signal: controller.signal });
    if (res.status !== 200)
      return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code };
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/event: \w+/.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += chunk.value;
    }
    return { status: res.status, event: /event: (\w+)/.exec(text)?.[1], reader };
  }

  beforeAll(async () => {
    t = await setUpApp();
    await createSensorDataset(t, 'air-open');
    await createSensorDataset(t, 'air-locked', 'restricted');
    open = await createStation(t, 'air-open', 'Plaza');
    locked = await createStation(t, 'air-locked', 'Depot');
    granted = await createDeveloper(t, { name: 'Granted' });
    stranger = await createDeveloper(t, { name: 'Stranger' });
    await grant(granted.id, 'air-locked');
    urls = await listenLive(t);
  });
  afterAll(async () => {
    for (const controller of feeds) controller.abort();
    for (const client of clients) client.end(true);
    await t.close();
  });

  describe('SSE', () => {
    it('opens a restricted dataset’s feed with a granted developer’s key, and not without', async () => {
      const key = await createKey(t, granted);
      expect(await openFeed('dataset=air-locked')).toMatchObject({ status: 403, code: 'dataset.restricted' });
      const other = await createKey(t, stranger);
      expect(await openFeed(`dataset=air-locked&api_key=${other.secret}`)).toMatchObject({ status: 403 });
      const feed = await openFeed(`dataset=air-locked&api_key=${key.secret}`);
      expect(feed).toMatchObject({ status: 200, event: 'ready' });
      const [depot] = locked.datastreamIds as [number];
      await write(depot);
      let text = '';
      while (!text.includes('event: observation')) {
        const chunk = await feed.reader!.read();
        if (chunk.done) break;
        text += chunk.value;
      }
      expect(text).toContain('"dataset":"air-locked"');
    });

    it('refuses a revoked key (401) and a suspended key (403)', async () => {
      const revoked = await createKey(t, granted, 'revoked');
      await t.app.services.access.keys.setStatus(revoked.id, 'revoked');
      t.app.services.access.forget({ keyId: revoked.id });
      expect(await openFeed(`dataset=air-open&api_key=${revoked.secret}`)).toMatchObject({
        status: 401,
        code: 'auth.key_revoked',
      });
      const suspended = await createKey(t, granted, 'suspended');
      await t.app.services.access.keys.setStatus(suspended.id, 'suspended', { reason: 'review' });
      t.app.services.access.forget({ keyId: suspended.id });
      expect(await openFeed(`dataset=air-open&api_key=${suspended.secret}`)).toMatchObject({
        status: 403,
        code: 'auth.key_suspended',
      });
    });
  });

  describe('MQTT', () => {
    it('lets a granted developer subscribe to restricted datastreams, and nobody else', async () => {
      const [depot] = locked.datastreamIds as [number];
      const topic = `v1.1/Datastreams(${depot})/Observations`;
      const key = await createKey(t, granted);
      const reader = await withKey(key.secret);
      const anyName = await connect({ username: 'whatever-i-like', password: key.secret });
      const anonymous = await connect();
      const other = await withKey((await createKey(t, stranger)).secret);
      expect(await subscribe(reader, topic)).toBe(0);
      expect(await subscribe(anyName, topic)).toBe(0);
      expect(await subscribe(anonymous, topic)).toBe(128);
      expect(await subscribe(other, topic)).toBe(128);
      expect(await subscribe(reader, 'v1.1/#')).toBe(128);
      for (const client of [reader, anonymous, other])
        expect(await subscribe(client, 'v1.1/Observations')).toBe(0);
      const [got, anonymousGot, otherGot] = [inbox(reader), inbox(anonymous), inbox(other)];

      await write(depot);
      await expect.poll(() => got.map((m) => m.topic).sort()).toEqual([topic, 'v1.1/Observations'].sort());
      // A public observation after it reaches everyone; the restricted one before it reached no one else.
      const [plaza] = open.datastreamIds as [number];
      await write(plaza);
      await expect.poll(() => anonymousGot.length).toBe(1);
      await expect.poll(() => otherGot.length).toBe(1);
      expect(anonymousGot[0]!.topic).toBe('v1.1/Observations');
      expect(otherGot[0]!.result).toBe(anonymousGot[0]!.result);
    });

    it('keeps anonymous subscribers to public data working as before', async () => {
      const [plaza] = open.datastreamIds as [number];
      const topic = `v1.1/Datastreams(${plaza})/Observations`;
      const anonymous = await connect();
      expect(await subscribe(anonymous, topic)).toBe(0);
      const got = inbox(anonymous);
      await write(plaza);
      await expect.poll(() => got.length).toBe(1);
    });

    it('lets a key subscribe but not publish', async () => {
      const [plaza] = open.datastreamIds as [number];
      const client = await withKey((await createKey(t, granted)).secret);
      const before = await t.db.kysely
        .selectFrom('sensor_observations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const gone = closed(client);
      client.publish(`v1.1/Datastreams(${plaza})/Observations`, JSON.stringify({ result: 1 }), { qos: 1 });
      await gone;
      const after = await t.db.kysely
        .selectFrom('sensor_observations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('refuses a revoked or suspended key at CONNECT (not authorized) and a wrong one (bad password)', async () => {
      const revoked = await createKey(t, granted, 'revoked');
      await t.app.services.access.keys.setStatus(revoked.id, 'revoked');
      t.app.services.access.forget({ keyId: revoked.id });
      await expect(withKey(revoked.secret)).rejects.toMatchObject({ code: 5 });
      const suspended = await createKey(t, granted, 'suspended');
      await t.app.services.access.keys.setStatus(suspended.id, 'suspended', { reason: 'review' });
      t.app.services.access.forget({ keyId: suspended.id });
      await expect(withKey(suspended.secret)).rejects.toMatchObject({ code: 5 });
      const wrong = `plaza_key_000000000000_${'a'.repeat(43)}`;
      await expect(withKey(wrong)).rejects.toMatchObject({ code: 4 });
    });

    it('disconnects a client at once when its key is revoked or rotated by its owner', async () => {
      const key = await createKey(t, granted, 'to revoke');
      const client = await withKey(key.secret);
      expect(await subscribe(client, 'v1.1/Observations')).toBe(0);
      const gone = closed(client);
      const actor = { userId: granted.id, email: granted.email };
      const res = await t.inject({
        method: 'DELETE',
        url: `/api/v1/account/keys/${key.id}`,
        headers: { 'x-api-key': key.secret },
      });
      expect(res.statusCode).toBe(200);
      await gone;

      const second = await createKey(t, granted, 'to rotate');
      const rotating = await withKey(second.secret);
      const rotatedAway = closed(rotating);
      const { secret } = await t.app.services.access.keys.rotate(actor.userId, second.id);
      t.app.services.access.forget({ keyId: second.id });
      await rotatedAway;
      const fresh = await withKey(secret);
      expect(fresh.connected).toBe(true);
      await expect(withKey(second.secret)).rejects.toMatchObject({ code: 4 });
    });

    it('stops granted data when the grant ends, without a new connection', async () => {
      const late = await createDeveloper(t, { name: 'Late' });
      await grant(late.id, 'air-locked');
      const [depot] = locked.datastreamIds as [number];
      const topic = `v1.1/Datastreams(${depot})/Observations`;
      const client = await withKey((await createKey(t, late)).secret);
      expect(await subscribe(client, topic)).toBe(0);
      const got = inbox(client);
      await write(depot);
      await expect.poll(() => got.length).toBe(1);

      await t.db.kysely
        .updateTable('access_grants')
        .set({ revoked_at: new Date().toISOString() })
        .where('user_id', '=', late.id)
        .execute();
      t.app.services.access.forget({ userId: late.id });
      // The broker checks again on the news; a public observation afterwards marks the point in the stream.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await write(depot);
      const [plaza] = open.datastreamIds as [number];
      expect(await subscribe(client, `v1.1/Datastreams(${plaza})/Observations`)).toBe(0);
      await write(plaza);
      await expect.poll(() => got.length).toBe(2);
      expect(got[1]!.topic).toBe(`v1.1/Datastreams(${plaza})/Observations`);
    });
  });
});
