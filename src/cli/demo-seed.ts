import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { writeDemo } from '../demo/plan.js';
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
  options: { force?: boolean; scale?: number; quiet?: boolean } = {},
): Promise<boolean> {
  if (!options.force && (await services.state.get(SEEDED))) return false;
  const say = (line: string) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
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
    await services.state.set(SEEDED, new Date().toISOString());
    say(`Demo ready: ${plan.datasets.length} datasets from ${plan.departments.length} departments.`);
    return true;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
