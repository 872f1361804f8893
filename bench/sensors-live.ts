/**
 * Live feeds, in one process (the server on the main thread, the clients on a worker thread, so that they do
 * not take the server's turn; both read the same wall clock):
 *
 *   MQTT ingest  200 devices (200 Things, a token each), real MQTT clients over TCP to the embedded broker,
 *                each publishing QoS 1 observations with a window of messages in flight, on a fresh SQLite
 *                database: acknowledged observations per second, target >= 20,000/s. Baseline in the same
 *                run: the same observations through ingest.ingest directly (200 callers, the same window).
 *   SSE fan-out  2,000 SSE subscribers (real HTTP connections, half following one of 10 datasets, half one of
 *                100 datastreams) while 100 observations a second are committed: the delay from the hub's
 *                commit event to the client's receipt, p99 < 200 ms. Baseline: the same with one subscriber.
 *
 * Alone: `npx tsx bench/sensors-live.ts [--per-device N] [--seconds N]`.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { ObservationInput } from '../src/sensors/ingest.service.js';
import { ROOT } from './portal.js';
import { observation, type Device } from './sensors-live-clients.js';
import { mergeResults, passes, table, type Measure } from './report.js';

const DEVICES = 200;
const WINDOW = 64;
const SUBSCRIBERS = 2_000;
const DATASETS = 10;
const STREAMS_PER_DATASET = 10;
const RATE_PER_SECOND = 100;
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Plaza {
  app: App;
  db: Database;
  mqttUrl: string;
  baseUrl: string;
  close(): Promise<void>;
}

/** A fresh SQLite data folder, migrated, the app built and listening (HTTP and MQTT on free ports). */
async function startPlaza(dataDir: string): Promise<Plaza> {
  await rm(dataDir, { recursive: true, force: true });
  const config = loadConfig({
    PLAZA_DATA_DIR: dataDir,
    PLAZA_SEED_DEMO: 'false',
    PLAZA_LOG_LEVEL: 'silent',
    PLAZA_HOST: '127.0.0.1',
    PLAZA_MQTT_PORT: '0',
  });
  const db = openDatabase(config);
  await migrateToLatest(db);
  const app = await buildApp(config, db);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const mqttPort = await app.live.mqtt!.listen();
  const { services } = app;
  await services.catalog.upsertDepartment({ id: 'benchmarks', name: 'Benchmarks' });
  return {
    app,
    db,
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.http.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function sensorDataset(plaza: Plaza, id: string): Promise<void> {
  await plaza.app.services.catalog.create({
    id,
    title: `Benchmark ${id}`,
    description: 'Synthetic sensor network for the live feed benchmark.',
    category: 'environment',
    keywords: ['benchmark'],
    department: 'benchmarks',
    steward: { name: 'Benchmark runner', email: 'bench@example.org' },
    license: 'CC0-1.0',
    update_frequency: 'continuous',
    kind: 'sensor',
  });
}

/** A Thing with one PM2.5-like datastream in a dataset; returns its ids. */
async function station(plaza: Plaza, datasetId: string, name: string) {
  return plaza.app.services.sensors.model.createThing({
    name,
    datasetId,
    locations: [{ name: 'site', location: { type: 'Point', coordinates: [-117.99, 33.75] } }],
    datastreams: [
      {
        name: `${name} PM2.5`,
        observationType: 'OM_Measurement',
        unitOfMeasurement: { name: 'microgram per cubic meter', symbol: 'µg/m³', definition: null },
        sensor: { name: 'sensor' },
        observedProperty: { name: 'PM2.5' },
      },
    ],
  });
}

/** Runs the clients (sensors-live-clients.ts) on a worker thread in the given role; waits for their answer. */
function worker<T>(data: Record<string, unknown>, onReady?: (w: Worker) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    // The worker runs a TypeScript file, so it loads it through tsx.
    const file = JSON.stringify(new URL('./sensors-live-clients.ts', import.meta.url).href);
    const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${file}, ${file})).catch((error) => {
      console.error(error);
      process.exit(1);
    })`;
    const w = new Worker(boot, { eval: true, workerData: data });
    w.on('message', (message: { ready?: boolean; result?: T }) => {
      if (message.ready) onReady?.(w);
      else resolve(message.result as T);
    });
    w.on('error', reject);
    w.on('exit', (code) => reject(new Error(`the worker exited with ${code} before it answered`)));
  });
}

/** (a) One run of MQTT ingest on a fresh database: acknowledged observations per second. */
async function mqttIngestRun(dir: string, perDevice: number, base: number) {
  const plaza = await startPlaza(dir);
  try {
    const devices = await prepareDevices(plaza);
    let elu = performance.eventLoopUtilization();
    const result = await worker<{ seconds: number; acked: number; errors: number; elu: number }>(
      { role: 'mqtt', url: plaza.mqttUrl, devices, perDevice, window: WINDOW, base },
      (w) => {
        elu = performance.eventLoopUtilization();
        w.postMessage('start');
      },
    );
    const serverBusy = performance.eventLoopUtilization(elu).utilization;
    const stored = await countObservations(plaza.db);
    return { rate: result.acked / result.seconds, ...result, stored, serverBusy };
  } finally {
    await plaza.close();
  }
}

/** (a) baseline: the same observations through ingest.ingest, 200 callers with the same window. */
async function directIngestRun(dir: string, perDevice: number, base: number) {
  const plaza = await startPlaza(dir);
  try {
    const devices = await prepareDevices(plaza);
    const { ingest } = plaza.app.services.sensors;
    const started = performance.now();
    let acked = 0;
    await Promise.all(
      devices.map(async (d) => {
        let next = 0;
        const lane = async () => {
          while (next < perDevice) {
            const i = next++;
            const [answer] = await ingest.ingest([{ datastreamId: d.datastream, ...observation(base, i) }], {
              kind: 'device',
              thingId: d.thingId,
              tokenId: d.tokenId,
            });
            if (answer?.status === 'created') acked++;
          }
        };
        await Promise.all(Array.from({ length: WINDOW }, lane));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { rate: acked / seconds, seconds, acked, stored: await countObservations(plaza.db) };
  } finally {
    await plaza.close();
  }
}

async function prepareDevices(plaza: Plaza): Promise<Device[]> {
  await sensorDataset(plaza, 'bench-devices');
  const devices: Device[] = [];
  for (let i = 0; i < DEVICES; i++) {
    const thing = await station(plaza, 'bench-devices', `Device ${i}`);
    const issued = await plaza.app.services.sensors.devices.create(thing.id, 'bench');
    devices.push({
      token: issued.token,
      tokenId: issued.device.id,
      thingId: thing.id,
      datastream: thing.datastreamIds[0]!,
    });
  }
  // A running server knows its datastreams: load them once, as the first observations would.
  await plaza.app.services.sensors.model.datastreams(devices.map((d) => d.datastream));
  return devices;
}

async function countObservations(db: Database): Promise<number> {
  const row = await db.kysely
    .selectFrom('sensor_observations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** (b) One fan-out run: `subscribers` SSE clients while observations arrive at RATE_PER_SECOND for `seconds`. */
async function fanOutRun(dir: string, subscribers: number, seconds: number) {
  const plaza = await startPlaza(dir);
  try {
    const datastreams: { id: number; dataset: string }[] = [];
    for (let d = 0; d < DATASETS; d++) {
      const dataset = `bench-live-${d}`;
      await sensorDataset(plaza, dataset);
      for (let s = 0; s < STREAMS_PER_DATASET; s++) {
        const thing = await station(plaza, dataset, `Station ${d}-${s}`);
        datastreams.push({ id: thing.datastreamIds[0]!, dataset });
      }
    }
    // Subscriber i follows a dataset (even i) or a single datastream (odd i).
    const queries = Array.from({ length: subscribers }, (_, i) =>
      i % 2 === 0
        ? `dataset=bench-live-${(i / 2) % DATASETS}`
        : `datastream=${datastreams[i % datastreams.length]!.id}`,
    );
    const expected = new Map<number, number>(); // observation id -> subscribers that should get it
    const committedAt = new Map<number, number>();
    const { hub, streams } = plaza.app.live;
    const stop = hub.onEntries((entries) => {
      for (const e of entries) committedAt.set(e.event.id, e.at);
    });
    const wanting = (ds: { id: number; dataset: string }) =>
      queries.filter((q) => q === `dataset=${ds.dataset}` || q === `datastream=${ds.id}`).length;
    const audience = new Map(datastreams.map((ds) => [ds.id, wanting(ds)]));

    let generator: ReturnType<typeof setInterval> | undefined;
    const received = await worker<{ ids: number[]; times: number[]; opened: number; failed: number }>(
      { role: 'sse', baseUrl: plaza.baseUrl, queries },
      (w) => {
        // Every subscriber is connected: commit RATE_PER_SECOND observations a second, spread over the streams.
        const started = Date.now();
        const base = started - 86_400_000;
        let n = 0;
        generator = setInterval(() => {
          const due = Math.floor(((Date.now() - started) / 1000) * RATE_PER_SECOND);
          const batch: ObservationInput[] = [];
          while (n < due && n < seconds * RATE_PER_SECOND) {
            const ds = datastreams[n % datastreams.length]!;
            batch.push({ datastreamId: ds.id, ...observation(base, n) });
            n++;
          }
          if (batch.length > 0) {
            void plaza.app.services.sensors.ingest.ingest(batch, { kind: 'admin' }).then((answers) =>
              answers.forEach((a, i) => {
                if (a.status === 'created')
                  expected.set(a.id, audience.get(batch[i]!.datastreamId as number) ?? 0);
              }),
            );
          }
          if (n >= seconds * RATE_PER_SECOND) {
            clearInterval(generator);
            // Let the last events arrive, then tell the clients to stop.
            setTimeout(() => w.postMessage('stop'), 1_000);
          }
        }, 5);
      },
    );
    clearInterval(generator);
    stop();
    const delays: number[] = [];
    const got = new Map<number, number>();
    for (let i = 0; i < received.ids.length; i++) {
      const id = received.ids[i]!;
      got.set(id, (got.get(id) ?? 0) + 1);
      const at = committedAt.get(id);
      if (at !== undefined) delays.push(received.times[i]! - at);
    }
    let missing = 0;
    for (const [id, want] of expected) missing += Math.max(0, want - (got.get(id) ?? 0));
    delays.sort((a, b) => a - b);
    const pct = (p: number) =>
      delays[Math.min(delays.length - 1, Math.floor((delays.length * p) / 100))] ?? NaN;
    return {
      subscribers: received.opened,
      failed: received.failed,
      observations: expected.size,
      deliveries: delays.length,
      missing,
      p50: pct(50),
      p99: pct(99),
      max: delays.at(-1) ?? NaN,
      openStreams: streams.count,
    };
  } finally {
    await plaza.close();
  }
}

/** Runs both parts; returns the measures for the results table and the details for results.json. */
export async function sensorsLiveBench(
  options: { perDevice?: number; seconds?: number; runs?: number } = {},
) {
  const perDevice = options.perDevice ?? 500;
  const seconds = options.seconds ?? 20;
  const runs = options.runs ?? 3;
  const work = join(ROOT, 'bench', 'work', 'sensors-live');
  const base = Date.now() - 2 * 86_400_000;
  say(`MQTT QoS 1 ingest: ${DEVICES} devices x ${perDevice} observations, window ${WINDOW}:`);
  // The first run in a process pays for compiling the hot paths; it is not counted.
  await mqttIngestRun(join(work, 'mqtt'), Math.ceil(perDevice / 4), base - 86_400_000);
  await directIngestRun(join(work, 'direct'), Math.ceil(perDevice / 4), base - 86_400_000);
  const pairs: {
    mqtt: Awaited<ReturnType<typeof mqttIngestRun>>;
    direct: Awaited<ReturnType<typeof directIngestRun>>;
  }[] = [];
  for (let run = 0; run < runs; run++) {
    let m: Awaited<ReturnType<typeof mqttIngestRun>>;
    let d: Awaited<ReturnType<typeof directIngestRun>>;
    if (run % 2 === 0) {
      m = await mqttIngestRun(join(work, 'mqtt'), perDevice, base);
      d = await directIngestRun(join(work, 'direct'), perDevice, base);
    } else {
      d = await directIngestRun(join(work, 'direct'), perDevice, base);
      m = await mqttIngestRun(join(work, 'mqtt'), perDevice, base);
    }
    pairs.push({ mqtt: m, direct: d });
    say(
      `  run ${run + 1}/${runs}: MQTT ${Math.round(m.rate).toLocaleString('en-US')} acked obs/s (${m.acked} acked, ${m.stored} stored, ${m.errors} errors; server thread ${Math.round(m.serverBusy * 100)}% busy, clients ${Math.round(m.elu * 100)}%); ingest.ingest ${Math.round(d.rate).toLocaleString('en-US')} obs/s; ratio ${(m.rate / d.rate).toFixed(2)}x`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  say(`SSE fan-out: ${SUBSCRIBERS} subscribers, ${RATE_PER_SECOND} observations/s for ${seconds} s:`);
  const lone = await fanOutRun(join(work, 'sse-1'), 1, Math.min(seconds, 10));
  say(`  1 subscriber: p50 ${lone.p50.toFixed(1)} ms, p99 ${lone.p99.toFixed(1)} ms`);
  const many = await fanOutRun(join(work, 'sse-n'), SUBSCRIBERS, seconds);
  say(
    `  ${many.subscribers} subscribers (${many.failed} failed to open): ${many.deliveries.toLocaleString('en-US')} deliveries of ${many.observations} observations, ${many.missing} missing; p50 ${many.p50.toFixed(1)} ms, p99 ${many.p99.toFixed(1)} ms, max ${many.max.toFixed(1)} ms`,
  );
  await rm(work, { recursive: true, force: true });

  const mqttRate = median(pairs.map((p) => p.mqtt.rate));
  const measures: Measure[] = [
    {
      measure: `MQTT QoS 1 ingest, ${DEVICES} devices`,
      unit: 'obs/s',
      ours: mqttRate,
      baseline: median(pairs.map((p) => p.direct.rate)),
      ratio: median(pairs.map((p) => p.mqtt.rate / p.direct.rate)),
      target: '>= 20,000 obs/s',
      limit: { on: 'ours', max: 20_000, inclusive: true, min: true },
    },
    {
      measure: `SSE delivery p99, ${SUBSCRIBERS} subscribers`,
      unit: 'ms',
      ours: many.p99,
      baseline: lone.p99,
      ratio: many.p99 / lone.p99,
      target: '< 200 ms',
      limit: { on: 'ours', max: 200, inclusive: false },
    },
  ];
  const ok =
    pairs.every(
      (p) => p.mqtt.stored === p.mqtt.acked && p.mqtt.errors === 0 && p.mqtt.acked === DEVICES * perDevice,
    ) &&
    many.missing === 0 &&
    many.failed === 0;
  const details = {
    mqtt_ingest: {
      devices: DEVICES,
      observations_per_device: perDevice,
      window: WINDOW,
      runs: pairs.map((p) => ({
        mqtt_obs_per_s: Math.round(p.mqtt.rate),
        mqtt_acked: p.mqtt.acked,
        mqtt_stored: p.mqtt.stored,
        direct_obs_per_s: Math.round(p.direct.rate),
      })),
      baseline:
        'the same observations through ingest.ingest in the server process, 200 callers x the same window',
    },
    sse_fan_out: {
      subscribers: many.subscribers,
      rate_per_second: RATE_PER_SECOND,
      seconds,
      observations: many.observations,
      deliveries: many.deliveries,
      missing: many.missing,
      p50_ms: Number(many.p50.toFixed(2)),
      p99_ms: Number(many.p99.toFixed(2)),
      max_ms: Number(many.max.toFixed(2)),
      baseline_one_subscriber: { p50_ms: Number(lone.p50.toFixed(2)), p99_ms: Number(lone.p99.toFixed(2)) },
      clock: "from the hub's commit event (Date.now) to the client's receipt, the same wall clock",
    },
    checks_ok: ok,
  };
  return { measures, details, ok };
}

if (process.argv[1]?.endsWith('sensors-live.ts')) {
  const { values } = parseArgs({
    options: { 'per-device': { type: 'string' }, seconds: { type: 'string' }, runs: { type: 'string' } },
  });
  const result = await sensorsLiveBench({
    perDevice: values['per-device'] ? Number(values['per-device']) : undefined,
    seconds: values.seconds ? Number(values.seconds) : undefined,
    runs: values.runs ? Number(values.runs) : undefined,
  });
  say('');
  say(table(result.measures));
  const missed = result.measures.filter((m) => !passes(m));
  say(missed.length ? `MISSED: ${missed.map((m) => m.measure).join('; ')}` : 'All live feed targets met.');
  say(
    result.ok
      ? 'Checks: every acknowledged observation stored; every subscriber got every event.'
      : 'CHECKS FAILED',
  );
  await mergeResults(join(ROOT, 'bench', 'results.json'), 'sensors_live', result.measures, result.details);
  say('Added to bench/results.json');
  process.exitCode = result.ok ? 0 : 1;
}
