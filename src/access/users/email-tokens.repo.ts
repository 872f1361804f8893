import type { EmailTokenTable } from '../../db/access-schema.js';
import type { Database } from '../../db/database.js';

export type EmailTokenRow = EmailTokenTable;

/**
 * The SQL of one-time email links (stored as digests): address confirmations of developers and password resets
 * alike.
 */
export function emailTokensRepo(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  return {
    insert: (row: EmailTokenRow) => k.insertInto('email_tokens').values(row).execute(),

    find: (tokenHash: string, purpose: string) =>
      k
        .selectFrom('email_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .executeTakeFirst(),

    /** When the newest link of a purpose was issued to a user, if ever. */
    async lastIssued(userId: string, purpose: string): Promise<string | undefined> {
      const row = await k
        .selectFrom('email_tokens')
        .select('created_at')
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.created_at;
    },

    /** Links of a purpose a user was sent since an instant (to bound how many mails one address gets). */
    async countSince(userId: string, purpose: string, since: string): Promise<number> {
      const row = await k
        .selectFrom('email_tokens')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('created_at', '>', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The user of a link that is unused and not expired at an instant. */
    async liveUser(tokenHash: string, purpose: string, at: string): Promise<string | undefined> {
      const row = await k
        .selectFrom('email_tokens')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return row?.user_id;
    },

    /** Marks a live link used; false when it was not live (used meanwhile, expired, unknown). */
    async useLive(tokenHash: string, purpose: string, at: string): Promise<boolean> {
      const result = await k
        .updateTable('email_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Marks a link used; false when it was already used (by a request that got there first). */
    async use(tokenHash: string, at: string): Promise<boolean> {
      const result = await k
        .updateTable('email_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Retires a user's unused links of a purpose (a newer one replaces them, or the purpose is done). */
    async retire(userId: string, purpose: string, at: string): Promise<void> {
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

export type EmailTokensRepo = ReturnType<typeof emailTokensRepo>;
