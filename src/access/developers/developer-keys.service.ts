/**
 * A developer's own API keys: create (only once the email address is confirmed), rename, rotate and revoke,
 * each recorded in the audit log, and use by day. Rotating or revoking drops the key from every node's cache,
 * so that the old secret stops at once. Another account's key does not exist for the caller (api_key.not_found).
 */
import type { AuditService } from '../audit/audit.service.js';
import type { ApiKey, KeysService } from '../keys/keys.service.js';
import type { UsersService } from '../users/users.service.js';
import { developerErrors } from './developer-errors.js';
import { fillDays, lastDays, type DayUsage } from './usage-days.js';

/** The developer acting, as the audit log names them. */
export interface Actor {
  userId: string;
  email: string;
  ip?: string | null;
}

export interface KeyUsage {
  keyId: string;
  /** The first and last day of the period (city-local calendar days). */
  from: string;
  to: string;
  days: DayUsage[];
  total: { requests: number; limited: number };
}

export function developerKeysService({
  keys,
  users,
  audit,
  forget,
  dayOf,
  now = () => new Date(),
}: {
  keys: KeysService;
  users: Pick<UsersService, 'get'>;
  audit: Pick<AuditService, 'record'>;
  /** Drops a key from the credential caches of every node. */
  forget: (message: { keyId: string }) => void;
  /** The city-local calendar day of an instant. */
  dayOf: (at: Date) => string;
  now?: () => Date;
}) {
  const record = (actor: Actor, action: string, key: ApiKey, details: Record<string, unknown> = {}) =>
    audit.record({
      action,
      actorId: actor.userId,
      actor: actor.email,
      targetType: 'api_key',
      targetId: key.id,
      ip: actor.ip ?? null,
      details: { name: key.name, prefix: key.prefix, ...details },
    });

  return {
    list: (actor: Actor) => keys.list(actor.userId),

    get: (actor: Actor, keyId: string) => keys.owned(actor.userId, keyId),

    /** A new key and its secret (shown once); account.unverified until the email address is confirmed. */
    async create(actor: Actor, name: string): Promise<{ key: ApiKey; secret: string }> {
      const user = await users.get(actor.userId);
      if (!user.emailVerified) throw developerErrors.unverified();
      const issued = await keys.create(actor.userId, name);
      await record(actor, 'key.create', issued.key);
      return issued;
    },

    async rename(actor: Actor, keyId: string, name: string): Promise<ApiKey> {
      const before = await keys.owned(actor.userId, keyId);
      const key = await keys.rename(actor.userId, keyId, name);
      if (key.name !== before.name) await record(actor, 'key.rename', key, { from: before.name });
      return key;
    },

    /** A new secret for the key (shown once); the old one stops working on every node at once. */
    async rotate(actor: Actor, keyId: string): Promise<{ key: ApiKey; secret: string }> {
      const before = await keys.owned(actor.userId, keyId);
      const issued = await keys.rotate(actor.userId, keyId);
      forget({ keyId });
      await record(actor, 'key.rotate', issued.key, { previousPrefix: before.prefix });
      return issued;
    },

    /** Revokes the key for good; revoking a revoked key changes nothing. */
    async revoke(actor: Actor, keyId: string): Promise<ApiKey> {
      const before = await keys.owned(actor.userId, keyId);
      if (before.status === 'revoked') return before;
      const key = await keys.setStatus(keyId, 'revoked', { reason: 'revoked by its owner' });
      forget({ keyId });
      await record(actor, 'key.revoke', key);
      return key;
    },

    /** The key's use on each of the last `days` days, today included (days without use as zeros). */
    async usage(actor: Actor, keyId: string, days: number): Promise<KeyUsage> {
      const period = lastDays(dayOf(now()), days);
      const from = period[0]!;
      const rows = await keys.usage(actor.userId, keyId, from);
      const filled = fillDays(period, rows);
      return {
        keyId,
        from,
        to: period[period.length - 1]!,
        days: filled,
        total: {
          requests: filled.reduce((n, d) => n + d.requests, 0),
          limited: filled.reduce((n, d) => n + d.limited, 0),
        },
      };
    },
  };
}

export type DeveloperKeysService = ReturnType<typeof developerKeysService>;
