/**
 * Client islands: the few scripts that earn their weight (map, chart, live updates, table enhancement), each a
 * TypeScript entry in `src/web/client/`, bundled and minified by esbuild in memory once per process and served
 * at a URL with the content's hash (`/assets/js/map.3f9a1c2b.js`), cached for a year. Pages that need no island
 * ship no JavaScript at all.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Island {
  name: string;
  url: string;
  body: Buffer;
}

export interface Islands {
  /** The URL of an island by its entry name (the file name without `.ts`); throws for an unknown island. */
  url(name: string): string;
  /** The island served at a path under /assets/js/, if any. */
  byFile(file: string): Island | undefined;
  /** Every island with its size, for the page-weight benchmark. */
  all(): readonly Island[];
}

/** The client sources: found by walking up from this module (sources, bundle or build). */
export function clientFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'src', 'web', 'client');
    if (existsSync(candidate)) return candidate;
    const here = join(dir, 'client');
    if (dir.endsWith(join('src', 'web')) && existsSync(here)) return here;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('the client island sources (src/web/client) were not found');
}

async function bundle(): Promise<Islands> {
  const folder = clientFolder();
  const entries = readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !file.startsWith('_'))
    .map((file) => join(folder, file));
  const result = await build({
    entryPoints: entries,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    outdir: '/islands',
    logLevel: 'silent',
    legalComments: 'none',
    sourcemap: false,
  });
  const islands = new Map<string, Island>();
  const byFile = new Map<string, Island>();
  for (const output of result.outputFiles) {
    const name = output.path.replace(/^.*[\\/]/, '').replace(/\.js$/, '');
    const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 10);
    const file = `${name}.${hash}.js`;
    const island: Island = { name, url: `/assets/js/${file}`, body: Buffer.from(output.contents) };
    islands.set(name, island);
    byFile.set(file, island);
  }
  return {
    url(name) {
      const island = islands.get(name);
      if (!island) throw new Error(`no client island named ${name}`);
      return island.url;
    },
    byFile: (file) => byFile.get(file),
    all: () => [...islands.values()],
  };
}

let built: Promise<Islands> | undefined;

/** The islands of this process (bundled on first call; every app in the process shares them). */
export function loadIslands(): Promise<Islands> {
  built ??= bundle().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}
