/**
 * The baseline: the `sqlite3` shell doing the same work. `.import --csv` loads the file into a fresh table of
 * TEXT columns in one transaction (default rollback journal, synchronous FULL); `-csv -header` writes the same
 * rows back out as CSV with CRLF line ends.
 */
import { rm } from 'node:fs/promises';
import { runProcess, type ProcessRun } from './measure.js';

const SQLITE3 = 'sqlite3';
const TABLE = 't';

export async function sqliteVersion(): Promise<string | null> {
  try {
    const run = await runProcess(SQLITE3, ['--version']);
    return run.exitCode === 0 ? (run.stdout.split(' ')[0] ?? '').trim() : null;
  } catch {
    return null;
  }
}

/** Times `sqlite3 <fresh db> '.import --csv <file> t'`. */
export async function importCsv(db: string, file: string): Promise<ProcessRun> {
  await rm(db, { force: true });
  const run = await runProcess(SQLITE3, [db, `.import --csv ${JSON.stringify(file)} ${TABLE}`]);
  if (run.exitCode !== 0 || run.stderr.trim() !== '') {
    throw new Error(`sqlite3 .import failed (${run.exitCode}): ${run.stderr.slice(-2000)}`);
  }
  return run;
}

export async function countRows(db: string): Promise<number> {
  const run = await runProcess(SQLITE3, [db, `SELECT count(*) FROM ${TABLE}`]);
  return Number(run.stdout.trim());
}

/**
 * Times `sqlite3 -csv -header <db> 'SELECT * FROM t'` with its output going to a pipe that this process
 * reads to the end and counts, the same consumer the HTTP download has.
 */
export async function exportCsv(
  db: string,
): Promise<ProcessRun & { counted: { bytes: number; lines: number } }> {
  const run = await runProcess(SQLITE3, ['-csv', '-header', db, `SELECT * FROM ${TABLE}`], {
    countStdout: true,
  });
  if (run.exitCode !== 0 || !run.counted)
    throw new Error(`sqlite3 export failed (${run.exitCode}): ${run.stderr}`);
  return { ...run, counted: run.counted };
}
