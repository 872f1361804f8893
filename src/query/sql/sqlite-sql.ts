/**
 * SoQL on SQLite. Text compares byte-wise (BINARY), as PostgreSQL does under `COLLATE "C"`. Timestamps are
 * stored as ISO text whose fraction has 0, 3 or 6 digits; compared, they are padded to microseconds first, or
 * `...:00Z` would sort after `...:00.500Z`. LIKE becomes GLOB, which is case-sensitive as SoQL's LIKE is.
 */
import { fullTextCondition, spatialCondition } from '../../db/search-index.js';
import { csvFieldSql, csvLineSql } from '../../db/sqlite-csv.js';
import type { DatePart, Truncation, ValueType } from '../plan/typed.js';
import type { Params, QuerySqlDialect } from './sql-dialect.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** A stored timestamp as `YYYY-MM-DDTHH:MM:SS.ffffff`, which sorts as the instants do. */
export function sqliteTimestampKey(sql: string): string {
  return `(substr(${sql}, 1, 19) || CASE length(${sql}) WHEN 20 THEN '.000000' WHEN 24 THEN substr(${sql}, 20, 4) || '000' ELSE substr(${sql}, 20, 7) END)`;
}

/** A LIKE pattern as a GLOB pattern: GLOB's own wildcards are escaped first, then `%` and `_` translated. */
export function likeToGlob(pattern: string): string {
  return pattern.replace(/[[*?%_]/g, (c) =>
    c === '%' ? '*' : c === '_' ? '?' : c === '[' ? '[[]' : c === '*' ? '[*]' : '[?]',
  );
}

const GLOB_SQL = (p: string) =>
  `replace(replace(replace(replace(replace(${p}, '[', '[[]'), '*', '[*]'), '?', '[?]'), '%', '*'), '_', '?')`;

const real = (sql: string) => `CAST(${sql} AS REAL)`;

const EXTRACT: Record<Exclude<DatePart, 'dow' | 'woy'>, [number, number]> = {
  y: [1, 4],
  m: [6, 2],
  d: [9, 2],
  hh: [12, 2],
  mm: [15, 2],
  ss: [18, 2],
};

export function sqliteSql(timeZone: string): QuerySqlDialect {
  const local = (sql: string, type: 'date' | 'timestamp', params: Params) =>
    type === 'timestamp' ? `plaza_local(${sql}, ${params.add(timeZone, 'text')})` : sql;

  return {
    name: 'sqlite',
    quote,
    params() {
      // Named parameters: an expression may appear more than once in the SQL (a timestamp's sort key, a
      // prefix's length), and each occurrence must read the same value. Bound as one object.
      const named: Record<string, unknown> = {};
      let count = 0;
      return {
        values: [named],
        add(value) {
          const name = `p${++count}`;
          named[name] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
          return `@${name}`;
        },
      };
    },
    nullOf: () => 'NULL',
    comparable: (sql: string, type: ValueType) => (type === 'timestamp' ? sqliteTimestampKey(sql) : sql),
    divide: (left, right) => `(${real(left)} / NULLIF(${real(right)}, 0))`,
    remainder: (left, right) =>
      `(${real(left)} - ${real(right)} * trunc(${real(left)} / NULLIF(${real(right)}, 0)))`,
    like(operand, pattern, negated, literal, params) {
      const glob = literal === null ? GLOB_SQL(pattern) : params.add(likeToGlob(literal), 'text');
      return `(${operand} ${negated ? 'NOT ' : ''}GLOB ${glob})`;
    },
    upper: (sql) => `plaza_upper(${sql})`,
    lower: (sql) => `plaza_lower(${sql})`,
    startsWith: (operand, prefix) => `(substr(${operand}, 1, length(${prefix})) = ${prefix})`,
    dateTrunc(unit: Truncation, sql, type, params) {
      const l = local(sql, type, params);
      if (unit === 'ymd') return `substr(${l}, 1, 10)`;
      if (unit === 'ym') return `(substr(${l}, 1, 7) || '-01')`;
      return `(substr(${l}, 1, 4) || '-01-01')`;
    },
    dateExtract(part: DatePart, sql, type, params) {
      const l = local(sql, type, params);
      if (part === 'dow') return `CAST(strftime('%w', substr(${l}, 1, 10)) AS INTEGER)`;
      if (part === 'woy') return `CAST(strftime('%V', substr(${l}, 1, 10)) AS INTEGER)`;
      if (type === 'date' && (part === 'hh' || part === 'mm' || part === 'ss')) {
        return `(CASE WHEN ${sql} IS NULL THEN NULL ELSE 0 END)`;
      }
      const [from, length] = EXTRACT[part];
      return `CAST(substr(${l}, ${from}, ${length}) AS INTEGER)`;
    },
    spatialPrefilter: (table, box, params, indexed) =>
      spatialCondition('sqlite', table, box, params, indexed),
    fullText: (table, textColumns, terms, params, indexed) =>
      fullTextCondition('sqlite', table, textColumns, terms, params, indexed),
    rowId: quote('_id'),
    count: (sql, distinct) => (sql === null ? 'count(*)' : `count(${distinct ? 'DISTINCT ' : ''}${sql})`),
    nulls: (first) => (first ? 'NULLS FIRST' : 'NULLS LAST'),
    opaque: (sql) => sql,
    plain: (sql) => sql,
    csvField(sql, type, point) {
      if (type === 'point') return point ? csvFieldSql(sql, 'geometry', point) : null;
      if (type === 'geometry') return null;
      if (type === 'null') return `''`;
      return csvFieldSql(sql, type, ['NULL', 'NULL']);
    },
    csvLine: csvLineSql,
    limitOffset(limit, offset, params) {
      const l = limit === null ? '-1' : `CAST(${params.add(limit, 'number')} AS INTEGER)`;
      return offset > 0
        ? ` LIMIT ${l} OFFSET CAST(${params.add(offset, 'number')} AS INTEGER)`
        : ` LIMIT ${l}`;
    },
  };
}
