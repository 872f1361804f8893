#!/usr/bin/env node
// Runs Plaza from a clone without a build step: the TypeScript sources are bundled by esbuild into
// node_modules/.cache/plaza (in well under a second, and only when a source file changed), then run as
// plain JavaScript. That keeps start-up fast and memory low; `npm run build` emits dist/ for deployments.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli.ts');
const cache = join(root, 'node_modules', '.cache', 'plaza');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// One folder per state of the sources: processes started at the same moment never rebuild under each other.
const newest = Math.max(
  newestSource(join(root, 'src')),
  statSync(join(root, 'package.json')).mtimeMs,
  statSync(join(root, 'tsconfig.json')).mtimeMs,
);
const outdir = join(cache, String(Math.floor(newest)));
const outfile = join(outdir, 'cli.mjs');

if (!existsSync(outfile)) {
  const { build } = await import('esbuild');
  const building = `${outdir}.${process.pid}.tmp`;
  await build({
    // The SQLite workers run on their own threads: more entries, written next to the CLI's chunks.
    entryPoints: {
      cli: entry,
      'sqlite-query-worker': join(root, 'src', 'db', 'sqlite-query-worker.ts'),
      'sqlite-observation-worker': join(root, 'src', 'db', 'sqlite-observation-worker.ts'),
    },
    outdir: building,
    // Commands load on demand: with splitting each one's modules (and packages) load only when it runs.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  try {
    renameSync(building, outdir);
  } catch {
    // Another process finished the same build first: use its folder.
    rmSync(building, { recursive: true, force: true });
  }
  // Bundles of older sources are of no further use.
  for (const old of readdirSync(cache)) {
    if (join(cache, old) !== outdir && !old.endsWith('.tmp'))
      rmSync(join(cache, old), { recursive: true, force: true });
  }
}
await import(pathToFileURL(outfile).href);
