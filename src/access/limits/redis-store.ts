/**
 * Rate-limit counts in Redis, shared by every node: one round trip per request (a Lua script that increments
 * the subject's window and gives its time to live), and slots as sorted sets of leases that expire unless the
 * node holding them renews them, so that the slots of a node that crashed come back by themselves.
 *
 * Redis must never make the portal fail: while it cannot be reached (not connected, an error, a command slower
 * than {@link COMMAND_TIMEOUT_MS}) each node counts on its own, in memory, and says so in a warning at most once
 * a minute. Commands are never queued while disconnected, so no request waits for Redis to come back.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Acquired, Hit, Lease, LimitStore } from './counters.js';
import type { Cap } from './policy.js';

const COMMAND_TIMEOUT_MS = 500;
/** After a failure, counts stay local this long before Redis is tried again. */
const BACKOFF_MS = 5_000;
/** A slot held by a node that stopped renewing it is free again after this. */
export const LEASE_MS = 60_000;
const WARN_EVERY_MS = 60_000;
const PREFIX = 'plaza:limits:';

// KEYS[1] the window, ARGV[1] its length in ms. Returns {count, ms to live}.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

// Leases are scored by their expiry on Redis's clock, so that the nodes' clocks do not matter.
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS[1] the slots, ARGV[1] the lease id, ARGV[2] the limit, ARGV[3] the lease ms. Returns {taken, in use}.
const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[2]) then return {0, n} end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, n + 1}`;

// KEYS the slot sets, ARGV[1] the lease ms, ARGV[1 + i] the lease id in KEYS[i]. Released leases stay released.
const RENEW = `${NOW}
for i, key in ipairs(KEYS) do
  if redis.call('ZADD', key, 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[i + 1]) == 1 then
    redis.call('PEXPIRE', key, ARGV[1])
  end
end
return 0`;

interface LimitCommands {
  plazaHit(key: string, windowMs: number): Promise<[number, number]>;
  plazaAcquire(key: string, id: string, limit: number, leaseMs: number): Promise<[number, number]>;
  plazaRenew(...args: (string | number)[]): Promise<number>;
}

export interface StoreLog {
  warn(details: Record<string, unknown>, message: string): void;
}

/** Sends commands to Redis; the fallback answers whenever Redis does not. */
export function redisStore({
  url,
  fallback,
  log,
  leaseMs = LEASE_MS,
  renewMs = leaseMs / 3,
}: {
  url: string;
  fallback: LimitStore;
  log: StoreLog;
  /** How long a slot stays taken unless its node renews it. */
  leaseMs?: number;
  /** How often this node renews the slots it holds. */
  renewMs?: number;
}): LimitStore & { ready(timeoutMs: number): Promise<boolean> } {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  redis.defineCommand('plazaHit', { numberOfKeys: 1, lua: HIT });
  redis.defineCommand('plazaAcquire', { numberOfKeys: 1, lua: ACQUIRE });
  redis.defineCommand('plazaRenew', { lua: RENEW });
  const commands = redis as unknown as LimitCommands;
  const node = randomUUID();
  let sequence = 0;
  let backoffUntil = 0;
  let lastWarning = 0;
  let closed = false;

  const warn = (error: unknown) => {
    const now = Date.now();
    if (now - lastWarning < WARN_EVERY_MS) return;
    lastWarning = now;
    log.warn(
      { err: error instanceof Error ? { message: error.message } : error },
      'Redis cannot be reached: rate limits are counted by each node on its own until it is back',
    );
  };
  // Without a listener ioredis would print every reconnection failure; one warning a minute is enough.
  redis.on('error', warn);

  const usable = () => redis.status === 'ready' && Date.now() >= backoffUntil;
  const failed = (error: unknown) => {
    backoffUntil = Date.now() + BACKOFF_MS;
    warn(error);
  };

  /** Leases this node holds in Redis, renewed together in one round trip. */
  const held = new Map<string, { key: string; id: string }>();
  const renewal = setInterval(() => void renew(), renewMs);
  renewal.unref();

  async function renew(): Promise<void> {
    if (held.size === 0 || !usable()) return;
    const leases = [...held.values()];
    for (let i = 0; i < leases.length; i += 500) {
      const chunk = leases.slice(i, i + 500);
      await commands
        .plazaRenew(chunk.length, ...chunk.map((l) => l.key), leaseMs, ...chunk.map((l) => l.id))
        .catch(failed);
    }
  }

  function redisLease(key: string, id: string): Lease {
    held.set(id, { key, id });
    return {
      release() {
        if (!held.delete(id) || closed) return;
        // A release that does not reach Redis only delays the slot's return until its lease runs out.
        redis.zrem(key, id).catch(() => undefined);
      },
    };
  }

  return {
    hit(subject, windowMs): Hit | Promise<Hit> {
      if (!usable()) {
        if (redis.status !== 'ready') warn(new Error(`the connection is ${redis.status}`));
        return fallback.hit(subject, windowMs);
      }
      return commands.plazaHit(`${PREFIX}req:${subject}`, windowMs).then(
        ([count, resetMs]) => ({ count, resetMs }),
        (error: unknown) => {
          failed(error);
          return fallback.hit(subject, windowMs);
        },
      );
    },

    acquire(cap: Cap, subject, limit): Acquired | Promise<Acquired> {
      if (!usable()) return fallback.acquire(cap, subject, limit);
      const key = `${PREFIX}${cap}:${subject}`;
      const id = `${node}:${++sequence}`;
      return commands.plazaAcquire(key, id, limit, leaseMs).then(
        ([taken, inUse]) => ({ lease: taken === 1 ? redisLease(key, id) : undefined, inUse }),
        (error: unknown) => {
          failed(error);
          return fallback.acquire(cap, subject, limit);
        },
      );
    },

    /** Resolves true once connected, false when Redis is not there within the time given. */
    ready(timeoutMs) {
      if (redis.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          redis.off('ready', onReady);
          resolve(false);
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        redis.once('ready', onReady);
      });
    },

    async close() {
      clearInterval(renewal);
      const leases = [...held.values()];
      held.clear();
      closed = true;
      if (redis.status === 'ready') {
        // Slots of streams still open are handed back now rather than when their leases run out.
        const pipeline = redis.pipeline();
        for (const { key, id } of leases) pipeline.zrem(key, id);
        await pipeline.exec().catch(() => undefined);
        await redis.quit().catch(() => redis.disconnect());
      } else redis.disconnect();
      await fallback.close();
    },
  };
}
