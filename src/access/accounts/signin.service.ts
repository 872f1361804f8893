/**
 * Signing in with an email address and a password, and signing out. The rules:
 *
 * - an unknown address costs the same scrypt work as a known one (the decoy hash), and gets the same answer as a
 *   wrong password;
 * - five wrong passwords in a row lock the account for fifteen minutes; while locked every attempt, right or
 *   wrong, gets the same "locked" answer, and unknown addresses lock the same way (in memory);
 * - each client address slows down after a few failures (./throttle.ts);
 * - a suspended or revoked account is refused only once the password was right, so that the answer does not
 *   tell an outsider about the account;
 * - success always starts a new session (and ends the one the browser had), resets the counter and records the
 *   time; every outcome is audited, never with the password.
 */
import type { AuditService } from '../audit/audit.service.js';
import { authErrors } from '../authenticate.js';
import { decoyHash, verifyPassword } from '../passwords.js';
import type { Session, SessionsService } from '../sessions/sessions.service.js';
import type { UsersRepo } from '../users/users.repo.js';
import { isActive, type User, type UsersService } from '../users/users.service.js';
import { accountErrors } from './accounts.errors.js';
import type { AccountsRepo } from './accounts.repo.js';
import { LOCKOUT, type SlowDown, type UnknownAccountLockout } from './throttle.js';

export interface ClientMeta {
  ip: string;
  userAgent?: string;
}

export interface SignedIn {
  user: User;
  /** The new session's cookie value: for the browser only. */
  cookie: string;
  session: Session;
}

export type SignInMethod = 'password' | 'oidc';

export interface SignInDeps {
  users: Pick<UsersService, 'get'>;
  usersRepo: Pick<UsersRepo, 'findByEmail'>;
  sessions: Pick<SessionsService, 'start' | 'end'>;
  audit: Pick<AuditService, 'record'>;
  repo: Pick<AccountsRepo, 'countFailure' | 'lock' | 'signedIn'>;
  slowDown: SlowDown;
  unknown: UnknownAccountLockout;
  now?: () => Date;
  verify?: (password: string, hash: string) => Promise<boolean>;
}

/** The longest email address and password looked at; longer ones are refused before any work. */
const MAX_EMAIL = 254;
const MAX_PASSWORD_INPUT = 1024;

export function signInService({
  users,
  usersRepo,
  sessions,
  audit,
  repo,
  slowDown,
  unknown,
  now = () => new Date(),
  verify = verifyPassword,
}: SignInDeps) {
  async function failed(
    meta: ClientMeta,
    email: string,
    reason: string,
    user?: { id: string; email: string },
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await audit.record({
      action: 'user.sign_in_failed',
      actorId: user?.id ?? null,
      actor: user?.email ?? 'anonymous',
      targetType: 'user',
      targetId: user?.id ?? '',
      ip: meta.ip,
      details: { email, reason, ...extra },
    });
  }

  async function locked(meta: ClientMeta, email: string, until: string, userId?: string): Promise<void> {
    await audit.record({
      action: 'user.lock',
      actorId: null,
      actor: 'system',
      targetType: 'user',
      targetId: userId ?? '',
      ip: meta.ip,
      details: { email, until, failures: LOCKOUT.after },
    });
  }

  /** Starts a session for an account that proved who it is; ends the browser's previous session. */
  async function startSession(
    userId: string,
    meta: ClientMeta & { previousSessionId?: string },
    method: SignInMethod,
  ): Promise<SignedIn> {
    if (meta.previousSessionId) await sessions.end(meta.previousSessionId);
    const { cookie, session } = await sessions.start(userId, { ip: meta.ip, userAgent: meta.userAgent });
    await repo.signedIn(userId, now().toISOString());
    const user = await users.get(userId);
    await audit.record({
      action: 'user.sign_in',
      actorId: user.id,
      actor: user.email,
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { method },
    });
    return { user, cookie, session };
  }

  return {
    startSession,

    /** Checks an email address and password; throws auth.invalid_credentials, auth.account_locked, ... */
    async signIn(
      input: { email: string; password: string } & ClientMeta & { previousSessionId?: string },
    ): Promise<SignedIn> {
      const email = input.email.trim().toLowerCase().slice(0, MAX_EMAIL);
      const attempt = await slowDown.attempt(input.ip);
      try {
        if (!email || !input.password || input.password.length > MAX_PASSWORD_INPUT) {
          attempt.failed();
          throw accountErrors.invalidCredentials();
        }
        const row = await usersRepo.findByEmail(email);
        const at = now();

        if (!row) {
          const lockedUntil = unknown.lockedUntil(email);
          attempt.failed();
          if (lockedUntil) {
            await failed(input, email, 'locked');
            throw accountErrors.locked(lockedUntil);
          }
          await verify(input.password, await decoyHash());
          const lockedNow = unknown.failed(email);
          await failed(input, email, 'unknown_account');
          if (lockedNow) {
            await locked(input, email, lockedNow);
            throw accountErrors.locked(lockedNow);
          }
          throw accountErrors.invalidCredentials();
        }

        const user = { id: row.id, email: row.email };
        if (row.locked_until && row.locked_until > at.toISOString()) {
          attempt.failed();
          await failed(input, email, 'locked', user);
          throw accountErrors.locked(row.locked_until);
        }
        // Accounts without a password (identity provider only) cost the same work and always fail.
        const right = await verify(input.password, row.password_hash ?? (await decoyHash()));
        if (!right || !row.password_hash) {
          attempt.failed();
          const failures = await repo.countFailure(row.id, at.toISOString());
          await failed(input, email, 'wrong_password', user, { failures: failures ?? LOCKOUT.after });
          const until = new Date(at.getTime() + LOCKOUT.ms).toISOString();
          // undefined: a parallel attempt locked the account a moment ago.
          if (failures === undefined) throw accountErrors.locked(until);
          if (failures >= LOCKOUT.after) {
            if (await repo.lock(row.id, until)) await locked(input, email, until, row.id);
            throw accountErrors.locked(until);
          }
          throw accountErrors.invalidCredentials();
        }
        if (!isActive(row, at)) {
          await failed(input, email, row.status === 'revoked' ? 'revoked' : 'suspended', user);
          throw authErrors.accountSuspended(row.status === 'suspended' ? row.status_until : null);
        }
        return await startSession(row.id, input, 'password');
      } finally {
        attempt.done();
      }
    },

    /** Ends a browser's session. */
    async signOut(session: Session, user: { id: string; email: string } | undefined, meta: ClientMeta) {
      await sessions.end(session.id);
      await audit.record({
        action: 'user.sign_out',
        actorId: session.userId,
        actor: user?.email ?? session.userId,
        targetType: 'user',
        targetId: session.userId,
        ip: meta.ip,
      });
    },
  };
}

export type SignInService = ReturnType<typeof signInService>;
