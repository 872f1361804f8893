import type { Kysely } from 'kysely';
import type { AccessGrantTable } from '../../db/access-schema.js';
import type { Schema } from '../../db/schema.js';

export type GrantRow = AccessGrantTable;

/** The SQL of access grants: what approved requests and active agreements give their holders. */
export function grantsRepo(db: { kysely: Kysely<Schema> }) {
  const k = db.kysely;
  return {
    async insert(rows: readonly GrantRow[]): Promise<void> {
      if (rows.length)
        await k
          .insertInto('access_grants')
          .values([...rows])
          .execute();
    },

    /** Grants of one source (a request or an agreement) that are not revoked. */
    live: (source: string, sourceId: string) =>
      k
        .selectFrom('access_grants')
        .selectAll()
        .where('source', '=', source)
        .where('source_id', '=', sourceId)
        .where('revoked_at', 'is', null)
        .execute(),

    /** Revokes grants of a source (all of them, or those ids); returns the users who lost one. */
    async revoke(source: string, sourceId: string, at: string, ids?: readonly string[]): Promise<string[]> {
      if (ids && ids.length === 0) return [];
      const rows = await k
        .updateTable('access_grants')
        .set({ revoked_at: at })
        .where('source', '=', source)
        .where('source_id', '=', sourceId)
        .where('revoked_at', 'is', null)
        .$if(ids !== undefined, (q) => q.where('id', 'in', [...ids!]))
        .returning('user_id')
        .execute();
      return [...new Set(rows.map((r) => r.user_id))];
    },

    /** Moves the end of a source's live grants (an agreement's end date changed). */
    async setEnd(source: string, sourceId: string, endsAt: string | null): Promise<void> {
      await k
        .updateTable('access_grants')
        .set({ ends_at: endsAt })
        .where('source', '=', source)
        .where('source_id', '=', sourceId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

export type GrantsRepo = ReturnType<typeof grantsRepo>;
