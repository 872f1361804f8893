import type { Kysely } from 'kysely';

/**
 * One import at a time per dataset, across processes (a server and a command-line import share the database).
 * A lock whose heartbeat stopped belongs to an import whose process died, and may be taken over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_locks')
    .addColumn('dataset_id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_locks').ifExists().execute();
}
