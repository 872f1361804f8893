import type pg from 'pg';
import type { PhysicalColumn } from './dialect.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** One CSV field per column, printed as the JavaScript writer prints it, quoted only when RFC 4180 needs it. */
function fieldExpression(column: PhysicalColumn, bbox: readonly string[]): string {
  const c = quote(column.name);
  switch (column.type) {
    case 'number':
      return `coalesce(${c}::text, '')`;
    case 'boolean':
      return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' ELSE '' END`;
    case 'date':
      return `coalesce(to_char(${c}, 'YYYY-MM-DD'), '')`;
    case 'timestamp': {
      // Stored form: no fraction when whole seconds, else milliseconds, else microseconds.
      const utc = `(${c} AT TIME ZONE 'UTC')`;
      const micros = `(extract(microseconds from ${c})::bigint % 1000000)`;
      return `CASE WHEN ${c} IS NULL THEN '' ELSE to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS') || CASE WHEN ${micros} = 0 THEN '' WHEN ${micros} % 1000 = 0 THEN to_char(${utc}, '.MS') ELSE to_char(${utc}, '.US') END || 'Z' END`;
    }
    case 'text':
      return `CASE WHEN ${c} IS NULL THEN '' WHEN strpos(${c}, ',') > 0 OR strpos(${c}, '"') > 0 OR strpos(${c}, E'\\n') > 0 OR strpos(${c}, E'\\r') > 0 THEN '"' || replace(${c}, '"', '""') || '"' ELSE ${c} END`;
    case 'geometry': {
      const [minx = '_minx', miny = '_miny'] = bbox.map(quote);
      const coordinates = `((${c})::json -> 'coordinates')`;
      return `CASE WHEN ${c} IS NULL THEN '' WHEN json_array_length(${coordinates}) > 2 THEN 'POINT Z (' || ${minx}::text || ' ' || ${miny}::text || ' ' || (${coordinates} ->> 2) || ')' ELSE 'POINT (' || ${minx}::text || ' ' || ${miny}::text || ')' END`;
    }
  }
}

/**
 * CSV lines of a whole table built by PostgreSQL, in pages of rows joined into one UTF-8 buffer each, paged by
 * row id inside one repeatable-read transaction on a dedicated connection.
 */
export async function* postgresCsvLines(
  pool: pg.Pool,
  table: string,
  columns: PhysicalColumn[],
  options: { rowId: string; bbox: readonly string[]; batchRows?: number },
): AsyncIterable<Uint8Array> {
  const rowId = quote(options.rowId);
  const fields = columns.map((c) => fieldExpression(c, options.bbox));
  const line = fields.length === 0 ? `''` : `concat_ws(',', ${fields.join(', ')})`;
  const sql =
    `SELECT convert_to(string_agg(line, E'\\r\\n' ORDER BY id) || E'\\r\\n', 'UTF8'), max(id), count(*) FROM ` +
    `(SELECT ${rowId} AS id, ${line} AS line FROM ${quote(table)} WHERE ${rowId} > $1 ORDER BY ${rowId} LIMIT $2) page`;
  const batchRows = options.batchRows ?? 5000;
  const client = await pool.connect();
  let committed = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let last = 0;
    for (;;) {
      const result = await client.query({ text: sql, values: [last, batchRows], rowMode: 'array' });
      const [bytes, maxId, count] = result.rows[0] as [Buffer | null, number | null, number];
      if (count === 0 || bytes === null || maxId === null) break;
      yield bytes;
      if (count < batchRows) break;
      last = maxId;
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    if (!committed) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
