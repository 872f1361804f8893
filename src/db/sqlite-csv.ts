import type BetterSqlite3 from 'better-sqlite3';
import type { PhysicalColumn, RawQuery, StorageType } from './dialect.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** SQL printing a REAL as JavaScript would: integral values without `.0`. */
function numberText(expression: string): string {
  return `CASE WHEN ${expression} IS NULL THEN '' WHEN ${expression} = CAST(${expression} AS INTEGER) AND abs(${expression}) < 9007199254740992.0 THEN CAST(CAST(${expression} AS INTEGER) AS TEXT) ELSE CAST(${expression} AS TEXT) END`;
}

/**
 * One CSV field of an SQL expression of a storage type, quoted only when RFC 4180 needs it. A point geometry is
 * printed from its row's bbox columns (`bbox`: the SQL of `_minx` and `_miny`).
 */
export function csvFieldSql(c: string, type: StorageType, bbox: readonly [string, string]): string {
  switch (type) {
    case 'number':
      return numberText(c);
    case 'boolean':
      return `CASE ${c} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE '' END`;
    case 'date':
    case 'timestamp':
      return `ifnull(${c}, '')`;
    case 'text':
      // Four instr() scans are about twice as fast as one GLOB with a character class.
      return `CASE WHEN ${c} IS NULL THEN '' WHEN instr(${c}, ',') OR instr(${c}, '"') OR instr(${c}, char(10)) OR instr(${c}, char(13)) THEN '"' || replace(${c}, '"', '""') || '"' ELSE ${c} END`;
    case 'geometry': {
      const [minx, miny] = bbox;
      // Stored points are `{"type":"Point","coordinates":[x,y]}`: three commas or more mean a third coordinate.
      return `CASE WHEN ${c} IS NULL THEN '' WHEN ${c} GLOB '*,*,*,*' THEN 'POINT Z (' || ${numberText(minx)} || ' ' || ${numberText(miny)} || ' ' || ${numberText(`json_extract(${c}, '$.coordinates[2]')`)} || ')' ELSE 'POINT (' || ${numberText(minx)} || ' ' || ${numberText(miny)} || ')' END`;
    }
  }
}

/** One CSV field per column of a table. */
function fieldExpression(column: PhysicalColumn, options: { bbox: readonly string[] }): string {
  const [minx = '_minx', miny = '_miny'] = options.bbox.map(quote);
  return csvFieldSql(quote(column.name), column.type, [minx, miny]);
}

/** Fields joined into one CSV line (every field expression is non-null, so concat_ws skips none). */
export function csvLineSql(fields: string[]): string {
  return fields.length === 0
    ? `''`
    : fields.length === 1
      ? fields[0]!
      : `concat_ws(',', ${fields.join(', ')})`;
}

/**
 * CSV lines of a whole table, built by SQLite in batches of rows joined into one string each, paged by row id
 * inside one read transaction on a read-only connection (one snapshot, no open statement between batches).
 */
export async function* sqliteCsvLines(
  open: () => BetterSqlite3.Database,
  table: string,
  columns: PhysicalColumn[],
  options: { rowId: string; bbox: readonly string[]; pointGeometry: boolean; batchRows?: number },
): AsyncIterable<Uint8Array> {
  const rowId = quote(options.rowId);
  // concat_ws builds each line in one step (every field expression is non-null, so none is skipped); chained
  // || would copy the growing line once per column.
  const line = csvLineSql(columns.map((c) => fieldExpression(c, options)));
  const sql =
    // As a BLOB the text reaches the socket as the UTF-8 bytes SQLite holds, never decoded and re-encoded.
    `SELECT CAST(string_agg(line, char(13, 10) ORDER BY id) || char(13, 10) AS BLOB), max(id), count(*) FROM ` +
    `(SELECT ${rowId} AS id, ${line} AS line FROM ${quote(table)} WHERE ${rowId} > ? ORDER BY ${rowId} LIMIT ?)`;
  const batchRows = options.batchRows ?? 5000;
  const reader = open();
  try {
    reader.exec('BEGIN');
    const page = reader.prepare(sql).raw(true);
    let last = -Infinity;
    for (;;) {
      const [text, maxId, count] = page.get(last, batchRows) as [Uint8Array | null, number | null, number];
      if (count === 0 || text === null || maxId === null) break;
      yield text;
      if (count < batchRows) break;
      last = maxId;
    }
  } finally {
    if (reader.inTransaction) reader.exec('COMMIT');
    reader.close();
  }
}

/**
 * CSV lines of a query result in row order, built by SQLite: `page(afterId, rows)` gives a statement answering
 * one row `[lines as one BLOB, last row id, row count]` for the next rows after `afterId` (null: from the first),
 * read in one transaction on a read-only connection. `offset` rows are skipped first; `limit` caps the total.
 */
export async function* sqliteCsvPages(
  open: () => BetterSqlite3.Database,
  page: (afterId: number | null, rows: number, offset: number) => RawQuery,
  options: { limit: number | null; offset: number; batchRows?: number },
): AsyncIterable<Uint8Array> {
  // Larger pages than a table's: a query's rows are fewer per scanned row, and each page is one statement.
  const batchRows = options.batchRows ?? 20_000;
  const reader = open();
  try {
    reader.exec('BEGIN');
    let after: number | null = null;
    let offset = options.offset;
    let remaining = options.limit ?? Infinity;
    while (remaining > 0) {
      const rows = Math.min(batchRows, remaining);
      const query = page(after, rows, offset);
      const [text, maxId, count] = reader
        .prepare(query.sql)
        .raw(true)
        .get(...query.params) as [Uint8Array | null, number | null, number];
      if (count === 0 || text === null || maxId === null) break;
      yield text;
      remaining -= count;
      if (count < rows) break;
      after = maxId;
      offset = 0;
    }
  } finally {
    if (reader.inTransaction) reader.exec('COMMIT');
    reader.close();
  }
}
