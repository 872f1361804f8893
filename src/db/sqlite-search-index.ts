/**
 * SQLite's search indexes of a dataset table (conventions in `search-index.ts`): an R*Tree over the bbox columns
 * and an FTS5 index over the text columns, each kept current by triggers on the table.
 *
 * The FTS5 table is contentless with deletes (`content=''`, `contentless_delete=1`), its columns named c0, c1...
 * rather than an external-content table over the dataset table: external content must repeat the table's column
 * names, and FTS5 refuses `rank` and `rowid`, which are field names a file may well have; a contentless index
 * also deletes by row id alone, so an update never has to repeat the old values exactly.
 *
 * Building fills both indexes in row-id ranges, one transaction each, so that other writers get the lock between
 * ranges; a large table is filled on a worker thread with its own connection, so that the event loop (HTTP
 * requests) never waits seconds for it. Triggers come last: nothing else writes the table while it is built.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { SearchIndexShape } from './dialect.js';
import { FTS5_TOKENIZER, ftsTable, rtreeTable } from './search-index.js';

type Sqlite = BetterSqlite3.Database;

/** One statement of a build, with its parameters. */
interface Step {
  sql: string;
  params: number[];
}

/** Rows per fill transaction: the lock is free again within a second or so. */
const CHUNK_ROWS = 100_000;

const BBOX = ['_minx', '_miny', '_maxx', '_maxy'] as const;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The triggers that keep a table's search indexes current, by index. */
function triggerNames(table: string): { rtree: string[]; fts: string[] } {
  return {
    rtree: ['ai', 'ad', 'au'].map((e) => `${rtreeTable(table)}_${e}`),
    fts: ['ai', 'ad', 'au'].map((e) => `${ftsTable(table)}_${e}`),
  };
}

/** Statements that remove a table's search indexes (its triggers too), whatever of them exists. */
export function dropSearchIndexStatements(table: string): string[] {
  const triggers = triggerNames(table);
  return [
    ...[...triggers.rtree, ...triggers.fts].map((t) => `DROP TRIGGER IF EXISTS ${quote(t)}`),
    `DROP TABLE IF EXISTS ${quote(ftsTable(table))}`,
    `DROP TABLE IF EXISTS ${quote(rtreeTable(table))}`,
  ];
}

/** The DDL and DML of a build: create, fill one row-id range, then the triggers. */
function buildStatements(table: string, shape: SearchIndexShape) {
  const t = quote(table);
  const id = quote('_id');
  const triggers = triggerNames(table);
  const create: string[] = [];
  const fill: string[] = [];
  const keep: string[] = [];
  const range = `${id} >= ? AND ${id} < ?`;

  if (shape.geometry) {
    const rtree = quote(rtreeTable(table));
    const [minx, miny, maxx, maxy] = BBOX.map(quote) as [string, string, string, string];
    const values = (row: string) =>
      `${row}.${id}, ${row}.${minx}, ${row}.${maxx}, ${row}.${miny}, ${row}.${maxy}`;
    const present = (row: string) => BBOX.map((c) => `${row}.${quote(c)} IS NOT NULL`).join(' AND ');
    const [ai, ad, au] = triggers.rtree.map(quote) as [string, string, string];
    create.push(`CREATE VIRTUAL TABLE ${rtree} USING rtree(id, minx, maxx, miny, maxy)`);
    // Inserting neighbours one after another costs the R*Tree some 15% less CPU than row order.
    fill.push(
      `INSERT INTO ${rtree} (id, minx, maxx, miny, maxy) SELECT ${values('s')} FROM ${t} AS s WHERE ${range} AND ${present('s')} ORDER BY s.${minx}`,
    );
    keep.push(
      `CREATE TRIGGER ${ai} AFTER INSERT ON ${t} WHEN ${present('new')} BEGIN INSERT INTO ${rtree} (id, minx, maxx, miny, maxy) VALUES (${values('new')}); END`,
      `CREATE TRIGGER ${ad} AFTER DELETE ON ${t} BEGIN DELETE FROM ${rtree} WHERE id = old.${id}; END`,
      `CREATE TRIGGER ${au} AFTER UPDATE OF ${[id, minx, miny, maxx, maxy].join(', ')} ON ${t} BEGIN ` +
        `DELETE FROM ${rtree} WHERE id = old.${id}; ` +
        `INSERT INTO ${rtree} (id, minx, maxx, miny, maxy) SELECT ${values('new')} WHERE ${present('new')}; END`,
    );
  }

  if (shape.textColumns.length > 0) {
    const fts = quote(ftsTable(table));
    const slots = shape.textColumns.map((_c, i) => `c${i}`);
    const into = `INSERT INTO ${fts} (rowid, ${slots.join(', ')})`;
    const values = (row: string) =>
      [`${row}.${id}`, ...shape.textColumns.map((c) => `${row}.${quote(c)}`)].join(', ');
    // A row without any text has nothing to index: it stays out, as in the R*Tree.
    const present = (row: string) =>
      shape.textColumns.map((c) => `${row}.${quote(c)} IS NOT NULL`).join(' OR ');
    const [ai, ad, au] = triggers.fts.map(quote) as [string, string, string];
    create.push(
      `CREATE VIRTUAL TABLE ${fts} USING fts5(${slots.join(', ')}, content='', contentless_delete=1, tokenize="${FTS5_TOKENIZER}")`,
    );
    fill.push(`${into} SELECT ${values('s')} FROM ${t} AS s WHERE ${range} AND (${present('s')})`);
    keep.push(
      `CREATE TRIGGER ${ai} AFTER INSERT ON ${t} WHEN ${present('new')} BEGIN ${into} VALUES (${values('new')}); END`,
      `CREATE TRIGGER ${ad} AFTER DELETE ON ${t} BEGIN DELETE FROM ${fts} WHERE rowid = old.${id}; END`,
      `CREATE TRIGGER ${au} AFTER UPDATE OF ${[id, ...shape.textColumns.map(quote)].join(', ')} ON ${t} BEGIN ` +
        `DELETE FROM ${fts} WHERE rowid = old.${id}; ` +
        `${into} SELECT ${values('new')} WHERE ${present('new')}; END`,
    );
  }
  return { create, fill, keep };
}

/** Whether a table has the R*Tree and FTS5 tables and triggers its shape calls for. */
export function hasSqliteSearchIndexes(db: Sqlite, table: string, shape: SearchIndexShape): boolean {
  const triggers = triggerNames(table);
  const wanted = [
    ...(shape.geometry ? [rtreeTable(table), ...triggers.rtree] : []),
    ...(shape.textColumns.length > 0 ? [ftsTable(table), ...triggers.fts] : []),
  ];
  if (wanted.length === 0) return true;
  const found = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE name IN (${wanted.map(() => '?').join(', ')})`)
    .pluck()
    .get(...wanted) as number;
  return found === wanted.length;
}

/** Runs transactions of steps on this connection. */
function runHere(db: Sqlite, transactions: Step[][]): void {
  for (const steps of transactions) {
    db.transaction(() => {
      for (const step of steps) db.prepare(step.sql).run(...step.params);
    })();
  }
}

/** The worker's code, plain JavaScript like the bulk writer's: runs the transactions it is given, in order. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
try {
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  for (const steps of workerData.transactions) {
    db.transaction(() => {
      for (const step of steps) db.prepare(step.sql).run(...step.params);
    })();
  }
  db.close();
  parentPort.postMessage({ done: true });
} catch (error) {
  try { db.close(); } catch {}
  parentPort.postMessage({ error: String((error && error.message) || error) });
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Runs transactions of steps on a worker thread with its own connection to the database file. */
function runOnWorker(file: string, transactions: Step[][]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, transactions } });
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (message: { done?: boolean; error?: string }) =>
      settle(message.error ? new Error(message.error) : null),
    );
    worker.on('error', settle);
    worker.on('exit', () => settle(new Error('the search index worker stopped before it finished')));
  });
}

/**
 * Builds a table's search indexes, replacing whatever part of them exists: creates them, fills them from the
 * rows in row-id ranges, then adds the triggers. `file` is the database file (`:memory:` builds in place).
 */
export async function buildSqliteSearchIndexes(
  db: Sqlite,
  file: string,
  table: string,
  shape: SearchIndexShape,
): Promise<void> {
  const { create, fill, keep } = buildStatements(table, shape);
  if (create.length === 0) return;
  const [low, high] = db
    .prepare(`SELECT min("_id"), max("_id") FROM ${quote(table)}`)
    .raw()
    .get() as [number | null, number | null];
  const transactions: Step[][] = [
    [...dropSearchIndexStatements(table), ...create].map((sql) => ({ sql, params: [] })),
  ];
  if (low !== null && high !== null) {
    for (let from = low; from <= high; from += CHUNK_ROWS) {
      transactions.push(fill.map((sql) => ({ sql, params: [from, from + CHUNK_ROWS] })));
    }
  }
  transactions.push(keep.map((sql) => ({ sql, params: [] })));
  // A small table is done before a worker would have started.
  if (file === ':memory:' || transactions.length <= 3) runHere(db, transactions);
  else await runOnWorker(file, transactions);
}
