/**
 * A real `plaza serve` process on the database of a test app, with its whole output captured: for tests of what
 * the server writes to its log, and of forms the way a browser without JavaScript sends them.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports.js';
import type { TestApp } from './test-app.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServedPlaza {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** The token and cookie of a form page, for a browser without a session. */
  form(path: string): Promise<{ csrf: string; cookie: string }>;
  /** Posts a form as a browser does (urlencoded, redirects not followed). */
  postForm(path: string, cookie: string, fields: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Starts `plaza serve` on the app's data folder and database, logging at trace level, with these PLAZA_*
 * variables on top (the parent's are dropped); resolves once the output holds every `ready` line.
 */
export async function servePlaza(
  t: TestApp,
  env: (base: string) => Record<string, string>,
  ready: readonly string[] = ['Plaza is serving'],
): Promise<ServedPlaza> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(childEnv)) if (key.startsWith('PLAZA_')) delete childEnv[key];
  Object.assign(childEnv, {
    PLAZA_DATA_DIR: t.config.dataDir,
    ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
    PLAZA_LOG_LEVEL: 'trace',
    PLAZA_HOST: '127.0.0.1',
    PLAZA_PORT: String(port),
    PLAZA_PUBLIC_URL: base,
    PLAZA_SIMULATE: 'false',
    PLAZA_SEED_DEMO: 'false',
    ...env(base),
  });
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'plaza.js'), 'serve', '--no-seed'], {
    env: childEnv,
    cwd: ROOT,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 45_000;
  while (!ready.every((line) => output.includes(line))) {
    if (child.exitCode !== null) throw new Error(`plaza serve exited: ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`plaza serve did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    base,
    output: () => output,
    async form(path) {
      const res = await fetch(`${base}${path}`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
      const cookie = res.headers
        .getSetCookie()
        .find((c) => c.startsWith('plaza_form='))
        ?.split(';')[0];
      if (!csrf || !cookie) throw new Error(`${path} has no form token`);
      return { csrf, cookie };
    },
    postForm: (path, cookie, fields) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams(fields).toString(),
      }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
