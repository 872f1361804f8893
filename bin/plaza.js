#!/usr/bin/env node
// Runs Plaza from a clone without a build step: the TypeScript sources are bundled by esbuild into
// node_modules/.cache/plaza (in well under a second, and only when a source file changed), then run as
// plain JavaScript. That keeps start-up fast and memory low; `npm run build` emits dist/ for deployments.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli.ts');
const outdir = join(root, 'node_modules', '.cache', 'plaza');
const outfile = join(outdir, 'cli.mjs');

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

function bundleTime() {
  try {
    return statSync(outfile).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = [join(root, 'src'), join(root, 'package.json'), join(root, 'tsconfig.json')];
const newest = Math.max(newestSource(sources[0]), statSync(sources[1]).mtimeMs, statSync(sources[2]).mtimeMs);
if (newest > bundleTime()) {
  const { build } = await import('esbuild');
  // Chunk names change with their content: start from an empty folder so old chunks do not pile up.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [entry],
    outdir,
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
}
await import(pathToFileURL(outfile).href);
