import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import type { DatasetTable, DepartmentTable } from '../db/schema.js';
import { LICENSES } from './vocabulary.js';

export type DatasetRow = Selectable<DatasetTable>;
export type DepartmentRow = Selectable<DepartmentTable>;

/** SQL for the catalog's own tables: datasets, departments, licences. */
export function catalogRepo(db: Database) {
  const k = db.kysely;
  return {
    async upsertLicenses(): Promise<void> {
      for (const l of LICENSES) {
        await k
          .insertInto('licenses')
          .values({
            id: l.id,
            title: l.title,
            url: l.url,
            attribution_required: l.attributionRequired ? 1 : 0,
          })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              title: l.title,
              url: l.url,
              attribution_required: l.attributionRequired ? 1 : 0,
            }),
          )
          .execute();
      }
    },
    listLicenses: () => k.selectFrom('licenses').selectAll().orderBy('id').execute(),
    findLicense: (id: string) => k.selectFrom('licenses').selectAll().where('id', '=', id).executeTakeFirst(),

    listDepartments: () => k.selectFrom('departments').selectAll().orderBy('name').execute(),
    findDepartment: (id: string) =>
      k.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst(),
    async upsertDepartment(row: Insertable<DepartmentTable>): Promise<void> {
      const { id: _id, ...rest } = row;
      await k
        .insertInto('departments')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(rest))
        .execute();
    },

    listDatasets: () => k.selectFrom('datasets').selectAll().execute(),
    findDataset: (id: string) => k.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst(),
    findDatasetBySlug: (slug: string) =>
      k.selectFrom('datasets').selectAll().where('slug', '=', slug).executeTakeFirst(),
    async insertDataset(row: Insertable<DatasetTable>): Promise<void> {
      await k.insertInto('datasets').values(row).execute();
    },
    async updateDataset(id: string, changes: Updateable<DatasetTable>): Promise<void> {
      await k.updateTable('datasets').set(changes).where('id', '=', id).execute();
    },
    async deleteDataset(id: string): Promise<void> {
      await k.deleteFrom('datasets').where('id', '=', id).execute();
    },
  };
}

export type CatalogRepo = ReturnType<typeof catalogRepo>;
