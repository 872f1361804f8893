/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Lax cookie (Secure behind TLS), stored as its digest;
 * twelve hours at most, two hours idle. Signing in always starts a new session (no fixation), signing out and
 * suspensions end them. Each session has its own CSRF secret: forms carry HMAC(secret, session), which the
 * authentication hook checks on every unsafe request that a session authenticates.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { digest, randomToken } from '../secrets.js';

export const SESSION_COOKIE = 'plaza_session';
const LIFETIME_MS = 12 * 3600_000;
const IDLE_MS = 2 * 3600_000;
/** last_seen_at is written at most this often per session. */
const TOUCH_MS = 60_000;

export interface Session {
  /** Digest of the cookie's value: the session's id everywhere but the cookie. */
  id: string;
  userId: string;
  csrfSecret: string;
  createdAt: string;
  expiresAt: string;
}

export function sessionsService({
  db,
  now = () => new Date(),
}: {
  db: Pick<Database, 'kysely'>;
  now?: () => Date;
}) {
  const k = db.kysely;
  return {
    /** Starts a session; returns the cookie value (shown to the browser only). */
    async start(
      userId: string,
      meta: { ip?: string; userAgent?: string } = {},
    ): Promise<{ cookie: string; session: Session }> {
      const cookie = randomToken();
      const at = now();
      const session: Session = {
        id: digest(cookie),
        userId,
        csrfSecret: randomToken(),
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + LIFETIME_MS).toISOString(),
      };
      await k
        .insertInto('sessions')
        .values({
          id_hash: session.id,
          user_id: userId,
          csrf_secret: session.csrfSecret,
          created_at: session.createdAt,
          last_seen_at: session.createdAt,
          expires_at: session.expiresAt,
          ip: meta.ip ?? null,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return { cookie, session };
    },

    /** The live session behind a cookie value, or undefined (unknown, expired, idle too long). */
    async resolve(cookie: string): Promise<Session | undefined> {
      if (!cookie || cookie.length > 100) return undefined;
      const id = digest(cookie);
      const row = await k.selectFrom('sessions').selectAll().where('id_hash', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const at = now();
      if (row.expires_at <= at.toISOString() || Date.parse(row.last_seen_at) + IDLE_MS <= at.getTime()) {
        await k.deleteFrom('sessions').where('id_hash', '=', id).execute();
        return undefined;
      }
      if (Date.parse(row.last_seen_at) + TOUCH_MS <= at.getTime())
        await k
          .updateTable('sessions')
          .set({ last_seen_at: at.toISOString() })
          .where('id_hash', '=', id)
          .execute();
      return {
        id,
        userId: row.user_id,
        csrfSecret: row.csrf_secret,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },

    async end(sessionId: string): Promise<void> {
      await k.deleteFrom('sessions').where('id_hash', '=', sessionId).execute();
    },

    /** Ends every session of a user (password change, suspension, revocation). */
    async endAll(userId: string): Promise<void> {
      await k.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}

/** The CSRF token of a session, for its forms. */
export function csrfToken(session: Pick<Session, 'id' | 'csrfSecret'>): string {
  return createHmac('sha256', session.csrfSecret).update(session.id).digest('base64url');
}

/** Whether a token sent with a form is the session's, compared in constant time. */
export function csrfMatches(session: Pick<Session, 'id' | 'csrfSecret'>, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(csrfToken(session));
  const actual = Buffer.from(token);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export type SessionsService = ReturnType<typeof sessionsService>;
