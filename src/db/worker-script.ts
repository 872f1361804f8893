import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = new Map<string, Promise<string>>();

/**
 * The JavaScript of a worker thread (`name` is a `src/db/<name>.ts` entry): next to this module when running
 * from a bundle or a build, otherwise bundled from the TypeScript source once per process (tests and tools that
 * run the sources directly).
 */
export function workerScript(name: string): Promise<string> {
  let script = scripts.get(name);
  if (!script) {
    script = (async () => {
      const here = fileURLToPath(import.meta.url);
      for (const file of [`${name}.mjs`, `${name}.js`]) {
        const candidate = join(dirname(here), file);
        if (existsSync(candidate)) return candidate;
      }
      const source = join(dirname(here), `${name}.ts`);
      const root = join(dirname(here), '..', '..');
      const outDir = join(root, 'node_modules', '.cache', 'plaza-worker');
      mkdirSync(outDir, { recursive: true });
      const out = join(outDir, `${name}-${process.pid}.mjs`);
      const { build } = await import('esbuild');
      await build({
        entryPoints: [source],
        outfile: `${out}.tmp`,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
      });
      renameSync(`${out}.tmp`, out);
      return out;
    })();
    scripts.set(name, script);
  }
  return script;
}
