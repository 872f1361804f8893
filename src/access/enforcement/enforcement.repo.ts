/** The SQL of enforcement: developer accounts with their keys, page by page, and an account's status. */
import { sql } from 'kysely';
import type { ApiKeyTable, UserTable } from '../../db/access-schema.js';
import type { Database } from '../../db/database.js';

export type DeveloperStatusFilter = 'active' | 'suspended' | 'revoked';

export interface DeveloperListQuery {
  /** Part of an email or name. */
  text?: string;
  /** Effective status at `at`: a suspension that has ended counts as active. */
  status?: DeveloperStatusFilter;
  at: string;
  /** Emails after this one (keyset). */
  after?: string;
  limit: number;
}

const likeLiteral = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

export function enforcementRepo(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  return {
    /** Developer accounts ordered by email, `limit` of them from after `after`. */
    listDevelopers(query: DeveloperListQuery): Promise<UserTable[]> {
      const { text, status, at, after, limit } = query;
      return k
        .selectFrom('users')
        .selectAll()
        .where('kind', '=', 'developer')
        .$if(text !== undefined, (q) =>
          q.where((eb) => {
            const pattern = `%${likeLiteral(text!.toLowerCase())}%`;
            return eb.or([
              sql<boolean>`lower(email) LIKE ${pattern} ESCAPE '!'`,
              sql<boolean>`lower(name) LIKE ${pattern} ESCAPE '!'`,
            ]);
          }),
        )
        .$if(status === 'revoked', (q) => q.where('status', '=', 'revoked'))
        .$if(status === 'suspended', (q) =>
          q
            .where('status', '=', 'suspended')
            .where((eb) => eb.or([eb('status_until', 'is', null), eb('status_until', '>', at)])),
        )
        .$if(status === 'active', (q) =>
          q.where((eb) =>
            eb.or([
              eb('status', '=', 'active'),
              eb.and([eb('status', '=', 'suspended'), eb('status_until', '<=', at)]),
            ]),
          ),
        )
        .$if(after !== undefined, (q) => q.where('email', '>', after!))
        .orderBy('email')
        .limit(limit)
        .execute();
    },

    /** The keys of some accounts, newest first. */
    keysOf(userIds: readonly string[]): Promise<ApiKeyTable[]> {
      if (userIds.length === 0) return Promise.resolve([]);
      return k
        .selectFrom('api_keys')
        .selectAll()
        .where('user_id', 'in', [...userIds])
        .orderBy('created_at', 'desc')
        .execute();
    },

    findKey: (id: string) => k.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst(),

    findUser: (id: string) => k.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    async setUserStatus(
      id: string,
      fields: Pick<UserTable, 'status' | 'status_reason' | 'status_until' | 'updated_at'>,
    ): Promise<void> {
      await k.updateTable('users').set(fields).where('id', '=', id).execute();
    },
  };
}

export type EnforcementRepo = ReturnType<typeof enforcementRepo>;
