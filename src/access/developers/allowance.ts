/**
 * What a rate-limit tier allows, from the server's configuration, in the words the account page uses.
 */
import type { LimitTier, RateLimitConfig } from '../../config.js';

/** The tiers a developer account can hold, from the least to the most generous. */
export const DEVELOPER_TIERS = ['standard', 'elevated', 'partner'] as const;
export type DeveloperTier = (typeof DEVELOPER_TIERS)[number];

export interface Allowance {
  tier: LimitTier;
  /** False when the server enforces no rate limits at all. */
  limited: boolean;
  /** Requests per window. */
  requests: number;
  windowSeconds: number;
  /** Downloads (full files and exports) at once. */
  downloads: number;
  /** Open live connections (SSE streams, MQTT subscribers) at once. */
  live: number;
}

export function allowanceOf(limits: RateLimitConfig, tier: LimitTier): Allowance {
  return {
    tier,
    limited: limits.enabled,
    requests: limits.requests[tier],
    windowSeconds: limits.windowSeconds,
    downloads: limits.downloads[tier],
    live: limits.live[tier],
  };
}

/** "hour", "15 minutes", "day", "90 seconds": the window of a limit, after "per". */
export function windowWords(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of units) {
    if (seconds % size !== 0) continue;
    const n = seconds / size;
    return n === 1 ? name : `${n} ${name}s`;
  }
  return `${seconds} seconds`;
}
