/**
 * Runs read queries under a time limit: on PostgreSQL with `statement_timeout` in a read-only transaction, on
 * SQLite on a pool of reader threads. Either way a query past its limit ends in `QueryTimeoutError`.
 */
import type pg from 'pg';
import type { RawQuery } from './dialect.js';
import { QueryTimeoutError, sqliteQueryPool } from './sqlite-query-pool.js';

export { QueryTimeoutError } from './sqlite-query-pool.js';

export interface QueryRunner {
  /** The rows of a SELECT, as arrays, or QueryTimeoutError after `timeoutMs`. */
  select(query: RawQuery, timeoutMs: number): Promise<unknown[][]>;
  close(): Promise<void>;
}

const QUERY_CANCELED = '57014';

export function postgresRunner(pool: pg.Pool): QueryRunner {
  return {
    async select(query, timeoutMs) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        const result = await client.query({
          text: query.sql,
          values: query.params as unknown[],
          rowMode: 'array',
        });
        await client.query('COMMIT');
        return result.rows as unknown[][];
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if ((error as { code?: string }).code === QUERY_CANCELED) {
          throw new QueryTimeoutError(`query ran past ${timeoutMs} ms`);
        }
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {},
  };
}

/** SQLite: reader threads for a database file; in memory (some unit tests) on the connection itself. */
export function sqliteRunner(file: string, inMemory: (query: RawQuery) => Promise<unknown[][]>): QueryRunner {
  if (file === ':memory:') return { select: (query) => inMemory(query), close: async () => {} };
  const pool = sqliteQueryPool(file);
  return {
    select: (query, timeoutMs) => pool.run(query.sql, query.params, timeoutMs),
    close: () => pool.close(),
  };
}
