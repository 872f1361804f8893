/** The refusals of the rate limits (HTTP 429), each saying what the limit is and how to get more. */
import type { RateLimitConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import { TIERS, type Tier } from '../principal.js';
import { capOf, durationWords, windowWords, type Budget, type Cap } from './policy.js';

/** How a client of a tier gets a larger allowance. */
function howToGetMore(tier: Tier, amount: (tier: Tier) => string, accountUrl: string): string {
  const next = TIERS[TIERS.indexOf(tier) + 1];
  switch (tier) {
    case 'anonymous':
      return (
        `Requests without an API key are counted by network address. Create a free API key at ${accountUrl} ` +
        `and send it as "X-Api-Key: plaza_key_..." to get ${amount('standard')}.`
      );
    case 'standard':
    case 'elevated':
      return `For ${amount(next!)}, ask for the ${next} tier at ${accountUrl}.`;
    case 'partner':
      return `If you need more, write to the open data team through ${accountUrl}.`;
  }
}

export function limitErrors(limits: RateLimitConfig, publicUrl: string) {
  const accountUrl = `${publicUrl}/account`;
  const window = windowWords(limits.windowSeconds);
  return {
    exceeded(budget: Budget, resetSeconds: number, now: number): AppError {
      const resetAt = new Date(now + resetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const perWindow = (tier: Tier) => `${limits.requests[tier]} requests per ${window}`;
      return new AppError(
        'rate_limit.exceeded',
        429,
        `Rate limit reached: the ${budget.tier} tier allows ${perWindow(budget.tier)}. It resets in ` +
          `${durationWords(resetSeconds)} (${resetAt}). ${howToGetMore(budget.tier, perWindow, accountUrl)}`,
        {
          tier: budget.tier,
          limit: budget.limit,
          windowSeconds: budget.windowSeconds,
          resetSeconds,
          resetAt,
        },
      );
    },

    concurrent(cap: Cap, tier: Tier, limit: number): AppError {
      const atOnce = (t: Tier) => `${capOf(limits, cap, t)} at once`;
      if (cap === 'download') {
        return new AppError(
          'rate_limit.concurrent_downloads',
          429,
          `Too many downloads at once: the ${tier} tier allows ${limit} running at the same time and that many ` +
            `are still running. Try again when one has finished. ${howToGetMore(tier, atOnce, accountUrl)}`,
          { tier, limit },
        );
      }
      return new AppError(
        'rate_limit.live_connections',
        429,
        `Too many live connections: the ${tier} tier allows ${limit} open at the same time and that many are ` +
          'open. Close one, or follow several datasets on one stream (repeat the dataset parameter). ' +
          howToGetMore(tier, atOnce, accountUrl),
        { tier, limit },
      );
    },
  };
}

export type LimitErrors = ReturnType<typeof limitErrors>;
