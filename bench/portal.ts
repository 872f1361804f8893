/** Plaza as the benchmark drives it: a fresh data folder with the dataset, the import CLI, the server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { ImportReport } from '../src/tables/import/import.types.js';
import { TYPE_OVERRIDES } from './generate.js';
import { freePort, runProcess, stopProcess, waitForHttp, watchMemory, type ProcessRun } from './measure.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATASET = 'bench-rows';
const CLI = join(ROOT, 'bin', 'plaza.js');
const PEAK_HOOK = join(ROOT, 'bench', 'peak-on-exit.mjs');

/** The environment of a Plaza child process using `dataDir`; nothing inherited decides where data goes. */
export function plazaEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
  return { ...env, PLAZA_DATA_DIR: dataDir, PLAZA_SEED_DEMO: 'false', PLAZA_LOG_LEVEL: 'warn', ...extra };
}

/** Creates a fresh data folder holding the migrated database and the empty `bench-rows` dataset. */
export async function createDataset(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  const config = loadConfig({ PLAZA_DATA_DIR: dataDir, PLAZA_SEED_DEMO: 'false', PLAZA_LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    const { http, services } = await buildApp(config, db);
    try {
      await services.catalog.upsertDepartment({ id: 'benchmarks', name: 'Benchmarks' });
      await services.catalog.create({
        id: DATASET,
        title: 'Benchmark rows',
        description: 'Synthetic building-permit-like rows for the import and download benchmark.',
        category: 'permits-licensing',
        keywords: ['benchmark'],
        department: 'benchmarks',
        steward: { name: 'Benchmark runner', email: 'bench@example.org' },
        license: 'CC0-1.0',
        update_frequency: 'irregular',
      });
    } finally {
      await http.close();
    }
  } finally {
    await db.close();
  }
}

/** Loads every module of the CLI once, so that the first timed run does not pay for compiling TypeScript. */
export async function warmUp(dataDir: string): Promise<void> {
  const run = await runProcess(process.execPath, [CLI, 'import', '--help'], {
    env: plazaEnv(dataDir),
    cwd: ROOT,
  });
  if (run.exitCode !== 0) throw new Error(`plaza import --help failed:\n${run.stderr}`);
}

export interface ImportRun extends ProcessRun {
  report: ImportReport;
  /** Peak resident memory as the process itself read it on exit (falls back to the sampled peak). */
  exitPeakBytes: number;
}

/** Times `plaza import <file> --dataset bench-rows` as a child process; `nodeArgs` go before the script. */
export async function importFile(
  dataDir: string,
  file: string,
  nodeArgs: readonly string[] = [],
): Promise<ImportRun> {
  const peakFile = join(dirname(dataDir), `${DATASET}.peak`);
  await rm(peakFile, { force: true });
  const run = await runProcess(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      PEAK_HOOK,
      CLI,
      'import',
      file,
      '--dataset',
      DATASET,
      '--types',
      TYPE_OVERRIDES,
    ],
    { env: plazaEnv(dataDir, { BENCH_PEAK_FILE: peakFile }), cwd: ROOT },
  );
  if (run.exitCode !== 0)
    throw new Error(`plaza import exited with ${run.exitCode}:\n${run.stderr.slice(-4000)}`);
  const report = JSON.parse(run.stdout) as ImportReport;
  const reported = Number(await readFile(peakFile, 'utf8').catch(() => '0'));
  await rm(peakFile, { force: true });
  return { ...run, report, exitPeakBytes: Math.max(reported, run.peakBytes) };
}

export interface Server {
  url: string;
  child: ChildProcess;
  memory: ReturnType<typeof watchMemory>;
  stop(): Promise<void>;
}

/** Starts `plaza serve --no-seed` on a free local port and waits until it is ready; `nodeArgs` as for imports. */
export async function startServer(
  dataDir: string,
  nodeArgs: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--no-seed'], {
    env: plazaEnv(dataDir, { PLAZA_PORT: String(port), PLAZA_HOST: '127.0.0.1', ...env }),
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    log = (log + text).slice(-4000);
  });
  if (child.pid === undefined) throw new Error('could not start plaza serve');
  const memory = watchMemory(child.pid);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await memory.stop();
    await stopProcess(child);
  };
  try {
    await waitForHttp(`${url}/readyz`, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return { url, child, memory, stop };
}
