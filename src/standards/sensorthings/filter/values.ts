/** Typed SQL values of the filter compiler, and the conversions between them that STA's loose typing allows. */
import { sql } from 'kysely';
import { errors } from '../../../errors.js';
import type { GeometryValue } from './ast.js';
import type { Sql, StaSqlDialect } from './dialect.js';
import { parseInstant } from './parse.js';

export type PlainType = 'number' | 'string' | 'boolean' | 'datetime' | 'date' | 'time';

export type Value =
  | { t: PlainType; sql: Sql; nullable: boolean; literal?: number | string | boolean }
  | { t: 'geometry'; sql: Sql; nullable: boolean; literal?: GeometryValue; box?: [Sql, Sql, Sql, Sql] }
  /** An instant or interval in epoch ms (for instants, end is start). */
  | { t: 'interval'; start: Sql; end: Sql; nullable: boolean }
  /** A JSON member (or an Observation's result): its type is the other operand's. */
  | { t: 'dynamic'; number: Sql; text: Sql; boolean: Sql; isNull: Sql; sortKey: Sql }
  | { t: 'null' };

export const bad = (message: string) => errors.staBadQuery(message);

const NAMES: Record<Value['t'], string> = {
  number: 'a number',
  string: 'text',
  boolean: 'a boolean',
  datetime: 'a date and time',
  date: 'a date',
  time: 'a time of day',
  geometry: 'a geometry',
  interval: 'a time',
  dynamic: 'a JSON value',
  null: 'null',
};

export const describe = (v: Value) => NAMES[v.t];

export function literal(d: StaSqlDialect, type: PlainType, value: number | string | boolean): Value {
  const s =
    typeof value === 'number'
      ? d.number(value)
      : typeof value === 'boolean'
        ? d.boolean(value)
        : d.text(value);
  return { t: type, sql: s, nullable: false, literal: value };
}

export function asNumber(v: Value, where: string): { sql: Sql; nullable: boolean } {
  if (v.t === 'number') return v;
  if (v.t === 'dynamic') return { sql: v.number, nullable: true };
  throw bad(`${where} takes numbers, not ${describe(v)}.`);
}

export function asText(v: Value, where: string): { sql: Sql; nullable: boolean } {
  if (v.t === 'string') return v;
  if (v.t === 'dynamic') return { sql: v.text, nullable: true };
  throw bad(`${where} takes text, not ${describe(v)}.`);
}

/** An instant: datetimes, the start of intervals, and ISO text literals. */
export function asInstant(d: StaSqlDialect, v: Value, where: string): { sql: Sql; nullable: boolean } {
  if (v.t === 'datetime') return v;
  if (v.t === 'interval') return { sql: v.start, nullable: v.nullable };
  if (v.t === 'string' && typeof v.literal === 'string') {
    const ms = parseInstant(v.literal);
    if (typeof ms === 'number') return { sql: d.number(ms), nullable: false };
  }
  throw bad(
    `${where} takes a date and time such as phenomenonTime or 2024-05-01T00:00:00Z, not ${describe(v)}.`,
  );
}

/** A condition from a value that is one (booleans, and JSON members read as booleans). */
export function asCondition(v: Value): { sql: Sql; nullable: boolean } {
  if (v.t === 'boolean') return v;
  if (v.t === 'dynamic') return { sql: v.boolean, nullable: true };
  throw bad(`The filter needs a condition here, such as name eq 'x', not ${describe(v)}.`);
}

/** Reads a dynamic value as the type of the other operand, so that `result gt 5` compares numbers. */
export function coerce(d: StaSqlDialect, v: Value, other: Value): Value {
  if (v.t !== 'dynamic') return v;
  switch (other.t) {
    case 'number':
      return { t: 'number', sql: v.number, nullable: true };
    case 'boolean':
      return { t: 'boolean', sql: v.boolean, nullable: true };
    case 'string':
    case 'date':
    case 'time':
      return { t: other.t, sql: v.text, nullable: true };
    case 'datetime':
      // A JSON member holding ISO text compares with an instant literal in the same form.
      if (typeof other.literal === 'number') return { t: 'string', sql: v.text, nullable: true };
      break;
    default:
      break;
  }
  throw bad(`A JSON value compares with a literal (a number, text or boolean), not with ${describe(other)}.`);
}

/** Makes a literal text comparable with a datetime, date or time value when it reads as one. */
export function adaptLiteral(d: StaSqlDialect, v: Value, other: Value): Value {
  if (v.t === 'datetime' && other.t === 'string' && typeof v.literal === 'number') {
    return literal(d, 'string', new Date(v.literal).toISOString());
  }
  if (v.t !== 'string' || typeof v.literal !== 'string') return v;
  if (other.t === 'datetime') {
    const ms = parseInstant(v.literal);
    if (typeof ms === 'number') return literal(d, 'datetime', ms);
  }
  if (other.t === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v.literal)) return literal(d, 'date', v.literal);
  if (other.t === 'time' && /^\d{2}:\d{2}:\d{2}\.\d{3}$/.test(v.literal))
    return literal(d, 'time', v.literal);
  return v;
}

export const TRUE = sql`TRUE`;
export const FALSE = sql`FALSE`;
