/**
 * PostgreSQL's search indexes of a dataset table (conventions in `search-index.ts`): a GiST index on the bbox as
 * a box and a GIN index on the text columns' document vector. Both are expression indexes that PostgreSQL keeps
 * current itself; queries use them when they repeat the indexed expression exactly, which `search-index.ts`
 * writes in one place for both.
 *
 * The document relies on the database's LC_CTYPE for what a letter is and for lower case: it must be a UTF-8
 * locale (`C.UTF-8`, `en_US.UTF-8`...); under `C`, non-ASCII letters would separate words.
 */
import type pg from 'pg';
import type { SearchIndexShape } from './dialect.js';
import { postgresBboxKey, postgresSearchVector } from './search-index.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Name of a table's GiST index on its bbox (at most 63 characters for Plaza's table names). */
export function spatialIndexName(table: string): string {
  return `${table}_gist`;
}

/** Name of a table's GIN index on its text. */
export function textIndexName(table: string): string {
  return `${table}_gin`;
}

function wantedIndexes(table: string, shape: SearchIndexShape): string[] {
  return [
    ...(shape.geometry ? [spatialIndexName(table)] : []),
    ...(shape.textColumns.length > 0 ? [textIndexName(table)] : []),
  ];
}

/** Whether a table has the indexes its shape calls for. */
export async function hasPostgresSearchIndexes(
  pool: pg.Pool,
  table: string,
  shape: SearchIndexShape,
): Promise<boolean> {
  const wanted = wantedIndexes(table, shape);
  if (wanted.length === 0) return true;
  const result = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname = ANY($2)`,
    [table, wanted],
  );
  return result.rows[0]?.n === wanted.length;
}

/**
 * Creates the indexes a table lacks, then refreshes its statistics, which PostgreSQL keeps for index expressions
 * too: the planner then knows how selective a box or a word is from the first query on.
 */
export async function buildPostgresSearchIndexes(
  pool: pg.Pool,
  table: string,
  shape: SearchIndexShape,
): Promise<void> {
  const t = quote(table);
  const statements: string[] = [];
  if (shape.geometry) {
    statements.push(
      `CREATE INDEX IF NOT EXISTS ${quote(spatialIndexName(table))} ON ${t} USING gist ((${postgresBboxKey()}))`,
    );
  }
  if (shape.textColumns.length > 0) {
    statements.push(
      `CREATE INDEX IF NOT EXISTS ${quote(textIndexName(table))} ON ${t} USING gin ((${postgresSearchVector(shape.textColumns)}))`,
    );
  }
  if (statements.length === 0) return;
  for (const statement of statements) await pool.query(statement);
  await pool.query(`ANALYZE ${t}`);
}
