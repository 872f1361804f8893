/**
 * A throwaway PostgreSQL cluster for the postgres test tier: initdb into a temp folder, start on a free port with
 * durability switched off (the data dies with the run anyway), stop and delete at the end.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const run = promisify(execFile);

const TOOLS = ['initdb', 'pg_ctl', 'postgres'] as const;

export interface Cluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`: the superuser, trusted, on the maintenance database. */
  adminUrl: string;
  port: number;
  binDir: string;
  stop(): Promise<void>;
}

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const hasTools = (dir: string) => TOOLS.every((tool) => isExecutable(join(dir, tool)));

const versionOf = (name: string) => name.split('.').map((part) => Number.parseInt(part, 10) || 0);

const newestFirst = (a: string, b: string) => {
  const [x, y] = [versionOf(a), versionOf(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (y[i] ?? 0) - (x[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
};

/**
 * The folder holding initdb, pg_ctl and postgres: PLAZA_PG_BIN if set, then PATH (following symlinks, so that
 * Debian's wrappers are not mistaken for the tools), then the newest /usr/lib/postgresql/N/bin.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PLAZA_PG_BIN) return hasTools(env.PLAZA_PG_BIN) ? env.PLAZA_PG_BIN : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const initdb = join(dir, 'initdb');
    if (!isExecutable(initdb)) continue;
    const real = dirname(realpathSync(initdb));
    if (hasTools(real)) return real;
    if (hasTools(dir)) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .sort(newestFirst)
    .map((version) => join(root, version, 'bin'))
    .find(hasTools);
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` OS user. */
interface RunAs {
  command(file: string, args: string[]): [string, string[]];
  owner?: { uid: number; gid: number };
}

function runAs(): RunAs {
  if (process.getuid?.() !== 0) return { command: (file, args) => [file, args] };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('running as root and there is no "postgres" OS user to run the cluster as');
  }
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(isExecutable);
  if (runuser)
    return {
      command: (file, args) => [runuser, ['-u', 'postgres', '--', file, ...args]],
      owner: { uid, gid },
    };
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  return {
    command: (file, args) => [
      'su',
      ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(quote).join(' ')],
    ],
    owner: { uid, gid },
  };
}

/** Why a command failed, with the tail of what it printed. */
function failure(what: string, error: unknown): Error {
  const e = error as { stderr?: string; stdout?: string; message?: string };
  const output = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().split('\n').slice(-5).join(' | ');
  return new Error(`${what} failed: ${output || e.message || String(error)}`);
}

/** Creates and starts a cluster; throws an Error whose message says why when it cannot. */
export async function startCluster(binDir: string): Promise<Cluster> {
  const as = runAs();
  const root = mkdtempSync(join(tmpdir(), 'plaza-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  const logFile = join(root, 'postgres.log');
  mkdirSync(socketDir);
  if (as.owner) {
    chownSync(root, as.owner.uid, as.owner.gid);
    chownSync(socketDir, as.owner.uid, as.owner.gid);
  }
  const tool = (name: (typeof TOOLS)[number], args: string[]) => {
    const [file, argv] = as.command(join(binDir, name), args);
    // cwd: the postgres user may not be allowed into the current folder.
    return run(file, argv, { cwd: root, env: { ...process.env, LC_ALL: 'C' }, timeout: 120_000 });
  };
  const remove = () => rmSync(root, { recursive: true, force: true });

  try {
    await tool('initdb', [
      '-D',
      dataDir,
      '--auth=trust',
      '-U',
      'postgres',
      '--encoding=UTF8',
      '--locale=C',
      // Byte-order collation, but a UTF-8 ctype: full-text search needs to know non-ASCII letters and their case.
      '--lc-ctype=C.UTF-8',
      '--no-sync',
    ]);
  } catch (error) {
    remove();
    throw failure('initdb', error);
  }

  // A free port can be taken between the probe and the start: try a few.
  let port = 0;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && port === 0; attempt++) {
    const candidate = await freePort();
    const options = [
      `-p ${candidate}`,
      `-k ${socketDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    try {
      await tool('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start']);
      port = candidate;
    } catch (error) {
      lastError = error;
    }
  }
  if (port === 0) {
    const log = existsSync(logFile)
      ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' | ')
      : '';
    // A server that came up too slowly for -w may still be running.
    await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => undefined);
    remove();
    const error = failure('pg_ctl start', lastError);
    throw log ? new Error(`${error.message}; server log: ${log}`) : error;
  }

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    const [file, argv] = as.command(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    spawnSync(file, argv, { cwd: root, stdio: 'ignore', timeout: 30_000 });
    remove();
  };
  // Last resort if the runner exits without calling teardown (an interrupted run).
  process.once('exit', stopSync);

  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    binDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      try {
        await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        remove();
      }
    },
  };
}
