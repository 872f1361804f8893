/**
 * Values and types as Socrata's SODA 2.1 renders them, from the values the query engine decodes: numbers as
 * decimal strings (Socrata's numbers are arbitrary-precision), booleans as booleans, dates and timestamps as
 * floating timestamps (`2024-01-15T09:30:00.000`, the city's wall-clock time, no zone), geometry as GeoJSON,
 * promoted to the multi- type its column declares. Pure: no I/O.
 */
import { zoneClock } from '../../tables/import/temporal.js';
import type { JsonValue } from '../../query/decode.js';
import type { OutputColumn, ValueType } from '../../query/plan/typed.js';

/** The type names of the `X-SODA2-Types` header (SoQL's names, as Socrata sends them). */
export type SodaType =
  | 'text'
  | 'number'
  | 'boolean'
  | 'floating_timestamp'
  | 'row_identifier'
  | 'point'
  | 'multipoint'
  | 'line'
  | 'multiline'
  | 'polygon'
  | 'multipolygon'
  /** A layer that mixes kinds of geometry: Socrata has no such type. */
  | 'geometry';

/** SODA type names of a dataset's GeoJSON geometry types. */
const GEOMETRY_TYPES: Readonly<Record<string, SodaType>> = {
  Point: 'point',
  MultiPoint: 'multipoint',
  LineString: 'line',
  MultiLineString: 'multiline',
  Polygon: 'polygon',
  MultiPolygon: 'multipolygon',
};

/** What a result column is called and typed in SODA: Plaza's type and expression, and the layer's geometry. */
export function sodaType(column: Pick<OutputColumn, 'type' | 'expr'>, geometryType: string | null): SodaType {
  const { type, expr } = column;
  if (expr.k === 'rowid') return 'row_identifier';
  switch (type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'timestamp':
      return 'floating_timestamp';
    case 'point':
      return 'point';
    case 'geometry':
      // Socrata's extent() and convex_hull() are multipolygons; anything else has the layer's type.
      if (expr.k === 'aggregate') return 'multipolygon';
      return (geometryType !== null && GEOMETRY_TYPES[geometryType]) || 'geometry';
    case 'text':
    case 'null':
      return 'text';
  }
}

/**
 * A number as a plain decimal string, as Socrata writes numbers: `1200.5`, `56000` (no `.0`), never an exponent
 * (`1e21` is `1000000000000000000000`); the shortest text that reads back as the same double. Null for NaN and
 * infinities, which SoQL numbers never are.
 */
export function decimalString(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const digits = whole + fraction;
  // Where the decimal point falls in `digits` once the exponent is applied.
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$/;

/** A calendar date as a floating timestamp at midnight: `2024-01-15` -> `2024-01-15T00:00:00.000`. */
export function floatingDate(value: string): string {
  return DATE.test(value) ? `${value}T00:00:00.000` : value;
}

/**
 * An instant (ISO UTC with `Z`, as the engine decodes timestamps) as a floating timestamp: the wall-clock time
 * in `timeZone`, to the millisecond (finer digits are cut, not rounded), without a zone. The query engine reads
 * a zone-less time in a query as the same wall-clock time, so a value copied from a result into `$where` means
 * the same instant (but for the repeated hour when clocks go back, which a floating timestamp cannot tell apart).
 */
export function floatingTimestamp(value: string, timeZone: string): string {
  const m = INSTANT.exec(value);
  if (!m) return value;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = (m[7] ?? '').slice(0, 3).padEnd(3, '0');
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  const instant = utc.getTime();
  const wall = new Date(instant + zoneClock(timeZone).offsetAt(instant));
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}.${millis}`
  );
}

/** Single-part geometry wrapped in the multi- type its column declares (Socrata's multi- columns hold only those). */
export function sodaGeometry(value: Record<string, unknown>, type: SodaType): Record<string, unknown> {
  const wrap = (single: string, multi: string) =>
    value.type === single ? { type: multi, coordinates: [value.coordinates] } : value;
  switch (type) {
    case 'multipoint':
      return wrap('Point', 'MultiPoint');
    case 'multiline':
      return wrap('LineString', 'MultiLineString');
    case 'multipolygon':
      return wrap('Polygon', 'MultiPolygon');
    default:
      return value;
  }
}

/** One result column as the SODA endpoint sees it. */
export interface SodaColumn {
  name: string;
  /** Plaza's type, as the engine decodes the values. */
  type: ValueType;
  /** Socrata's type name, for `X-SODA2-Types`. */
  soda: SodaType;
}

/** The SODA view of a query's result columns. */
export function sodaColumns(columns: readonly OutputColumn[], geometryType: string | null): SodaColumn[] {
  return columns.map((c) => ({ name: c.name, type: c.type, soda: sodaType(c, geometryType) }));
}

/** Renders one decoded value; null stays null. */
export function renderValue(value: JsonValue, column: SodaColumn, timeZone: string): JsonValue {
  if (value === null) return null;
  if (typeof value === 'number') return decimalString(value);
  if (typeof value === 'object') return sodaGeometry(value, column.soda);
  if (typeof value === 'string') {
    if (column.type === 'timestamp') return floatingTimestamp(value, timeZone);
    if (column.type === 'date') return floatingDate(value);
  }
  return value;
}

/** A function that renders whole decoded rows, value by value. */
export function rowRenderer(
  columns: readonly SodaColumn[],
  timeZone: string,
): (row: JsonValue[]) => JsonValue[] {
  return (row) => row.map((value, i) => renderValue(value, columns[i]!, timeZone));
}

/** A rendered row as a SODA JSON object: keys in column order, null values left out (as Socrata does). */
export function rowObject(
  columns: readonly SodaColumn[],
  row: readonly JsonValue[],
): Record<string, JsonValue> {
  // No prototype: a column aliased `__proto__` is a key like any other.
  const object = Object.create(null) as Record<string, JsonValue>;
  for (let i = 0; i < columns.length; i++) {
    const value = row[i];
    if (value !== null && value !== undefined) object[columns[i]!.name] = value;
  }
  return object;
}

/** JSON text for a header value: characters past ASCII as `\u` escapes of four hex digits (headers carry only ASCII safely). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The values of the `X-SODA2-Fields` and `X-SODA2-Types` headers: JSON arrays, in column order. */
export function sodaHeaders(columns: readonly SodaColumn[]): { fields: string; types: string } {
  return {
    fields: asciiJson(columns.map((c) => c.name)),
    types: asciiJson(columns.map((c) => c.soda)),
  };
}
