/**
 * SensorThings filters on PostgreSQL. Every parameter carries its type (PostgreSQL never guesses); JSON
 * columns are text, read as jsonb; times are epoch milliseconds, formatted in UTC; text compares in byte
 * order (`COLLATE "C"`), as SQLite does.
 */
import { sql } from 'kysely';
import type { DatePart, Sql, StaSqlDialect } from './dialect.js';

/** `doc -> 'a' -> 'b'` with each key bound. */
function member(doc: Sql, path: readonly string[]): Sql {
  let out = sql`CAST(${doc} AS jsonb)`;
  for (const key of path) out = sql`(${out} -> CAST(${key} AS text))`;
  return out;
}

const float = (value: Sql) => sql`CAST(${value} AS double precision)`;
/** A whole number for substr, clamped to its integer range (a larger one would be an error). */
const int = (value: Sql) => sql`CAST(least(greatest(${value}, -2147483647), 2147483646) AS integer)`;
const utc = (ms: Sql) => sql`(to_timestamp(${ms} / 1000.0) AT TIME ZONE 'UTC')`;

const FIELD: Record<DatePart, string> = {
  year: 'year',
  month: 'month',
  day: 'day',
  hour: 'hour',
  minute: 'minute',
  second: 'second',
};

export const postgresStaSql: StaSqlDialect = {
  name: 'postgres',
  number: (value) =>
    Number.isSafeInteger(value) ? sql`CAST(${value} AS bigint)` : sql`CAST(${value} AS double precision)`,
  text: (value) => sql`CAST(${value} AS text)`,
  boolean: (value) => sql`CAST(${value} AS boolean)`,

  jsonNumber(doc, path) {
    const m = member(doc, path);
    return sql`(CASE WHEN jsonb_typeof(${m}) = 'number' THEN CAST(${m} #>> '{}' AS double precision) END)`;
  },
  jsonText(doc, path) {
    const m = member(doc, path);
    return sql`(CASE WHEN jsonb_typeof(${m}) = 'string' THEN ${m} #>> '{}' END)`;
  },
  jsonBoolean(doc, path) {
    const m = member(doc, path);
    return sql`(CASE WHEN jsonb_typeof(${m}) = 'boolean' THEN CAST(${m} #>> '{}' AS boolean) END)`;
  },
  jsonIsNull: (doc, path) => sql`(coalesce(jsonb_typeof(${member(doc, path)}), 'null') = 'null')`,
  jsonSortKey: (doc, path) => member(doc, path),

  contains: (haystack, needle) => sql`(strpos(${haystack}, ${needle}) > 0)`,
  indexOf: (haystack, needle) => sql`(strpos(${haystack}, ${needle}) - 1)`,
  substring: (text, start, length) =>
    length === null
      ? sql`substr(${text}, ${int(start)} + 1)`
      : sql`substr(${text}, ${int(start)} + 1, greatest(${int(length)}, 0))`,
  lower: (text) => sql`lower(${text})`,
  upper: (text) => sql`upper(${text})`,
  textKey: (text) => sql`(${text} COLLATE "C")`,

  divide: (left, right) => sql`(${float(left)} / NULLIF(${float(right)}, 0))`,
  remainder: (left, right) =>
    sql`(${float(left)} - ${float(right)} * trunc(${float(left)} / NULLIF(${float(right)}, 0)))`,
  round: (value) => sql`CAST(round(CAST(${value} AS numeric)) AS double precision)`,

  datePart: (part, ms) =>
    part === 'second'
      ? sql`floor(extract(second FROM ${utc(ms)}))`
      : sql`CAST(extract(${sql.raw(FIELD[part])} FROM ${utc(ms)}) AS double precision)`,
  dateText: (ms) => sql`to_char(${utc(ms)}, 'YYYY-MM-DD')`,
  timeText: (ms) => sql`to_char(${utc(ms)}, 'HH24:MI:SS.MS')`,

  geometry: (g) =>
    sql`(CASE WHEN strpos(${g}, '"Feature"') = 0 THEN ${g} WHEN (CAST(${g} AS jsonb) ->> 'type') = 'Feature' THEN CAST(CAST(${g} AS jsonb) -> 'geometry' AS text) ELSE ${g} END)`,
  pointX: (g) =>
    sql`(CASE WHEN (CAST(${g} AS jsonb) ->> 'type') = 'Point' AND jsonb_typeof(CAST(${g} AS jsonb) -> 'coordinates' -> 0) = 'number' THEN CAST(CAST(${g} AS jsonb) -> 'coordinates' ->> 0 AS double precision) END)`,
  pointY: (g) =>
    sql`(CASE WHEN (CAST(${g} AS jsonb) ->> 'type') = 'Point' AND jsonb_typeof(CAST(${g} AS jsonb) -> 'coordinates' -> 1) = 'number' THEN CAST(CAST(${g} AS jsonb) -> 'coordinates' ->> 1 AS double precision) END)`,

  distinct: (left, right) => sql`(${left} IS DISTINCT FROM ${right})`,
  limitOffset: (limit, offset) =>
    offset > 0
      ? sql` LIMIT CAST(${limit} AS bigint) OFFSET CAST(${offset} AS bigint)`
      : sql` LIMIT CAST(${limit} AS bigint)`,
};
