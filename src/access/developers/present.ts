/** What the developer API shows of accounts and keys: never a secret or a hash. */
import type { Config, LimitTier } from '../../config.js';
import type { ApiKey } from '../keys/keys.service.js';
import type { User } from '../users/users.service.js';
import { allowanceOf } from './allowance.js';
import { maskedKey } from './pages/form-parts.js';

export const presentKey = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  display: maskedKey(k.prefix),
  status: k.status,
  statusReason: k.statusReason,
  statusUntil: k.statusUntil,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
});

export function presentAccount(user: User, effectiveTier: LimitTier, limits: Config['limits']) {
  const a = allowanceOf(limits, effectiveTier);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    tier: user.tier,
    effectiveTier,
    limits: {
      enabled: a.limited,
      windowSeconds: a.windowSeconds,
      requests: a.requests,
      downloads: a.downloads,
      live: a.live,
    },
    status: user.status,
    statusReason: user.statusReason,
    statusUntil: user.statusUntil,
    emailVerified: user.emailVerified,
    termsAcceptedAt: user.termsAcceptedAt,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
  };
}
