import type { Database } from './database.js';

/** Key-value facts about the installation (not about datasets), such as when the demo was seeded. */
export function appState(db: Database) {
  const k = db.kysely;
  return {
    async get(key: string): Promise<string | undefined> {
      const row = await k.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },
    async set(key: string, value: string, at = new Date()): Promise<void> {
      await k
        .insertInto('app_state')
        .values({ key, value, updated_at: at.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
        .execute();
    },
  };
}

export type AppState = ReturnType<typeof appState>;
