/**
 * Two nodes on one database and one Redis, as a city runs Plaza on several machines: the budgets and the
 * download slots are shared, a revoked key is refused by the other node at once, and Redis going away makes
 * each node count on its own rather than fail.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ForgetMessage } from '../../src/access/authenticate.js';
import { memoryStore } from '../../src/access/limits/counters.js';
import type { ClosableSignals } from '../../src/access/limits/redis-signals.js';
import { redisStore } from '../../src/access/limits/redis-store.js';
import { anonymous } from '../../src/access/principal.js';
import { createDeveloper, createKey, keyHeaders } from '../fixtures/accounts.js';
import { createDataset, failure, importCsv, report } from '../fixtures/tables.js';
import { createTestApp, type TestApp } from '../support/index.js';
import { describeRedis, startRedisServer, type RedisServer } from '../support/redis.js';

const LIMITS = {
  PLAZA_LIMIT_WINDOW_SECONDS: '60',
  PLAZA_LIMIT_REQUESTS: 'anonymous=4,standard=5,elevated=100,partner=100',
  PLAZA_LIMIT_DOWNLOADS: 'anonymous=1,standard=2,elevated=8,partner=16',
};

describeRedis('access: several nodes sharing Redis', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let dataset: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { ...LIMITS, PLAZA_REDIS_URL: redis.url };
    a = await createTestApp({ env });
    // The second node opens the first one's database: a PostgreSQL URL, or the SQLite file in its folder.
    b = await createTestApp({
      env: { ...env, ...(a.config.databaseUrl && { PLAZA_DATABASE_URL: a.config.databaseUrl }) },
      config: a.config.databaseUrl ? {} : { dataDir: a.config.dataDir },
    });
    const dept = await a.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    expect(dept.statusCode).toBe(204);
    dataset = (await createDataset(a)).id;
    report(await importCsv(a, dataset, 'name,amount\na,1\nb,2\n'));
    expect((await b.inject(`/api/v1/datasets/${dataset}`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('holds one budget across both nodes', async () => {
    const from = '203.0.113.10';
    const remaining: string[] = [];
    for (const node of [a, b, a, b]) {
      const res = await node.inject({ url: '/api/v1/datasets', remoteAddress: from });
      expect(res.statusCode).toBe(200);
      remaining.push(String(res.headers['x-ratelimit-remaining']));
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    failure(await a.inject({ url: '/api/v1/datasets', remoteAddress: from }), 429, 'rate_limit.exceeded');
    const refused = await b.inject({ url: '/api/v1/datasets', remoteAddress: from });
    failure(refused, 429, 'rate_limit.exceeded');
    // The window opened with the first request, wherever it came: both nodes give the same reset.
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);

    const developer = await createDeveloper(a);
    const key = await createKey(a, developer);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const node = i % 2 === 0 ? a : b;
      statuses.push(
        (await node.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('shares download slots, with leases that run out if a node stops renewing them', async () => {
    const who = anonymous('203.0.113.20');
    const lease = await a.app.http.rateLimits.acquire('download', who);
    expect(lease).toBeDefined();
    expect(await b.app.http.rateLimits.acquire('download', who)).toBeUndefined();
    const refused = await b.inject({
      url: `/api/v1/datasets/${dataset}/rows.csv`,
      remoteAddress: '203.0.113.20',
    });
    failure(refused, 429, 'rate_limit.concurrent_downloads');

    // The slot is a lease in Redis that expires by itself should its node die.
    const client = new Redis(redis.url);
    try {
      const key = 'plaza:limits:download:ip:203.0.113.20';
      const leases = await client.zrange(key, 0, -1, 'WITHSCORES');
      expect(leases).toHaveLength(2);
      const [seconds, micros] = await client.time();
      const left = Number(leases[1]) - (Number(seconds) * 1000 + Math.floor(Number(micros) / 1000));
      expect(left).toBeGreaterThan(50_000);
      expect(left).toBeLessThanOrEqual(60_000);
      expect(await client.pttl(key)).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }

    lease!.release();
    await expect
      .poll(async () => (await b.app.http.rateLimits.acquire('download', who)) !== undefined)
      .toBe(true);
  });

  it('renews the slots a node holds, and lets those of a node that stopped run out', async () => {
    const quiet = { warn: () => undefined };
    const store = (renewMs: number) =>
      redisStore({ url: redis.url, fallback: memoryStore(), log: quiet, leaseMs: 400, renewMs });
    const alive = store(100);
    const dead = store(3_600_000);
    const other = store(100);
    try {
      expect(await alive.ready(2_000)).toBe(true);
      expect(await dead.ready(2_000)).toBe(true);
      expect(await other.ready(2_000)).toBe(true);
      const kept = await alive.acquire('live', 'key:renewed', 1);
      const lost = await dead.acquire('live', 'key:abandoned', 1);
      expect([kept.inUse, lost.inUse]).toEqual([1, 1]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Renewed: still taken. Not renewed (its node is gone, as far as Redis knows): free again.
      expect(await other.acquire('live', 'key:renewed', 1)).toEqual({ lease: undefined, inUse: 1 });
      const taken = await other.acquire('live', 'key:abandoned', 1);
      expect(taken.lease).toBeDefined();
      expect(taken.inUse).toBe(1);
      // Released: free at once, and the renewals that follow do not bring it back.
      kept.lease!.release();
      await expect
        .poll(async () => (await other.acquire('live', 'key:renewed', 1)).lease !== undefined)
        .toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const second = await other.acquire('live', 'key:renewed', 2);
      expect(second.lease).toBeDefined();
      expect(second.inUse).toBe(2);
      // Requests count in one window for every store.
      expect((await alive.hit('ip:192.0.2.200', 60_000)).count).toBe(1);
      expect((await other.hit('ip:192.0.2.200', 60_000)).count).toBe(2);
    } finally {
      await Promise.all([alive.close(), dead.close(), other.close()]);
    }
  });

  it('refuses a revoked key on the other node at its next request', async () => {
    const signals = (node: TestApp) => node.app.services.access.signals as ClosableSignals;
    expect(await signals(a).ready()).toBe(true);
    expect(await signals(b).ready()).toBe(true);
    const developer = await createDeveloper(a);
    const key = await createKey(a, developer);
    // The other node has the key in its cache.
    expect((await b.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode).toBe(
      200,
    );
    const cachedAt = Date.now();

    const heard = new Promise<ForgetMessage>((resolve) => signals(b).subscribe(resolve));
    await a.app.services.access.keys.setStatus(key.id, 'revoked', { reason: 'test' });
    a.app.services.access.forget({ keyId: key.id });
    expect(await heard).toEqual({ keyId: key.id });

    const refused = await b.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) });
    // Sooner than the cache would have let go of it by itself.
    expect(Date.now() - cachedAt).toBeLessThan(2_000);
    failure(refused, 401, 'auth.key_revoked');
  });

  it('counts on each node alone, and answers, while Redis is away', async () => {
    await redis.stop();
    const from = '203.0.113.30';
    for (const node of [a, b]) {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await node.inject({ url: '/api/v1/datasets', remoteAddress: from });
        statuses.push(res.statusCode);
        expect(res.headers['ratelimit-policy']).toBe('"anonymous";q=4;w=60');
      }
      // Each node enforces the whole budget on its own.
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    }
    const fresh = await b.inject({
      url: `/api/v1/datasets/${dataset}/rows.csv`,
      remoteAddress: '203.0.113.31',
    });
    expect(fresh.statusCode).toBe(200);
    // Revocations still reach this node's own cache at once.
    const developer = await createDeveloper(a);
    const key = await createKey(a, developer);
    expect((await a.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) })).statusCode).toBe(
      200,
    );
    await a.app.services.access.keys.setStatus(key.id, 'revoked');
    a.app.services.access.forget({ keyId: key.id });
    failure(
      await a.inject({ url: '/api/v1/datasets', headers: keyHeaders(key.secret) }),
      401,
      'auth.key_revoked',
    );
  });
});
