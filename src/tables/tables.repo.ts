import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { DatasetDataTable, ImportTable } from '../db/schema.js';

export type DataRow = Selectable<DatasetDataTable>;
export type ImportRow = Selectable<ImportTable>;

/** SQL for the tables module's own bookkeeping: live data versions, import log, retired tables. */
export function tablesRepo(db: Database) {
  const k = db.kysely;
  return {
    findData: (datasetId: string) =>
      k.selectFrom('dataset_data').selectAll().where('dataset_id', '=', datasetId).executeTakeFirst(),
    listData: () => k.selectFrom('dataset_data').selectAll().execute(),
    async setColumns(datasetId: string, columns: string): Promise<void> {
      await k.updateTable('dataset_data').set({ columns }).where('dataset_id', '=', datasetId).execute();
    },
    async deleteData(datasetId: string): Promise<void> {
      await k.deleteFrom('dataset_data').where('dataset_id', '=', datasetId).execute();
    },

    async insertImport(row: Insertable<ImportTable>): Promise<void> {
      await k.insertInto('imports').values(row).execute();
    },
    async finishImport(
      id: string,
      changes: Pick<
        ImportRow,
        'status' | 'finished_at' | 'rows_read' | 'rows_written' | 'rows_skipped' | 'report'
      >,
    ): Promise<void> {
      await k.updateTable('imports').set(changes).where('id', '=', id).execute();
    },
    findImport: (id: string) => k.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst(),
    listImports: (datasetId: string, limit: number) =>
      k
        .selectFrom('imports')
        .selectAll()
        .where('dataset_id', '=', datasetId)
        .orderBy('started_at', 'desc')
        .limit(limit)
        .execute(),

    /** Takes the import lock of a dataset, or one whose heartbeat is older than `staleBefore`; false if held. */
    async lockImport(datasetId: string, owner: string, at: string, staleBefore: string): Promise<boolean> {
      const inserted = await k
        .insertInto('import_locks')
        .values({ dataset_id: datasetId, owner, heartbeat_at: at })
        .onConflict((oc) => oc.column('dataset_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
      const taken = await k
        .updateTable('import_locks')
        .set({ owner, heartbeat_at: at })
        .where('dataset_id', '=', datasetId)
        .where('heartbeat_at', '<', staleBefore)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },
    async heartbeatImport(datasetId: string, owner: string, at: string): Promise<void> {
      await k
        .updateTable('import_locks')
        .set({ heartbeat_at: at })
        .where('dataset_id', '=', datasetId)
        .where('owner', '=', owner)
        .execute();
    },
    async unlockImport(datasetId: string, owner: string): Promise<void> {
      await k
        .deleteFrom('import_locks')
        .where('dataset_id', '=', datasetId)
        .where('owner', '=', owner)
        .execute();
    },

    async retire(name: string, at: string): Promise<void> {
      await k
        .insertInto('retired_tables')
        .values({ name, retired_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    },
    listRetired: () => k.selectFrom('retired_tables').selectAll().execute(),
    async forgetRetired(name: string): Promise<void> {
      await k.deleteFrom('retired_tables').where('name', '=', name).execute();
    },
  };
}

export type TablesRepo = ReturnType<typeof tablesRepo>;
