/** The SQL of sign-in: failed-attempt counters, the lock, the last sign-in, and one-time email tokens. */
import type { Database } from '../../db/database.js';

export type TokenPurpose = 'reset';

export function accountsRepo(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  return {
    /**
     * Counts a failed password atomically: a lock that has run out starts the count again. Returns the new count,
     * or undefined when the account is locked now (a parallel attempt locked it).
     */
    async countFailure(userId: string, at: string): Promise<number | undefined> {
      const row = await k
        .updateTable('users')
        .set((eb) => ({
          failed_logins: eb
            .case()
            .when('locked_until', 'is not', null)
            .then(1)
            .else(eb('failed_logins', '+', 1))
            .end(),
          locked_until: null,
        }))
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .returning('failed_logins')
        .executeTakeFirst();
      return row ? Number(row.failed_logins) : undefined;
    },

    /** Locks the account until an instant; false when another attempt locked it first. */
    async lock(userId: string, until: string): Promise<boolean> {
      const result = await k
        .updateTable('users')
        .set({ locked_until: until })
        .where('id', '=', userId)
        .where('locked_until', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async signedIn(userId: string, at: string): Promise<void> {
      await k
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, last_login_at: at })
        .where('id', '=', userId)
        .execute();
    },

    async linkSubject(userId: string, subject: string, at: string): Promise<void> {
      await k
        .updateTable('users')
        .set((eb) => ({
          oidc_subject: subject,
          email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(at)),
          updated_at: at,
        }))
        .where('id', '=', userId)
        .execute();
    },

    /** Active admins: the admin role on an account that is not suspended or revoked. */
    async activeAdmins(): Promise<string[]> {
      const rows = await k
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('users.id')
        .where('user_roles.role', '=', 'admin')
        .where('users.status', '=', 'active')
        .execute();
      return rows.map((r) => r.id);
    },

    async insertToken(row: {
      token_hash: string;
      user_id: string;
      purpose: TokenPurpose;
      created_at: string;
      expires_at: string;
    }): Promise<void> {
      await k
        .insertInto('email_tokens')
        .values({ ...row, used_at: null })
        .execute();
    },

    /** Tokens of a purpose a user was sent since an instant (to bound how many mails one address gets). */
    async tokensSince(userId: string, purpose: TokenPurpose, since: string): Promise<number> {
      const row = await k
        .selectFrom('email_tokens')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('created_at', '>', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The user of a token that is unused and not expired at an instant. */
    async liveToken(hash: string, purpose: TokenPurpose, at: string): Promise<string | undefined> {
      const row = await k
        .selectFrom('email_tokens')
        .select('user_id')
        .where('token_hash', '=', hash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return row?.user_id;
    },

    /** Marks a live token used; false when it was not live (used meanwhile, expired, unknown). */
    async useToken(hash: string, purpose: TokenPurpose, at: string): Promise<boolean> {
      const result = await k
        .updateTable('email_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', hash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Uses up every other live token of a purpose of a user (a reset makes older links worthless). */
    async useAllTokens(userId: string, purpose: TokenPurpose, at: string): Promise<void> {
      await k
        .updateTable('email_tokens')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute();
    },
  };
}

export type AccountsRepo = ReturnType<typeof accountsRepo>;
