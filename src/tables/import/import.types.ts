import type { RowProblem } from './import-errors.js';

export type ImportFormat = 'csv' | 'geojson' | 'ndjson';
export type ImportMode = 'replace' | 'append' | 'upsert';
/** What to do with bad rows: refuse the whole file, or import the good rows and report the rest. */
export type BadRowPolicy = 'reject' | 'skip';

export interface ImportOptions {
  datasetId: string;
  /** Path of the file to import; it is read twice (scan, then write) and never held in memory. */
  file: string;
  /** Name shown in the import log (the uploaded or given file name). */
  fileName?: string;
  format?: ImportFormat;
  mode?: ImportMode;
  /** Key column (field name or original header) for upsert. */
  key?: string;
  /** Type overrides, `zip=text,amount=number`. */
  types?: string;
  onBadRows?: BadRowPolicy;
  encoding?: 'utf8' | 'latin1';
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'scan' | 'write' | 'publish';
  rows: number;
  bytes: number;
  totalBytes: number;
}

/** The outcome of an import, also stored in the import log. */
export interface ImportReport {
  id: string;
  dataset_id: string;
  status: 'succeeded' | 'failed';
  mode: ImportMode;
  format: ImportFormat;
  file_name: string | null;
  bytes: number;
  rows_read: number;
  rows_written: number;
  rows_skipped: number;
  data_version: number | null;
  row_count: number | null;
  columns: { field: string; name: string; type: string }[];
  warnings: RowProblem[];
  problems: RowProblem[];
  /** Total number of problems; `problems` lists the first ones. */
  problem_count: number;
  error: { code: string; message: string } | null;
  started_at: string;
  finished_at: string;
}
