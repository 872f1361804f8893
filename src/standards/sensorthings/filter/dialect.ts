/**
 * What compiling a SensorThings filter needs to know about a database's SQL: the one seam (with its two
 * implementations, sqlite.ts and postgres.ts) where SQLite and PostgreSQL differ. Every request value reaches
 * SQL as a bound parameter through `number`, `text` and `boolean`.
 */
import type { RawBuilder } from 'kysely';

export type Sql = RawBuilder<unknown>;

export type DatePart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export interface StaSqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** A bound number (PostgreSQL: typed, bigint for whole numbers so that indexes on ids and times apply). */
  number(value: number): Sql;
  text(value: string): Sql;
  boolean(value: boolean): Sql;

  /** A member of a JSON text column, by a path of keys, read as a number, text or boolean (NULL otherwise). */
  jsonNumber(doc: Sql, path: readonly string[]): Sql;
  jsonText(doc: Sql, path: readonly string[]): Sql;
  jsonBoolean(doc: Sql, path: readonly string[]): Sql;
  /** True when the member is missing or JSON null. */
  jsonIsNull(doc: Sql, path: readonly string[]): Sql;
  /** The member as something ORDER BY sorts sensibly. */
  jsonSortKey(doc: Sql, path: readonly string[]): Sql;

  /** Whether `haystack` contains `needle` (case-sensitive). */
  contains(haystack: Sql, needle: Sql): Sql;
  /** 0-based position of `needle` in `haystack`, -1 when absent. */
  indexOf(haystack: Sql, needle: Sql): Sql;
  /** OData's substring: 0-based start, optional length. */
  substring(text: Sql, start: Sql, length: Sql | null): Sql;
  lower(text: Sql): Sql;
  upper(text: Sql): Sql;
  /** Text as ORDER BY and `<` compare it: byte order on both databases. */
  textKey(text: Sql): Sql;

  /** Floating-point division and remainder, NULL when dividing by zero. */
  divide(left: Sql, right: Sql): Sql;
  remainder(left: Sql, right: Sql): Sql;
  /** Half away from zero. */
  round(value: Sql): Sql;

  /** A calendar field (UTC) of an instant given as epoch milliseconds. */
  datePart(part: DatePart, ms: Sql): Sql;
  /** `YYYY-MM-DD` (UTC) of epoch milliseconds. */
  dateText(ms: Sql): Sql;
  /** `HH:MM:SS.sss` (UTC) of epoch milliseconds. */
  timeText(ms: Sql): Sql;

  /** GeoJSON text with a Feature unwrapped to its geometry (Locations and features may hold either). */
  geometry(geojson: Sql): Sql;
  /** Longitude and latitude of a GeoJSON Point (after `geometry`), NULL for other types. */
  pointX(geometry: Sql): Sql;
  pointY(geometry: Sql): Sql;

  /** `a IS DISTINCT FROM b`. */
  distinct(left: Sql, right: Sql): Sql;
  /** `LIMIT n OFFSET m` with bound values. */
  limitOffset(limit: number, offset: number): Sql;
}
