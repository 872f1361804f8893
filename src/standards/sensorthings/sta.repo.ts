/**
 * The SQL of the SensorThings read side: pages of one entity type under a parent, by ids or by a filter, in an
 * order, continued by keyset or offset; and counts. SensorThings is the sensors' own adapter, so it reads
 * their tables directly; dataset visibility arrives as a list of hidden dataset ids.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { errors } from '../../errors.js';
import { queryRefusal } from '../../query/database-errors.js';
import type { Expr } from './filter/ast.js';
import { compileFilter, compileOrder, type CompileContext, type OrderTerm } from './filter/compile.js';
import type { Sql, StaSqlDialect } from './filter/dialect.js';
import type { OrderKey } from './filter/parse.js';
import { postgresStaSql } from './filter/postgres.js';
import { sqliteStaSql } from './filter/sqlite.js';
import type { EntityName } from './model.js';
import { ENTITY_SQL, fromClause, RELATIONS, selectList } from './sql/entities.js';
import { visibleCondition } from './sql/visibility.js';

export type Row = Record<string, unknown>;

export interface ListQuery {
  entity: EntityName;
  /** Only the entities a parent's to-many navigation property leads to. */
  parent?: { entity: EntityName; nav: string; id: number };
  /** Only these ids. */
  ids?: readonly number[];
  filter?: Expr;
  /** The requested order; the id is added as the last key, so that every order is total. */
  orderBy: readonly OrderKey[];
  /** Continue after the row whose order keys had these values (from `keys` of an earlier page). */
  after?: readonly unknown[];
  limit: number;
  offset: number;
  /** Dataset ids the viewer may not read. */
  hidden: readonly string[];
}

export interface ListResult {
  rows: Row[];
  /** Each row's order keys, when the order allows continuing after them (plain non-null columns); else null. */
  keys: unknown[][] | null;
}

const ALIAS = 'e';

/** Runs a statement; a refusal the request's own values caused (a number out of range) is a 400. */
async function run<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    const refusal = queryRefusal(error);
    if (refusal) throw errors.staBadQuery(refusal.message);
    throw error;
  }
}
const ID_KEY: OrderKey = { expr: { kind: 'path', segments: ['id'], pos: 0 }, desc: false };

export function staRepo(db: Database) {
  const dialect: StaSqlDialect = db.adapter.name === 'sqlite' ? sqliteStaSql : postgresStaSql;
  const k = db.kysely;

  function context(entity: EntityName, hidden: readonly string[]): CompileContext {
    let n = 0;
    return { dialect, entity, alias: ALIAS, hidden, now: Date.now(), fresh: () => `a${++n}` };
  }

  /** Conditions every query of the list shares (not the keyset position). */
  function conditions(q: ListQuery, ctx: CompileContext): Sql[] {
    const out: Sql[] = [];
    if (q.parent) {
      const relation = RELATIONS[q.parent.entity][q.parent.nav];
      if (!relation?.many) throw new Error(`${q.parent.entity}/${q.parent.nav} is not a collection`);
      out.push(relation.link(ALIAS, dialect.number(q.parent.id)));
    }
    if (q.ids) {
      out.push(
        q.ids.length === 0
          ? sql`1 = 0`
          : sql`${sql.raw(`${ALIAS}.id`)} IN (${sql.join(q.ids.map((id) => dialect.number(id)))})`,
      );
    }
    const visible = visibleCondition(q.entity, ALIAS, q.hidden, dialect);
    if (visible) out.push(visible);
    if (q.filter) out.push(compileFilter(q.filter, ctx));
    return out;
  }

  function terms(q: ListQuery, ctx: CompileContext): OrderTerm[] {
    const keys = [...q.orderBy];
    const hasId = keys.some(
      (key) =>
        key.expr.kind === 'path' &&
        key.expr.segments.length === 1 &&
        ['id', '@iot.id'].includes(key.expr.segments[0]!),
    );
    if (!hasId) keys.push({ ...ID_KEY, desc: keys.at(-1)?.desc ?? false });
    return compileOrder(keys, ctx);
  }

  /** Rows after `values` in the order of `terms`. */
  function after(order: OrderTerm[], values: readonly unknown[]): Sql {
    if (
      values.length !== order.length ||
      values.some((v) => typeof v !== 'number' && typeof v !== 'string')
    ) {
      throw errors.staBadQuery('The $skiptoken does not fit this request; start again from the first page.');
    }
    const bound = values.map((v) => (typeof v === 'number' ? dialect.number(v) : dialect.text(v as string)));
    const op = (desc: boolean, strict: boolean) =>
      sql.raw(desc ? (strict ? '<' : '<=') : strict ? '>' : '>=');
    const first = sql`${order[0]!.sql} ${op(order[0]!.desc, false)} ${bound[0]!}`;
    if (order.every((t) => t.desc === order[0]!.desc)) {
      const row = sql`(${sql.join(order.map((t) => t.sql))}) ${op(order[0]!.desc, true)} (${sql.join(bound)})`;
      return sql`(${first} AND ${row})`;
    }
    const branches = order.map(
      (term, i) =>
        sql`(${sql.join(
          [
            ...order.slice(0, i).map((t, j) => sql`${t.sql} = ${bound[j]!}`),
            sql`${term.sql} ${op(term.desc, true)} ${bound[i]!}`,
          ],
          sql` AND `,
        )})`,
    );
    return sql`(${first} AND (${sql.join(branches, sql` OR `)}))`;
  }

  const where = (parts: Sql[]) => (parts.length === 0 ? sql`` : sql` WHERE ${sql.join(parts, sql` AND `)}`);

  return {
    dialect: dialect.name,

    /** The catalog datasets that Things belong to. */
    async datasetIds(): Promise<string[]> {
      const rows = await k
        .selectFrom('sensor_things')
        .select('dataset_id')
        .distinct()
        .where('dataset_id', 'is not', null)
        .execute();
      return rows.map((r) => r.dataset_id!);
    },

    async list(q: ListQuery): Promise<ListResult> {
      const ctx = context(q.entity, q.hidden);
      const parts = conditions(q, ctx);
      const order = terms(q, ctx);
      const keyset = order.every((t) => t.keyset);
      if (q.after) {
        if (!keyset)
          throw errors.staBadQuery(
            'The $skiptoken does not fit this request; start again from the first page.',
          );
        parts.push(after(order, q.after));
      }
      const keyColumns = order.map((t, i) => sql`${t.sql} AS ${sql.raw(`_k${i}`)}`);
      const orderBy = sql.join(
        order.map((t) => {
          const nulls = t.nullable ? (t.desc ? ' NULLS LAST' : ' NULLS FIRST') : '';
          return sql`${t.sql}${sql.raw(t.desc ? ' DESC' : ' ASC')}${sql.raw(nulls)}`;
        }),
      );
      const query = sql<Row>`SELECT ${selectList(q.entity, ALIAS)}, ${sql.join(keyColumns)} FROM ${fromClause(q.entity, ALIAS)}${where(parts)} ORDER BY ${orderBy}${dialect.limitOffset(q.limit, q.offset)}`;
      const { rows } = await run(query.execute(k));
      const keys = keyset ? rows.map((row) => order.map((_, i) => row[`_k${i}`])) : null;
      for (const row of rows) for (let i = 0; i < order.length; i++) delete row[`_k${i}`];
      return { rows, keys };
    },

    /** How many entities the query matches without its paging. */
    async count(q: Omit<ListQuery, 'after' | 'limit' | 'offset' | 'orderBy'>): Promise<number> {
      // Observations are counted from the datastreams' running totals when nothing filters them.
      if (
        q.entity === 'Observation' &&
        !q.filter &&
        !q.ids &&
        (!q.parent || q.parent.entity === 'Datastream')
      ) {
        const visible = visibleCondition('Observation', 'st', q.hidden, dialect);
        const parts = [
          ...(q.parent ? [sql`st.datastream_id = ${dialect.number(q.parent.id)}`] : []),
          ...(visible ? [visible] : []),
        ];
        const { rows } = await sql<{
          n: number | null;
        }>`SELECT sum(st.observations) AS n FROM sensor_datastream_state st${where(parts)}`.execute(k);
        return Number(rows[0]?.n ?? 0);
      }
      const ctx = context(q.entity, q.hidden);
      const parts = conditions({ ...q, orderBy: [], limit: 0, offset: 0 }, ctx);
      const table = sql.raw(`${ENTITY_SQL[q.entity].table} ${ALIAS}`);
      const { rows } = await run(
        sql<{ n: number }>`SELECT count(*) AS n FROM ${table}${where(parts)}`.execute(k),
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type StaRepo = ReturnType<typeof staRepo>;
