/**
 * Values read back from a query, as JSON values: numbers, booleans, `YYYY-MM-DD` dates, ISO UTC timestamps
 * with `Z` (the form downloads use), geometry as GeoJSON objects, extents as MultiPolygons.
 */
import type { CellValue, DialectAdapter } from '../db/dialect.js';
import { extentPolygon } from '../geo/hull.js';
import type { OutputColumn } from './plan/typed.js';
import { sqlWidth } from './sql/compile.js';

export type JsonValue = CellValue | Record<string, unknown>;

type Decoder = (row: unknown[], at: number) => JsonValue;

const KEY = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{3})(\d{3})$/;

/** A timestamp that SQLite compared in its sortable form, back in its stored form. */
function fromSortable(value: string): string {
  const m = KEY.exec(value);
  if (!m) return value;
  if (m[2] === '000' && m[3] === '000') return `${m[1]}Z`;
  return m[3] === '000' ? `${m[1]}.${m[2]}Z` : `${m[1]}.${m[2]}${m[3]}Z`;
}

function decoder(column: OutputColumn, adapter: DialectAdapter): Decoder {
  const e = column.expr;
  if (e.k === 'aggregate' && e.fn === 'extent') {
    return (row, at) => {
      const [w, s, east, n] = row.slice(at, at + 4) as (number | null)[];
      if (w == null || s == null || east == null || n == null) return null;
      return extentPolygon(w, s, east, n) as unknown as Record<string, unknown>;
    };
  }
  switch (column.type) {
    case 'number':
      return (row, at) => (row[at] === null || row[at] === undefined ? null : Number(row[at]));
    case 'boolean':
      return (row, at) => {
        const v = row[at];
        return v === null || v === undefined ? null : v === true || v === 1;
      };
    case 'timestamp': {
      const fromDb = adapter.fromStorage('timestamp');
      return (row, at) => {
        const v = fromDb(row[at]);
        return typeof v === 'string' ? fromSortable(v) : v;
      };
    }
    case 'point':
    case 'geometry':
      return (row, at) => {
        const v = row[at];
        return typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : null;
      };
    case 'null':
      return () => null;
    default:
      return (row, at) => {
        const v = row[at];
        return v === undefined ? null : (v as CellValue);
      };
  }
}

/** Decodes database rows into output rows (one value per output column). */
export function rowDecoder(
  columns: OutputColumn[],
  adapter: DialectAdapter,
): (row: unknown[]) => JsonValue[] {
  const decoders = columns.map((c) => decoder(c, adapter));
  const offsets: number[] = [];
  let at = 0;
  for (const c of columns) {
    offsets.push(at);
    at += sqlWidth(c.expr);
  }
  return (row) => decoders.map((d, i) => d(row, offsets[i]!));
}

/** The SQL width of a whole output row (without the row id). */
export function rowWidth(columns: OutputColumn[]): number {
  return columns.reduce((n, c) => n + sqlWidth(c.expr), 0);
}
