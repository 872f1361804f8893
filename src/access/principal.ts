/**
 * Who is asking, as the access module resolved it from the request's credentials (src/access/authenticate.ts):
 * the input of every authorization decision and of the rate limits.
 */
import type { Viewer } from '../catalog/visibility.js';

export const ROLES = ['admin', 'steward', 'clerk', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Rate-limit tiers, from the least to the most generous. */
export const TIERS = ['anonymous', 'standard', 'elevated', 'partner'] as const;
export type Tier = (typeof TIERS)[number];

export type UserKind = 'staff' | 'developer';

export interface PrincipalUser {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
}

export interface Principal {
  /** How the request proved who it is. */
  via: 'anonymous' | 'session' | 'api_key' | 'admin_token';
  /** The account, unless anonymous or the automation token. */
  user?: PrincipalUser;
  roles: readonly Role[];
  /** Departments the user stewards. */
  departments: readonly string[];
  /** Datasets granted by approved requests and active agreements. */
  grants: ReadonlySet<string>;
  tier: Tier;
  /** The API key the request came with. */
  keyId?: string;
  /** The session (hash of its id) the request came with. */
  sessionId?: string;
  /** What the rate limits count against: `ip:<address>`, `key:<id>`, `user:<id>` or `admin-token`. */
  subject: string;
}

const EMPTY: ReadonlySet<string> = new Set();

export function anonymous(ip: string): Principal {
  return {
    via: 'anonymous',
    roles: [],
    departments: [],
    grants: EMPTY,
    tier: 'anonymous',
    subject: `ip:${ip}`,
  };
}

export const ADMIN_TOKEN_PRINCIPAL: Principal = {
  via: 'admin_token',
  roles: ['admin'],
  departments: [],
  grants: EMPTY,
  tier: 'partner',
  subject: 'admin-token',
};

export const hasRole = (principal: Principal, ...roles: Role[]) =>
  roles.some((r) => principal.roles.includes(r));

export const isStaff = (principal: Principal) =>
  principal.via === 'admin_token' || (principal.user?.kind === 'staff' && principal.roles.length > 0);

/** The catalog's view of a principal. */
export function viewerOf(principal: Principal): Viewer {
  return {
    admin: hasRole(principal, 'admin'),
    staff: isStaff(principal),
    departments: principal.departments,
    grants: principal.grants,
  };
}

/** The most generous of several tiers. */
export function highestTier(...tiers: Tier[]): Tier {
  return tiers.reduce((a, b) => (TIERS.indexOf(b) > TIERS.indexOf(a) ? b : a), 'anonymous' as Tier);
}
