import pg from 'pg';
import Cursor from 'pg-cursor';
import copyStreams from 'pg-copy-streams';
import { once } from 'node:events';
import type {
  BulkWriter,
  CellValue,
  DialectAdapter,
  PhysicalColumn,
  RawQuery,
  StorageType,
} from './dialect.js';

// Plaza formats times itself: dates and timestamps come back as text, int8 counts as numbers.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1114, (v) => v);
pg.types.setTypeParser(1184, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** A pool whose sessions run in UTC, so that timestamps read back in one predictable form. */
export function createPgPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, options: '-c TimeZone=UTC' });
}

/** `2024-05-01 13:00:00.5+00` (PostgreSQL in UTC) -> `2024-05-01T13:00:00.5Z`. */
function isoFromPg(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return `${text.slice(0, 10)}T${text.slice(11).replace(/\+00(:00)?$/, '')}Z`;
}

const asIs = (value: unknown): CellValue => (value === undefined ? null : (value as CellValue));

/** Escapes one value for COPY's text format. */
function copyText(value: CellValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const COPY_CHUNK_CHARS = 256 * 1024;

/** PostgreSQL: COPY for bulk writes, a cursor in a repeatable-read transaction for long streams. */
export function postgresAdapter(pool: pg.Pool): DialectAdapter {
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

  return {
    name: 'postgres',
    quote,
    sqlType(type: StorageType) {
      switch (type) {
        case 'number':
          return 'double precision';
        case 'boolean':
          return 'boolean';
        case 'date':
          return 'date';
        case 'timestamp':
          return 'timestamptz';
        case 'text':
        case 'geometry':
          return 'text';
      }
    },
    param: (index: number) => `$${index}`,
    readExpr: (column: PhysicalColumn) => quote(column.name),
    fromStorage: (type: StorageType) => (type === 'timestamp' ? isoFromPg : asIs),
    async exec(statement, params = []) {
      await pool.query(statement, params as unknown[]);
    },
    async queryArrays(query: RawQuery) {
      const result = await pool.query({
        text: query.sql,
        values: query.params as unknown[],
        rowMode: 'array',
      });
      return result.rows as unknown[][];
    },
    async transaction(run) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await run(async (statement, params = []) => {
          await client.query(statement, params as unknown[]);
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async bulkWriter(table: string, columns: PhysicalColumn[]): Promise<BulkWriter> {
      const client = await pool.connect();
      const names = columns.map((c) => quote(c.name)).join(', ');
      const copy = client.query(copyStreams.from(`COPY ${quote(table)} (${names}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      // Keep the promise from being reported as unhandled before finish() awaits it.
      done.catch(() => undefined);
      let chunk = '';
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        client.release(error);
      };
      return {
        async write(row: CellValue[]) {
          chunk += row.map(copyText).join('\t') + '\n';
          if (chunk.length >= COPY_CHUNK_CHARS) {
            const ok = copy.write(chunk);
            chunk = '';
            if (!ok) await Promise.race([once(copy, 'drain'), done]);
          }
        },
        async finish() {
          try {
            if (chunk.length > 0) copy.write(chunk);
            chunk = '';
            copy.end();
            await done;
            release();
          } catch (error) {
            release(error as Error);
            throw error;
          }
        },
        async abort() {
          chunk = '';
          // Destroying the stream aborts the COPY; the connection is discarded rather than reused.
          copy.destroy(new Error('import aborted'));
          await done.catch(() => undefined);
          release(new Error('import aborted'));
        },
      };
    },
    async *stream(query: RawQuery, batchSize = 2000) {
      const client = await pool.connect();
      let committed = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const cursor = client.query(new Cursor(query.sql, query.params as unknown[], { rowMode: 'array' }));
        try {
          for (;;) {
            const rows = (await cursor.read(batchSize)) as unknown[][];
            if (rows.length === 0) break;
            yield rows;
          }
        } finally {
          await cursor.close().catch(() => undefined);
        }
        await client.query('COMMIT');
        committed = true;
      } finally {
        // A consumer that stops early (a closed download) leaves the transaction open: end it here.
        if (!committed) await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    },
    async tryDrop(table: string) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL lock_timeout = '500ms'`);
        await client.query(`DROP TABLE IF EXISTS ${quote(table)}`);
        await client.query('COMMIT');
        return true;
      } catch {
        await client.query('ROLLBACK').catch(() => undefined);
        return false;
      } finally {
        client.release();
      }
    },
    async listTables(prefix: string) {
      const result = await pool.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, $1)`,
        [prefix],
      );
      return result.rows.map((r) => r.name);
    },
  };
}
