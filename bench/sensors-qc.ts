/**
 * What quality control costs on the ingest path: the same observations ingested with QC on and with QC off
 * (PLAZA_QC=off), in the same run, alternating which goes first:
 *
 *   data      the demo's full sensor network (air quality, noise, traffic, parking: about 590 datastreams,
 *             5,700 observations an hour, with its injected faults: stuck values, spikes, late and wrong clocks)
 *             over --hours hours (default 12: about 68,000), each received when its device sent it
 *   devices   one observation per ingest call, as devices publish them over MQTT, 512 calls in flight
 *   bulk      a quarter hour of the whole network per call, as the demo backfill loads history
 *   store     SQLite (the default), a fresh copy of one seeded database per run; ingest in-process (the service
 *             HTTP, MQTT and SensorThings all call), so the comparison is not diluted by HTTP parsing; the
 *             first runs after a restart also read each datastream's recent history to prime its tests
 *   rounds    --rounds (default 5) pairs after one uncounted pair, the order alternating; the median ratio
 *   target    throughput with QC >= 0.85x throughput without (QC costs at most 15%)
 *
 * Alone: `npx tsx bench/sensors-qc.ts [--hours N] [--rounds N]`.
 */
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createContext } from '../src/demo/context.js';
import { sensorDatasets } from '../src/demo/datasets/sensors.js';
import { DEPARTMENTS } from '../src/demo/departments.js';
import { networkDeliveries } from '../src/demo/sensors/deliveries.js';
import type { ObservationInput } from '../src/sensors/ingest.service.js';
import { observationOf } from '../src/sensors/simulator/backfill.js';
import { networkIds, seedSensorNetwork } from '../src/sensors/simulator/network-seed.js';
import { createServices } from '../src/services.js';
import { median } from './measure.js';
import { ROOT } from './portal.js';
import { mergeResults, table, type Measure } from './report.js';

const HOUR = 3_600_000;
const QUARTER = HOUR / 4;
const IN_FLIGHT = 512;
const say = (line: string) => process.stdout.write(`${line}\n`);

type Mode = 'devices' | 'bulk';

interface Workload {
  items: ObservationInput[];
  sent: number[];
  /** Index ranges of the bulk calls (a quarter hour each). */
  quarters: [number, number][];
}

const configOf = (dataDir: string, qc: boolean) =>
  loadConfig({
    PLAZA_DATA_DIR: dataDir,
    PLAZA_SEED_DEMO: 'false',
    PLAZA_LOG_LEVEL: 'silent',
    PLAZA_QC: qc ? 'on' : 'off',
  });

/** A data folder with the demo's sensor datasets and network (no history); returns the workload on it. */
async function prepare(dataDir: string, hours: number): Promise<Workload> {
  await rm(dataDir, { recursive: true, force: true });
  const db = openDatabase(configOf(dataDir, false));
  try {
    await migrateToLatest(db);
    const services = createServices(configOf(dataDir, false), db);
    await services.catalog.ensureReferenceData();
    for (const department of DEPARTMENTS) await services.catalog.upsertDepartment({ ...department });
    for (const { meta } of sensorDatasets(createContext('/nonexistent', 1, 1, Date.now()))) {
      await services.catalog.create(meta);
    }
    const end = Math.floor(Date.now() / HOUR) * HOUR - 24 * HOUR;
    const { network } = await seedSensorNetwork(services, { days: 0, now: end });
    const { datastreams } = await networkIds(db);
    const work: Workload = { items: [], sent: [], quarters: [] };
    for (let from = end - hours * HOUR; from < end; from += QUARTER) {
      const first = work.items.length;
      for (const delivery of networkDeliveries(network, from, from + QUARTER)) {
        const id = datastreams.get(delivery.stream.key);
        if (id === undefined) continue;
        work.items.push(observationOf(delivery, id));
        work.sent.push(delivery.at);
      }
      work.quarters.push([first, work.items.length]);
    }
    return work;
  } finally {
    await db.close();
  }
}

/** Ingests the workload into a copy of the seeded folder; returns observations stored per second. */
async function run(template: string, dataDir: string, work: Workload, mode: Mode, qc: boolean) {
  await rm(dataDir, { recursive: true, force: true });
  await cp(template, dataDir, { recursive: true });
  const db = openDatabase(configOf(dataDir, qc));
  try {
    const { ingest } = createServices(configOf(dataDir, qc), db).sensors;
    const writer = { kind: 'admin' } as const;
    let created = 0;
    const count = (results: { status: string }[]) => {
      for (const r of results) if (r.status === 'created') created++;
    };
    const started = performance.now();
    if (mode === 'bulk') {
      for (const [from, to] of work.quarters) {
        count(
          await ingest.ingest(work.items.slice(from, to), writer, {
            live: false,
            receivedAt: work.sent.slice(from, to),
          }),
        );
      }
    } else {
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < work.items.length) {
            const i = next++;
            count(await ingest.ingest([work.items[i]!], writer, { receivedAt: work.sent[i]! }));
          }
        }),
      );
    }
    await ingest.drain();
    return { rate: created / ((performance.now() - started) / 1000), created };
  } finally {
    await db.close();
  }
}

/** Runs the comparison; returns one measure per mode. */
export async function sensorsQcBench(
  options: { hours?: number; rounds?: number; modes?: readonly Mode[] } = {},
): Promise<Measure[]> {
  const hours = options.hours ?? 12;
  const rounds = options.rounds ?? 5;
  const work = join(ROOT, 'bench', 'work', 'sensors-qc');
  const template = join(work, 'template');
  const target = join(work, 'run');
  const workload = await prepare(template, hours);
  say(`  ${workload.items.length.toLocaleString('en-US')} observations (${hours} h of the demo network)`);
  const measures: Measure[] = [];
  for (const mode of options.modes ?? (['devices', 'bulk'] as const)) {
    const pairs: { on: number; off: number }[] = [];
    // A run of each first, not counted: the code paths compiled, the files in the page cache.
    for (const qc of [true, false]) await run(template, target, workload, mode, qc);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [true, false] : [false, true];
      const pair = { on: 0, off: 0 };
      for (const qc of order) {
        const { rate, created } = await run(template, target, workload, mode, qc);
        if (created < workload.items.length * 0.9) throw new Error(`only ${created} observations stored`);
        pair[qc ? 'on' : 'off'] = rate;
      }
      pairs.push(pair);
      say(
        `  ${mode} round ${round + 1}/${rounds}: QC on ${Math.round(pair.on).toLocaleString('en-US')} obs/s, QC off ${Math.round(pair.off).toLocaleString('en-US')} obs/s, ratio ${(pair.on / pair.off).toFixed(3)}`,
      );
    }
    measures.push({
      measure:
        mode === 'devices'
          ? 'Ingest with QC, one observation per call (devices)'
          : 'Ingest with QC, a quarter hour of the network per call (backfill)',
      unit: 'obs/s',
      ours: median(pairs.map((p) => p.on)),
      baseline: median(pairs.map((p) => p.off)),
      ratio: median(pairs.map((p) => p.on / p.off)),
      target: '>= 0.85x ingest without QC',
      limit: { on: 'ratio', max: 0.85, inclusive: true, min: true },
    });
  }
  await rm(work, { recursive: true, force: true });
  return measures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { hours: { type: 'string' }, rounds: { type: 'string' } } });
  const measures = await sensorsQcBench({
    hours: values.hours ? Number(values.hours) : undefined,
    rounds: values.rounds ? Number(values.rounds) : undefined,
  });
  say(`\n${table(measures)}`);
  await mergeResults(join(ROOT, 'bench', 'results.json'), 'sensors_qc', measures, {
    hours: values.hours ? Number(values.hours) : 12,
    inFlight: IN_FLIGHT,
  });
}
