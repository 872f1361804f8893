import type { Database } from '../db/database.js';
import type { DatasetDataTable } from '../db/schema.js';
import type { BulkWriter, PhysicalColumn, RawQuery } from '../db/dialect.js';
import { searchIndexShape } from '../db/search-index.js';

/** Internal columns of every dataset table; field names never start with `_`, so they cannot collide. */
export const ROW_ID = '_id';
export const BBOX_COLUMNS = ['_minx', '_miny', '_maxx', '_maxy'] as const;

/** What `dataset_data` holds for a dataset, besides its id. */
export type LiveState = Omit<DatasetDataTable, 'dataset_id'>;

/** SQL over the physical tables that hold datasets' rows, written through the dialect seam. */
export function dataTableRepo(db: Database) {
  const a = db.adapter;
  const q = a.quote;
  const p = (i: number) => a.param(i);

  return {
    /** Creates an empty table with the row id, the given columns, and bbox columns when there is geometry. */
    async create(table: string, columns: PhysicalColumn[], withBbox: boolean): Promise<void> {
      const defs = [
        a.rowIdColumn(ROW_ID),
        ...columns.map((c) => `${q(c.name)} ${a.sqlType(c.type)}`),
        ...(withBbox ? BBOX_COLUMNS.map((b) => `${q(b)} ${a.sqlType('number')}`) : []),
      ];
      await a.exec(`CREATE TABLE ${q(table)} (${defs.join(', ')})`);
    },

    /** Creates a staging table for an import and records it, so that a sweep can drop it if the import dies. */
    async createStaging(
      table: string,
      columns: PhysicalColumn[],
      withBbox: boolean,
      at: string,
    ): Promise<void> {
      await a.exec(
        `INSERT INTO ${q('staging_tables')} (${q('name')}, ${q('created_at')}) VALUES (${p(1)}, ${p(2)})`,
        [table, at],
      );
      await this.create(table, columns, withBbox);
    },

    /** Drops a staging table an import gave up on. */
    async dropStaging(table: string): Promise<void> {
      if (await a.tryDrop(table)) {
        await a.exec(`DELETE FROM ${q('staging_tables')} WHERE ${q('name')} = ${p(1)}`, [table]);
      }
    },

    /** Staging tables recorded before `cutoff` (ISO time): left behind by imports that died. */
    async staleStaging(cutoff: string): Promise<string[]> {
      const rows = await a.queryArrays({
        sql: `SELECT ${q('name')} FROM ${q('staging_tables')} WHERE ${q('created_at')} < ${p(1)}`,
        params: [cutoff],
      });
      return rows.map((r) => String(r[0]));
    },

    writer: (table: string, columns: PhysicalColumn[]): Promise<BulkWriter> => a.bulkWriter(table, columns),

    async count(table: string): Promise<number> {
      const rows = await a.queryArrays({ sql: `SELECT count(*) FROM ${q(table)}`, params: [] });
      return Number(rows[0]?.[0] ?? 0);
    },

    /** Up to `limit` key values that occur more than once in a table. */
    async duplicateKeys(table: string, key: string, limit = 5): Promise<string[]> {
      const rows = await a.queryArrays({
        sql: `SELECT ${q(key)} FROM ${q(table)} WHERE ${q(key)} IS NOT NULL GROUP BY ${q(key)} HAVING count(*) > 1 LIMIT ${limit}`,
        params: [],
      });
      return rows.map((r) => String(r[0]));
    },

    async nullKeys(table: string, key: string): Promise<number> {
      const rows = await a.queryArrays({
        sql: `SELECT count(*) FROM ${q(table)} WHERE ${q(key)} IS NULL`,
        params: [],
      });
      return Number(rows[0]?.[0] ?? 0);
    },

    /** How many rows of `staging` match an existing key in `live`. */
    async matchingKeys(live: string, staging: string, key: string): Promise<number> {
      const rows = await a.queryArrays({
        sql: `SELECT count(*) FROM ${q(staging)} s WHERE EXISTS (SELECT 1 FROM ${q(live)} l WHERE l.${q(key)} = s.${q(key)})`,
        params: [],
      });
      return Number(rows[0]?.[0] ?? 0);
    },

    async ensureUniqueIndex(table: string, key: string): Promise<void> {
      await a.exec(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${q(`${table}_key_${key}`.slice(0, 63))} ON ${q(table)} (${q(key)})`,
      );
    },

    /** Publishes a new version in one transaction: optional row copy from staging, then the live state. */
    async publish(
      datasetId: string,
      state: LiveState,
      options: {
        copy?: { from: string; to: string; columns: string[]; updateColumns?: string[]; upsertKey?: string };
        retire?: string;
        /** The staging table this publish uses up: no longer an import in progress. */
        staging: string;
        at: string;
      },
    ): Promise<void> {
      await a.transaction(async (exec) => {
        await exec(`DELETE FROM ${q('staging_tables')} WHERE ${q('name')} = ${p(1)}`, [options.staging]);
        if (options.copy) {
          const { from, to, columns, upsertKey, updateColumns = columns } = options.copy;
          const list = columns.map(q).join(', ');
          // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
          let statement = `INSERT INTO ${q(to)} (${list}) SELECT ${list} FROM ${q(from)} WHERE true`;
          if (upsertKey) {
            const updates = updateColumns
              .filter((c) => c !== upsertKey)
              .map((c) => `${q(c)} = excluded.${q(c)}`);
            statement += ` ON CONFLICT (${q(upsertKey)}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
          }
          await exec(statement);
        }
        await exec(`DELETE FROM ${q('dataset_data')} WHERE ${q('dataset_id')} = ${p(1)}`, [datasetId]);
        await exec(
          `INSERT INTO ${q('dataset_data')} (${q('dataset_id')}, ${q('data_table')}, ${q('data_version')}, ${q('row_count')}, ${q('columns')}, ${q('geometry_type')}, ${q('extent')}, ${q('data_updated_at')}) VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(p).join(', ')})`,
          [
            datasetId,
            state.data_table,
            state.data_version,
            state.row_count,
            state.columns,
            state.geometry_type,
            state.extent,
            state.data_updated_at,
          ],
        );
        if (options.retire) {
          await exec(
            `INSERT INTO ${q('retired_tables')} (${q('name')}, ${q('retired_at')}) VALUES (${p(1)}, ${p(2)})`,
            [options.retire, options.at],
          );
        }
      });
    },

    /** Streams every row of a table in row-id order, as arrays in the order of `columns`. */
    stream(table: string, columns: PhysicalColumn[], batchSize?: number): AsyncIterable<unknown[][]> {
      const query: RawQuery = {
        sql: `SELECT ${columns.map((c) => a.readExpr(c)).join(', ')} FROM ${q(table)} ORDER BY ${q(ROW_ID)}`,
        params: [],
      };
      return a.stream(query, batchSize);
    },

    /** CSV lines built by the database, when the dialect can for this table; null otherwise. */
    csvLines(
      table: string,
      columns: PhysicalColumn[],
      pointGeometry: boolean,
    ): AsyncIterable<Uint8Array> | null {
      return a.csvLines?.(table, columns, { rowId: ROW_ID, bbox: BBOX_COLUMNS, pointGeometry }) ?? null;
    },

    /** Builds a table's spatial and full-text search indexes (replacing partial ones); kept current from then on. */
    buildSearchIndexes: (table: string, columns: PhysicalColumn[]): Promise<void> =>
      a.buildSearchIndexes(table, searchIndexShape(columns)),
    /** Whether a table has every search index its columns call for. */
    hasSearchIndexes: (table: string, columns: PhysicalColumn[]): Promise<boolean> =>
      a.hasSearchIndexes(table, searchIndexShape(columns)),

    fromStorage: a.fromStorage,
    tryDrop: (table: string) => a.tryDrop(table),
    listTables: (prefix: string) => a.listTables(prefix),
  };
}

export type DataTableRepo = ReturnType<typeof dataTableRepo>;
