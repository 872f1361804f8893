/**
 * Durability under SIGKILL: a real server process takes sustained HTTP batches and MQTT QoS 1 publishes and is
 * killed five times over. After each restart every acknowledged observation is stored, and every rollup (packed
 * minutes, hours, local days) and datastream state agrees with the raw rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storedMinutes } from '../../src/sensors/minute-pack.js';
import { localDays } from '../../src/sensors/time.js';
import { createSensorDataset, createStation, deviceToken } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { ADMIN_TOKEN, describeDb, type TestApp } from '../support/index.js';
import { freePort } from '../support/ports.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ROUNDS = 5;
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Server {
  child: ChildProcess;
  url: string;
  mqttUrl: string;
  log: () => string;
}

describeDb('sensors: crash safety', () => {
  let t: TestApp;
  let httpStreams: number[];
  const devices: { datastream: number; token: string }[] = [];
  /** Every acknowledged observation, as `datastream:time` → value. */
  const acked = new Map<string, number>();
  let clock = Date.UTC(2026, 0, 20, 7, 0);
  const nextTime = () => (clock += 1_000);

  async function start(): Promise<Server> {
    const [port, mqttPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
    Object.assign(env, {
      PLAZA_DATA_DIR: t.config.dataDir,
      ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
      PLAZA_ADMIN_TOKEN: ADMIN_TOKEN,
      PLAZA_PORT: String(port),
      PLAZA_HOST: '127.0.0.1',
      PLAZA_MQTT_PORT: String(mqttPort),
      PLAZA_SEED_DEMO: 'false',
      PLAZA_SIMULATE: '0',
      PLAZA_LOG_LEVEL: 'warn',
    });
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'plaza.js'), 'serve', '--no-seed'], {
      env,
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (log = (log + text).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
      const ready = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { child, url, mqttUrl: `mqtt://127.0.0.1:${mqttPort}`, log: () => log };
  }

  /** HTTP batches of 100 observations (two datastreams, out of order within the batch) until stopped. */
  async function httpLoad(server: Server, stop: { now: boolean }): Promise<number> {
    let sent = 0;
    while (!stop.now) {
      const rows = httpStreams.map((ds) => {
        const data = Array.from({ length: 50 }, (_, i): [string, number] => [
          new Date(nextTime()).toISOString(),
          (i * 7) % 23,
        ]);
        return { ds, data: data.reverse() };
      });
      const body = rows.map(({ ds, data }) => ({
        Datastream: { '@iot.id': ds },
        components: ['phenomenonTime', 'result'],
        dataArray: data,
      }));
      const res = await fetch(`${server.url}/api/v1/observations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).catch(() => undefined);
      if (!res || res.status !== 200) return sent;
      const answer = (await res.json().catch(() => undefined)) as
        { ids: (number | null)[]; rejected: number } | undefined;
      if (!answer) return sent;
      expect(answer.rejected).toBe(0);
      const flat = rows.flatMap(({ ds, data }) => data.map(([time, value]) => ({ ds, time, value })));
      expect(answer.ids).toHaveLength(flat.length);
      for (const { ds, time, value } of flat) acked.set(`${ds}:${Date.parse(time)}`, value);
      sent += flat.length;
    }
    return sent;
  }

  /** One device publishing QoS 1 observations, 20 in flight, until stopped or disconnected. */
  async function mqttLoad(server: Server, device: (typeof devices)[number], stop: { now: boolean }) {
    const client = await mqtt.connectAsync(server.mqttUrl, {
      username: 'device',
      password: device.token,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    });
    client.on('error', () => undefined);
    // A publish in flight when the server dies never settles: the lanes stop when the connection closes.
    const closed = new Promise<boolean>((resolve) => client.once('close', () => resolve(false)));
    const topic = `v1.1/Datastreams(${device.datastream})/Observations`;
    const publishOne = async () => {
      const time = nextTime();
      const value = time % 97;
      await client.publishAsync(
        topic,
        JSON.stringify({ phenomenonTime: new Date(time).toISOString(), result: value }),
        {
          qos: 1,
        },
      );
      acked.set(`${device.datastream}:${time}`, value);
    };
    const lanes = Array.from({ length: 20 }, async () => {
      while (!stop.now && client.connected) {
        const published = publishOne().then(
          () => true,
          () => false,
        );
        if (!(await Promise.race([published, closed]))) break;
      }
    });
    await Promise.all(lanes);
    client.end(true);
  }

  async function rawRows() {
    return (
      await t.db.kysely
        .selectFrom('sensor_observations')
        .select(['datastream_id', 'phenomenon_time', 'result_number'])
        .orderBy('datastream_id')
        .orderBy('phenomenon_time')
        .execute()
    ).map((r) => ({ ds: Number(r.datastream_id), time: Number(r.phenomenon_time), value: r.result_number! }));
  }

  /** Every acknowledged observation is stored, and rollups and states agree with the raw rows. */
  async function verify(): Promise<void> {
    const raw = await rawRows();
    const stored = new Map(raw.map((r) => [`${r.ds}:${r.time}`, r.value]));
    const missing = [...acked.keys()].filter((key) => !stored.has(key));
    expect(missing, 'acknowledged observations lost').toEqual([]);
    for (const [key, value] of acked) expect(stored.get(key), key).toBe(value);

    const dayStart = localDays(t.config.timeZone);
    const expected = new Map<string, { n: number; total: number; min: number; max: number }>();
    for (const r of raw) {
      for (const [resolution, bucket] of [
        [MINUTE, Math.floor(r.time / MINUTE) * MINUTE],
        [HOUR, Math.floor(r.time / HOUR) * HOUR],
        [86_400_000, dayStart(r.time)],
      ] as const) {
        const key = `${r.ds}:${resolution}:${bucket}`;
        const e = expected.get(key);
        if (!e) expected.set(key, { n: 1, total: r.value, min: r.value, max: r.value });
        else
          Object.assign(e, {
            n: e.n + 1,
            total: e.total + r.value,
            min: Math.min(e.min, r.value),
            max: Math.max(e.max, r.value),
          });
      }
    }
    const actual = new Map<string, { n: number; total: number; min: number; max: number }>();
    for (const r of await t.db.kysely.selectFrom('sensor_rollups').selectAll().execute()) {
      actual.set(`${Number(r.datastream_id)}:${r.resolution}:${Number(r.bucket)}`, {
        n: Number(r.n),
        total: r.total,
        min: r.min,
        max: r.max,
      });
    }
    for (const h of await t.db.kysely.selectFrom('sensor_minute_rollups').selectAll().execute()) {
      for (const m of storedMinutes(Number(h.datastream_id), Number(h.hour), h.minutes)) {
        actual.set(`${m.datastreamId}:${MINUTE}:${m.bucket}`, {
          n: m.n,
          total: m.total,
          min: m.min,
          max: m.max,
        });
      }
    }
    expect(actual).toEqual(expected);

    const states = await t.db.kysely.selectFrom('sensor_datastream_state').selectAll().execute();
    for (const s of states) {
      const rows = raw.filter((r) => r.ds === Number(s.datastream_id));
      expect(Number(s.observations)).toBe(rows.length);
      expect(Number(s.latest_time)).toBe(Math.max(...rows.map((r) => r.time)));
    }
  }

  beforeAll(async () => {
    t = await setUpApp();
    const dataset = await createSensorDataset(t, 'crash-test');
    httpStreams = (await createStation(t, dataset, 'Gateway', ['PM2.5', 'PM10'])).datastreamIds;
    for (let i = 0; i < 4; i++) {
      const station = await createStation(t, dataset, `Device ${i}`);
      devices.push({ datastream: station.datastreamIds[0]!, token: await deviceToken(t, station.id) });
    }
  });
  afterAll(() => t.close());

  it('keeps every acknowledged observation and consistent rollups through five SIGKILLs under load', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const server = await start();
      await verify();
      const stop = { now: false };
      const load = Promise.all([
        httpLoad(server, stop),
        httpLoad(server, stop),
        ...devices.map((d) => mqttLoad(server, d, stop)),
      ]);
      const before = acked.size;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      server.child.kill('SIGKILL');
      await once(server.child, 'exit');
      stop.now = true;
      await load;
      // The load really ran: both HTTP and MQTT acknowledged observations in this round.
      expect(acked.size - before, server.log()).toBeGreaterThan(200);
    }
    const server = await start();
    try {
      await verify();
      const mqttAcked = [...acked.keys()].filter((k) =>
        devices.some((d) => k.startsWith(`${d.datastream}:`)),
      );
      expect(mqttAcked.length).toBeGreaterThan(100);
    } finally {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
  }, 180_000);
});
