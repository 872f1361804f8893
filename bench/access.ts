/**
 * The cost of authentication and rate limiting on a small GET (`GET /api/v1/datasets/{id}`, one dataset's
 * metadata): three `plaza serve` processes, each on its own copy of one SQLite database, loaded in turn by a
 * client process over real keep-alive sockets with `connections` requests in flight:
 *
 *   baseline  PLAZA_RATE_LIMITS=off, anonymous requests
 *   limits    rate limits on (in-process counters), every request with an API key: the key looked up, the
 *             budget counted, five headers written, the use of the key counted
 *                throughput >= 0.90x the baseline's
 *   redis     the same with the counters in Redis (one round trip per request)
 *                throughput >= 0.75x the baseline's
 *
 * Each server has a process of its own, so that none pays for another's garbage. Rounds go through every order
 * of the servers (base, limits, redis; base, redis, limits; ...) so that drift hits all alike; each ratio is the
 * median of the per-round ratios. The CPU time of each server per request (from /proc) is kept beside, in results.json, as a
 * view less sensitive to other work on the machine than throughput. The run checks that every answer was 200,
 * that the limited servers sent the RateLimit headers and counted down, and that the baseline sent none. Without
 * redis-server the Redis measure is left out, and said so.
 *
 * Alone: `npx tsx bench/access.ts [--seconds N] [--rounds N] [--connections N]`; adds its measures to
 * bench/results.json.
 */
import { spawn } from 'node:child_process';
import { cp, readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { findRedisServer, startRedisServer, type RedisServer } from '../test/support/redis.js';
import { median } from './measure.js';
import { ROOT, startServer, type Server as PlazaServer } from './portal.js';
import { mergeResults, passes, table, type Measure } from './report.js';

const DATASET = 'bench-access';
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Server {
  name: 'baseline' | 'limits' | 'redis';
  process: PlazaServer;
  url: string;
  headers: Record<string, string>;
}

const SERVER_ENV = {
  PLAZA_MQTT: 'false',
  PLAZA_SIMULATE: 'false',
  PLAZA_LOG_LEVEL: 'warn',
  // Budgets no run reaches: the bench measures the counting, not the refusals.
  PLAZA_LIMIT_REQUESTS: 'anonymous=1000000000,standard=1000000000,elevated=1000000000,partner=1000000000',
};

/** The dataset and a developer's API key, written to a fresh database before the servers start. */
async function prepare(dataDir: string): Promise<string> {
  const config = loadConfig({ PLAZA_DATA_DIR: dataDir, PLAZA_SEED_DEMO: 'false', PLAZA_LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    const { http, services } = await buildApp({ ...config, mqtt: 'off' }, db);
    try {
      await services.catalog.upsertDepartment({ id: 'benchmarks', name: 'Benchmarks' });
      await services.catalog.create({
        id: DATASET,
        title: 'Benchmark access',
        description: 'A dataset whose metadata the access benchmark reads.',
        category: 'city-services',
        keywords: ['benchmark'],
        department: 'benchmarks',
        steward: { name: 'Benchmark runner', email: 'bench@example.org' },
        license: 'CC0-1.0',
        update_frequency: 'R/P1M',
      });
      const developer = await services.access.users.create({
        email: 'bench-access@example.org',
        name: 'Benchmark developer',
        kind: 'developer',
        password: 'benchmark password 0123456789',
        verified: true,
        termsVersion: '1',
      });
      return (await services.access.keys.create(developer.id, 'bench')).secret;
    } finally {
      await http.close();
    }
  } finally {
    await db.close();
  }
}

/** CPU time (user + system, all threads) of a process so far, in microseconds. */
async function cpuMicros(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name, in clock ticks.
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / TICKS_PER_SECOND;
}
const TICKS_PER_SECOND = 100;

// The client, in a process of its own: `connections` keep-alive sockets, each sending the next request as soon
// as the last answer has arrived whole. It speaks just enough HTTP/1.1 (a prepared request, the status line and
// Content-Length of each answer) to cost little next to the server, as load generators do: with a full HTTP
// client the client's own work would blur the servers' differences.
const CLIENT = `
const net = require('node:net');
const { performance } = require('node:perf_hooks');
process.on('message', async ({ url, headers, connections, ms }) => {
  const { hostname, port, pathname } = new URL(url);
  const lines = Object.entries(headers).map(([name, value]) => name + ': ' + value + '\\r\\n').join('');
  const request = Buffer.from('GET ' + pathname + ' HTTP/1.1\\r\\nHost: ' + hostname + ':' + port + '\\r\\n' + lines + '\\r\\n');
  let done = 0;
  let bad = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(Array.from({ length: connections }, () => new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    const next = () => {
      if (performance.now() < deadline) return void socket.write(request);
      socket.end();
      resolve();
    };
    socket.on('connect', next);
    socket.on('error', () => { bad++; resolve(); });
    socket.on('data', (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\\r\\n\\r\\n');
        if (end < 0) return;
        const head = buffer.toString('latin1', 0, end);
        const length = /\\r\\ncontent-length: *(\\d+)/i.exec(head);
        if (!length) { bad++; socket.destroy(); return resolve(); }
        const total = end + 4 + Number(length[1]);
        if (buffer.length < total) return;
        if (!head.startsWith('HTTP/1.1 200 ')) bad++;
        done++;
        buffer = buffer.subarray(total);
        next();
      }
    });
  })));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  process.send({ done, bad, seconds, clientMicros: (used.user + used.system) / Math.max(1, done) });
});`;

interface Run {
  rate: number;
  bad: number;
  /** CPU time of the server process (all its threads) per request, in microseconds. */
  cpuMicros: number;
  /** CPU time of the client per request, in microseconds. */
  clientMicros: number;
}

function client() {
  const child = spawn(process.execPath, ['-e', CLIENT], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    async run(server: Server, connections: number, ms: number): Promise<Run> {
      const pid = server.process.child.pid!;
      const cpu = await cpuMicros(pid);
      type Answer = { done: number; bad: number; seconds: number; clientMicros: number };
      const answer = new Promise<Answer>((resolve, reject) => {
        const failed = (code: number | null) => reject(new Error(`the client exited with ${code}`));
        child.once('exit', failed);
        child.once('message', (message: Answer) => {
          child.off('exit', failed);
          resolve(message);
        });
      });
      child.send({ url: server.url, headers: server.headers, connections, ms });
      const { done, bad, seconds, clientMicros } = await answer;
      const used = (await cpuMicros(pid)) - cpu;
      return { rate: done / seconds, bad, cpuMicros: used / done, clientMicros };
    },
    close: () => void child.kill(),
  };
}

/**
 * Every order of the servers, run in turn: each comes first, last, and right after each other as often, so that
 * what one run leaves behind (a busy moment, a cache) does not weigh on the same neighbour every time.
 */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** One request: the status and the rate-limit headers, to check what each server does. */
async function probe(server: Server) {
  const res = await fetch(server.url, { headers: server.headers });
  await res.arrayBuffer();
  return {
    status: res.status,
    policy: res.headers.get('ratelimit-policy'),
    remaining: res.headers.get('x-ratelimit-remaining'),
  };
}

export interface AccessBench {
  measures: Measure[];
  details: Record<string, unknown>;
  ok: boolean;
}

export async function accessBench(
  options: { seconds?: number; rounds?: number; connections?: number } = {},
): Promise<AccessBench> {
  const seconds = options.seconds ?? 0.5;
  const rounds = options.rounds ?? 24;
  const connections = options.connections ?? 16;
  const loadAtStart = loadavg()[0] ?? 0;
  const work = join(ROOT, 'bench', 'work', 'access');
  await rm(work, { recursive: true, force: true });
  const servers: Server[] = [];
  let redis: RedisServer | undefined;
  const load = client();
  try {
    const prepared = join(work, 'prepared');
    const secret = await prepare(prepared);
    const key = { 'x-api-key': secret };
    const start = async (
      name: Server['name'],
      env: Record<string, string>,
      headers: Record<string, string>,
    ) => {
      // A copy of the database each: no server's writes (the keys' usage) disturb another's reads.
      const dataDir = join(work, name);
      await cp(prepared, dataDir, { recursive: true });
      const started = await startServer(dataDir, [], { ...SERVER_ENV, ...env });
      servers.push({ name, process: started, url: `${started.url}/api/v1/datasets/${DATASET}`, headers });
    };
    await start('baseline', { PLAZA_RATE_LIMITS: 'off' }, {});
    await start('limits', {}, key);
    const redisServer = findRedisServer();
    if (redisServer) {
      redis = await startRedisServer({ binary: redisServer });
      await start('redis', { PLAZA_REDIS_URL: redis.url }, key);
    } else say('  redis-server not found: the Redis measure is left out (install redis-server).');

    // What each server does, checked before anything is timed.
    const probes: Record<string, Awaited<ReturnType<typeof probe>>[]> = {};
    for (const server of servers) probes[server.name] = [await probe(server), await probe(server)];
    const countsDown = (name: string) => {
      const [first, second] = probes[name] ?? [];
      return (
        first?.status === 200 &&
        second?.status === 200 &&
        first.policy === '"standard";q=1000000000;w=3600' &&
        Number(first.remaining) - Number(second.remaining) === 1
      );
    };
    const checks: Record<string, boolean> = {
      baseline_sends_no_limit_headers:
        probes.baseline?.every((p) => p.status === 200 && p.policy === null) ?? false,
      limits_count_the_key: countsDown('limits'),
      ...(redis && { redis_counts_the_key: countsDown('redis') }),
    };

    say(`  warming up (${servers.map((s) => s.name).join(', ')})...`);
    for (const server of servers) await load.run(server, connections, 1_000);

    const runs: Record<string, Run[]> = Object.fromEntries(servers.map((s) => [s.name, []]));
    const orders = permutations(servers);
    for (let round = 0; round < rounds; round++) {
      const order = orders[round % orders.length]!;
      for (const server of order)
        runs[server.name]!.push(await load.run(server, connections, seconds * 1000));
      say(
        `  round ${round + 1}/${rounds}: ${servers
          .map((s) => {
            const run = runs[s.name]![round]!;
            return `${s.name} ${Math.round(run.rate)} req/s (${Math.round(run.cpuMicros)} µs CPU/req)`;
          })
          .join(', ')}`,
      );
    }
    checks.every_answer_200 = Object.values(runs).every((list) => list.every((r) => r.bad === 0));

    const rates = (name: string) => (runs[name] ?? []).map((r) => r.rate);
    const ratio = (name: string) => median(rates(name).map((rate, i) => rate / rates('baseline')[i]!));
    const cpu = (name: string) => (runs[name] ?? []).map((r) => r.cpuMicros);
    const cpuRatio = (name: string) => median(cpu(name).map((us, i) => us / cpu('baseline')[i]!));
    const measure = (name: 'limits' | 'redis', label: string, min: number): Measure => ({
      measure: label,
      unit: 'req/s',
      ours: median(rates(name)),
      baseline: median(rates('baseline')),
      ratio: ratio(name),
      target: `>= ${min.toFixed(2)}x`,
      limit: { on: 'ratio', max: min, inclusive: true, min: true },
    });
    const measures = [measure('limits', 'access: auth + rate limits, small GET', 0.9)];
    if (redis) measures.push(measure('redis', 'access: auth + rate limits in Redis', 0.75));

    const round1 = (values: number[]) => values.map((v) => Math.round(v));
    return {
      measures,
      ok: Object.values(checks).every(Boolean),
      details: {
        date: new Date().toISOString(),
        request: `GET /api/v1/datasets/${DATASET} over keep-alive HTTP, ${connections} connections from a worker thread, ${seconds} s per run`,
        baseline: 'PLAZA_RATE_LIMITS=off, anonymous',
        ours: 'rate limits on, X-Api-Key on every request (in-process counters; and counters in Redis)',
        // Other work on the machine: the 1-minute load average when the run started and when it ended.
        load_average: [Number(loadAtStart.toFixed(2)), Number((loadavg()[0] ?? 0).toFixed(2))],
        rounds,
        requests_per_second: Object.fromEntries(servers.map((s) => [s.name, round1(rates(s.name))])),
        // Less sensitive to other work on the machine than throughput: CPU time of the servers per request.
        server_cpu_ratio: Object.fromEntries(
          servers
            .filter((s) => s.name !== 'baseline')
            .map((s) => [s.name, Number(cpuRatio(s.name).toFixed(3))]),
        ),
        server_cpu_us_per_request: Object.fromEntries(
          servers.map((s) => [s.name, (runs[s.name] ?? []).map((r) => Number(r.cpuMicros.toFixed(1)))]),
        ),
        client_cpu_us_per_request: Object.fromEntries(
          servers.map((s) => [s.name, (runs[s.name] ?? []).map((r) => Number(r.clientMicros.toFixed(1)))]),
        ),
        checks,
      },
    };
  } finally {
    load.close();
    for (const server of servers) await server.process.stop();
    await redis?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

function secondsOption(value: string): number {
  const n = Number(value);
  if (!(n >= 0.1 && n <= 600)) throw new Error(`--seconds must be a number from 0.1 to 600, got "${value}"`);
  return n;
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

if (process.argv[1]?.endsWith('access.ts')) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
    },
  });
  say('Authentication and rate limits on a small GET:');
  const result = await accessBench({
    seconds: values.seconds === undefined ? undefined : secondsOption(values.seconds),
    rounds: positive(values.rounds, 'rounds'),
    connections: positive(values.connections, 'connections'),
  });
  say('');
  say(table(result.measures));
  const failed = Object.entries(result.details.checks as Record<string, boolean>).filter(([, ok]) => !ok);
  say(failed.length ? `\nFAILED CHECKS: ${failed.map(([name]) => name).join(', ')}` : '\nChecks passed.');
  const missed = result.measures.filter((m) => !passes(m));
  say(missed.length ? `MISSED: ${missed.map((m) => m.measure).join('; ')}` : 'All access targets met.');
  if (result.ok) {
    await mergeResults(join(ROOT, 'bench', 'results.json'), 'access', result.measures, result.details);
    say('Added to bench/results.json');
  }
  process.exitCode = result.ok ? 0 : 1;
}
