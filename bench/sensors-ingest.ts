/**
 * HTTP batch ingest against the raw ceiling, in the same run:
 *
 *   ours      1,000,000 observations POSTed to /api/v1/observations of a `plaza serve` child process, in batches
 *             of 5,000 (50 datastreams x 100 rows, dataArray shape) by 4 concurrent clients; each answer arrives
 *             after its rows, their minute/hour/day rollups and datastream states are committed
 *   baseline  the same rows inserted by better-sqlite3 prepared statements (the statement ingest uses) into the
 *             same tables and indexes of a fresh database with the same pragmas, 5,000 rows per transaction,
 *             no HTTP and no rollups
 *   target    ours' throughput >= 0.6x the baseline's
 *
 * Alone: `npx tsx bench/sensors-ingest.ts [--observations N] [--runs N]`.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openSqlite } from '../src/db/sqlite-dialect.js';
import { SQLITE_INSERT_OBSERVATION } from '../src/db/sqlite-observations.js';
import { createServices } from '../src/services.js';
import { median } from './measure.js';
import { ROOT, startServer } from './portal.js';
import { mergeResults, table, type Measure } from './report.js';

const DATASTREAMS = 1_000;
const BATCH_STREAMS = 50;
const BATCH_ROWS_PER_STREAM = 100;
const CLIENTS = 4;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const say = (line: string) => process.stdout.write(`${line}\n`);

/** A fresh data folder with a sensor dataset of 200 Things x 5 PM2.5-like datastreams; returns their ids. */
async function prepare(dataDir: string): Promise<number[]> {
  await rm(dataDir, { recursive: true, force: true });
  const config = loadConfig({ PLAZA_DATA_DIR: dataDir, PLAZA_SEED_DEMO: 'false', PLAZA_LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    const services = createServices(config, db);
    await services.catalog.ensureReferenceData();
    await services.catalog.upsertDepartment({ id: 'benchmarks', name: 'Benchmarks' });
    await services.catalog.create({
      id: 'bench-sensors',
      title: 'Benchmark sensors',
      description: 'Synthetic sensor network for the ingest benchmark.',
      category: 'environment',
      keywords: ['benchmark'],
      department: 'benchmarks',
      steward: { name: 'Benchmark runner', email: 'bench@example.org' },
      license: 'CC0-1.0',
      update_frequency: 'continuous',
      kind: 'sensor',
    });
    const ids: number[] = [];
    for (let thing = 0; thing < DATASTREAMS / 5; thing++) {
      const created = await services.sensors.model.createThing({
        name: `Station ${thing}`,
        datasetId: 'bench-sensors',
        locations: [{ name: 'site', location: { type: 'Point', coordinates: [-117.99, 33.75] } }],
        datastreams: Array.from({ length: 5 }, (_, i) => ({
          name: `Station ${thing} stream ${i}`,
          observationType: 'OM_Measurement',
          unitOfMeasurement: { name: 'microgram per cubic meter', symbol: 'µg/m³', definition: null },
          sensor: { name: 'sensor' },
          observedProperty: { name: `property ${i}` },
        })),
      });
      ids.push(...created.datastreamIds);
    }
    return ids;
  } finally {
    await db.close();
  }
}

/** The observations: each datastream one value a minute, ending an hour ago; batches as request bodies. */
function generate(ids: readonly number[], total: number) {
  const perStream = Math.ceil(total / ids.length);
  const end = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
  const start = end - perStream * 60_000;
  const bodies: string[] = [];
  const rows: [number, number, number][] = [];
  for (let s = 0; s < ids.length; s += BATCH_STREAMS) {
    for (let r = 0; r < perStream; r += BATCH_ROWS_PER_STREAM) {
      const groups = [];
      for (const id of ids.slice(s, s + BATCH_STREAMS)) {
        const dataArray: [string, number][] = [];
        for (let i = r; i < Math.min(r + BATCH_ROWS_PER_STREAM, perStream); i++) {
          const time = start + i * 60_000;
          const value = Math.round((10 + 8 * Math.sin(i / 90 + id)) * 100) / 100;
          dataArray.push([new Date(time).toISOString(), value]);
          rows.push([id, time, value]);
        }
        groups.push({ Datastream: { '@iot.id': id }, components: ['phenomenonTime', 'result'], dataArray });
      }
      bodies.push(JSON.stringify(groups));
    }
  }
  return { bodies, rows };
}

async function ours(
  dataDir: string,
  bodies: readonly string[],
): Promise<{ seconds: number; created: number }> {
  const server = await startServer(
    dataDir,
    process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [],
    {
      PLAZA_ADMIN_TOKEN: ADMIN_TOKEN,
      PLAZA_MQTT: 'off',
      PLAZA_SIMULATE: '0',
    },
  );
  try {
    let next = 0;
    let created = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const res = await fetch(`${server.url}/api/v1/observations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
            body,
          });
          if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
          const answer = (await res.json()) as { created: number; problems: { reason?: string }[] };
          if (answer.problems.length > 0)
            throw new Error(`ingest refused rows: ${answer.problems[0]!.reason}`);
          created += answer.created;
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, created };
  } finally {
    await server.stop();
  }
}

function baseline(dataDir: string, rows: readonly [number, number, number][]): number {
  const db = openSqlite(join(dataDir, 'plaza.sqlite'));
  try {
    const insert = db.prepare(SQLITE_INSERT_OBSERVATION);
    const received = Date.now();
    const batch = db.transaction((slice: readonly [number, number, number][]) => {
      for (const [id, time, value] of slice) {
        insert.run(id, time, null, null, value, null, null, null, null, received, null, null);
      }
    });
    const started = performance.now();
    for (let i = 0; i < rows.length; i += 5_000) batch(rows.slice(i, i + 5_000));
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
  }
}

/** Runs the comparison; returns the measure for the results table. */
export async function sensorsIngestBench(
  options: { observations?: number; runs?: number } = {},
): Promise<Measure> {
  const total = options.observations ?? 1_000_000;
  const runs = options.runs ?? 3;
  const work = join(ROOT, 'bench', 'work', 'sensors-ingest');
  const pairs: { ours: number; baseline: number; ratio: number }[] = [];
  let rows: [number, number, number][] = [];
  let bodies: string[] = [];
  for (let run = 0; run < runs; run++) {
    const ourDir = join(work, `ours-${run}`);
    const baseDir = join(work, `baseline-${run}`);
    const ids = await prepare(ourDir);
    await prepare(baseDir);
    if (rows.length === 0) ({ bodies, rows } = generate(ids, total));
    const order = run % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    let oursRate = 0;
    let baseRate = 0;
    for (const which of order) {
      if (which === 'ours') {
        const result = await ours(ourDir, bodies);
        if (result.created !== rows.length)
          throw new Error(`ingest created ${result.created} of ${rows.length}`);
        oursRate = rows.length / result.seconds;
      } else {
        baseRate = rows.length / baseline(baseDir, rows);
      }
    }
    pairs.push({ ours: oursRate, baseline: baseRate, ratio: oursRate / baseRate });
    say(
      `  run ${run + 1}/${runs}: HTTP ingest ${Math.round(oursRate).toLocaleString('en-US')} obs/s, raw inserts ${Math.round(baseRate).toLocaleString('en-US')} obs/s, ratio ${(oursRate / baseRate).toFixed(2)}x`,
    );
    await rm(ourDir, { recursive: true, force: true });
    await rm(baseDir, { recursive: true, force: true });
  }
  return {
    measure: `HTTP batch ingest of ${total.toLocaleString('en-US')} observations`,
    unit: 'obs/s',
    ours: median(pairs.map((p) => p.ours)),
    baseline: median(pairs.map((p) => p.baseline)),
    ratio: median(pairs.map((p) => p.ratio)),
    target: '>= 0.6x raw inserts',
    limit: { on: 'ratio', max: 0.6, inclusive: true, min: true },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { observations: { type: 'string' }, runs: { type: 'string' } } });
  const measure = await sensorsIngestBench({
    observations: values.observations ? Number(values.observations) : undefined,
    runs: values.runs ? Number(values.runs) : undefined,
  });
  say(`\n${table([measure])}`);
  await mergeResults(join(ROOT, 'bench', 'results.json'), 'sensors_ingest', [measure], {
    observations: values.observations ? Number(values.observations) : 1_000_000,
    batch: `${BATCH_STREAMS} datastreams x ${BATCH_ROWS_PER_STREAM} rows`,
    clients: CLIENTS,
  });
}
