/**
 * What the query compiler needs to know about a database's SQL: the one place (with its two implementations)
 * where SoQL meets SQLite's and PostgreSQL's differences, so that both give the same answer to every query.
 */
import type { DatePart, Truncation, ValueType } from '../plan/typed.js';

/** Collects parameter values while SQL text is written; every request value reaches SQL only through here. */
export interface Params {
  /** A placeholder for a value, typed so that the database reads it as `type`. */
  add(value: string | number | boolean | null, type: ValueType): string;
  readonly values: unknown[];
}

export interface QuerySqlDialect {
  readonly name: 'sqlite' | 'postgres';
  quote(identifier: string): string;
  params(): Params;
  /** A typed NULL. */
  nullOf(type: ValueType): string;
  /** An operand of `<`, `=`, ORDER BY, min/max: text in byte order, timestamps in a comparable form. */
  comparable(sql: string, type: ValueType): string;
  /** Division and remainder as floating point, NULL when dividing by zero. */
  divide(left: string, right: string): string;
  remainder(left: string, right: string): string;
  /** Case-sensitive LIKE with `%` and `_` only (no escape character). */
  like(
    operand: string,
    pattern: string,
    negated: boolean,
    literalPattern: string | null,
    params: Params,
  ): string;
  upper(sql: string): string;
  lower(sql: string): string;
  /** `starts_with`. */
  startsWith(operand: string, prefix: string): string;
  /** A date or timestamp truncated in the city's zone, as a date. */
  dateTrunc(unit: Truncation, sql: string, type: 'date' | 'timestamp', params: Params): string;
  /** A calendar field in the city's zone, as a number. */
  dateExtract(part: DatePart, sql: string, type: 'date' | 'timestamp', params: Params): string;
  /** Rows whose bbox meets a box (west, south, east, north): the spatial index, as a condition. */
  spatialPrefilter(
    table: string,
    box: [number, number, number, number],
    params: Params,
    indexed: boolean,
  ): string;
  /** Rows whose text columns hold every term: the full-text index, as a condition. */
  fullText(table: string, textColumns: string[], terms: string[], params: Params, indexed: boolean): string;
  /** The row-id column as a comparable expression (for keyset paging). */
  readonly rowId: string;
  /** A boolean expression the database must not merge into an enclosing AND/OR (see ExprWriter). */
  opaque(sql: string): string;
  /** The result of min/max over comparable values, back in the column's own collation. */
  plain(sql: string, type: ValueType): string;
  /** `count(*)` as a number column. */
  count(sql: string | null, distinct: boolean): string;
  /** `NULLS FIRST` / `NULLS LAST` clause. */
  nulls(first: boolean): string;
  /**
   * A CSV field of a value, printed by the database as the JavaScript writer would print it; `point` is the
   * SQL of the row's `_minx`, `_miny` for a point column. Absent (or null for a type) when the database cannot.
   */
  csvField?(sql: string, type: ValueType, point: readonly [string, string] | null): string | null;
  /** CSV fields joined into one line. */
  csvLine?(fields: string[]): string;
  /** `LIMIT n OFFSET m` with parameters. */
  limitOffset(limit: number | null, offset: number, params: Params): string;
}
