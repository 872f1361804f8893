/**
 * The sensor read targets, on a fresh SQLite database under bench/work/sensors-read:
 *
 *   series   a year of 1-minute data (525,600 observations written through the ingest service in large batches)
 *            as hourly averages: GET /api/v1/datastreams/{id}/series?interval=1h&agg=avg
 *              p50 < 10 ms, and at most 1/20 of the same answer computed from the raw rows (a GROUP BY over
 *              sensor_observations on the same database and connection, turned into the same JSON)
 *   latest   GET /api/v1/datasets/{id}/latest of 10,000 datastreams (2,500 Things x 4)      p50 < 25 ms
 *            (and the GeoJSON form, reported beside it); before each call 2% of the datastreams receive a newer
 *            observation (untimed), as live data keeps arriving
 *
 * Times are taken around `app.http.inject` in this process, from the request to the last byte of the body read
 * as bytes (`payloadAsStream`): routing, the handler, its SQL and the serialized answer, without a socket, and
 * without decoding the body into a string (a client's work, which costs more than the server's for 2 MB). Series and baseline run in alternating pairs; the ratio is the median of the
 * per-pair ratios. The run checks that both series answers agree, that latest lists every datastream, and that
 * it shows the observations that arrived last.
 *
 * Alone: `npx tsx bench/sensors-read.ts [--points N] [--datastreams N] [--runs N] [--keep]`; adds its measures
 * to bench/results.json; `--keep` keeps the database in bench/work/sensors-read.
 */
import { mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { ObservationInput } from '../src/sensors/ingest.service.js';
import type { DatastreamInput } from '../src/sensors/model.js';
import { median } from './measure.js';
import { ROOT } from './portal.js';
import { mergeResults, passes, table, type Measure } from './report.js';

const ADMIN = 'bench-admin-token-0123456789';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const INGEST_BATCH = 20_000;
const say = (line: string) => process.stdout.write(`${line}\n`);
const iso = (ms: number) => new Date(ms).toISOString();

const PM25: Omit<DatastreamInput, 'name'> = {
  observationType: 'OM_Measurement',
  unitOfMeasurement: { name: 'microgram per cubic meter', symbol: 'µg/m³', definition: null },
  sensor: { name: 'Optical particle counter' },
  observedProperty: { name: 'PM2.5' },
};

async function admin(app: App, method: 'POST' | 'PUT', url: string, payload: object): Promise<void> {
  const res = await app.http.inject({ method, url, payload, headers: { authorization: `Bearer ${ADMIN}` } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
}

async function sensorDataset(app: App, id: string): Promise<void> {
  await admin(app, 'POST', '/api/v1/datasets', {
    id,
    title: `Benchmark sensors ${id}`,
    description: 'Synthetic sensor observations for the read benchmark.',
    category: 'environment',
    keywords: ['benchmark'],
    department: 'benchmarks',
    steward: { name: 'Benchmark runner', email: 'bench@example.org' },
    license: 'CC0-1.0',
    update_frequency: 'R/PT1M',
    kind: 'sensor',
  });
}

/** Ingests in large batches; `receivedAt` (one per item) when each reached Plaza, else now. */
async function ingestAll(app: App, items: ObservationInput[], receivedAt?: number[]): Promise<void> {
  for (let i = 0; i < items.length; i += INGEST_BATCH) {
    const results = await app.services.sensors.ingest.ingest(
      items.slice(i, i + INGEST_BATCH),
      { kind: 'admin' },
      receivedAt ? { receivedAt: receivedAt.slice(i, i + INGEST_BATCH) } : {},
    );
    const bad = results.find((r) => r.status !== 'created');
    if (bad) throw new Error(`ingest: ${JSON.stringify(bad)}`);
  }
}

/** Milliseconds of one in-process request; throws unless 200. */
async function timed(app: App, url: string): Promise<[number, string]> {
  const started = performance.now();
  // The body is taken as bytes, as a client receives it; decoding it into a string is the client's work.
  const res = await app.http.inject({ url, payloadAsStream: true });
  const chunks: Buffer[] = [];
  for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
  const ms = performance.now() - started;
  const body = Buffer.concat(chunks).toString();
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${body.slice(0, 300)}`);
  return [ms, body];
}

/** The hourly averages from the raw rows, answered as the series endpoint answers them. */
async function fromRawRows(db: Database, datastream: number, start: number, end: number) {
  // Integer division groups by hour in both databases (phenomenon_time is an integer column).
  const hour = sql.lit(HOUR);
  const query = sql`SELECT (phenomenon_time / ${hour}) * ${hour} AS t, avg(result_number) AS avg
    FROM sensor_observations
    WHERE datastream_id = ${datastream} AND phenomenon_time >= ${start} AND phenomenon_time < ${end}
    GROUP BY 1 ORDER BY 1`.compile(db.kysely);
  const started = performance.now();
  const rows = await db.adapter.queryArrays({ sql: query.sql, params: query.parameters });
  const body = JSON.stringify({
    datastream,
    buckets: { start: rows.map((r) => iso(Number(r[0]))), avg: rows.map((r) => Number(r[1])) },
  });
  return [performance.now() - started, body] as const;
}

function sameSeries(ours: string, raw: string): boolean {
  type Columns = { buckets: { start: string[]; avg: number[] } };
  const a = (JSON.parse(ours) as Columns).buckets;
  const b = (JSON.parse(raw) as Columns).buckets;
  return (
    a.start.length > 0 &&
    a.start.join() === b.start.join() &&
    a.avg.every((x, i) => Math.abs(x - b.avg[i]!) <= 1e-9 * Math.max(1, Math.abs(x)))
  );
}

export interface SensorsReadBench {
  measures: Measure[];
  details: Record<string, unknown>;
  /** False when an answer was wrong: the times then mean nothing. */
  ok: boolean;
}

export async function sensorsReadBench(
  options: { points?: number; datastreams?: number; runs?: number; keep?: boolean } = {},
): Promise<SensorsReadBench> {
  const points = options.points ?? 525_600;
  const streams = options.datastreams ?? 10_000;
  const runs = options.runs ?? 41;
  const loadAtStart = loadavg()[0] ?? 0;
  const work = join(ROOT, 'bench', 'work', 'sensors-read');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const config = loadConfig({
    PLAZA_DATA_DIR: work,
    PLAZA_SEED_DEMO: 'false',
    PLAZA_LOG_LEVEL: 'silent',
    PLAZA_ADMIN_TOKEN: ADMIN,
    PLAZA_MQTT: 'false',
  });
  const db = openDatabase(config);
  let app: App | undefined;
  try {
    await migrateToLatest(db);
    app = await buildApp(config, db);
    await admin(app, 'PUT', '/api/v1/departments/benchmarks', { id: 'benchmarks', name: 'Benchmarks' });
    await sensorDataset(app, 'bench-series');
    await sensorDataset(app, 'bench-latest');

    // (a) A year of minute data, ending a day ago on an hour.
    const end = Math.floor((Date.now() - DAY) / HOUR) * HOUR;
    const start = end - points * MINUTE;
    const station = await app.services.sensors.model.createThing({
      name: 'Bench station',
      datasetId: 'bench-series',
      datastreams: [{ ...PM25, name: 'Bench PM2.5' }],
    });
    const id = station.datastreamIds[0]!;
    say(`Sensor reads: ingesting ${points.toLocaleString('en-US')} minute observations...`);
    let started = performance.now();
    const items: ObservationInput[] = [];
    const received: number[] = [];
    for (let i = 0; i < points; i++) {
      const t = start + i * MINUTE;
      const value = 20 + 10 * Math.sin((2 * Math.PI * (t % DAY)) / DAY) + ((i * 7919) % 1000) / 100;
      items.push({ datastreamId: id, phenomenonTime: iso(t), result: Math.round(value * 100) / 100 });
      received.push(t);
    }
    // History as a device would have sent it, each observation when it was made: received "now", a year of
    // data would fail quality control's timing test, and series leave failed values out.
    await ingestAll(app, items, received);
    items.length = 0;
    received.length = 0;
    const ingestSeconds = (performance.now() - started) / 1000;
    say(
      `  ${ingestSeconds.toFixed(1)} s (${Math.round(points / ingestSeconds).toLocaleString('en-US')} obs/s)`,
    );

    // Whole hours: the series answers the buckets that start in the range, the GROUP BY the rows in it.
    const from = Math.ceil(start / HOUR) * HOUR;
    const url = `/api/v1/datastreams/${id}/series?interval=1h&agg=avg&start=${iso(from)}&end=${iso(end)}`;
    const [, first] = await timed(app, url);
    const [, raw] = await fromRawRows(db, id, from, end);
    const agree = sameSeries(first, raw);
    const buckets = (JSON.parse(first) as { buckets: { start: unknown[] } }).buckets.start.length;
    for (let i = 0; i < 5; i++) await timed(app, url);
    const pairs: { ours: number; baseline: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const ours = async () => (await timed(app!, url))[0];
      const baseline = async () => (await fromRawRows(db, id, from, end))[0];
      if (i % 2 === 0) pairs.push({ ours: await ours(), baseline: await baseline() });
      else {
        const b = await baseline();
        pairs.push({ ours: await ours(), baseline: b });
      }
    }
    const seriesP50 = median(pairs.map((p) => p.ours));
    const rawP50 = median(pairs.map((p) => p.baseline));
    const seriesRatio = median(pairs.map((p) => p.ours / p.baseline));
    say(
      `  series 1h avg of ${buckets} buckets: p50 ${seriesP50.toFixed(2)} ms; from raw rows ${rawP50.toFixed(1)} ms (${(1 / seriesRatio).toFixed(0)}x)`,
    );

    // (b) The latest value of many datastreams.
    say(`Sensor reads: ${streams.toLocaleString('en-US')} datastreams for latest...`);
    started = performance.now();
    const perThing = 4;
    const ids: number[] = [];
    for (let thing = 0; thing < Math.ceil(streams / perThing); thing++) {
      const created = await app.services.sensors.model.createThing({
        name: `Bench thing ${thing}`,
        datasetId: 'bench-latest',
        locations: [
          {
            name: `Site ${thing}`,
            location: {
              type: 'Point',
              coordinates: [-118 + (thing % 50) / 1000, 33.7 + Math.floor(thing / 50) / 1000],
            },
          },
        ],
        datastreams: Array.from({ length: Math.min(perThing, streams - thing * perThing) }, (_, k) => ({
          ...PM25,
          name: `Bench thing ${thing} stream ${k}`,
        })),
      });
      ids.push(...created.datastreamIds);
    }
    const now = Date.now() - 10 * MINUTE;
    await ingestAll(
      app,
      ids.map((d, i) => ({
        datastreamId: d,
        phenomenonTime: iso(now - (i % 600) * 1000),
        result: (i % 500) / 10,
        resultQuality: i % 10 === 0 ? { qartod: 3 } : undefined,
      })),
    );
    say(`  created and observed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const latestUrl = '/api/v1/datasets/bench-latest/latest';
    const [cold, latestBody] = await timed(app, latestUrl);
    const listed = (JSON.parse(latestBody) as { datastreams: { result: unknown }[] }).datastreams;
    const complete = listed.length === streams && listed.every((d) => d.result !== null);
    for (let i = 0; i < 5; i++) await timed(app, latestUrl);
    // Live data keeps arriving: before each call (untimed) 2% of the datastreams get a newer observation.
    const changed = Math.max(1, Math.floor(streams / 50));
    let newest: { id: number; result: number } | undefined;
    const arrive = async (round: number) => {
      const at = Date.now() - MINUTE;
      const batch = Array.from({ length: changed }, (_, k) => ids[(round * changed + k) % ids.length]!);
      await ingestAll(
        app!,
        batch.map((d, k) => ({ datastreamId: d, phenomenonTime: iso(at + k), result: round + k / 1000 })),
      );
      newest = { id: batch[0]!, result: round };
    };
    const latestTimes: number[] = [];
    const geoTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      await arrive(2 * i);
      latestTimes.push((await timed(app, latestUrl))[0]);
      await arrive(2 * i + 1);
      geoTimes.push((await timed(app, `${latestUrl}.geojson`))[0]);
    }
    const [, finalBody] = await timed(app, latestUrl);
    const fresh = (
      JSON.parse(finalBody) as { datastreams: { id: number; result: unknown }[] }
    ).datastreams.find((d) => d.id === newest?.id);
    const current = fresh?.result === newest?.result;
    const latestP50 = median(latestTimes);
    const geoP50 = median(geoTimes);
    say(
      `  latest: p50 ${latestP50.toFixed(2)} ms (first call ${cold.toFixed(1)} ms); GeoJSON p50 ${geoP50.toFixed(2)} ms`,
    );

    const measures: Measure[] = [
      {
        measure: 'sensors: series 1h avg of a year (p50)',
        unit: 'ms',
        ours: seriesP50,
        baseline: 10,
        ratio: seriesP50 / 10,
        target: 'p50 < 10 ms',
        limit: { on: 'ours', max: 10, inclusive: false },
      },
      {
        measure: 'sensors: series vs GROUP BY raw rows',
        unit: 'ms',
        ours: seriesP50,
        baseline: rawP50,
        ratio: seriesRatio,
        target: '<= 0.05x (20x faster)',
        limit: { on: 'ratio', max: 0.05, inclusive: true },
      },
      {
        measure: `sensors: latest of ${streams.toLocaleString('en-US')} datastreams (p50)`,
        unit: 'ms',
        ours: latestP50,
        baseline: 25,
        ratio: latestP50 / 25,
        target: 'p50 < 25 ms',
        limit: { on: 'ours', max: 25, inclusive: false },
      },
      {
        measure: `sensors: latest.geojson of ${streams.toLocaleString('en-US')} (p50)`,
        unit: 'ms',
        ours: geoP50,
        baseline: 25,
        ratio: geoP50 / 25,
        target: 'p50 < 25 ms',
        limit: { on: 'ours', max: 25, inclusive: false },
      },
    ];
    const round = (values: number[]) => values.map((v) => Number(v.toFixed(2)));
    return {
      measures,
      ok: agree && complete && current,
      details: {
        date: new Date().toISOString(),
        timing:
          'milliseconds around app.http.inject in the benchmark process, request to the last body byte (payloadAsStream, no socket)',
        // Other work on the machine: the 1-minute load average when the run started and when it ended.
        load_average: [Number(loadAtStart.toFixed(2)), Number((loadavg()[0] ?? 0).toFixed(2))],
        database: 'SQLite, fresh, bench/work/sensors-read',
        series: {
          request: url.replace(/\d{4}-[^&]+/g, '…'),
          observations: points,
          buckets,
          ingest_seconds: Number(ingestSeconds.toFixed(1)),
          baseline:
            'SELECT (phenomenon_time / 3600000) * 3600000, avg(result_number) FROM sensor_observations WHERE datastream_id = ? AND phenomenon_time in range GROUP BY 1, as the same JSON',
          answers_agree: agree,
          ours_ms: round(pairs.map((p) => p.ours)),
          baseline_ms: round(pairs.map((p) => p.baseline)),
        },
        latest: {
          datastreams: streams,
          listed: listed.length,
          changed_between_calls: changed,
          shows_latest_arrival: current,
          first_call_ms: Number(cold.toFixed(1)),
          json_ms: round(latestTimes),
          geojson_ms: round(geoTimes),
          bytes: latestBody.length,
        },
      },
    };
  } finally {
    await app?.http.close();
    await db.close();
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

if (process.argv[1]?.endsWith('sensors-read.ts')) {
  const { values } = parseArgs({
    options: {
      points: { type: 'string' },
      datastreams: { type: 'string' },
      runs: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const result = await sensorsReadBench({
    points: positive(values.points, 'points'),
    datastreams: positive(values.datastreams, 'datastreams'),
    runs: positive(values.runs, 'runs'),
    keep: values.keep,
  });
  say('');
  say(table(result.measures));
  say(
    result.ok
      ? '\nAnswers checked: series agree with the raw rows; latest lists every datastream and the last arrivals.'
      : '\nWRONG ANSWERS (series differ from the raw rows, or latest misses datastreams or arrivals): nothing written.',
  );
  const missed = result.measures.filter((m) => !passes(m));
  say(missed.length ? `MISSED: ${missed.map((m) => m.measure).join('; ')}` : 'All sensor read targets met.');
  if (result.ok) {
    await mergeResults(join(ROOT, 'bench', 'results.json'), 'sensors_read', result.measures, result.details);
    say('Added to bench/results.json');
  }
  process.exitCode = result.ok ? 0 : 1;
}
