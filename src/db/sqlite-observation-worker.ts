/**
 * The thread that writes sensor observations on SQLite, on its own connection: the server's thread parses and
 * checks requests while this one inserts and folds rollups, so ingest uses two cores. It runs the sensors
 * module's pure batch rules (rebuilt here from the time zone). Started by `sqlite-observation-writer.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchRules } from '../sensors/batch-rules.js';
import type { BatchRules, QcRevision } from './observation-store.js';
import { unpackRows, type PackedRows } from './observation-rows.js';
import { openSqlite } from './sqlite-dialect.js';
import { sqliteObservationStore } from './sqlite-observations.js';

interface Request {
  id: number;
  timeZone: string;
  rows: PackedRows;
  revisions?: QcRevision[];
}

const db = openSqlite((workerData as { file: string }).file);
const store = sqliteObservationStore(db);
const rules = new Map<string, BatchRules>();

parentPort!.on('message', (request: Request | { close: true }) => {
  if ('close' in request) {
    db.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  let rule = rules.get(request.timeZone);
  if (!rule) rules.set(request.timeZone, (rule = batchRules(request.timeZone)));
  store.write(unpackRows(request.rows), rule, request.revisions).then(
    (ids) => {
      const out = new Float64Array(ids.length);
      ids.forEach((id, i) => (out[i] = id ?? NaN));
      parentPort!.postMessage({ id: request.id, ids: out }, [out.buffer as ArrayBuffer]);
    },
    (error: unknown) =>
      parentPort!.postMessage({ id: request.id, error: (error as Error).message ?? String(error) }),
  );
});
