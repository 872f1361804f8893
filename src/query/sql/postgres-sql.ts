/**
 * SoQL on PostgreSQL. Text compares and sorts under `COLLATE "C"` (byte order, as SQLite does); every
 * parameter carries its type, so that PostgreSQL never guesses; equal values share one parameter, so that an
 * expression in GROUP BY and the same expression in SELECT are the same text, as PostgreSQL requires.
 */
import { fullTextCondition, spatialCondition } from '../../db/search-index.js';
import type { DatePart, Truncation, ValueType } from '../plan/typed.js';
import type { QuerySqlDialect } from './sql-dialect.js';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

const SQL_TYPE: Record<ValueType, string> = {
  text: 'text',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  point: 'text',
  geometry: 'text',
  null: 'text',
};

const FIELD: Record<DatePart, string> = {
  y: 'year',
  m: 'month',
  d: 'day',
  hh: 'hour',
  mm: 'minute',
  ss: 'second',
  dow: 'dow',
  woy: 'week',
};

const UNIT: Record<Truncation, string> = { y: 'year', ym: 'month', ymd: 'day' };

const float = (sql: string) => `CAST(${sql} AS double precision)`;

export function postgresSql(timeZone: string): QuerySqlDialect {
  // The zone comes from the server's configuration, never from a request; as a literal it keeps grouped
  // expressions textually equal.
  const zone = `'${timeZone.replace(/'/g, "''")}'`;
  const local = (sql: string, type: 'date' | 'timestamp') =>
    type === 'timestamp' ? `(${sql} AT TIME ZONE ${zone})` : `CAST(${sql} AS timestamp)`;

  return {
    name: 'postgres',
    quote,
    params() {
      const values: unknown[] = [];
      const seen = new Map<string, number>();
      return {
        values,
        add(value, type) {
          const sqlType = SQL_TYPE[type];
          const key = `${sqlType}\u0000${typeof value}\u0000${String(value)}`;
          let index = seen.get(key);
          if (index === undefined) {
            values.push(value);
            index = values.length;
            seen.set(key, index);
          }
          return `$${index}::${sqlType}`;
        },
      };
    },
    nullOf: (type) => `CAST(NULL AS ${SQL_TYPE[type]})`,
    comparable: (sql: string, type: ValueType) =>
      type === 'text' || type === 'point' || type === 'geometry' ? `(${sql} COLLATE "C")` : sql,
    divide: (left, right) => `(${float(left)} / NULLIF(${float(right)}, 0))`,
    remainder: (left, right) =>
      `(${float(left)} - ${float(right)} * trunc(${float(left)} / NULLIF(${float(right)}, 0)))`,
    like(operand, pattern, negated, literal, params) {
      const p = literal === null ? pattern : params.add(literal, 'text');
      return `(${operand} ${negated ? 'NOT ' : ''}LIKE ${p} ESCAPE '')`;
    },
    upper: (sql) => `upper(${sql})`,
    lower: (sql) => `lower(${sql})`,
    startsWith: (operand, prefix) => `(substr(${operand}, 1, length(${prefix})) = ${prefix})`,
    dateTrunc: (unit, sql, type) => `CAST(date_trunc('${UNIT[unit]}', ${local(sql, type)}) AS date)`,
    dateExtract(part, sql, type) {
      const value = `extract(${FIELD[part]} from ${local(sql, type)})`;
      return part === 'ss' ? `floor(${float(value)})` : float(value);
    },
    spatialPrefilter: (table, box, params, indexed) =>
      spatialCondition('postgres', table, box, params, indexed),
    fullText: (table, textColumns, terms, params, indexed) =>
      fullTextCondition('postgres', table, textColumns, terms, params, indexed),
    rowId: quote('_id'),
    count: (sql, distinct) => (sql === null ? 'count(*)' : `count(${distinct ? 'DISTINCT ' : ''}${sql})`),
    nulls: (first) => (first ? 'NULLS FIRST' : 'NULLS LAST'),
    // A one-argument coalesce is a node of its own: the parser does not flatten an AND or OR through it.
    opaque: (sql) => `coalesce(${sql})`,
    // min(x COLLATE "C") keeps the C collation, under which upper() and lower() map ASCII only.
    plain: (sql, type) => (type === 'text' ? `(${sql} COLLATE "default")` : sql),
    limitOffset(limit, offset, params) {
      const l = limit === null ? 'ALL' : params.add(limit, 'number').replace('double precision', 'bigint');
      return offset > 0
        ? ` LIMIT ${l} OFFSET ${params.add(offset, 'number').replace('double precision', 'bigint')}`
        : ` LIMIT ${l}`;
    },
  };
}
