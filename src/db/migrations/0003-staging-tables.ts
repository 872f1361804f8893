import type { Kysely } from 'kysely';

/**
 * Tables an import is writing. A process that dies mid-import leaves its staging table behind; this registry
 * lets a later sweep find and drop it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staging_tables')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staging_tables').ifExists().execute();
}
