/**
 * Where the time goes: runs `plaza import` under `node --cpu-prof` on a generated file (200,000 rows unless
 * --rows N) and prints the top self time by file and by function. With --download it also profiles the
 * server during one full CSV download of the imported rows.
 *
 *   npx tsx bench/profile.ts [--rows N] [--download] [--keep]
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCsv } from './generate.js';
import { httpRead } from './measure.js';
import { createDataset, DATASET, importFile, ROOT, startServer } from './portal.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A readable, machine-independent name for a script: relative to the project, or a package path. */
function scriptName({ url, functionName }: ProfileNode['callFrame']): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (!url.startsWith('file:')) return url;
  const path = relative(ROOT, fileURLToPath(url));
  const modules = path.lastIndexOf('node_modules/');
  return modules >= 0 ? path.slice(modules) : path;
}

function functionLabel(frame: ProfileNode['callFrame']): string {
  const file = scriptName(frame);
  if (file.startsWith('(') && file !== '(native)') return file;
  // Sources compiled on the fly report everything on line 1; a line number helps only elsewhere.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}  ${file}${line}`;
}

/** Self time in milliseconds per key, from the samples of a profile. */
function selfTimes(profile: CpuProfile, key: (node: ProfileNode) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const k = key(node);
    totals.set(k, (totals.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

function top(totals: Map<string, number>, count: number): string {
  totals.delete('(idle)');
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}

/** Summarizes the busiest profile in `dir` (node writes one per thread: main and module loader). */
async function summarize(dir: string, title: string): Promise<void> {
  let busiest: { profile: CpuProfile; busy: number } | undefined;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(join(dir, name), 'utf8')) as CpuProfile;
    const idle = selfTimes(profile, (n) => n.callFrame.functionName).get('(idle)') ?? 0;
    const busy = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000 - idle;
    if (!busiest || busy > busiest.busy) busiest = { profile, busy };
  }
  if (!busiest) throw new Error(`node wrote no CPU profile for ${title}`);
  const { profile, busy } = busiest;
  console.log(
    `\n${title}: self time by file (${busy.toFixed(0)} ms busy on the main thread, startup included)`,
  );
  console.log(
    top(
      selfTimes(profile, (n) => scriptName(n.callFrame)),
      15,
    ),
  );
  console.log(`\n${title}: self time by function`);
  console.log(
    top(
      selfTimes(profile, (n) => functionLabel(n.callFrame)),
      25,
    ),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      download: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const rows = values.rows === undefined ? 200_000 : Number(values.rows.replace(/_/g, ''));
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive integer');
  const work = join(ROOT, 'bench', 'work', 'profile');
  await rm(work, { recursive: true, force: true });
  const importProfiles = join(work, 'import');
  const serverProfiles = join(work, 'server');
  await mkdir(importProfiles, { recursive: true });
  await mkdir(serverProfiles, { recursive: true });
  try {
    const csv = join(work, `${DATASET}.csv`);
    await generateCsv(csv, rows);
    const dataDir = join(work, 'plaza');
    await createDataset(dataDir);
    const run = await importFile(dataDir, csv, ['--cpu-prof', '--cpu-prof-dir', importProfiles]);
    console.log(
      `plaza import of ${rows.toLocaleString('en-US')} rows: ${run.seconds.toFixed(2)} s under the profiler`,
    );
    await summarize(importProfiles, 'import');

    if (values.download) {
      const server = await startServer(dataDir, ['--cpu-prof', '--cpu-prof-dir', serverProfiles]);
      try {
        const read = await httpRead(`${server.url}/api/v1/datasets/${DATASET}/rows.csv`);
        console.log(
          `\nGET rows.csv: ${read.status}, ${read.bytes.toLocaleString('en-US')} bytes in ${read.seconds.toFixed(2)} s`,
        );
      } finally {
        await server.stop();
      }
      await summarize(serverProfiles, 'server (startup and one download)');
    }
  } finally {
    if (values.keep) console.log(`\nKept the profiles in bench/work/profile (open them in Chrome DevTools)`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
