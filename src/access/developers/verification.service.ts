/**
 * Confirming a developer's email address: a one-time link (a random token stored as its digest, valid for 24
 * hours, single use) sent through the outbox. A newer link retires the older ones, and a new one can be asked
 * for at most once a minute. Using a link confirms the address; signing in is the route's business.
 */
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxService } from '../mail/outbox.service.js';
import { digest, randomToken } from '../secrets.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { User, UsersService } from '../users/users.service.js';
import { developerErrors } from './developer-errors.js';
import type { EmailTokenRow, EmailTokensRepo } from '../users/email-tokens.repo.js';

export const VERIFY_PURPOSE = 'verify';
export const LINK_LIFETIME_MS = 24 * 3600_000;
/** A new link may be asked for once this long after the last one. */
export const RESEND_AFTER_MS = 60_000;

export interface Site {
  publicUrl: string;
  cityName: string;
}

/** Who asked, for the audit log. */
export interface RequestMeta {
  ip?: string | null;
}

export function verificationService({
  tokens,
  users,
  usersRepo,
  outbox,
  audit,
  site,
  now = () => new Date(),
}: {
  tokens: EmailTokensRepo;
  users: Pick<UsersService, 'get'>;
  usersRepo: Pick<UsersRepo, 'update'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  audit: Pick<AuditService, 'record'>;
  site: Site;
  now?: () => Date;
}) {
  /** The address the link of a token opens. */
  const linkOf = (token: string) => `${site.publicUrl}/developers/verify?token=${token}`;

  async function send(user: Pick<User, 'id' | 'email' | 'name'>): Promise<void> {
    const at = now();
    await tokens.retire(user.id, VERIFY_PURPOSE, at.toISOString());
    const token = randomToken();
    await tokens.insert({
      token_hash: digest(token),
      user_id: user.id,
      purpose: VERIFY_PURPOSE,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + LINK_LIFETIME_MS).toISOString(),
      used_at: null,
    });
    await outbox.enqueue({
      to: user.email,
      kind: 'verify_email',
      subject: `Confirm your email address for ${site.cityName} Open Data`,
      body: [
        `Hello${user.name ? ` ${user.name}` : ''},`,
        '',
        `A developer account on the ${site.cityName} open data portal was created with this address.`,
        'To confirm the address and start creating API keys, open this link within 24 hours:',
        '',
        linkOf(token),
        '',
        'If you did not sign up, ignore this message: the account stays unconfirmed and cannot hold API keys.',
      ].join('\n'),
    });
  }

  /** The unused, unexpired link row of a token; throws what is wrong with it otherwise. */
  async function usable(token: string): Promise<EmailTokenRow> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw developerErrors.linkInvalid();
    const row = await tokens.find(digest(token), VERIFY_PURPOSE);
    if (!row) throw developerErrors.linkInvalid();
    if (row.used_at !== null) throw developerErrors.linkUsed();
    if (row.expires_at <= now().toISOString()) throw developerErrors.linkExpired();
    return row;
  }

  return {
    /** Sends a new confirmation link (retiring older ones). */
    send,

    /** Sends a new link to an unconfirmed account, at most once a minute. */
    async resend(userId: string): Promise<void> {
      const user = await users.get(userId);
      if (user.emailVerified) throw developerErrors.alreadyVerified();
      const last = await tokens.lastIssued(userId, VERIFY_PURPOSE);
      const wait = last ? Date.parse(last) + RESEND_AFTER_MS - now().getTime() : 0;
      if (wait > 0) throw developerErrors.resendTooSoon(Math.ceil(wait / 1000));
      await send(user);
    },

    /** Throws what is wrong with a link (invalid, used, expired) without using it. */
    async check(token: string): Promise<void> {
      await usable(token);
    },

    /**
     * Uses a link: confirms the address of its account and returns the account. Throws
     * account.verify_invalid, account.verify_used or account.verify_expired.
     */
    async confirm(token: string, meta: RequestMeta = {}): Promise<User> {
      const row = await usable(token);
      const at = now().toISOString();
      // Two clicks racing: only one of them uses the link.
      if (!(await tokens.use(row.token_hash, at))) throw developerErrors.linkUsed();
      const before = await users.get(row.user_id);
      if (!before.emailVerified) {
        await usersRepo.update(row.user_id, { email_verified_at: at, updated_at: at });
        await audit.record({
          action: 'user.verify_email',
          actorId: before.id,
          actor: before.email,
          targetType: 'user',
          targetId: before.id,
          ip: meta.ip ?? null,
        });
      }
      return users.get(row.user_id);
    },

    /** Notes that the account just signed in (a confirmed link signs its browser in). */
    async signedIn(userId: string): Promise<void> {
      await usersRepo.update(userId, { last_login_at: now().toISOString() });
    },
  };
}

export type VerificationService = ReturnType<typeof verificationService>;
