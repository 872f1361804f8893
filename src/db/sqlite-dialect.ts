import BetterSqlite3 from 'better-sqlite3';
import { workerBulkWriter } from './sqlite-bulk-worker.js';
import { registerQueryFunctions } from './sqlite-query-functions.js';
import { registerSqlFunctions } from './sqlite-functions.js';
import { sqliteCsvLines, sqliteCsvPages } from './sqlite-csv.js';
import {
  buildSqliteSearchIndexes,
  dropSearchIndexStatements,
  hasSqliteSearchIndexes,
} from './sqlite-search-index.js';
import type {
  BulkWriter,
  CellValue,
  DialectAdapter,
  PhysicalColumn,
  RawQuery,
  StorageType,
} from './dialect.js';

type Sqlite = BetterSqlite3.Database;

/** Rows per insert transaction: small enough that rows die young (cheap garbage), large enough to amortize commits. */
const BATCH_ROWS = 2_000;

/** Opens the embedded database file with the settings Plaza relies on (WAL for concurrent readers). */
export function openSqlite(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const db = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  }
  registerQueryFunctions(db);
  registerSqlFunctions(db);
  return db;
}

const toBoolean = (value: unknown): CellValue => (value === null || value === undefined ? null : value === 1);
const asIs = (value: unknown): CellValue => (value === undefined ? null : (value as CellValue));

/** SQLite: one writer connection shared with Kysely, short-lived read-only connections for long streams. */
export function sqliteAdapter(db: Sqlite, file: string): DialectAdapter {
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  const toCell = (value: CellValue) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

  return {
    name: 'sqlite',
    quote,
    rowIdColumn: (name: string) => `${quote(name)} INTEGER PRIMARY KEY`,
    sqlType(type: StorageType) {
      switch (type) {
        case 'number':
          return 'REAL';
        case 'boolean':
          return 'INTEGER';
        case 'text':
        case 'date':
        case 'timestamp':
        case 'geometry':
          return 'TEXT';
      }
    },
    param: () => '?',
    readExpr: (column: PhysicalColumn) => quote(column.name),
    fromStorage: (type: StorageType) => (type === 'boolean' ? toBoolean : asIs),
    async exec(statement, params = []) {
      db.prepare(statement).run(...params.map((p) => toCell(p as CellValue)));
    },
    async queryArrays(query: RawQuery) {
      const statement = db.prepare(query.sql);
      if (!statement.reader) {
        statement.run(...query.params);
        return [];
      }
      return statement.raw(true).all(...query.params) as unknown[][];
    },
    async transaction(run) {
      // better-sqlite3 is synchronous; an async body could interleave with other work on the same connection,
      // so statements are collected and applied in one synchronous transaction.
      const statements: { statement: string; params: readonly unknown[] }[] = [];
      const result = await run(async (statement, params = []) => {
        statements.push({ statement, params });
      });
      db.transaction(() => {
        for (const { statement, params } of statements) {
          db.prepare(statement).run(...params.map((p) => toCell(p as CellValue)));
        }
      })();
      return result;
    },
    async bulkWriter(table: string, columns: PhysicalColumn[]): Promise<BulkWriter> {
      const names = columns.map((c) => quote(c.name)).join(', ');
      const marks = columns.map(() => '?').join(', ');
      const insert = db.prepare(`INSERT INTO ${quote(table)} (${names}) VALUES (${marks})`);
      const booleans = columns.map((c, i) => (c.type === 'boolean' ? i : -1)).filter((i) => i >= 0);
      if (file !== ':memory:') {
        return workerBulkWriter(
          file,
          { table: quote(table), columns: names, width: columns.length },
          booleans,
          BATCH_ROWS,
        );
      }
      let buffer: CellValue[][] = [];
      const insertAll = db.transaction((rows: CellValue[][]) => {
        for (const row of rows) insert.run(row);
      });
      // Rows go to a staging table that nobody reads until a later, fully synced publish: its batches need not
      // wait for the disk (in WAL mode NORMAL still survives a process crash and never corrupts the file).
      const flush = (rows: CellValue[][]) => {
        db.pragma('synchronous = NORMAL');
        try {
          insertAll(rows);
        } finally {
          db.pragma('synchronous = FULL');
        }
      };
      return {
        write(row: CellValue[]) {
          for (const i of booleans) {
            const v = row[i];
            if (typeof v === 'boolean') row[i] = v ? 1 : 0;
          }
          // Callers may reuse their row array: keep a copy.
          buffer.push(row.slice());
          if (buffer.length >= BATCH_ROWS) {
            flush(buffer);
            buffer = [];
          }
        },
        async finish() {
          if (buffer.length > 0) flush(buffer);
          buffer = [];
        },
        async abort() {
          buffer = [];
        },
      };
    },
    async *stream(query: RawQuery, batchSize = 2000) {
      // A separate read-only connection reads one snapshot and never blocks or trips the writer connection.
      const reader = file === ':memory:' ? db : openSqlite(file, { readonly: true });
      try {
        if (reader !== db) reader.exec('BEGIN');
        const iterator = reader
          .prepare(query.sql)
          .raw(true)
          .iterate(...query.params) as IterableIterator<unknown[]>;
        let batch: unknown[][] = [];
        for (const row of iterator) {
          batch.push(row);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      } finally {
        if (reader !== db) {
          if (reader.inTransaction) reader.exec('COMMIT');
          reader.close();
        }
      }
    },
    csvLines(table, columns, options) {
      // A point table prints its geometry from the bbox; other geometries need the JavaScript WKT writer.
      if (columns.some((c) => c.type === 'geometry') && !options.pointGeometry) return null;
      if (file === ':memory:') return null;
      return sqliteCsvLines(() => openSqlite(file, { readonly: true }), table, columns, options);
    },
    buildSearchIndexes: (table, shape) => buildSqliteSearchIndexes(db, file, table, shape),
    async hasSearchIndexes(table, shape) {
      return hasSqliteSearchIndexes(db, table, shape);
    },
    csvPages(page, options) {
      if (file === ':memory:') return null;
      return sqliteCsvPages(() => openSqlite(file, { readonly: true }), page, options);
    },
    async tryDrop(table: string) {
      try {
        db.transaction(() => {
          for (const statement of dropSearchIndexStatements(table)) db.exec(statement);
          db.exec(`DROP TABLE IF EXISTS ${quote(table)}`);
        })();
        return true;
      } catch {
        return false;
      }
    },
    async listTables(prefix: string) {
      // table_list tells ordinary tables from virtual ones (search indexes) and their shadow tables.
      const rows = db
        .prepare(
          `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name LIKE ? ESCAPE '\\'`,
        )
        .all(`${prefix.replace(/[_%\\]/g, '\\$&')}%`) as { name: string }[];
      return rows.map((r) => r.name);
    },
  };
}
