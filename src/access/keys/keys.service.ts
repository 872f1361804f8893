/**
 * API keys of developer accounts: `plaza_key_<prefix>_<secret>`, shown once, stored as a SHA-256 digest and
 * found by their visible prefix. A key can be named, rotated (a new secret, the old one stops at once),
 * suspended until a date and revoked. Use is counted per city-local day in memory and written every few seconds.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import { digest, newSecret, prefixOf, sameDigest } from '../secrets.js';
import type { ApiKeyRow, KeysRepo } from './keys.repo.js';

/** Most keys one account may hold at once (active or suspended). */
export const MAX_KEYS = 10;
const FLUSH_MS = 5_000;

export interface ApiKey {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  status: 'active' | 'suspended' | 'revoked';
  statusReason: string | null;
  statusUntil: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const keyErrors = {
  invalid: () =>
    new AppError(
      'auth.key_invalid',
      401,
      'The API key is not valid: send the whole key shown when it was created, as "X-Api-Key: plaza_key_...".',
    ),
  revoked: () =>
    new AppError('auth.key_revoked', 401, 'This API key was revoked; create a new one on your account page.'),
  suspended: (until: string | null, reason: string | null) =>
    new AppError(
      'auth.key_suspended',
      403,
      `This API key is suspended${until ? ` until ${until}` : ''}${reason ? ` (${reason})` : ''}. ` +
        'To ask for a review, reply to the notice you received or write to the city.',
      { until, reason },
    ),
  notFound: (id: string) =>
    new AppError('api_key.not_found', 404, `No API key "${id}" on this account.`, { id }),
  tooMany: () =>
    new AppError(
      'api_key.limit',
      409,
      `An account holds at most ${MAX_KEYS} keys; revoke one you no longer use.`,
    ),
  invalidName: () => new AppError('api_key.invalid', 422, 'Name the key with 1 to 100 characters.'),
};

export const presentKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  status: row.status as ApiKey['status'],
  statusReason: row.status_reason,
  statusUntil: row.status_until,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** Whether a key may be used at an instant; a suspension with an end date lapses by itself. */
export function keyUsable(row: Pick<ApiKeyRow, 'status' | 'status_until'>, at: Date): boolean {
  if (row.status === 'active') return true;
  return row.status === 'suspended' && row.status_until !== null && row.status_until <= at.toISOString();
}

export function keysService({
  repo,
  dayOf,
  now = () => new Date(),
}: {
  repo: KeysRepo;
  /** The city-local calendar day (YYYY-MM-DD) of an instant. */
  dayOf: (at: Date) => string;
  now?: () => Date;
}) {
  const pending = new Map<string, { keyId: string; day: string; requests: number; limited: number }>();
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  function name(value: string): string {
    const trimmed = value.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw keyErrors.invalidName();
    return trimmed;
  }

  async function own(userId: string, keyId: string): Promise<ApiKeyRow> {
    const row = await repo.find(keyId);
    if (!row || row.user_id !== userId) throw keyErrors.notFound(keyId);
    return row;
  }

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const rows = [...pending.values()];
    pending.clear();
    flushing = flushing.then(() => repo.addUsage(rows, now().toISOString())).catch(() => undefined);
    await flushing;
  }

  return {
    async create(userId: string, keyName: string): Promise<{ key: ApiKey; secret: string }> {
      const label = name(keyName);
      const live = (await repo.listByUser(userId)).filter((k) => k.status !== 'revoked');
      if (live.length >= MAX_KEYS) throw keyErrors.tooMany();
      const { secret, prefix, hash } = newSecret('key');
      const row: ApiKeyRow = {
        id: randomUUID(),
        user_id: userId,
        name: label,
        prefix,
        secret_hash: hash,
        status: 'active',
        status_reason: null,
        status_until: null,
        created_at: now().toISOString(),
        last_used_at: null,
        revoked_at: null,
      };
      await repo.insert(row);
      return { key: presentKey(row), secret };
    },

    async list(userId: string): Promise<ApiKey[]> {
      return (await repo.listByUser(userId)).map(presentKey);
    },

    async get(keyId: string): Promise<ApiKey | undefined> {
      const row = await repo.find(keyId);
      return row ? presentKey(row) : undefined;
    },

    /** The key when the caller owns it; api_key.not_found otherwise (another's key does not exist for them). */
    async owned(userId: string, keyId: string): Promise<ApiKey> {
      return presentKey(await own(userId, keyId));
    },

    async rename(userId: string, keyId: string, keyName: string): Promise<ApiKey> {
      await own(userId, keyId);
      await repo.update(keyId, { name: name(keyName) });
      return presentKey((await repo.find(keyId))!);
    },

    /** A new secret for the same key (same id, name and usage); the old secret stops working at once. */
    async rotate(userId: string, keyId: string): Promise<{ key: ApiKey; secret: string }> {
      const row = await own(userId, keyId);
      if (row.status === 'revoked') throw keyErrors.revoked();
      const { secret, prefix, hash } = newSecret('key');
      await repo.update(keyId, { prefix, secret_hash: hash });
      return { key: presentKey((await repo.find(keyId))!), secret };
    },

    /** Sets a key's status (enforcement and self-service revocation alike). */
    async setStatus(
      keyId: string,
      status: ApiKey['status'],
      fields: { reason?: string | null; until?: string | null } = {},
    ): Promise<ApiKey> {
      const row = await repo.find(keyId);
      if (!row) throw keyErrors.notFound(keyId);
      if (row.status === 'revoked' && status !== 'revoked') throw keyErrors.revoked();
      await repo.update(keyId, {
        status,
        status_reason: fields.reason ?? null,
        status_until: status === 'suspended' ? (fields.until ?? null) : null,
        revoked_at: status === 'revoked' ? (row.revoked_at ?? now().toISOString()) : null,
      });
      return presentKey((await repo.find(keyId))!);
    },

    /**
     * The key behind a secret, checked: auth.key_invalid, auth.key_revoked or auth.key_suspended otherwise.
     * The digest is compared in constant time after the lookup by prefix.
     */
    async authenticate(secret: string): Promise<ApiKeyRow> {
      const prefix = prefixOf('key', secret);
      if (!prefix) throw keyErrors.invalid();
      const row = await repo.findByPrefix(prefix);
      if (!row || !sameDigest(row.secret_hash, digest(secret))) throw keyErrors.invalid();
      if (row.status === 'revoked') throw keyErrors.revoked();
      if (!keyUsable(row, now())) throw keyErrors.suspended(row.status_until, row.status_reason);
      return row;
    },

    /** Counts one request made with a key (and whether it was refused by a rate limit). */
    recordUse(keyId: string, limited = false): void {
      const day = dayOf(now());
      const id = `${keyId} ${day}`;
      let entry = pending.get(id);
      if (!entry) pending.set(id, (entry = { keyId, day, requests: 0, limited: 0 }));
      entry.requests += 1;
      if (limited) entry.limited += 1;
      if (!timer) {
        timer = setTimeout(() => {
          timer = undefined;
          void flush();
        }, FLUSH_MS);
        timer.unref();
      }
    },

    /** Writes the counted use now (before reading usage, and on shutdown). */
    flush,

    /** A key's requests per day since a day (YYYY-MM-DD), after writing what is counted. */
    async usage(userId: string, keyId: string, fromDay: string) {
      await own(userId, keyId);
      await flush();
      return (await repo.usage(keyId, fromDay)).map((r) => ({
        day: r.day,
        requests: Number(r.requests),
        limited: Number(r.limited),
      }));
    },

    async close(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
}

export type KeysService = ReturnType<typeof keysService>;
