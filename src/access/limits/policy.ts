/**
 * The rate-limit policy, without I/O: which requests the limits count, whom they count against, the budget of
 * a tier, and the verdict on a count.
 *
 * The request budget is a fixed window per subject that opens with the subject's first request: `limit`
 * requests, then refusals until `windowSeconds` after that first request. Counting is one increment and one
 * comparison (in memory or one Redis round trip), the headers are exact (`remaining`, seconds to `reset`), and
 * windows of different clients end at different moments instead of all at the top of the hour. A client may
 * spend at most twice its budget across the end of one window and the start of the next.
 */
import type { RateLimitConfig } from '../../config.js';
import type { Principal, Tier } from '../principal.js';

/** Concurrency caps a route may take besides the request budget. */
export type Cap = 'download' | 'live';

/** The API surfaces: native API, SODA, SensorThings, OGC API Features, CKAN. Not pages, assets, docs, health. */
const API_PATH = /^\/(?:api\/v1|resource|sta|ogc|api\/3)(?:[/?]|$)/;

/** Where devices post observations: their budget is their own, not this module's. */
const INGEST_PATH = /^\/(?:api\/v1\/observations\/?(?:\?|$)|sta\/)/;
const DEVICE_BEARER = /^Bearer\s+plaza_dev_/i;

/** Whether the request is on an API surface (the raw URL, query included). */
export function isApiPath(url: string): boolean {
  return API_PATH.test(url);
}

/** Device ingest: a POST of observations authenticated by a device token. */
export function isDeviceIngest(method: string, url: string, authorization: string | undefined): boolean {
  return (
    method === 'POST' &&
    authorization !== undefined &&
    DEVICE_BEARER.test(authorization) &&
    INGEST_PATH.test(url)
  );
}

/** Whether the limits apply to a request of this principal at all. */
export function isLimited(
  principal: Pick<Principal, 'via'>,
  method: string,
  url: string,
  authorization: string | undefined,
): boolean {
  // The automation token is the city's own; CORS preflights are the browser's, not the client's requests.
  if (principal.via === 'admin_token' || method === 'OPTIONS') return false;
  return isApiPath(url) && !isDeviceIngest(method, url, authorization);
}

/**
 * What a principal's requests count against. Anonymous IPv6 clients are counted by their /64 network: one
 * household or server usually holds a whole /64 and could otherwise take a new address for every request.
 */
export function counterSubject(subject: string): string {
  if (!subject.startsWith('ip:') || subject.indexOf(':', 3) === -1) return subject;
  return `ip:${ipv6Network(subject.slice(3))}`;
}

/** The /64 network of an IPv6 address (`2001:db8:0:1::/64`); an IPv4-mapped address stays IPv4. */
export function ipv6Network(address: string): string {
  const bare = address.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (`::1.2.3.4`) fills two groups; only the first four groups matter here.
  const width = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - width)).fill('0'), ...right];
  const network = groups
    .slice(0, 4)
    .map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? g.replace(/^0+(?=.)/, '') : '0'));
  while (network.length < 4) network.push('0');
  return `${network.join(':')}::/64`;
}

export interface Budget {
  tier: Tier;
  /** Requests per window. */
  limit: number;
  windowSeconds: number;
}

export function budgetOf(limits: RateLimitConfig, tier: Tier): Budget {
  return { tier, limit: limits.requests[tier], windowSeconds: limits.windowSeconds };
}

/** How many downloads or live connections a tier may hold open at once. */
export function capOf(limits: RateLimitConfig, cap: Cap, tier: Tier): number {
  return cap === 'download' ? limits.downloads[tier] : limits.live[tier];
}

export interface Verdict {
  allowed: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Whole seconds until the window ends (rounded up). */
  resetSeconds: number;
}

/** The verdict on the `count`-th request of a window that ends in `resetMs`. */
export function verdict(count: number, resetMs: number, limit: number): Verdict {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(0, Math.ceil(resetMs / 1000)),
  };
}

/** A window length in words, to follow "per": `hour`, `minute`, `15 minutes`, `90 seconds`. */
export function windowWords(seconds: number): string {
  const units: [number, string, string][] = [
    [86_400, 'day', 'days'],
    [3_600, 'hour', 'hours'],
    [60, 'minute', 'minutes'],
    [1, 'second', 'seconds'],
  ];
  for (const [size, one, many] of units) {
    if (seconds % size !== 0) continue;
    const n = seconds / size;
    return n === 1 ? one : `${n} ${many}`;
  }
  return `${seconds} seconds`;
}

/** A duration for people: `42 seconds`, `17 minutes`, `1 hour 5 minutes`. */
export function durationWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}
