import type { ApiKeyTable } from '../../db/access-schema.js';
import type { Database } from '../../db/database.js';

export type ApiKeyRow = ApiKeyTable;

/** The SQL of API keys and their daily usage. */
export function keysRepo(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  return {
    insert: (row: ApiKeyRow) => k.insertInto('api_keys').values(row).execute(),
    find: (id: string) => k.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst(),
    findByPrefix: (prefix: string) =>
      k.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst(),
    listByUser: (userId: string) =>
      k
        .selectFrom('api_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute(),
    async update(id: string, fields: Partial<Omit<ApiKeyRow, 'id' | 'user_id'>>): Promise<void> {
      await k.updateTable('api_keys').set(fields).where('id', '=', id).execute();
    },
    /** Adds counts to the keys' days, creating the rows as needed. */
    async addUsage(
      rows: readonly { keyId: string; day: string; requests: number; limited: number }[],
      lastUsed: string,
    ) {
      if (rows.length === 0) return;
      await k.transaction().execute(async (tx) => {
        for (const r of rows) {
          await tx
            .insertInto('api_key_usage')
            .values({ key_id: r.keyId, day: r.day, requests: r.requests, limited: r.limited })
            .onConflict((oc) =>
              oc.columns(['key_id', 'day']).doUpdateSet((eb) => ({
                requests: eb('api_key_usage.requests', '+', r.requests),
                limited: eb('api_key_usage.limited', '+', r.limited),
              })),
            )
            .execute();
        }
        const ids = [...new Set(rows.map((r) => r.keyId))];
        await tx.updateTable('api_keys').set({ last_used_at: lastUsed }).where('id', 'in', ids).execute();
      });
    },
    usage: (keyId: string, fromDay: string) =>
      k
        .selectFrom('api_key_usage')
        .select(['day', 'requests', 'limited'])
        .where('key_id', '=', keyId)
        .where('day', '>=', fromDay)
        .orderBy('day')
        .execute(),
  };
}

export type KeysRepo = ReturnType<typeof keysRepo>;
