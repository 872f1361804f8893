/**
 * The embedded MQTT broker with a real MQTT client: devices publish observations (acknowledged only once
 * committed), refusals reach the device, subscribers get committed observations and the retained latest value,
 * and restricted data stays with the admin. TCP and WebSocket.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { createDataset } from '../fixtures/tables.js';
import { ADMIN_TOKEN, createTestApp, describeDb, type TestApp } from '../support/index.js';
import { listenLive, type LiveUrls } from '../support/live.js';

interface Message {
  topic: string;
  body: Record<string, unknown>;
  retain: boolean;
}

const minute = (n: number) => new Date(Date.UTC(2026, 0, 5, 10, n)).toISOString();

describeDb('sensors: MQTT ingest and subscriptions', () => {
  let t: TestApp;
  let urls: LiveUrls;
  let station: Awaited<ReturnType<typeof createStation>>;
  let other: Awaited<ReturnType<typeof createStation>>;
  let hidden: Awaited<ReturnType<typeof createStation>>;
  let token: string;
  let hiddenToken: string;
  const clients: MqttClient[] = [];
  let ids = 0;

  const connect = async (options: IClientOptions = {}, url = urls.mqttUrl) => {
    const client = await mqtt.connectAsync(url, {
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      clientId: `test-${++ids}`,
      ...options,
    });
    clients.push(client);
    return client;
  };
  const device = (secret = token, url?: string) => connect({ username: 'device', password: secret }, url);

  const rows = (datastream: number) =>
    t.db.kysely
      .selectFrom('sensor_observations')
      .select(['phenomenon_time', 'result_number'])
      .where('datastream_id', '=', datastream)
      .orderBy('phenomenon_time')
      .execute();
  const count = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('sensor_observations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Collects what a client receives, and waits for the next message on a topic. */
  const inbox = (client: MqttClient) => {
    const got: Message[] = [];
    const waiters: { topic: string; resolve: (m: Message) => void }[] = [];
    client.on('message', (topic, payload, packet) => {
      const message = {
        topic,
        body: JSON.parse(payload.toString()) as Record<string, unknown>,
        retain: packet.retain,
      };
      const i = waiters.findIndex((w) => w.topic === topic);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message);
      else got.push(message);
    });
    return {
      got,
      next(topic: string, timeout = 5_000): Promise<Message> {
        const i = got.findIndex((m) => m.topic === topic);
        if (i >= 0) return Promise.resolve(got.splice(i, 1)[0]!);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no message on ${topic}`)), timeout);
          waiters.push({ topic, resolve: (m) => (clearTimeout(timer), resolve(m)) });
        });
      },
    };
  };

  /** The QoS a subscription was granted: 128 when it was refused (mqtt.js rejects on a refusal). */
  const granted = (client: MqttClient, topic: string, qos: 0 | 1 = 0) =>
    client.subscribeAsync(topic, { qos }).then(
      (grants) => grants[0]?.qos,
      (error: { packet?: { granted?: number[] } }) => error.packet?.granted?.[0],
    );

  const closed = (client: MqttClient) =>
    new Promise<void>((resolve) => (client.connected ? client.once('close', () => resolve()) : resolve()));

  beforeAll(async () => {
    t = await createTestApp({ env: { PLAZA_HOST: '127.0.0.1' } });
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    const open = await createSensorDataset(t, 'air-mqtt');
    const closedSet = await createSensorDataset(t, 'air-mqtt-internal', 'non-public');
    station = await createStation(t, open, 'Bolsa', ['PM2.5', 'PM10']);
    other = await createStation(t, open, 'Civic');
    hidden = await createStation(t, closedSet, 'Depot');
    token = (await t.app.services.sensors.devices.create(station.id, 'bolsa')).token;
    hiddenToken = (await t.app.services.sensors.devices.create(hidden.id, 'depot')).token;
    await createDataset(t, { id: 'not-sensors' });
    urls = await listenLive(t);
  });
  afterAll(async () => {
    for (const client of clients) client.end(true);
    await t.close();
  });

  it('acknowledges a QoS 1 publish only once the observation is stored', async () => {
    const [pm25] = station.datastreamIds as [number];
    const client = await device();
    await client.publishAsync(
      `v1.1/Datastreams(${pm25})/Observations`,
      JSON.stringify({ phenomenonTime: minute(0), result: 12.5 }),
      { qos: 1 },
    );
    // No waiting: the PUBACK came after the commit.
    expect(await rows(pm25)).toEqual([{ phenomenon_time: Date.parse(minute(0)), result_number: 12.5 }]);
  });

  it('stores QoS 0 publishes, arrays, topics without v1.1/ and the dataArray shape', async () => {
    const [, pm10] = station.datastreamIds as [number, number];
    const client = await device();
    await client.publishAsync(
      `v1.1/Datastreams(${pm10})/Observations`,
      JSON.stringify({ phenomenonTime: minute(1), result: 1 }),
      { qos: 0 },
    );
    await client.publishAsync(
      `Datastreams(${pm10})/Observations`,
      JSON.stringify([
        { phenomenonTime: minute(2), result: 2 },
        { phenomenonTime: minute(3), result: 3, resultQuality: 'ok', parameters: { battery: 90 } },
      ]),
      { qos: 1 },
    );
    await client.publishAsync(
      'v1.1/CreateObservations',
      JSON.stringify([
        {
          Datastream: { '@iot.id': pm10 },
          components: ['phenomenonTime', 'result'],
          dataArray: [[minute(4), 4]],
        },
      ]),
      { qos: 1 },
    );
    await expect.poll(() => rows(pm10).then((r) => r.map((x) => x.result_number))).toEqual([1, 2, 3, 4]);
  });

  it('stores a duplicate once and sends it to subscribers once', async () => {
    const [pm25] = station.datastreamIds as [number];
    const reader = await connect();
    const box = inbox(reader);
    const topic = `v1.1/Datastreams(${pm25})/Observations`;
    await reader.subscribeAsync(topic, { qos: 1 });
    await box.next(topic); // the retained latest value
    const client = await device();
    const body = JSON.stringify({ phenomenonTime: minute(10), result: 30 });
    await client.publishAsync(topic, body, { qos: 1 });
    await client.publishAsync(topic, body, { qos: 1 });
    await client.publishAsync(topic, JSON.stringify({ phenomenonTime: minute(11), result: 31 }), { qos: 1 });
    expect((await rows(pm25)).filter((r) => r.phenomenon_time === Date.parse(minute(10)))).toHaveLength(1);
    expect((await box.next(topic)).body.result).toBe(30);
    expect((await box.next(topic)).body.result).toBe(31);
  });

  it('refuses bad messages with a reason on the errors topic, acknowledged, storing nothing', async () => {
    const [pm25] = station.datastreamIds as [number];
    const [civic] = other.datastreamIds as [number];
    const client = await device(token, undefined);
    const box = inbox(client);
    const errors = `plaza/errors/${client.options.clientId}`;
    expect(await granted(client, errors, 1)).toBe(1);
    const before = await count();
    const cases: [string, string | Buffer, string][] = [
      [`v1.1/Datastreams(${pm25})/Observations`, '{"result": 1,', 'observation.bad_json'],
      [
        `v1.1/Datastreams(${civic})/Observations`,
        JSON.stringify({ phenomenonTime: minute(20), result: 1 }),
        'observation.forbidden_datastream',
      ],
      [
        `v1.1/Datastreams(${pm25})/Observations`,
        JSON.stringify({ phenomenonTime: minute(21), result: 'high' }),
        'observation.invalid_result',
      ],
      [
        `v1.1/Datastreams(${pm25})/Observations`,
        JSON.stringify({ phenomenonTime: new Date(Date.now() + 3_600_000).toISOString(), result: 1 }),
        'observation.future_time',
      ],
      [
        `v1.1/Datastreams(${pm25})/Observations`,
        JSON.stringify({ phenomenonTime: minute(22), result: 1, parameters: { pad: 'x'.repeat(300_000) } }),
        'observation.too_large',
      ],
      [
        `v1.1/Datastreams(999999)/Observations`,
        JSON.stringify({ result: 1 }),
        'observation.unknown_datastream',
      ],
    ];
    for (const [topic, payload, code] of cases) {
      await client.publishAsync(topic, payload, { qos: 1 });
      const error = await box.next(errors);
      expect(error.body).toMatchObject({ topic, code });
      expect(String(error.body.reason).length).toBeGreaterThan(10);
    }
    expect(await count()).toBe(before);
    expect(client.connected).toBe(true);
  });

  it('disconnects a client that publishes without a device token, or outside the ingest topics', async () => {
    const [pm25] = station.datastreamIds as [number];
    const before = await count();
    const anonymous = await connect();
    const gone = closed(anonymous);
    anonymous.publish(`v1.1/Datastreams(${pm25})/Observations`, JSON.stringify({ result: 5 }), { qos: 1 });
    await gone;
    const stray = await device();
    const strayGone = closed(stray);
    stray.publish('v1.1/Observations', JSON.stringify({ result: 5 }), { qos: 1 });
    await strayGone;
    expect(await count()).toBe(before);
  });

  it('stops a revoked token at once: on the next publish and at CONNECT', async () => {
    const [pm25] = station.datastreamIds as [number];
    const issued = await t.app.services.sensors.devices.create(station.id, 'to revoke');
    const client = await device(issued.token);
    await client.publishAsync(
      `v1.1/Datastreams(${pm25})/Observations`,
      JSON.stringify({ phenomenonTime: minute(30), result: 1 }),
      { qos: 1 },
    );
    await t.app.services.sensors.devices.revoke(issued.device.id);
    const before = await count();
    const gone = closed(client);
    client.publish(
      `v1.1/Datastreams(${pm25})/Observations`,
      JSON.stringify({ phenomenonTime: minute(31), result: 1 }),
      { qos: 1 },
    );
    await gone;
    expect(await count()).toBe(before);
    await expect(device(issued.token)).rejects.toMatchObject({ code: 5 });
    await expect(
      device('plaza_dev_000000000000_not-a-real-token-at-all-aaaaaaaaaaaaaaaaaa'),
    ).rejects.toMatchObject({ code: 4 });
  });

  it('gives a new subscriber the retained latest value, as a SensorThings Observation', async () => {
    const [pm25] = station.datastreamIds as [number];
    const client = await device();
    await client.publishAsync(
      `v1.1/Datastreams(${pm25})/Observations`,
      JSON.stringify({ phenomenonTime: '2026-01-05T11:40:00+01:00', result: 40, resultQuality: 'checked' }),
      { qos: 1 },
    );
    const reader = await connect();
    const box = inbox(reader);
    const topic = `v1.1/Datastreams(${pm25})/Observations`;
    await reader.subscribeAsync(topic, { qos: 0 });
    const latest = await box.next(topic);
    expect(latest.retain).toBe(true);
    expect(latest.body).toMatchObject({
      phenomenonTime: '2026-01-05T10:40:00.000Z',
      result: 40,
      // The device's own quality, under "reported" beside the quality control outcome (a string is no object).
      resultQuality: { qartod: { flag: expect.any(Number), tests: expect.any(Object) }, reported: 'checked' },
      resultTime: null,
    });
    expect(latest.body['@iot.id']).toEqual(expect.any(Number));
    expect(latest.body['@iot.selfLink']).toBe(
      `http://plaza.test/sta/v1.1/Observations(${String(latest.body['@iot.id'])})`,
    );
  });

  it('keeps restricted datastreams from anonymous readers and gives them to the admin', async () => {
    const [depot] = hidden.datastreamIds as [number];
    const topic = `v1.1/Datastreams(${depot})/Observations`;
    const anonymous = await connect();
    const anonymousBox = inbox(anonymous);
    expect(await granted(anonymous, topic)).toBe(128);
    expect(await granted(anonymous, 'v1.1/#')).toBe(128);
    expect(await granted(anonymous, 'plaza/errors/someone-else')).toBe(128);
    expect(await granted(anonymous, 'v1.1/Observations')).toBe(0);
    const admin = await connect({ username: 'admin', password: ADMIN_TOKEN });
    const adminBox = inbox(admin);
    expect(await granted(admin, topic, 1)).toBe(1);
    await admin.subscribeAsync('v1.1/Observations');

    const writer = await device(hiddenToken);
    await writer.publishAsync(topic, JSON.stringify({ phenomenonTime: minute(40), result: 7 }), { qos: 1 });
    expect((await adminBox.next(topic)).body.result).toBe(7);
    expect((await adminBox.next('v1.1/Observations')).body.result).toBe(7);

    // A public observation after it reaches the anonymous reader; the restricted one before it never did.
    const [pm25] = station.datastreamIds as [number];
    const publicWriter = await device();
    await publicWriter.publishAsync(
      `v1.1/Datastreams(${pm25})/Observations`,
      JSON.stringify({ phenomenonTime: minute(41), result: 8 }),
      { qos: 1 },
    );
    expect((await anonymousBox.next('v1.1/Observations')).body.result).toBe(8);
    expect(anonymousBox.got).toEqual([]);
  });

  it('serves MQTT over WebSocket at /mqtt', async () => {
    const [, pm10] = station.datastreamIds as [number, number];
    const reader = await connect({}, urls.wsUrl);
    const box = inbox(reader);
    const topic = `v1.1/Datastreams(${pm10})/Observations`;
    await reader.subscribeAsync(topic);
    await box.next(topic); // retained
    const client = await device(token, urls.wsUrl);
    await client.publishAsync(topic, JSON.stringify({ phenomenonTime: minute(50), result: 50 }), { qos: 1 });
    expect((await rows(pm10)).at(-1)).toEqual({ phenomenon_time: Date.parse(minute(50)), result_number: 50 });
    expect((await box.next(topic)).body.result).toBe(50);
  });
});
