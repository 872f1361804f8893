/** The SQL of sign-in: failed-attempt counters, the lock, the last sign-in, identity-provider links. */
import type { Database } from '../../db/database.js';

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
  };
}

export type AccountsRepo = ReturnType<typeof accountsRepo>;
