/**
 * Rate limits on every API surface (native API, SODA, SensorThings, downloads, the live feed), counted per
 * principal subject (network address, API key, account) with the numbers of its tier:
 *
 * - a request budget per window, announced on every limited response (`RateLimit-Policy`, `RateLimit`,
 *   `X-RateLimit-*`) and refused past it with 429 `rate_limit.exceeded` and `Retry-After`;
 * - caps on downloads and live connections held open at once, for routes declared with
 *   `config: { limit: 'download' | 'live' }`: 429 `rate_limit.concurrent_downloads` / `rate_limit.live_connections`.
 *
 * Not limited: pages, assets, docs, health checks, the admin token, and devices posting observations with their
 * token (they have budgets of their own). Every request made with an API key is counted in the key's usage.
 * With `PLAZA_REDIS_URL` the counts are shared by every node (redis-store.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Config, RateLimitConfig } from '../../config.js';
import type { Services } from '../../services.js';
import type { Principal, Tier } from '../principal.js';
import { TIERS } from '../principal.js';
import { memoryStore, NO_LEASE, type Acquired, type Hit, type Lease, type LimitStore } from './counters.js';
import { capLimit, capPolicy, requestLimit, requestPolicy } from './headers.js';
import { limitErrors } from './limit-errors.js';
import { budgetOf, capOf, counterSubject, isLimited, verdict, type Budget, type Cap } from './policy.js';
import { redisStore } from './redis-store.js';

/** A route's concurrency cap, or a function of the request for routes where only some answers are downloads. */
export type RouteLimit = Cap | ((request: FastifyRequest) => Cap | undefined);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The concurrency cap the route's requests take (src/access/limits): full downloads, live streams. */
    limit?: RouteLimit;
  }
  interface FastifyInstance {
    /** The rate limits, for surfaces outside HTTP routes (MQTT subscribers). */
    rateLimits: RateLimits;
  }
}

export interface RateLimits {
  /**
   * Takes a download or live slot for a principal outside an HTTP route (an MQTT subscriber, say): the lease to
   * release when the connection ends, or undefined when the principal has all its slots in use.
   */
  acquire(cap: Cap, principal: Principal): Promise<Lease | undefined>;
}

interface TierFields {
  budget: Budget;
  limit: string;
  /** `RateLimit-Policy` of plain requests, and of requests that also take a download or live slot. */
  policy: Record<'requests' | Cap, string>;
}

function tierFields(limits: RateLimitConfig, tier: Tier): TierFields {
  const budget = budgetOf(limits, tier);
  const requests = requestPolicy(tier, budget.limit, budget.windowSeconds);
  const withCap = (cap: Cap) => `${requests}, ${capPolicy(tier, cap, capOf(limits, cap, tier))}`;
  return {
    budget,
    limit: String(budget.limit),
    policy: { requests, download: withCap('download'), live: withCap('live') },
  };
}

/** How long start-up waits for Redis before counting locally (it keeps trying in the background). */
const REDIS_WAIT_MS = 2_000;

const RETRY_AFTER_SLOT_SECONDS = 10;

export async function installRateLimits(
  app: FastifyInstance,
  { config, services }: { config: Config; services: Services },
): Promise<RateLimits> {
  const limits = config.limits;
  const keys = services.access.keys;
  const errors = limitErrors(limits, config.publicUrl);
  const local = memoryStore();
  let store: LimitStore = local;
  if (limits.enabled && config.redisUrl) {
    const shared = redisStore({ url: config.redisUrl, fallback: local, log: app.log });
    if (!(await shared.ready(REDIS_WAIT_MS))) {
      app.log.warn('Redis is not reachable yet: rate limits are counted on this node until it is');
    }
    store = shared;
  }
  app.addHook('onClose', async () => store.close());

  const windowMs = limits.windowSeconds * 1000;
  // What depends on the tier alone is written once.
  const tiers = Object.fromEntries(TIERS.map((tier) => [tier, tierFields(limits, tier)])) as Record<
    Tier,
    TierFields
  >;

  const record = (principal: Principal, limited: boolean) => {
    if (principal.keyId) keys.recordUse(principal.keyId, limited);
  };

  const rateLimits: RateLimits = {
    async acquire(cap, principal) {
      if (!limits.enabled || principal.via === 'admin_token') return NO_LEASE;
      const subject = counterSubject(principal.subject);
      return (await store.acquire(cap, subject, capOf(limits, cap, principal.tier))).lease;
    },
  };
  app.decorate('rateLimits', rateLimits);

  /** Live streams write their own head (hijacked replies); the others go through Fastify's. */
  const setHeader = (reply: FastifyReply, cap: Cap | undefined, name: string, value: string) => {
    // Fastify writes its headers in one writeHead, on Node's fast path while nothing was set on the raw response.
    if (cap === 'live') reply.raw.setHeader(name, value);
    else reply.header(name, value);
  };

  /** The request is counted: headers, then a refusal, a slot to take, or the route. */
  const counted = (
    request: FastifyRequest,
    reply: FastifyReply,
    cap: Cap | undefined,
    hit: Hit,
    done: HookHandlerDoneFunction,
  ) => {
    const principal = request.principal;
    const tier = tiers[principal.tier];
    const v = verdict(hit.count, hit.resetMs, tier.budget.limit);
    const rateLimit = requestLimit(principal.tier, v.remaining, v.resetSeconds);
    setHeader(reply, cap, 'ratelimit-policy', tier.policy[cap ?? 'requests']);
    setHeader(reply, cap, 'ratelimit', rateLimit);
    setHeader(reply, cap, 'x-ratelimit-limit', tier.limit);
    setHeader(reply, cap, 'x-ratelimit-remaining', String(v.remaining));
    setHeader(reply, cap, 'x-ratelimit-reset', String(v.resetSeconds));
    if (!v.allowed) {
      record(principal, true);
      setHeader(reply, cap, 'retry-after', String(Math.max(1, v.resetSeconds)));
      return done(errors.exceeded(tier.budget, v.resetSeconds, Date.now()));
    }
    if (!cap) {
      record(principal, false);
      return done();
    }
    takeSlot(request, reply, cap, rateLimit, done);
  };

  const takeSlot = (
    request: FastifyRequest,
    reply: FastifyReply,
    cap: Cap,
    rateLimit: string,
    done: HookHandlerDoneFunction,
  ) => {
    const principal = request.principal;
    const most = capOf(limits, cap, principal.tier);
    // 'close' comes when the response has ended, the client went away, or a hijacked stream closed.
    let gone = false;
    let held: Lease | undefined;
    reply.raw.once('close', () => {
      gone = true;
      held?.release();
    });
    const slotted = ({ lease, inUse }: Acquired) => {
      const free = Math.max(0, most - inUse);
      setHeader(reply, cap, 'ratelimit', `${rateLimit}, ${capLimit(principal.tier, cap, free)}`);
      if (!lease) {
        record(principal, true);
        setHeader(reply, cap, 'retry-after', String(RETRY_AFTER_SLOT_SECONDS));
        return done(errors.concurrent(cap, principal.tier, most));
      }
      if (gone) lease.release();
      else held = lease;
      record(principal, false);
      done();
    };
    const acquired = store.acquire(cap, counterSubject(principal.subject), most);
    if (acquired instanceof Promise) acquired.then(slotted, done);
    else slotted(acquired);
  };

  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const principal = request.principal;
    if (
      !limits.enabled ||
      !isLimited(principal, request.method, request.url, request.headers.authorization)
    ) {
      record(principal, false);
      return done();
    }
    const routeLimit = request.routeOptions.config?.limit;
    const cap = typeof routeLimit === 'function' ? routeLimit(request) : routeLimit;
    const hit = store.hit(counterSubject(principal.subject), windowMs);
    // The in-process store answers at once: no promise, no closure on the way of most requests.
    if (!(hit instanceof Promise)) return counted(request, reply, cap, hit, done);
    hit.then(
      (h) => counted(request, reply, cap, h, done),
      (error: unknown) => done(error as Error),
    );
  });

  return rateLimits;
}
