/**
 * Enforcement: admins suspend (until a date, or until further notice), revoke and reinstate developers' API keys
 * and accounts. Each decision takes effect on the next request on every node (the cached credentials are
 * forgotten everywhere, sessions of a suspended account end, and the live feeds close the connections it holds),
 * is recorded in the audit log, and is told to the holder by mail with the reason and how to ask for a review.
 */
import type { ApiKeyTable, UserTable } from '../../db/access-schema.js';
import { AppError } from '../../errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/actor.js';
import type { ForgetMessage } from '../authenticate.js';
import { keyUsable, type KeysService } from '../keys/keys.service.js';
import type { OutboxService } from '../mail/outbox.service.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import { isActive, userErrors } from '../users/users.service.js';
import { instantOf } from '../audit/audit-filter.js';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  enforcementNotice,
  type Category,
  type EnforcementKind,
  type NoticeTarget,
} from './enforcement-notice.js';
import type { DeveloperStatusFilter, EnforcementRepo } from './enforcement.repo.js';

export type Status = 'active' | 'suspended' | 'revoked';

export interface EnforcedKey {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  status: Status;
  statusReason: string | null;
  statusUntil: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Developer {
  id: string;
  email: string;
  name: string;
  tier: string;
  status: Status;
  statusReason: string | null;
  statusUntil: string | null;
  emailVerified: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  keys: EnforcedKey[];
}

export interface Decision {
  category: Category;
  reason: string;
}

export interface Suspension extends Decision {
  /** A date (ends as that day starts in the city) or an instant; absent: until further notice. */
  until?: string;
}

export const enforcementErrors = {
  keyNotFound: (id: string) => new AppError('api_key.not_found', 404, `No API key "${id}".`, { id }),
  notDeveloper: (id: string) =>
    new AppError(
      'enforcement.not_developer',
      409,
      'Only developer accounts are suspended or revoked here; staff accounts are managed with their roles.',
      { id },
    ),
  revoked: (what: 'key' | 'account') =>
    new AppError(
      'enforcement.revoked',
      409,
      what === 'key'
        ? 'This key is revoked; a revocation is final (the developer can create a new key).'
        : 'This account is closed; a revocation is final.',
    ),
  notSuspended: (what: 'key' | 'account') =>
    new AppError(
      'enforcement.not_suspended',
      409,
      `This ${what} is not suspended; there is nothing to reinstate.`,
    ),
  invalid: (field: string, message: string) =>
    new AppError('enforcement.invalid', 422, `${field}: ${message}.`, { problems: [{ field, message }] }),
};

/** The status as it applies at an instant: a suspension whose end has passed counts as active. */
export function effectiveStatus(
  row: Pick<UserTable | ApiKeyTable, 'status' | 'status_until'>,
  at: Date,
): Status {
  if (row.status === 'revoked') return 'revoked';
  return isActive(row, at) ? 'active' : 'suspended';
}

const presentKey = (row: ApiKeyTable, at: Date): EnforcedKey => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  status: row.status === 'revoked' ? 'revoked' : keyUsable(row, at) ? 'active' : 'suspended',
  statusReason: row.status_reason,
  statusUntil: row.status_until,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

const presentDeveloper = (row: UserTable, keys: ApiKeyTable[], at: Date): Developer => ({
  id: row.id,
  email: row.email,
  name: row.name,
  tier: row.tier,
  status: effectiveStatus(row, at),
  statusReason: row.status_reason,
  statusUntil: row.status_until,
  emailVerified: row.email_verified_at !== null,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
  keys: keys.map((k) => presentKey(k, at)),
});

/** The reason stored with the status (and shown to a client whose key is refused): category, then text. */
const statusReason = (decision: Decision) =>
  `${CATEGORY_LABELS[decision.category]}: ${decision.reason}`.slice(0, 1000);

function checkDecision(decision: Decision): Decision {
  if (!CATEGORIES.includes(decision.category))
    throw enforcementErrors.invalid('category', `use one of ${CATEGORIES.join(', ')}`);
  const reason = decision.reason.trim();
  if (!reason)
    throw enforcementErrors.invalid('reason', 'say what happened, for the holder and the audit log');
  if (reason.length > 2000) throw enforcementErrors.invalid('reason', 'at most 2000 characters');
  return { category: decision.category, reason };
}

export function enforcementService({
  repo,
  keys,
  sessions,
  audit,
  outbox,
  forget,
  config,
  formatTime,
  now = () => new Date(),
}: {
  repo: EnforcementRepo;
  keys: Pick<KeysService, 'setStatus'>;
  sessions: Pick<SessionsService, 'endAll'>;
  audit: Pick<AuditService, 'record'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  /** Drops cached credentials on every node; the live feeds close the connections they held. */
  forget: (message: ForgetMessage) => void;
  config: { cityName: string; publicUrl: string; timeZone: string };
  /** An instant for the notice, in the city's time zone. */
  formatTime: (iso: string) => string;
  now?: () => Date;
}) {
  function endOf(until: string | undefined): string | null {
    const text = until?.trim();
    if (!text) return null;
    let at: string;
    try {
      at = instantOf('until', text, config.timeZone);
    } catch {
      throw enforcementErrors.invalid('until', 'give a date (2026-03-01) or a time (2026-03-01T08:00:00Z)');
    }
    if (at <= now().toISOString()) throw enforcementErrors.invalid('until', 'the end must be in the future');
    return at;
  }

  async function keyRow(keyId: string): Promise<{ key: ApiKeyTable; holder: UserTable }> {
    const key = await repo.findKey(keyId);
    const holder = key && (await repo.findUser(key.user_id));
    if (!key || !holder) throw enforcementErrors.keyNotFound(keyId);
    return { key, holder };
  }

  async function developerRow(userId: string): Promise<UserTable> {
    const row = await repo.findUser(userId);
    if (!row) throw userErrors.notFound(userId);
    if (row.kind !== 'developer') throw enforcementErrors.notDeveloper(userId);
    return row;
  }

  /** Records the decision, then mails the notice that quotes its audit entry. */
  async function recordAndNotify(
    actor: Actor,
    kind: EnforcementKind,
    holder: UserTable,
    target: NoticeTarget & { id: string },
    decision: { category?: Category; reason?: string; until?: string | null },
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const entry = await audit.record({
      ...actor,
      action: `${target.type === 'key' ? 'key' : 'user'}.${kind}`,
      targetType: target.type === 'key' ? 'api_key' : 'user',
      targetId: target.id,
      reason: decision.reason?.trim() || null,
      details: {
        ...(decision.category ? { category: decision.category } : {}),
        ...(kind === 'suspend' ? { until: decision.until ?? null } : {}),
        ...(target.type === 'key' ? { userId: holder.id, keyName: target.name } : { email: holder.email }),
        ...extra,
      },
    });
    const notice = enforcementNotice({
      kind,
      target,
      holderName: holder.name,
      category: decision.category,
      reason: decision.reason,
      until: decision.until ?? null,
      reference: entry.seq,
      cityName: config.cityName,
      publicUrl: config.publicUrl,
      formatTime,
    });
    await outbox.enqueue({ to: holder.email, ...notice, kind: 'enforcement' });
  }

  async function developer(userId: string): Promise<Developer> {
    const row = await developerRow(userId);
    return presentDeveloper(row, await repo.keysOf([row.id]), now());
  }

  async function enforcedKey(keyId: string): Promise<EnforcedKey> {
    return presentKey((await keyRow(keyId)).key, now());
  }

  return {
    /** Developer accounts with their keys, by email, a page at a time. */
    async listDevelopers(
      query: { text?: string; status?: DeveloperStatusFilter; cursor?: string; limit?: number } = {},
    ): Promise<{ developers: Developer[]; next: string | null }> {
      const at = now();
      const limit = Math.min(200, Math.max(1, query.limit ?? 50));
      const rows = await repo.listDevelopers({
        text: query.text?.trim() || undefined,
        status: query.status,
        at: at.toISOString(),
        after: query.cursor || undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const allKeys = await repo.keysOf(page.map((r) => r.id));
      return {
        developers: page.map((row) =>
          presentDeveloper(
            row,
            allKeys.filter((k) => k.user_id === row.id),
            at,
          ),
        ),
        next: rows.length > limit ? page[page.length - 1]!.email : null,
      };
    },

    developer,

    /** The developer account that holds a key. */
    async holderOf(keyId: string): Promise<Developer> {
      return developer((await keyRow(keyId)).holder.id);
    },

    async suspendKey(actor: Actor, keyId: string, suspension: Suspension): Promise<EnforcedKey> {
      const decision = checkDecision(suspension);
      const until = endOf(suspension.until);
      const { key, holder } = await keyRow(keyId);
      if (key.status === 'revoked') throw enforcementErrors.revoked('key');
      await keys.setStatus(keyId, 'suspended', { reason: statusReason(decision), until });
      forget({ keyId });
      await recordAndNotify(
        actor,
        'suspend',
        holder,
        { type: 'key', id: keyId, name: key.name, prefix: key.prefix },
        {
          ...decision,
          until,
        },
      );
      return enforcedKey(keyId);
    },

    async revokeKey(actor: Actor, keyId: string, revocation: Decision): Promise<EnforcedKey> {
      const decision = checkDecision(revocation);
      const { key, holder } = await keyRow(keyId);
      if (key.status === 'revoked') throw enforcementErrors.revoked('key');
      await keys.setStatus(keyId, 'revoked', { reason: statusReason(decision) });
      forget({ keyId });
      await recordAndNotify(
        actor,
        'revoke',
        holder,
        { type: 'key', id: keyId, name: key.name, prefix: key.prefix },
        decision,
      );
      return enforcedKey(keyId);
    },

    /** Lifts a key's suspension (also one that has already ended, to clear it). */
    async reinstateKey(actor: Actor, keyId: string, note: { reason?: string } = {}): Promise<EnforcedKey> {
      const { key, holder } = await keyRow(keyId);
      if (key.status === 'revoked') throw enforcementErrors.revoked('key');
      if (key.status !== 'suspended') throw enforcementErrors.notSuspended('key');
      await keys.setStatus(keyId, 'active');
      forget({ keyId });
      await recordAndNotify(
        actor,
        'reinstate',
        holder,
        { type: 'key', id: keyId, name: key.name, prefix: key.prefix },
        {
          reason: note.reason?.trim().slice(0, 2000),
        },
      );
      return enforcedKey(keyId);
    },

    async suspendUser(actor: Actor, userId: string, suspension: Suspension): Promise<Developer> {
      const decision = checkDecision(suspension);
      const until = endOf(suspension.until);
      const row = await developerRow(userId);
      if (row.status === 'revoked') throw enforcementErrors.revoked('account');
      await repo.setUserStatus(userId, {
        status: 'suspended',
        status_reason: statusReason(decision),
        status_until: until,
        updated_at: now().toISOString(),
      });
      await sessions.endAll(userId);
      forget({ userId });
      await recordAndNotify(
        actor,
        'suspend',
        row,
        { type: 'account', id: userId, email: row.email },
        {
          ...decision,
          until,
        },
      );
      return developer(userId);
    },

    /** Closes an account for good: it can no longer sign in, and every key it holds is revoked. */
    async revokeUser(actor: Actor, userId: string, revocation: Decision): Promise<Developer> {
      const decision = checkDecision(revocation);
      const row = await developerRow(userId);
      if (row.status === 'revoked') throw enforcementErrors.revoked('account');
      await repo.setUserStatus(userId, {
        status: 'revoked',
        status_reason: statusReason(decision),
        status_until: null,
        updated_at: now().toISOString(),
      });
      await sessions.endAll(userId);
      const revokedKeys: string[] = [];
      for (const key of await repo.keysOf([userId])) {
        if (key.status === 'revoked') continue;
        await keys.setStatus(key.id, 'revoked', { reason: 'The account was closed.' });
        revokedKeys.push(key.id);
      }
      forget({ userId });
      await recordAndNotify(
        actor,
        'revoke',
        row,
        { type: 'account', id: userId, email: row.email },
        decision,
        { keys: revokedKeys },
      );
      return developer(userId);
    },

    async reinstateUser(actor: Actor, userId: string, note: { reason?: string } = {}): Promise<Developer> {
      const row = await developerRow(userId);
      if (row.status === 'revoked') throw enforcementErrors.revoked('account');
      if (row.status !== 'suspended') throw enforcementErrors.notSuspended('account');
      await repo.setUserStatus(userId, {
        status: 'active',
        status_reason: null,
        status_until: null,
        updated_at: now().toISOString(),
      });
      forget({ userId });
      await recordAndNotify(
        actor,
        'reinstate',
        row,
        { type: 'account', id: userId, email: row.email },
        {
          reason: note.reason?.trim().slice(0, 2000),
        },
      );
      return developer(userId);
    },
  };
}

export type EnforcementService = ReturnType<typeof enforcementService>;
