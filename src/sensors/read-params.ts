/**
 * The query parameters of the sensor read API, read into typed values with errors that say what to fix. Every
 * parameter arrives as text (the routes declare them as strings) so that a bad value gets a sensors.* code
 * rather than a generic validation error.
 */
import { AppError, errors } from '../errors.js';
import { parseInstant } from './time.js';

export type Order = 'asc' | 'desc';

export const DEFAULT_PAGE = 1000;
export const MAX_PAGE = 10_000;

/** `start`/`end` as epoch ms; undefined when absent. */
export function readInstant(name: 'start' | 'end', text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const ms = parseInstant(text);
  if (ms === undefined) {
    throw errors.badRequest(
      'sensors.bad_time',
      `${name} must be an ISO 8601 instant with a zone, such as 2026-05-01T13:00:00Z or 2026-05-01T06:00:00-07:00; got "${text}".`,
      { parameter: name, value: text },
    );
  }
  return ms;
}

/** Refuses an empty or reversed range: `end` is exclusive, so it must come after `start`. */
export function checkRange(start: number, end: number): void {
  if (end <= start) {
    throw errors.badRequest(
      'sensors.bad_range',
      `end (${new Date(end).toISOString()}) must be after start (${new Date(start).toISOString()}); end is exclusive.`,
      { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    );
  }
}

export function readLimit(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PAGE;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_PAGE) {
    throw errors.badRequest(
      'sensors.bad_limit',
      `limit must be a whole number from 1 to ${MAX_PAGE}; got "${text}". Follow \`next\` for more rows, or download them all as CSV.`,
      { max: MAX_PAGE },
    );
  }
  return n;
}

export function readOrder(text: string | undefined): Order {
  if (text === undefined || text === '' || text === 'asc') return 'asc';
  if (text === 'desc') return 'desc';
  throw errors.badRequest('sensors.bad_order', `order must be asc or desc; got "${text}".`);
}

export type Format = 'json' | 'csv';

export function readFormat(text: string | undefined): Format {
  if (text === undefined || text === '' || text === 'json') return 'json';
  if (text === 'csv') return 'csv';
  throw errors.badRequest('sensors.bad_format', `format must be json or csv; got "${text}".`);
}

/** Which observations a series answers: failed values (QARTOD flag 4) left out (the default), or every value. */
export const SERIES_QC = ['exclude_failed', 'all'] as const;
export type SeriesQc = (typeof SERIES_QC)[number];

/**
 * Which observations a read of raw observations returns: every one (the default: raw reads are for auditing),
 * all but the failed ones, only the failed ones, or only those that passed every test run (flag 1). A row stored
 * without a flag reads as 2 (not evaluated): kept by `exclude_failed`, left out by `failed` and `pass`.
 */
export const OBSERVATION_QC = ['all', 'exclude_failed', 'failed', 'pass'] as const;
export type ObservationQc = (typeof OBSERVATION_QC)[number];

function readChoice<T extends string>(text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined || text === '') return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw errors.badRequest('sensors.bad_qc', `qc must be one of ${allowed.join(', ')}; got "${text}".`, {
    allowed: [...allowed],
  });
}

/** `qc` of a series: `exclude_failed` (default) or `all`. */
export const readSeriesQc = (text: string | undefined): SeriesQc =>
  readChoice(text, SERIES_QC, 'exclude_failed');

/** `qc` of an observation read: `all` (default), `exclude_failed`, `failed` or `pass`. */
export const readObservationQc = (text: string | undefined): ObservationQc =>
  readChoice(text, OBSERVATION_QC, 'all');

/** A datastream id from the path; anything but a positive integer names no datastream. */
export function readDatastreamId(text: string): number {
  const id = Number(text);
  if (!/^\d{1,15}$/.test(text) || id < 1) throw datastreamNotFound(text);
  return id;
}

export const datastreamNotFound = (id: string | number) =>
  new AppError(
    'datastream.not_found',
    404,
    `No datastream ${JSON.stringify(String(id))}. The datastreams of a sensor dataset are listed at /api/v1/datasets/{id}/latest.`,
    { id: String(id) },
  );

/** Where a page of one datastream's observations ends: the phenomenon time of its last row (unique). */
export interface PageCursor {
  datastream: number;
  order: Order;
  after: number;
}

const CURSOR_VERSION = 1;

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(
    JSON.stringify([CURSOR_VERSION, cursor.datastream, cursor.order === 'asc' ? 'a' : 'd', cursor.after]),
  ).toString('base64url');
}

const badCursor = (why: string) =>
  errors.badRequest(
    'sensors.bad_cursor',
    `The cursor ${why}; follow the \`next\` link as given, or start again without cursor.`,
  );

/** Reads a cursor made by this server for this datastream and order; refuses anything else. */
export function decodePageCursor(token: string, expected: { datastream: number; order: Order }): PageCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('is not one this server made');
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== CURSOR_VERSION) {
    throw badCursor('is not one this server made');
  }
  const [, datastream, order, after] = parsed as unknown[];
  if (typeof after !== 'number' || !Number.isSafeInteger(after) || (order !== 'a' && order !== 'd')) {
    throw badCursor('is not one this server made');
  }
  if (datastream !== expected.datastream) throw badCursor('belongs to another datastream');
  if ((order === 'a' ? 'asc' : 'desc') !== expected.order) {
    throw badCursor(`was made for order=${order === 'a' ? 'asc' : 'desc'}`);
  }
  return { datastream: expected.datastream, order: expected.order, after };
}

/** The URL of the next page: the request's own parameters, with the cursor replaced. */
export function nextPageUrl(base: string, query: Record<string, unknown>, cursor: string): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name !== 'cursor' && typeof value === 'string') search.set(name, value);
  }
  search.set('cursor', cursor);
  return `${base}?${search.toString()}`;
}
