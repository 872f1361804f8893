import type { Column } from '../catalog/catalog.schema.js';
import type { ColumnDoc, DataState, DataStateSource } from '../catalog/data-state.js';
import type { CellValue, PhysicalColumn, StorageType } from '../db/dialect.js';
import { errors } from '../errors.js';
import { BBOX_COLUMNS, type DataTableRepo } from './data-table.repo.js';
import { physicalColumns, type SearchIndexer } from './search-indexer.js';
import type { DataRow, TablesRepo } from './tables.repo.js';

/** A consistent read of a dataset's rows: the version it comes from and the rows as JSON values. */
export interface RowsExport {
  datasetId: string;
  version: number;
  /** Differs for every published version, even across a delete and re-create (the table name is random). */
  tag: string;
  dataUpdatedAt: string;
  rowCount: number;
  columns: Column[];
  geometryType: string | null;
  /** Whether each row ends with the four bbox numbers after the columns. */
  withBbox: boolean;
  batches: AsyncIterable<CellValue[][]>;
  /** The same rows as CSV lines built by the database (no header), when it can; then `batches` is left unread. */
  csvLines: () => AsyncIterable<Uint8Array> | null;
}

/** What the query engine reads: the live table of a dataset and the version it holds. */
export interface QueryTarget {
  table: string;
  columns: Column[];
  geometryType: string | null;
  rowCount: number;
  version: number;
  /** Differs for every published version (see RowsExport.tag). */
  tag: string;
  dataUpdatedAt: string;
  /** Whether its search indexes are complete (until then queries read the table without them). */
  indexed: boolean;
}

function toState(row: DataRow): DataState {
  return {
    dataVersion: row.data_version,
    rowCount: Number(row.row_count),
    columns: JSON.parse(row.columns) as Column[],
    geometryType: row.geometry_type,
    extent: row.extent ? (JSON.parse(row.extent) as [number, number, number, number]) : null,
    dataUpdatedAt: row.data_updated_at,
  };
}

/** The data behind datasets: states for the catalog, and full reads for downloads. */
export function tablesService(
  repo: TablesRepo,
  tables: DataTableRepo,
  indexer: SearchIndexer,
  now: () => Date = () => new Date(),
) {
  const dataStates: DataStateSource = {
    async get(datasetId) {
      const row = await repo.findData(datasetId);
      return row ? toState(row) : undefined;
    },
    async all() {
      return new Map((await repo.listData()).map((row) => [row.dataset_id, toState(row)]));
    },
    async describeColumns(datasetId: string, docs: ColumnDoc[]) {
      const row = await repo.findData(datasetId);
      if (!row) return;
      const columns = (JSON.parse(row.columns) as Column[]).map((column) => {
        const doc = docs.find((d) => d.field === column.field);
        if (!doc) return column;
        return {
          ...column,
          ...(doc.name !== undefined && { name: doc.name }),
          ...(doc.description !== undefined && { description: doc.description }),
          ...(doc.unit !== undefined && { unit: doc.unit }),
        };
      });
      await repo.setColumns(datasetId, JSON.stringify(columns));
    },
    async remove(datasetId: string) {
      const row = await repo.findData(datasetId);
      if (!row) return;
      // Retired, not dropped: a download that started a moment ago may still be reading it.
      await repo.retire(row.data_table, now().toISOString());
      await repo.deleteData(datasetId);
    },
  };

  return {
    dataStates,
    indexer,

    /** The live table of a dataset for the query engine. */
    async queryTarget(datasetId: string): Promise<QueryTarget> {
      const row = await repo.findData(datasetId);
      if (!row) throw errors.datasetNoData(datasetId);
      const state = toState(row);
      const indexed = await indexer.isIndexed(row.data_table, physicalColumns(row.columns));
      // A table imported by `plaza import`, or by another process, gets its indexes from this server.
      if (!indexed) indexer.schedule(datasetId);
      return {
        indexed,
        table: row.data_table,
        columns: state.columns,
        geometryType: state.geometryType,
        rowCount: state.rowCount,
        version: state.dataVersion,
        tag: `${row.data_table.slice(-10)}-v${state.dataVersion}`,
        dataUpdatedAt: state.dataUpdatedAt,
      };
    },

    /** Opens a full read of a dataset's rows, in row order, with values converted for output. */
    async openRows(datasetId: string): Promise<RowsExport> {
      const row = await repo.findData(datasetId);
      if (!row) throw errors.datasetNoData(datasetId);
      const state = toState(row);
      const physical: PhysicalColumn[] = state.columns.map((c) => ({
        name: c.field,
        type: c.type as StorageType,
      }));
      const withBbox = state.geometryType !== null;
      const read = withBbox
        ? [...physical, ...BBOX_COLUMNS.map((name) => ({ name, type: 'number' as const }))]
        : physical;
      const convert = read.map((c) => tables.fromStorage(c.type));
      const identity = convert.every((_f, i) => read[i]?.type !== 'boolean' && read[i]?.type !== 'timestamp');
      const source = tables.stream(row.data_table, read);
      async function* batches(): AsyncIterable<CellValue[][]> {
        for await (const batch of source) {
          if (!identity) {
            for (const r of batch) for (let i = 0; i < r.length; i++) r[i] = convert[i]!(r[i]);
          }
          yield batch as CellValue[][];
        }
      }
      return {
        datasetId,
        version: state.dataVersion,
        tag: `${row.data_table.slice(-10)}-v${state.dataVersion}`,
        dataUpdatedAt: state.dataUpdatedAt,
        rowCount: state.rowCount,
        columns: state.columns,
        geometryType: state.geometryType,
        withBbox,
        batches: batches(),
        csvLines: () => tables.csvLines(row.data_table, physical, state.geometryType === 'Point'),
      };
    },
  };
}

export type TablesService = ReturnType<typeof tablesService>;
