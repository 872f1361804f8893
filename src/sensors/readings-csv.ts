/**
 * CSV of observations (RFC 4180: CRLF, fields quoted only when they hold a comma, quote or line break). Results
 * print as their plain value: numbers as JavaScript writes them, text unquoted by JSON, true/false, and
 * anything structured as its JSON text.
 */
import { isoInstant, isoSpan } from './iso.js';
import { qualityJson } from './qc/qc-quality.js';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8; header=present';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted when RFC 4180 needs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A stored JSON text as a CSV field: a JSON string as its text, anything else (numbers, objects) as written. */
export function jsonField(text: string | null): string {
  if (text === null) return '';
  if (text.startsWith('"')) return csvField(JSON.parse(text) as string);
  return csvField(text);
}

/** The result of a stored observation as a CSV field. */
export function resultField(number: number | null, json: string | null): string {
  return json !== null ? jsonField(json) : number === null ? '' : String(number);
}

/**
 * `qc_flag` is the observation's QARTOD flag (1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing), 2 for one
 * stored without a flag; it comes last so that readers of the earlier columns by position are unaffected.
 */
export const OBSERVATION_COLUMNS = [
  'id',
  'phenomenon_time',
  'result_time',
  'result',
  'result_quality',
  'qc_flag',
];

export const DATASET_COLUMNS = [
  'datastream_id',
  'datastream',
  'thing_id',
  'thing',
  'observed_property',
  'unit',
  ...OBSERVATION_COLUMNS.slice(1),
];

export const headerLine = (columns: readonly string[]) => `${columns.join(',')}\r\n`;

/** A stored observation as the repo streams it (arrays, in this column order). */
export type ObservationTuple = [
  id: number,
  phenomenonTime: number,
  phenomenonEnd: number | null,
  resultTime: number | null,
  resultNumber: number | null,
  resultJson: string | null,
  /** What the client sent (JSON text); served composed with the QC outcome (`servedQuality`). */
  resultQuality: string | null,
  qcFlag: number | null,
  qcTests: number | null,
];

const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The `resultQuality` JSON text served for a stored tuple's client quality, flag and tests (from `at`). */
export const servedQuality = (row: readonly unknown[], at: number): string | null =>
  qualityJson(row[at] as string | null, numOrNull(row[at + 1]), numOrNull(row[at + 2]));

/** A stored flag as served: a row stored without one (before QC, or with QC off) was not evaluated (2). */
export const qcFlagOf = (stored: unknown): number =>
  stored === null || stored === undefined ? 2 : Number(stored);

/** The fields after `id` of one observation: phenomenon_time, result_time, result, result_quality, qc_flag. */
export function observationFields(row: readonly unknown[], from = 1): string {
  const time = isoSpan(Number(row[from]), row[from + 1] === null ? null : Number(row[from + 1]));
  const resultTime = row[from + 2] === null ? '' : isoInstant(Number(row[from + 2]));
  const result = resultField(row[from + 3] as number | null, row[from + 4] as string | null);
  return `${time},${resultTime},${result},${jsonField(servedQuality(row, from + 5))},${qcFlagOf(row[from + 6])}`;
}

/** One line of a datastream's CSV. */
export function observationLine(row: readonly unknown[]): string {
  return `${Number(row[0])},${observationFields(row)}\r\n`;
}

/** Joins a batch of rows into one chunk: one string per batch keeps the stream's overhead per row low. */
export function csvChunk(
  rows: readonly (readonly unknown[])[],
  line: (row: readonly unknown[]) => string,
): string {
  let chunk = '';
  for (const row of rows) chunk += line(row);
  return chunk;
}
