/**
 * The narrow seam between Plaza and its two databases. Everything outside `db/` speaks through this
 * interface and never asks which database it runs on.
 */

/** How a value is stored in a dataset table. */
/** `date` is a calendar date without zone; `timestamp` an instant in UTC; `geometry` GeoJSON text. */
export type StorageType = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'geometry';

export interface PhysicalColumn {
  /** Safe SQL identifier (lowercase ascii, digits, underscores). */
  name: string;
  type: StorageType;
}

/** A value as handed to a bulk writer: numbers, booleans, ISO timestamps, GeoJSON text, text, or null. */
export type CellValue = string | number | boolean | null;

/** Appends rows to one table in committed batches; nothing is visible until the caller publishes the table. */
export interface BulkWriter {
  /** Takes a row; the caller may reuse the array afterwards, so a writer copies what it keeps. */
  write(row: CellValue[]): void | Promise<void>;
  /** Flushes what is buffered and ends the writer. */
  finish(): Promise<void>;
  /** Drops what is buffered and ends the writer. */
  abort(): Promise<void>;
}

/** What a dataset table's search indexes cover (see `search-index.ts`). */
export interface SearchIndexShape {
  /** Text columns, in table order: the full-text index covers them (none: no full-text index). */
  textColumns: readonly string[];
  /** Whether the table has bbox columns: the spatial index covers them. */
  geometry: boolean;
}

/** A SELECT with positional parameters, already written for this dialect. */
export interface RawQuery {
  sql: string;
  params: readonly unknown[];
}

export interface DialectAdapter {
  readonly name: 'sqlite' | 'postgres';
  /** Quotes an identifier; callers still only pass safe names. */
  quote(identifier: string): string;
  /** DDL for the internal row id column, the first column of every dataset table. */
  rowIdColumn(name: string): string;
  /** The column type used for a storage type. */
  sqlType(type: StorageType): string;
  /** The i-th positional parameter placeholder (1-based). */
  param(index: number): string;
  /** An expression reading a stored column back in its wire form (ISO timestamps with Z, booleans as 0/1 or bool). */
  readExpr(column: PhysicalColumn): string;
  /** Converts a value read by `readExpr` to its JSON value. */
  fromStorage(type: StorageType): (value: unknown) => CellValue;
  /** Runs DDL or DML statements outside any open read. */
  exec(statement: string, params?: readonly unknown[]): Promise<void>;
  /** Runs a query and returns rows as arrays. */
  queryArrays(query: RawQuery): Promise<unknown[][]>;
  /** Runs statements in one transaction; `run` gets an executor bound to it. */
  transaction<T>(
    run: (exec: (statement: string, params?: readonly unknown[]) => Promise<void>) => Promise<T>,
  ): Promise<T>;
  /** Opens a bulk writer into an existing table. */
  bulkWriter(table: string, columns: PhysicalColumn[]): Promise<BulkWriter>;
  /** Streams a SELECT as batches of row arrays, read from one consistent snapshot. */
  stream(query: RawQuery, batchSize?: number): AsyncIterable<unknown[][]>;
  /**
   * Streams a whole table as CSV lines built by the database itself (RFC 4180, CRLF, booleans as true/false,
   * geometry of point tables as WKT from the bbox columns), read from one snapshot; far faster than formatting
   * row by row. Returns null when this dialect or this table's shape has no such path: callers then format rows.
   */
  csvLines?(
    table: string,
    columns: PhysicalColumn[],
    options: { rowId: string; bbox: readonly string[]; pointGeometry: boolean; batchRows?: number },
  ): AsyncIterable<Uint8Array> | null;
  /**
   * Builds a table's spatial and full-text indexes (see `search-index.ts`), replacing any partial ones, and
   * keeps them current from then on (SQLite: triggers). Nothing else may write the table meanwhile.
   */
  buildSearchIndexes(table: string, shape: SearchIndexShape): Promise<void>;
  /** Whether a table has every search index its shape calls for. */
  hasSearchIndexes(table: string, shape: SearchIndexShape): Promise<boolean>;
  /**
   * Streams CSV lines of a query result that the database prints itself, page by page (see `sqliteCsvPages`),
   * from one snapshot. Absent where the dialect has no such path.
   */
  csvPages?(
    page: (afterId: number | null, rows: number, offset: number) => RawQuery,
    options: { limit: number | null; offset: number },
  ): AsyncIterable<Uint8Array> | null;
  /** Drops a table, with its search indexes, if no reader holds it; returns false when it is still in use. */
  tryDrop(table: string): Promise<boolean>;
  /** Lists the names of ordinary tables that start with a prefix (not search indexes' virtual or shadow tables). */
  listTables(prefix: string): Promise<string[]>;
}
