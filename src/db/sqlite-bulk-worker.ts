import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { BulkWriter, CellValue } from './dialect.js';

/**
 * The worker's code, kept as plain JavaScript so that it runs the same from sources, a bundle or a build:
 * it opens its own connection to the database file and inserts the batches it is sent, each in one transaction.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 10000');
db.pragma('synchronous = NORMAL');
const width = workerData.width;
const many = workerData.many;
const insertOne = db.prepare(workerData.sql);
const insertMany = db.prepare(workerData.sqlMany);
// Values arrive as one flat array per batch (cheaper to copy between threads than an array per row) and are
// inserted many rows per statement.
const insertAll = db.transaction((values) => {
  const rows = values.length / width;
  let row = 0;
  for (; row + many <= rows; row += many) insertMany.run(values.slice(row * width, (row + many) * width));
  for (; row < rows; row++) insertOne.run(values.slice(row * width, (row + 1) * width));
});
parentPort.on('message', (message) => {
  try {
    if (message.values) {
      insertAll(message.values);
      parentPort.postMessage({ inserted: message.values.length / width });
    } else if (message.end) {
      db.close();
      parentPort.postMessage({ done: true });
    }
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Batches in flight before `write` waits: enough to keep the worker busy, few enough to bound memory. */
const MAX_IN_FLIGHT = 2;
/** Rows per INSERT statement: fewer statements, fewer crossings between JavaScript and SQLite. */
const ROWS_PER_STATEMENT = 64;

/**
 * A bulk writer that inserts on a worker thread with its own connection, so that reading and converting the
 * file (this thread) and inserting (the worker) use both cores. Rows are visible to no reader until published.
 */
export function workerBulkWriter(
  file: string,
  statement: { table: string; columns: string; width: number },
  booleans: number[],
  batchRows: number,
): BulkWriter {
  const marks = `(${new Array(statement.width).fill('?').join(', ')})`;
  const head = `INSERT INTO ${statement.table} (${statement.columns}) VALUES `;
  const many = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(30_000 / statement.width)));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver,
      width: statement.width,
      many,
      sql: head + marks,
      sqlMany: head + new Array(many).fill(marks).join(', '),
    },
  });
  const batchSize = batchRows * statement.width;
  // Filled by index into a preallocated array: no growth and copying while a batch fills.
  let buffer: CellValue[] = new Array(batchSize);
  let filled = 0;
  let buffered = 0;
  let inFlight = 0;
  let failure: Error | null = null;
  let waiting: (() => void) | null = null;
  let finished: ((error: Error | null) => void) | null = null;

  worker.on('message', (message: { inserted?: number; done?: boolean; error?: string }) => {
    if (message.error) failure ??= new Error(message.error);
    if (message.inserted !== undefined) inFlight--;
    if (message.done || message.error) finished?.(failure);
    const resume = waiting;
    waiting = null;
    resume?.();
  });
  worker.on('error', (error) => {
    failure ??= error;
    finished?.(failure);
    const resume = waiting;
    waiting = null;
    resume?.();
  });

  const send = (values: CellValue[]) => {
    inFlight++;
    worker.postMessage({ values });
  };

  return {
    write(row: CellValue[]) {
      if (failure) throw failure;
      for (const i of booleans) {
        const v = row[i];
        if (typeof v === 'boolean') row[i] = v ? 1 : 0;
      }
      for (let i = 0; i < row.length; i++) buffer[filled++] = row[i] ?? null;
      if (++buffered < batchRows) return;
      send(buffer);
      buffer = new Array(batchSize);
      filled = 0;
      buffered = 0;
      if (inFlight < MAX_IN_FLIGHT) return;
      return new Promise<void>((resolve) => {
        waiting = resolve;
      }).then(() => {
        if (failure) throw failure;
      });
    },
    async finish() {
      if (failure) throw failure;
      if (buffered > 0) send(buffer.slice(0, filled));
      buffer = [];
      filled = 0;
      buffered = 0;
      const error = await new Promise<Error | null>((resolve) => {
        finished = resolve;
        worker.postMessage({ end: true });
      });
      await worker.terminate();
      if (error) throw error;
    },
    async abort() {
      buffer = [];
      await worker.terminate();
    },
  };
}
