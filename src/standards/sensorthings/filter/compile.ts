/**
 * Compiles `$filter` and `$orderby` trees to SQL for one entity type, checking names and types on the way
 * (every mistake is a `sta.bad_query` naming what to write instead). Values are bound parameters; the SQL that
 * differs between databases comes from the dialect.
 *
 * Navigation in a path (`Datastream/Thing/name`, `Datastreams/name`) joins the related tables inside an
 * `EXISTS` around the comparison or function that uses it: "some related entity satisfies it", which for a
 * single related entity is simply "it satisfies it". `$orderby` may navigate to single entities only.
 */
import { sql } from 'kysely';
import { ENTITIES, describeMembers, type EntityName } from '../model.js';
import { ENTITY_SQL, RELATIONS } from '../sql/entities.js';
import { visibleCondition } from '../sql/visibility.js';
import type { Comparison, Expr } from './ast.js';
import { callValue } from './calls.js';
import { columnValue } from './columns.js';
import type { Sql, StaSqlDialect } from './dialect.js';
import type { OrderKey } from './parse.js';
import {
  adaptLiteral,
  asCondition,
  asInstant,
  asNumber,
  bad,
  coerce,
  describe,
  FALSE,
  literal,
  type Value,
} from './values.js';

export interface CompileContext {
  dialect: StaSqlDialect;
  entity: EntityName;
  /** The alias of the rows filtered or ordered. */
  alias: string;
  /** Dataset ids hidden from the viewer (joined rows obey them too). */
  hidden: readonly string[];
  /** The instant `now()` means, epoch ms. */
  now: number;
  /** A new alias, unique in the statement. */
  fresh: () => string;
}

interface Join {
  key: string;
  alias: string;
  table: string;
  on: Sql[];
}

interface Scope {
  joins: Join[];
  /** `$orderby` reads one value: navigation to collections is refused. */
  single: boolean;
}

export interface OrderTerm {
  sql: Sql;
  desc: boolean;
  nullable: boolean;
  /** A plain non-null column of the row itself: pages may continue after its value (keyset). */
  keyset: boolean;
}

const SQL_OP: Record<Comparison, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const FLIP: Record<Comparison, Comparison> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

const and = (parts: Sql[]) => sql`(${sql.join(parts, sql` AND `)})`;

export class Compiler {
  private scope: Scope = { joins: [], single: false };

  constructor(readonly ctx: CompileContext) {}

  /** A WHERE condition, two-valued: a comparison with a missing value is false, and `not` of it true. */
  condition(e: Expr): Sql {
    if (e.kind === 'binary' && (e.op === 'and' || e.op === 'or')) {
      return sql`(${this.condition(e.left)} ${sql.raw(e.op === 'and' ? 'AND' : 'OR')} ${this.condition(e.right)})`;
    }
    if (e.kind === 'not') return sql`(NOT ${this.condition(e.arg)})`;
    return this.within(
      false,
      () => {
        const atom =
          e.kind === 'binary' && e.op in SQL_OP
            ? this.compare(e.op as Comparison, e.left, e.right)
            : asCondition(this.value(e));
        return atom.nullable ? sql`coalesce(${atom.sql}, ${FALSE})` : atom.sql;
      },
      (joins, body) =>
        sql`EXISTS (SELECT 1 FROM ${from(joins)} WHERE ${and([...joins.flatMap((j) => j.on), body])})`,
    );
  }

  /** ORDER BY terms of one `$orderby` key. */
  order(key: OrderKey): OrderTerm[] {
    const plain = this.plainColumn(key.expr);
    let terms: { sql: Sql; nullable: boolean }[] = [];
    this.within(
      true,
      () => {
        const v = this.value(key.expr);
        terms = this.sortTerms(v);
        return FALSE;
      },
      (joins) => {
        terms = terms.map((t) => ({
          sql: sql`(SELECT ${t.sql} FROM ${from(joins)} WHERE ${and(joins.flatMap((j) => j.on))})`,
          nullable: true,
        }));
        return FALSE;
      },
    );
    return terms.map((t) => ({ ...t, desc: key.desc, keyset: plain }));
  }

  /** Runs `body` in a scope of its own; `wrap` gets the joins it needed (when it needed any). */
  private within(single: boolean, body: () => Sql, wrap: (joins: Join[], body: Sql) => Sql): Sql {
    const outer = this.scope;
    this.scope = { joins: [], single };
    try {
      const out = body();
      return this.scope.joins.length > 0 ? wrap(this.scope.joins, out) : out;
    } finally {
      this.scope = outer;
    }
  }

  private plainColumn(e: Expr): boolean {
    if (e.kind !== 'path' || e.segments.length !== 1) return false;
    const name = e.segments[0]!;
    if (name === 'id' || name === '@iot.id') return true;
    const column = ENTITY_SQL[this.ctx.entity].columns[name];
    return (column?.kind === 'scalar' || column?.kind === 'interval') && !column.nullable;
  }

  private sortTerms(v: Value): { sql: Sql; nullable: boolean }[] {
    const d = this.ctx.dialect;
    switch (v.t) {
      case 'string':
        return [{ sql: d.textKey(v.sql), nullable: v.nullable }];
      case 'interval':
        return [{ sql: v.start, nullable: v.nullable }];
      case 'dynamic':
        return [
          { sql: v.number, nullable: true },
          { sql: v.sortKey, nullable: true },
        ];
      case 'geometry':
      case 'null':
        throw bad(
          `$orderby cannot sort by ${describe(v)}; sort by a property such as name or phenomenonTime.`,
        );
      default:
        return [{ sql: v.sql, nullable: v.nullable }];
    }
  }

  private compare(op: Comparison, leftExpr: Expr, rightExpr: Expr): { sql: Sql; nullable: boolean } {
    const d = this.ctx.dialect;
    let left = this.value(leftExpr);
    let right = this.value(rightExpr);
    if (left.t === 'null' && right.t !== 'null') [left, right, op] = [right, left, FLIP[op]];
    if (right.t === 'null') {
      if (op !== 'eq' && op !== 'ne') throw bad('Only eq and ne compare with null.');
      const isNull = left.t === 'null' ? sql`(1 = 1)` : this.isNull(left);
      return { sql: op === 'eq' ? isNull : sql`(NOT ${isNull})`, nullable: false };
    }
    if (right.t === 'interval' && left.t !== 'interval') [left, right, op] = [right, left, FLIP[op]];
    if (left.t === 'interval') {
      const at = asInstant(d, right, 'A time comparison');
      return this.intervalCompare(op, left, at);
    }
    if (left.t === 'dynamic' && right.t === 'dynamic') {
      throw bad(
        'Compare a property with a literal (a number, text or boolean), not with another JSON value.',
      );
    }
    left = coerce(d, left, right);
    right = coerce(d, right, left);
    left = adaptLiteral(d, left, right);
    right = adaptLiteral(d, right, left);
    if (left.t === 'geometry' || right.t === 'geometry') {
      throw bad('Geometries do not compare with eq, lt...; use geo.intersects, st_within or geo.distance.');
    }
    if (left.t !== right.t) throw bad(`Cannot compare ${describe(left)} with ${describe(right)}.`);
    if (left.t === 'interval' || left.t === 'dynamic' || left.t === 'null')
      throw bad('Cannot compare these values.');
    if (right.t === 'interval' || right.t === 'dynamic' || right.t === 'null')
      throw bad('Cannot compare these values.');
    const nullable = left.nullable || right.nullable;
    const ordered = left.t === 'string' && op !== 'eq' && op !== 'ne';
    const l = ordered ? d.textKey(left.sql) : left.sql;
    const r = ordered ? d.textKey(right.sql) : right.sql;
    if (op === 'ne' && nullable) return { sql: d.distinct(l, r), nullable: false };
    return { sql: sql`(${l} ${sql.raw(SQL_OP[op])} ${r})`, nullable };
  }

  /** An interval is after X when it starts after X, before X when it ends before X, equal when both ends are X. */
  private intervalCompare(
    op: Comparison,
    v: { start: Sql; end: Sql; nullable: boolean },
    at: { sql: Sql; nullable: boolean },
  ): { sql: Sql; nullable: boolean } {
    const nullable = v.nullable || at.nullable;
    const both = (o: string) =>
      sql`(${v.start} ${sql.raw(o)} ${at.sql} AND ${v.end} ${sql.raw(o)} ${at.sql})`;
    switch (op) {
      case 'gt':
      case 'ge':
        return { sql: sql`(${v.start} ${sql.raw(SQL_OP[op])} ${at.sql})`, nullable };
      case 'lt':
      case 'le':
        return { sql: both(SQL_OP[op]), nullable };
      case 'eq':
        return { sql: both('='), nullable };
      case 'ne':
        return { sql: sql`(NOT coalesce(${both('=')}, ${FALSE}))`, nullable: false };
    }
  }

  private isNull(v: Exclude<Value, { t: 'null' }>): Sql {
    switch (v.t) {
      case 'interval':
        return sql`(${v.start} IS NULL)`;
      case 'dynamic':
        return v.isNull;
      default:
        return sql`(${v.sql} IS NULL)`;
    }
  }

  /** The value of an expression. */
  value(e: Expr): Value {
    const d = this.ctx.dialect;
    switch (e.kind) {
      case 'literal':
        switch (e.type) {
          case 'null':
            return { t: 'null' };
          case 'geometry':
            return { t: 'geometry', sql: d.text(JSON.stringify(e.value)), nullable: false, literal: e.value };
          default:
            return literal(d, e.type, e.value);
        }
      case 'path':
        return this.path(e.segments);
      case 'call':
        return callValue(this, e);
      case 'negate': {
        const v = asNumber(this.value(e.arg), 'Unary minus');
        return { t: 'number', sql: sql`(- ${v.sql})`, nullable: v.nullable };
      }
      case 'not':
        return { t: 'boolean', sql: this.condition(e), nullable: false };
      case 'binary':
        switch (e.op) {
          case 'add':
          case 'sub':
          case 'mul':
          case 'div':
          case 'mod': {
            const l = asNumber(this.value(e.left), `"${e.op}"`);
            const r = asNumber(this.value(e.right), `"${e.op}"`);
            const s =
              e.op === 'div'
                ? d.divide(l.sql, r.sql)
                : e.op === 'mod'
                  ? d.remainder(l.sql, r.sql)
                  : sql`(${l.sql} ${sql.raw(e.op === 'add' ? '+' : e.op === 'sub' ? '-' : '*')} ${r.sql})`;
            return {
              t: 'number',
              sql: s,
              nullable: l.nullable || r.nullable || e.op === 'div' || e.op === 'mod',
            };
          }
          default:
            return { t: 'boolean', sql: this.condition(e), nullable: false };
        }
    }
  }

  private path(segments: string[]): Value {
    let entity = this.ctx.entity;
    let alias = this.ctx.alias;
    let key = '';
    for (const [i, segment] of segments.entries()) {
      const last = i === segments.length - 1;
      if (segment === 'id' || segment === '@iot.id') {
        if (!last) throw bad(`"${segments.join('/')}": nothing follows ${segment}.`);
        return { t: 'number', sql: sql.raw(`${alias}.id`), nullable: false };
      }
      const relation = RELATIONS[entity][segment];
      if (relation) {
        const target = ENTITIES[entity].navigation[segment]!.target;
        if (last) {
          throw bad(
            `"${segments.join('/')}" is an entity: compare one of its properties, such as ${segments.join('/')}/id.`,
          );
        }
        if (relation.many && this.scope.single) {
          throw bad(
            `$orderby cannot follow ${segment}: it is a collection; sort by single related entities only.`,
          );
        }
        key += `/${segment}`;
        let join = this.scope.joins.find((j) => j.key === key);
        if (!join) {
          const b = this.ctx.fresh();
          const on = relation.many
            ? relation.link(b, sql.raw(`${alias}.id`))
            : sql`${sql.raw(`${b}.id`)} = ${relation.key(alias)}`;
          const visible = visibleCondition(target, b, this.ctx.hidden, this.ctx.dialect);
          join = { key, alias: b, table: ENTITY_SQL[target].table, on: visible ? [on, visible] : [on] };
          this.scope.joins.push(join);
        }
        entity = target;
        alias = join.alias;
        continue;
      }
      const column = ENTITY_SQL[entity].columns[segment];
      if (!column) {
        throw bad(
          `"${segments.join('/')}": a ${entity} has no "${segment}"; it has id, ${describeMembers(ENTITIES[entity])}.`,
        );
      }
      return columnValue(this.ctx.dialect, column, alias, segments.slice(i + 1), segments.join('/'));
    }
    throw bad(`"${segments.join('/')}" names no property.`);
  }
}

function from(joins: Join[]): Sql {
  return sql.raw(joins.map((j) => `${j.table} ${j.alias}`).join(', '));
}

/** A `$filter` as a WHERE condition on `ctx.alias`. */
export function compileFilter(e: Expr, ctx: CompileContext): Sql {
  return new Compiler(ctx).condition(e);
}

/** `$orderby` keys as ORDER BY terms. */
export function compileOrder(keys: OrderKey[], ctx: CompileContext): OrderTerm[] {
  const compiler = new Compiler(ctx);
  return keys.flatMap((k) => compiler.order(k));
}
