import { resolve } from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createServices } from '../services.js';
import type { ImportFormat, ImportMode, BadRowPolicy } from '../tables/import/import.types.js';
import { errors } from '../errors.js';
import type { Command } from './command.js';
import { importProgress } from './progress.js';

const number = new Intl.NumberFormat('en-US');

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw errors.badRequest('cli.invalid_option', `--${option} must be one of ${allowed.join(', ')}`);
}

export const importCommand: Command = {
  usage: `Usage: plaza import <file> --dataset <id> [options]

Options:
  --dataset <id>        dataset to import into (required; create it first through the admin API)
  --mode <mode>         replace (default, atomic), append, or upsert
  --key <column>        key column for --mode upsert
  --types <spec>        type overrides, e.g. zip=text,amount=number,issued=date
  --on-error <policy>   reject (default: refuse the file if any row is bad) or skip (import the good rows)
  --format <format>     csv, geojson or ndjson (default: from the file extension)
  --encoding <enc>      utf8 (default) or latin1 for CSV files saved in Latin-1/Windows-1252`,
  options: {
    dataset: { type: 'string' },
    mode: { type: 'string' },
    key: { type: 'string' },
    types: { type: 'string' },
    'on-error': { type: 'string' },
    format: { type: 'string' },
    encoding: { type: 'string' },
  },
  async run({ config, values, positionals }) {
    const [file, ...extra] = positionals;
    const datasetId = values.dataset;
    if (!file || extra.length > 0 || typeof datasetId !== 'string') {
      console.error(this.usage);
      return 2;
    }
    const options = {
      mode: oneOf<ImportMode>(values.mode, ['replace', 'append', 'upsert'], 'mode'),
      onBadRows: oneOf<BadRowPolicy>(values['on-error'], ['reject', 'skip'], 'on-error'),
      format: oneOf<ImportFormat>(values.format, ['csv', 'geojson', 'ndjson'], 'format'),
      encoding: oneOf<'utf8' | 'latin1'>(values.encoding, ['utf8', 'latin1'], 'encoding'),
      key: typeof values.key === 'string' ? values.key : undefined,
      types: typeof values.types === 'string' ? values.types : undefined,
    };
    const db = openDatabase(config);
    await migrateToLatest(db);
    // The import needs the services, not the HTTP app: less to load, less memory.
    const services = createServices(config, db);
    const progress = importProgress(datasetId);
    try {
      const report = await services.imports.importFile({
        datasetId,
        file: resolve(file),
        ...options,
        onProgress: (p) => progress.update(p),
      });
      progress.done(
        `${number.format(report.rows_written)} rows written (version ${report.data_version}, ${number.format(report.row_count ?? 0)} rows now)`,
      );
      if (report.rows_skipped > 0) {
        console.error(`${number.format(report.rows_skipped)} bad rows skipped; the first ones:`);
        for (const p of report.problems.slice(0, 10)) {
          console.error(`  line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`);
        }
      }
      for (const w of report.warnings) console.error(`note: ${w.message}`);
      console.log(JSON.stringify({ ...report, problems: report.problems.slice(0, 20) }, null, 2));
      return 0;
    } catch (error) {
      progress.fail();
      const details = (
        error as { details?: { problems?: { line: number; column?: string; message: string }[] } }
      ).details;
      for (const p of details?.problems?.slice(0, 10) ?? []) {
        console.error(`  line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`);
      }
      throw error;
    } finally {
      await db.close();
    }
  },
};
