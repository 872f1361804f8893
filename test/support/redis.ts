/**
 * A real redis-server for the tests of several nodes (and for the benchmark): in a temp folder, on a free port
 * of 127.0.0.1, without persistence, stopped and deleted at the end.
 *
 * Tests that need it are written inside `describeRedis`: without redis-server they print a loud SKIPPED line,
 * or fail under PLAZA_REQUIRE_ALL=1 (as CI runs), like the other tiers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';
import { track } from './cleanup.js';
import { freePort } from './ports.js';
import { tierUnavailable } from './skip.js';
import { describeDb } from './tier.js';

export interface RedisServer {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** Stops the server (the data goes with it); safe to call twice. */
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

/** PLAZA_REDIS_SERVER if set, then redis-server on PATH or in the usual folders. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PLAZA_REDIS_SERVER)
    return isExecutable(env.PLAZA_REDIS_SERVER) ? env.PLAZA_REDIS_SERVER : undefined;
  const dirs = [
    ...(env.PATH ?? '').split(delimiter).filter(Boolean),
    '/usr/bin',
    '/usr/sbin',
    '/usr/local/bin',
  ];
  return dirs.map((dir) => join(dir, 'redis-server')).find(isExecutable);
}

/** Whether a server answers PING on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts redis-server (on the port given, or a free one); throws with its output when it does not come up. */
export async function startRedisServer(
  options: { port?: number; binary?: string } = {},
): Promise<RedisServer> {
  const binary = options.binary ?? findRedisServer();
  if (!binary) throw new Error('redis-server not found: install it, or set PLAZA_REDIS_SERVER');
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'plaza-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(binary, [...args, '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = track(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}: ${output.trim().slice(-500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

/**
 * `describe` for tests that need redis-server (on the tier's database, like describeDb): a loud skip when it is
 * missing, a failure under PLAZA_REQUIRE_ALL=1.
 */
export function describeRedis(name: string, fn: () => void): void {
  if (findRedisServer()) {
    describeDb(name, fn);
    return;
  }
  const reason = process.env.PLAZA_REDIS_SERVER
    ? `PLAZA_REDIS_SERVER=${process.env.PLAZA_REDIS_SERVER} is not an executable redis-server`
    : 'redis-server not found on PATH or in /usr/bin; install redis-server (or set PLAZA_REDIS_SERVER)';
  if (process.env.PLAZA_REQUIRE_ALL === '1') {
    describe(name, () => {
      it('needs redis-server', () => {
        throw new Error(`The Redis tests cannot run and PLAZA_REQUIRE_ALL=1: ${reason}`);
      });
    });
    return;
  }
  tierUnavailable('Redis tests', reason);
  describe.skip(name, fn);
}
