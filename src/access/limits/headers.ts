/**
 * The rate-limit response header fields:
 *
 * - `RateLimit-Policy` and `RateLimit` of the IETF httpapi draft (draft-ietf-httpapi-ratelimit-headers-11):
 *   Structured Field lists of items named by a String, with `q` (quota), `w` (window in seconds) and `qu`
 *   (quota unit) on the policy, `r` (remaining) and `t` (seconds until the quota resets) on the current limit;
 *   `RateLimit-Policy: "standard";q=1000;w=3600` and `RateLimit: "standard";r=998;t=3412`.
 * - `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (seconds until the reset), which many
 *   client libraries read.
 *
 * The policy fields of a tier never change while the process runs, so they are written once, at start.
 */
import { TIERS, type Tier } from '../principal.js';
import type { Cap } from './policy.js';

/** A Structured Field String (RFC 9651 section 3.3.3): quoted, with `"` and `\` escaped. */
export function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not a Structured Field string: ${value}`);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Tier names as Structured Field strings, quoted once: the current limit is written on every request. */
const QUOTED = Object.fromEntries(TIERS.map((tier) => [tier, sfString(tier)])) as Record<Tier, string>;

/** The name of a concurrency cap's policy: `anonymous-downloads`, `standard-live`. */
export const capPolicyName = (tier: Tier, cap: Cap) => `${tier}-${cap === 'download' ? 'downloads' : 'live'}`;

/** `"<tier>";q=<limit>;w=<window>` */
export function requestPolicy(tier: Tier, limit: number, windowSeconds: number): string {
  return `${sfString(tier)};q=${limit};w=${windowSeconds}`;
}

/** `"<tier>-downloads";q=<at once>;qu="concurrent-requests"` */
export function capPolicy(tier: Tier, cap: Cap, limit: number): string {
  return `${sfString(capPolicyName(tier, cap))};q=${limit};qu="concurrent-requests"`;
}

/** `"<tier>";r=<remaining>;t=<seconds to reset>` */
export function requestLimit(tier: Tier, remaining: number, resetSeconds: number): string {
  return `${QUOTED[tier]};r=${remaining};t=${resetSeconds}`;
}

/** `"<tier>-downloads";r=<free slots>` (no window: slots come back when a download ends). */
export function capLimit(tier: Tier, cap: Cap, free: number): string {
  return `${sfString(capPolicyName(tier, cap))};r=${free}`;
}
