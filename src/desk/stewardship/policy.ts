/** The city's stewardship policy (city.json `stewardship`), with the defaults a city without one gets. */
import type { CityMetadataRules } from '../../catalog/completeness.js';
import type { City } from '../../city/city.js';

export interface StewardshipPolicy {
  noticeDays: number;
  escalateAfterDays: number;
  withdrawOnExpiry: boolean;
  digestHour: number;
  rules: CityMetadataRules;
}

export const DEFAULT_POLICY: StewardshipPolicy = {
  noticeDays: 14,
  escalateAfterDays: 0,
  withdrawOnExpiry: false,
  digestHour: 7,
  rules: {
    minDescriptionLength: 100,
    minKeywords: 3,
    requireStewardPhone: true,
    requireColumnDescriptions: false,
    requireSpatial: true,
    requireTemporal: true,
  },
};

export function policyOf(city: Pick<City, 'stewardship'>): StewardshipPolicy {
  return city.stewardship ?? DEFAULT_POLICY;
}

const DAY = 86_400_000;

/** When a metadata notice issued at `issuedAt` is due. */
export const dueFrom = (issuedAt: Date, policy: StewardshipPolicy): Date =>
  new Date(issuedAt.getTime() + policy.noticeDays * DAY);

/** Whether a notice due at `dueAt` escalates at `at`. */
export const escalates = (dueAt: string, at: Date, policy: StewardshipPolicy): boolean =>
  at.getTime() > Date.parse(dueAt) + policy.escalateAfterDays * DAY;
