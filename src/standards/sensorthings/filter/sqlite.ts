/**
 * SensorThings filters on SQLite. JSON columns are read with json_type/json_extract (paths are bound
 * parameters); times are epoch milliseconds, formatted by strftime in UTC; booleans are 0 and 1.
 */
import { sql } from 'kysely';
import type { DatePart, Sql, StaSqlDialect } from './dialect.js';

/** `["a","b"]` → `$."a"."b"`, bound as a parameter. */
const jsonPath = (path: readonly string[]) => `$${path.map((k) => `."${k.replace(/"/g, '')}"`).join('')}`;

const FORMAT: Record<DatePart, string> = {
  year: '%Y',
  month: '%m',
  day: '%d',
  hour: '%H',
  minute: '%M',
  second: '%S',
};

const seconds = (ms: Sql) => sql`(${ms} / 1000.0)`;
const real = (value: Sql) => sql`CAST(${value} AS REAL)`;

export const sqliteStaSql: StaSqlDialect = {
  name: 'sqlite',
  number: (value) => sql`${value}`,
  text: (value) => sql`${value}`,
  boolean: (value) => sql`${value ? 1 : 0}`,

  jsonNumber(doc, path) {
    const p = jsonPath(path);
    return sql`(CASE WHEN json_type(${doc}, ${p}) IN ('integer', 'real') THEN json_extract(${doc}, ${p}) END)`;
  },
  jsonText(doc, path) {
    const p = jsonPath(path);
    return sql`(CASE WHEN json_type(${doc}, ${p}) = 'text' THEN json_extract(${doc}, ${p}) END)`;
  },
  jsonBoolean: (doc, path) =>
    sql`(CASE json_type(${doc}, ${jsonPath(path)}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`,
  jsonIsNull: (doc, path) => sql`(coalesce(json_type(${doc}, ${jsonPath(path)}), 'null') = 'null')`,
  jsonSortKey: (doc, path) => sql`json_extract(${doc}, ${jsonPath(path)})`,

  contains: (haystack, needle) => sql`(instr(${haystack}, ${needle}) > 0)`,
  indexOf: (haystack, needle) => sql`(instr(${haystack}, ${needle}) - 1)`,
  substring: (text, start, length) =>
    length === null
      ? sql`substr(${text}, CAST(${start} AS INTEGER) + 1)`
      : sql`substr(${text}, CAST(${start} AS INTEGER) + 1, CAST(${length} AS INTEGER))`,
  lower: (text) => sql`plaza_lower(${text})`,
  upper: (text) => sql`plaza_upper(${text})`,
  textKey: (text) => text,

  divide: (left, right) => sql`(${real(left)} / NULLIF(${real(right)}, 0))`,
  remainder: (left, right) =>
    sql`(${real(left)} - ${real(right)} * trunc(${real(left)} / NULLIF(${real(right)}, 0)))`,
  round: (value) => sql`round(${value})`,

  datePart: (part, ms) => sql`CAST(strftime(${FORMAT[part]}, ${seconds(ms)}, 'unixepoch') AS INTEGER)`,
  dateText: (ms) => sql`strftime('%Y-%m-%d', ${seconds(ms)}, 'unixepoch')`,
  timeText: (ms) => sql`strftime('%H:%M:%f', ${seconds(ms)}, 'unixepoch')`,

  geometry: (g) =>
    sql`(CASE WHEN instr(${g}, '"Feature"') = 0 THEN ${g} WHEN NOT json_valid(${g}) THEN ${g} WHEN json_extract(${g}, '$.type') = 'Feature' THEN json_extract(${g}, '$.geometry') ELSE ${g} END)`,
  pointX: (g) =>
    sql`(CASE WHEN json_valid(${g}) THEN CASE WHEN json_extract(${g}, '$.type') = 'Point' THEN json_extract(${g}, '$.coordinates[0]') END END)`,
  pointY: (g) =>
    sql`(CASE WHEN json_valid(${g}) THEN CASE WHEN json_extract(${g}, '$.type') = 'Point' THEN json_extract(${g}, '$.coordinates[1]') END END)`,

  distinct: (left, right) => sql`(${left} IS NOT ${right})`,
  limitOffset: (limit, offset) =>
    offset > 0
      ? sql` LIMIT CAST(${limit} AS INTEGER) OFFSET CAST(${offset} AS INTEGER)`
      : sql` LIMIT CAST(${limit} AS INTEGER)`,
};
