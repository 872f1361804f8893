/**
 * Password reset by email: a one-time link (a random token, stored as its digest) that works once, for an hour.
 * Asking for a link always gets the same answer, whether the address has an account or not; an account gets at
 * most a few links an hour. Setting the new password uses the link up (and every older one), unlocks the
 * account and ends all its sessions.
 */
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxService } from '../mail/outbox.service.js';
import { passwordProblem } from '../passwords.js';
import { digest, randomToken } from '../secrets.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import type { UsersRepo } from '../users/users.repo.js';
import { isActive, userErrors, type User, type UsersService } from '../users/users.service.js';
import { accountErrors } from './accounts.errors.js';
import type { EmailTokensRepo } from '../users/email-tokens.repo.js';

/** How long a reset link works. */
export const RESET_TTL_MS = 3600_000;
/** How long the link in a new account's invitation works. */
export const INVITATION_TTL_MS = 72 * 3600_000;
/** Reset mails one account gets per hour at most; further requests are answered but send nothing. */
const MAILS_PER_HOUR = 3;

export interface Actor {
  actorId: string | null;
  actor: string;
  ip?: string | null;
}

export interface ResetDeps {
  users: Pick<UsersService, 'get' | 'setPassword'>;
  usersRepo: Pick<UsersRepo, 'findByEmail'>;
  sessions: Pick<SessionsService, 'endAll'>;
  audit: Pick<AuditService, 'record'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  repo: Pick<EmailTokensRepo, 'insert' | 'countSince' | 'liveUser' | 'useLive' | 'retire'>;
  publicUrl: string;
  cityName: string;
  now?: () => Date;
}

export function resetService({
  users,
  usersRepo,
  sessions,
  audit,
  outbox,
  repo,
  publicUrl,
  cityName,
  now = () => new Date(),
}: ResetDeps) {
  const portal = `the ${cityName} open data portal`;

  /** A new one-time link that lets the account choose a password. */
  async function issueLink(
    userId: string,
    ttlMs = RESET_TTL_MS,
  ): Promise<{ link: string; expiresAt: string }> {
    const token = randomToken();
    const at = now();
    const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
    await repo.insert({
      token_hash: digest(token),
      user_id: userId,
      purpose: 'reset',
      created_at: at.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    });
    return { link: `${publicUrl}/signin/reset?token=${encodeURIComponent(token)}`, expiresAt };
  }

  /** The account a reset link belongs to, while the link is live. */
  async function accountOf(token: string): Promise<User | undefined> {
    if (!token || token.length > 100) return undefined;
    const userId = await repo.liveUser(digest(token), 'reset', now().toISOString());
    return userId ? users.get(userId) : undefined;
  }

  return {
    issueLink,

    /**
     * Mails a reset link when the address belongs to an active account (and it has not had too many lately).
     * Resolves the same way in every case.
     */
    async requestReset(email: string, by: Actor): Promise<void> {
      const row = await usersRepo.findByEmail(email.trim().toLowerCase().slice(0, 254));
      if (!row || !isActive(row, now())) return;
      const since = new Date(now().getTime() - 3600_000).toISOString();
      if ((await repo.countSince(row.id, 'reset', since)) >= MAILS_PER_HOUR) return;
      const { link } = await issueLink(row.id);
      await outbox.enqueue({
        to: row.email,
        subject: `Reset your password for ${portal}`,
        kind: 'password_reset',
        body:
          `Someone, hopefully you, asked to reset the password of the account ${row.email} on ${portal} ` +
          `(${publicUrl}).\n\nChoose a new password here. The link works once, within the next hour:\n\n${link}\n\n` +
          'If you did not ask for this, ignore this message: your password stays as it is.\n',
      });
      await audit.record({
        action: 'user.password_reset_request',
        ...by,
        targetType: 'user',
        targetId: row.id,
        details: { email: row.email, mailed: true },
      });
    },

    /** A reset link for an administrator to hand over (`plaza users reset-password`); nothing is mailed. */
    async linkFor(email: string, by: Actor): Promise<{ user: User; link: string; expiresAt: string }> {
      const row = await usersRepo.findByEmail(email.trim().toLowerCase());
      if (!row) throw userErrors.notFound(email);
      const { link, expiresAt } = await issueLink(row.id);
      await audit.record({
        action: 'user.password_reset_request',
        ...by,
        targetType: 'user',
        targetId: row.id,
        details: { email: row.email, mailed: false },
      });
      return { user: await users.get(row.id), link, expiresAt };
    },

    /** Mails a new account the link to choose its first password. */
    async invite(user: User, by: Actor): Promise<void> {
      const { link } = await issueLink(user.id, INVITATION_TTL_MS);
      await outbox.enqueue({
        to: user.email,
        subject: `Your staff account on ${portal}`,
        kind: 'account_invitation',
        body:
          `${by.actor} created a staff account for ${user.email} on ${portal} (${publicUrl}).\n\n` +
          `Choose your password here. The link works once, within the next three days:\n\n${link}\n\n` +
          'If you did not expect this, ignore this message or tell the city IT service desk.\n',
      });
    },

    accountOf,

    /**
     * Sets a new password with a live link: throws auth.reset_token_invalid for a dead link and user.invalid for a
     * password that breaks the rules (the link stays live then).
     */
    async resetPassword(token: string, password: string, meta: { ip: string }): Promise<User> {
      const user = await accountOf(token);
      if (!user) throw accountErrors.resetTokenInvalid();
      // The password's rules first, so that a refused password leaves the link usable; then the link is used up
      // atomically, so that one link sets one password even when it is sent twice at once.
      const problem = passwordProblem(password, user.email);
      if (problem) throw userErrors.invalid('password', problem);
      const at = now().toISOString();
      if (!(await repo.useLive(digest(token), 'reset', at))) throw accountErrors.resetTokenInvalid();
      await users.setPassword(user.id, password);
      await repo.retire(user.id, 'reset', at);
      await sessions.endAll(user.id);
      await audit.record({
        action: 'user.password_reset',
        actorId: user.id,
        actor: user.email,
        targetType: 'user',
        targetId: user.id,
        ip: meta.ip,
      });
      return user;
    },
  };
}

export type ResetService = ReturnType<typeof resetService>;
