/**
 * A thread that answers read queries on its own read-only connection, so that a long query never stalls the
 * server's event loop and a query past its time limit can be abandoned. Started by `sqlite-query-pool.ts`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './sqlite-dialect.js';

interface Request {
  id: number;
  sql: string;
  params: unknown[];
}

const db = openSqlite((workerData as { file: string }).file, { readonly: true });
const statements = new Map<string, BetterSqlite3.Statement<unknown[], unknown[]>>();

parentPort!.on('message', (request: Request) => {
  try {
    let statement = statements.get(request.sql);
    if (!statement) {
      statement = db.prepare<unknown[], unknown[]>(request.sql).raw(true);
      if (statements.size > 200) statements.clear();
      statements.set(request.sql, statement);
    }
    const rows = statement.all(...request.params);
    parentPort!.postMessage({ id: request.id, rows });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).message ?? String(error) });
  }
});
