import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Column } from '../../catalog/catalog.schema.js';
import type { PhysicalColumn } from '../../db/dialect.js';
import { AppError, errors } from '../../errors.js';
import { BBOX_COLUMNS, type DataTableRepo } from '../data-table.repo.js';
import type { TablesRepo } from '../tables.repo.js';
import { ImportError, type RowProblem } from './import-errors.js';
import type { ImportMode, ImportOptions, ImportReport } from './import.types.js';
import { parseTypeOverrides, type ValueType } from './infer.js';
import { buildPhysicalColumns, liveFixedTypes, overrideFixedTypes, type ImportLayout } from './layout.js';
import { scan, type ScanResult } from './scan.js';
import { formatFromName, openSource } from './source.js';
import { startSpeculation, type Speculation } from './speculate.js';
import { writeRows } from './write.js';
import { INLINE_INDEX_ROWS, type SearchIndexer } from '../search-indexer.js';

export interface ImportServiceOptions {
  repo: TablesRepo;
  tables: DataTableRepo;
  /** Whether a dataset exists (the catalog owns datasets). */
  datasetExists: (id: string) => Promise<boolean>;
  timeZone: string;
  now?: () => Date;
  /** Builds the search indexes of large tables after they are published (see search-indexer.ts). */
  searchIndexes?: Pick<SearchIndexer, 'schedule'>;
}

const MAX_LISTED_PROBLEMS = 100;
/** Rows read to predict a file's layout before writing while scanning. */
const SAMPLE_ROWS = 20_000;
/** How long a replaced table stays readable for downloads that looked it up just before the switch. */
const RETIRE_GRACE_MS = 60_000;
/** A staging table this old belongs to an import that died (imports of a city's files take minutes). */
const STALE_STAGING_MS = 24 * 3_600_000;
/** An import lock without a heartbeat for this long belongs to a process that died. */
const LOCK_STALE_MS = 5 * 60_000;
const LOCK_HEARTBEAT_MS = 30_000;

/** The table name for a dataset's data: readable, unique, and within PostgreSQL's 63-character limit. */
function tableName(datasetId: string): string {
  return `t_${datasetId.replace(/-/g, '_').slice(0, 40)}_${randomBytes(5).toString('hex')}`;
}

/** Turns a file problem into the client error it is, with what to fix. */
function toAppError(error: ImportError, extra: Record<string, unknown> = {}): AppError {
  return new AppError(error.code, 422, error.message, {
    ...(error.line !== undefined && { line: error.line }),
    ...(error.column !== undefined && { column: error.column }),
    ...extra,
  });
}

/**
 * Imports a file into a dataset: scan (types, geometry, bad rows), write into a fresh staging table, then
 * publish in one transaction. Readers see the old data until the publish commits; a failure publishes nothing.
 */
export function importService({
  repo,
  tables,
  datasetExists,
  timeZone,
  now = () => new Date(),
  searchIndexes,
}: ImportServiceOptions) {
  /** Drops tables retired long enough ago that no download can still be about to open them. */
  async function collectRetired(graceMs = RETIRE_GRACE_MS): Promise<number> {
    const cutoff = new Date(now().getTime() - graceMs).toISOString();
    let dropped = 0;
    const staleCutoff = new Date(now().getTime() - STALE_STAGING_MS).toISOString();
    for (const name of await tables.staleStaging(staleCutoff)) {
      await tables.dropStaging(name);
      dropped++;
    }
    for (const retired of await repo.listRetired()) {
      if (retired.retired_at > cutoff) continue;
      if (await tables.tryDrop(retired.name)) {
        await repo.forgetRetired(retired.name);
        dropped++;
      }
    }
    return dropped;
  }

  async function run(options: ImportOptions, importId: string, startedAt: string): Promise<ImportReport> {
    const mode: ImportMode = options.mode ?? 'replace';
    const format = options.format ?? formatFromName(options.fileName ?? options.file);
    const policy = options.onBadRows ?? 'reject';
    const totalBytes = (await stat(options.file)).size;
    const live = await repo.findData(options.datasetId);
    const liveColumns: Column[] = live ? (JSON.parse(live.columns) as Column[]) : [];
    if (mode !== 'replace' && !live) {
      throw new ImportError(
        'import.format',
        `Dataset "${options.datasetId}" has no data yet: import it with mode replace first.`,
      );
    }
    if (mode === 'upsert' && !options.key) {
      throw new ImportError(
        'import.key_not_found',
        'Upsert needs a key column: pass --key <column> (or key=<column>).',
      );
    }
    if (mode !== 'upsert' && options.key) {
      throw new ImportError('import.format', 'A key column is only used with mode upsert.');
    }
    const overrides = options.types ? parseTypeOverrides(options.types) : {};
    if (mode !== 'replace' && Object.keys(overrides).length > 0) {
      throw new ImportError(
        'import.invalid_type_override',
        'Type overrides apply to replace imports; append and upsert keep the current types.',
      );
    }

    const progress = (phase: 'scan' | 'write', rows: number, bytes: number) =>
      options.onProgress?.({ phase, rows, bytes, totalBytes });
    let bytesRead = 0;
    const source = openSource(format, options.file, {
      encoding: options.encoding,
      onBytes: (n) => {
        bytesRead = n;
      },
    });
    let problemSummary = { problem_count: 0, problems: [] as RowProblem[] };
    const fixedTypes = (header: string[]) =>
      mode === 'replace' ? overrideFixedTypes(header, overrides, false) : liveFixedTypes(header, liveColumns);
    const speculation = format === 'csv' ? await predict(options, fixedTypes, mode, liveColumns) : null;
    let staging: string | null = null;
    let written = 0;
    try {
      const scanned: ScanResult = await scan(source, {
        fixedTypes,
        timeZone,
        onRow: (rows) => progress('scan', rows, bytesRead),
        onAccepted: speculation ? (item) => speculation.onAccepted(item) : undefined,
      });
      if (mode === 'replace') overrideFixedTypes(scanned.header, overrides);
      problemSummary = {
        problem_count: scanned.problemCount,
        problems: scanned.problems.slice(0, MAX_LISTED_PROBLEMS),
      };
      if (scanned.problemCount > 0 && policy === 'reject') {
        const first = scanned.problems[0];
        throw toAppError(
          new ImportError(
            'import.bad_rows',
            `${scanned.problemCount} row${scanned.problemCount === 1 ? ' has' : 's have'} problems` +
              (first
                ? `, the first on line ${first.line}${first.column ? ` (${first.column})` : ''}: ${first.message.replace(/\.$/, '')}`
                : '') +
              '. Fix the file, or import with bad rows skipped (--on-error skip, on_error=skip) to load the rest.',
          ),
          problemSummary,
        );
      }

      const layout: ImportLayout = buildPhysicalColumns(
        scanned,
        mode === 'replace' ? null : liveColumns,
        liveColumns,
      );
      const settled = speculation ? await speculation.settle(scanned, layout) : null;
      if (settled) {
        staging = settled.staging;
        written = settled.written;
        progress('write', written, totalBytes);
      } else {
        staging = tableName(options.datasetId);
        await tables.createStaging(
          staging,
          layout.physical,
          layout.geometryIndex !== null,
          now().toISOString(),
        );
        const second = openSource(format, options.file, {
          encoding: options.encoding,
          knownHeader: scanned.header,
          onBytes: (n) => {
            bytesRead = n;
          },
        });
        const writer = await tables.writer(staging, layout.writeColumns);
        written = await writeRows(second, scanned, layout, writer, timeZone, (rows) =>
          progress('write', rows, bytesRead),
        );
      }
      if (written === 0) {
        throw new ImportError(
          'import.no_rows',
          'No row of the file could be imported; see the problems listed.',
        );
      }
      options.onProgress?.({ phase: 'publish', rows: written, bytes: totalBytes, totalBytes });
      const at = now().toISOString();
      const state = await publish(mode, options, staging, layout, scanned, written, at, live);
      return {
        id: importId,
        dataset_id: options.datasetId,
        status: 'succeeded',
        mode,
        format,
        file_name: options.fileName ?? basename(options.file),
        bytes: totalBytes,
        rows_read: scanned.rows + scanned.unreadable,
        rows_written: written,
        rows_skipped: scanned.badLines.size,
        data_version: state.version,
        row_count: state.rowCount,
        columns: layout.columns.map((c) => ({ field: c.field, name: c.name, type: c.type })),
        warnings: scanned.warnings,
        ...problemSummary,
        error: null,
        started_at: startedAt,
        finished_at: at,
      };
    } catch (error) {
      await speculation?.discard();
      if (staging) await tables.dropStaging(staging);
      throw error;
    }
  }

  /** Predicts the layout from the first rows and starts writing while scanning; null when the sample is unclear. */
  async function predict(
    options: ImportOptions,
    fixedTypes: (header: string[]) => Map<number, ValueType | 'geometry'>,
    mode: ImportMode,
    liveColumns: Column[],
  ): Promise<Speculation | null> {
    const sample = await scan(openSource('csv', options.file, { encoding: options.encoding }), {
      fixedTypes,
      timeZone,
      maxRows: SAMPLE_ROWS,
    });
    if (sample.problemCount > 0) return null;
    const predicted = buildPhysicalColumns(sample, mode === 'replace' ? null : liveColumns, liveColumns);
    return startSpeculation(
      tables,
      tableName(options.datasetId),
      sample.geometry,
      predicted,
      timeZone,
      now().toISOString(),
    );
  }

  async function publish(
    mode: ImportMode,
    options: ImportOptions,
    staging: string,
    layout: ImportLayout,
    scanned: ScanResult,
    written: number,
    at: string,
    live: Awaited<ReturnType<TablesRepo['findData']>>,
  ): Promise<{ version: number; rowCount: number }> {
    const version = (live?.data_version ?? 0) + 1;
    const base = {
      data_version: version,
      columns: JSON.stringify(layout.columns),
      data_updated_at: at,
    };
    if (mode === 'replace' || !live) {
      // A small table is indexed now, before anyone reads it; a large one is published first and indexed in
      // the background, queries reading it directly until then.
      if (written <= INLINE_INDEX_ROWS) await tables.buildSearchIndexes(staging, layout.physical);
      await tables.publish(
        options.datasetId,
        {
          ...base,
          data_table: staging,
          row_count: written,
          geometry_type: layout.geometryType,
          extent: scanned.extent ? JSON.stringify(scanned.extent) : null,
        },
        { retire: live?.data_table, staging, at },
      );
      return { version, rowCount: written };
    }
    const extent = mergeExtent(live.extent, scanned.extent);
    const geometryType = mergeGeometryType(live.geometry_type, layout.geometryType);
    const columns = layout.writeColumns.map((c) => c.name);
    // An upsert from a file with some of the columns changes only those columns of matched rows.
    const supplied = new Set(
      layout.sourceToColumn.filter((i) => i >= 0).map((i) => layout.physical[i]?.name),
    );
    if (layout.geometryIndex !== null && scanned.geometry) {
      supplied.add(layout.physical[layout.geometryIndex]?.name);
      for (const name of BBOX_COLUMNS) supplied.add(name);
    }
    const updateColumns = columns.filter((c) => supplied.has(c));
    let rowCount = live.row_count + written;
    let upsertKey: string | undefined;
    if (mode === 'upsert') {
      upsertKey = layout.keyField(options.key ?? '');
      const nulls = await tables.nullKeys(staging, upsertKey);
      if (nulls > 0) {
        throw new ImportError(
          'import.key_not_found',
          `${nulls} row(s) have no value in key column "${upsertKey}"; every row needs a key.`,
        );
      }
      const duplicates = await tables.duplicateKeys(staging, upsertKey);
      if (duplicates.length > 0) {
        throw new ImportError(
          'import.duplicate_key',
          `Key column "${upsertKey}" repeats values in the file (${duplicates.join(', ')}); each key may appear once.`,
        );
      }
      try {
        await tables.ensureUniqueIndex(live.data_table, upsertKey);
      } catch {
        throw new ImportError(
          'import.duplicate_key',
          `Key column "${upsertKey}" is not unique in the current data, so rows cannot be matched by it; choose another key or replace the data.`,
        );
      }
      rowCount = live.row_count + written - (await tables.matchingKeys(live.data_table, staging, upsertKey));
    }
    // A small table still without indexes gets them now, under this import's lock; from then on the triggers
    // (SQLite) or PostgreSQL itself index the rows copied below. A large one is left to the background build.
    if (rowCount <= INLINE_INDEX_ROWS && !(await tables.hasSearchIndexes(live.data_table, layout.physical))) {
      await tables.buildSearchIndexes(live.data_table, layout.physical);
    }
    await tables.publish(
      options.datasetId,
      {
        ...base,
        data_table: live.data_table,
        row_count: rowCount,
        geometry_type: geometryType,
        extent: extent ? JSON.stringify(extent) : null,
      },
      {
        copy: { from: staging, to: live.data_table, columns, updateColumns, upsertKey },
        retire: staging,
        staging,
        at,
      },
    );
    return { version, rowCount };
  }

  return {
    /** Imports a file; resolves to the report, or rejects with an AppError whose code says what to fix. */
    async importFile(options: ImportOptions): Promise<ImportReport> {
      if (!(await datasetExists(options.datasetId))) throw errors.datasetNotFound(options.datasetId);
      const importId = `imp_${randomBytes(8).toString('hex')}`;
      const startedAt = now().toISOString();
      const staleBefore = new Date(now().getTime() - LOCK_STALE_MS).toISOString();
      if (!(await repo.lockImport(options.datasetId, importId, startedAt, staleBefore))) {
        throw errors.importBusy(options.datasetId);
      }
      // The heartbeat tells other processes this import is alive; it rides on progress, at most twice a minute.
      let lastBeat = Date.now();
      const onProgress: ImportOptions['onProgress'] = (progress) => {
        options.onProgress?.(progress);
        if (Date.now() - lastBeat < LOCK_HEARTBEAT_MS) return;
        lastBeat = Date.now();
        void repo.heartbeatImport(options.datasetId, importId, now().toISOString()).catch(() => undefined);
      };
      const mode = options.mode ?? 'replace';
      const format = options.format ?? formatFromName(options.fileName ?? options.file);
      try {
        await repo.insertImport({
          id: importId,
          dataset_id: options.datasetId,
          mode,
          format,
          file_name: options.fileName ?? basename(options.file),
          status: 'running',
          started_at: startedAt,
          finished_at: null,
          bytes: 0,
          rows_read: 0,
          rows_written: 0,
          rows_skipped: 0,
          report: '{}',
        });
        const report = await run({ ...options, mode, format, onProgress }, importId, startedAt);
        await repo.finishImport(importId, {
          status: 'succeeded',
          finished_at: report.finished_at,
          rows_read: report.rows_read,
          rows_written: report.rows_written,
          rows_skipped: report.rows_skipped,
          report: JSON.stringify(report),
        });
        return report;
      } catch (caught) {
        const error = caught instanceof ImportError ? toAppError(caught) : caught;
        const failure =
          error instanceof AppError
            ? { code: error.code, message: error.message, details: error.details }
            : { code: 'internal', message: 'The import failed on the server.' };
        await repo
          .finishImport(importId, {
            status: 'failed',
            finished_at: now().toISOString(),
            rows_read: 0,
            rows_written: 0,
            rows_skipped: 0,
            report: JSON.stringify({ error: failure }),
          })
          .catch(() => undefined);
        throw error;
      } finally {
        await repo.unlockImport(options.datasetId, importId).catch(() => undefined);
        await collectRetired().catch(() => undefined);
        searchIndexes?.schedule(options.datasetId);
      }
    },

    collectRetired,
    datasetExists,
    listImports: (datasetId: string, limit = 20) => repo.listImports(datasetId, limit),
  };
}

function mergeExtent(liveExtent: string | null, added: ScanResult['extent']): ScanResult['extent'] {
  const current = liveExtent ? (JSON.parse(liveExtent) as [number, number, number, number]) : null;
  if (!current) return added;
  if (!added) return current;
  return [
    Math.min(current[0], added[0]),
    Math.min(current[1], added[1]),
    Math.max(current[2], added[2]),
    Math.max(current[3], added[3]),
  ];
}

function mergeGeometryType(live: string | null, added: string | null): string | null {
  if (!live) return added;
  if (!added || added === live) return live;
  return 'Geometry';
}

export type ImportService = ReturnType<typeof importService>;
export type { RowProblem, ValueType, PhysicalColumn };
