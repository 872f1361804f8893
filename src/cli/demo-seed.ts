import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { writeDemo } from '../demo/plan.js';
import { BACKFILL_STATE, SENSOR_DATASETS, seedSensorNetwork } from '../sensors/simulator/network-seed.js';
import type { Services } from '../services.js';
import type { ImportFormat } from '../tables/import/import.types.js';
import { importProgress } from './progress.js';

const SEEDED = 'demo_seeded_at';

/**
 * Seeds the Westminster demo when it has not been seeded: departments, datasets and their data. Safe to run
 * again: it skips what exists, and a seed cut short resumes where it stopped. Returns whether it seeded.
 */
export async function seedDemo(
  services: Services,
  config: Pick<Config, 'dataDir'>,
  options: {
    force?: boolean;
    scale?: number;
    quiet?: boolean;
    /** Also create the sensor network (default); `serve` does it after it starts listening instead. */
    sensors?: boolean;
  } = {},
): Promise<boolean> {
  const say = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  if (!options.force && (await services.state.get(SEEDED))) {
    // Demos seeded before the sensor network existed get it now.
    if (options.sensors !== false) await seedDemoSensors(services, { scale: options.scale, say });
    return false;
  }
  say('Seeding the Westminster demo (synthetic data, first start only)...');
  await mkdir(config.dataDir, { recursive: true });
  const dir = await mkdtemp(join(config.dataDir, 'demo-'));
  try {
    const plan = await writeDemo(dir, { scale: options.scale });
    for (const department of plan.departments) await services.catalog.upsertDepartment(department);
    for (const { meta, file } of plan.datasets) {
      if (!(await services.catalog.exists(meta.id))) await services.catalog.create(meta);
      if (!file || (await services.tables.dataStates.get(meta.id))) continue;
      const progress = importProgress(`  ${meta.id}`);
      const report = await services.imports.importFile({
        datasetId: meta.id,
        file: join(dir, file.name),
        format: file.format as ImportFormat,
        types: file.types,
        onProgress: options.quiet ? undefined : (p) => progress.update(p),
      });
      if (meta.columns?.length) await services.catalog.update(meta.id, { columns: meta.columns });
      if (!options.quiet) progress.done(`${report.rows_written.toLocaleString('en-US')} rows`);
    }
    if (options.sensors !== false) await seedDemoSensors(services, { scale: options.scale, say });
    await services.state.set(SEEDED, new Date().toISOString());
    say(`Demo ready: ${plan.datasets.length} datasets from ${plan.departments.length} departments.`);
    return true;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The demo's sensor network (Things and Datastreams), when the demo's sensor datasets exist and the network has
 * not been seeded yet; its history is backfilled by `serve` in the background.
 */
export async function seedDemoSensors(
  services: Services,
  { scale, say }: { scale?: number; say: (line: string) => void },
): Promise<void> {
  if (await services.state.get(BACKFILL_STATE)) return;
  for (const id of SENSOR_DATASETS) if (!(await services.catalog.exists(id))) return;
  const started = Date.now();
  const { created, network } = await seedSensorNetwork(services, { scale: Math.min(1, scale ?? 1) });
  if (created > 0) {
    say(
      `  sensor network: ${created} devices, ${network.streams.length} datastreams in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
