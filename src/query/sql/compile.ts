/**
 * Writes the SQL of a checked query plan for one database. Every value from the request goes through
 * `Params`; identifiers are the dataset's safe field names, quoted. The statement reads one dataset table.
 */
import type { RawQuery } from '../../db/dialect.js';
import type { OrderKey, QueryPlan, TExpr } from '../plan/typed.js';
import { circleBox } from '../../geo/sphere.js';
import type { Params, QuerySqlDialect } from './sql-dialect.js';

/** The physical table behind a dataset and its text columns (for `$q`). */
export interface TableRef {
  table: string;
  textColumns: string[];
  /** Whether the table's search indexes are complete; without them conditions read the table directly. */
  indexed?: boolean;
}

/** A page to read: keyset (`afterId`, by row id) or offset. */
export interface PageRequest {
  limit: number | null;
  offset: number;
  afterId?: number | null;
}

/** How many SQL columns each output column takes (extent takes four: its box). */
export function sqlWidth(expr: TExpr): number {
  return expr.k === 'aggregate' && expr.fn === 'extent' ? 4 : 1;
}

const BBOX = ['_minx', '_miny', '_maxx', '_maxy'] as const;

/** Compiles expressions of one statement; a new instance per statement (parameters are numbered in order). */
class ExprWriter {
  /**
   * Outside WHERE in a grouped query, AND/OR are written so that the database keeps them whole: PostgreSQL
   * flattens `(a AND b) AND c` into one AND, and would then no longer find a grouped `(a AND b)` in SELECT.
   */
  opaqueLogic = false;

  constructor(
    private readonly d: QuerySqlDialect,
    private readonly table: TableRef,
    readonly params: Params,
  ) {}

  private logic(sql: string): string {
    return this.opaqueLogic ? this.d.opaque(sql) : sql;
  }

  private q(name: string): string {
    return this.d.quote(name);
  }

  /** One or more SQL expressions for an output column. */
  output(e: TExpr): string[] {
    if (e.k === 'aggregate' && e.fn === 'extent') {
      return [
        `min(${this.q(BBOX[0])})`,
        `min(${this.q(BBOX[1])})`,
        `max(${this.q(BBOX[2])})`,
        `max(${this.q(BBOX[3])})`,
      ];
    }
    return [this.expr(e)];
  }

  /** An operand compared or ordered: the dialect's comparable form of its type. */
  comparable(e: TExpr): string {
    return this.d.comparable(this.expr(e), e.type);
  }

  expr(e: TExpr): string {
    const d = this.d;
    switch (e.k) {
      case 'column':
        return this.q(e.field);
      case 'rowid':
        return d.rowId;
      case 'literal':
        return e.value === null ? d.nullOf(e.type) : this.params.add(e.value, e.type);
      case 'not':
        return `(NOT ${this.expr(e.operand)})`;
      case 'negate':
        return `(- ${this.expr(e.operand)})`;
      case 'logic':
        return this.logic(`(${this.expr(e.left)} ${e.op === 'and' ? 'AND' : 'OR'} ${this.expr(e.right)})`);
      case 'compare': {
        const op = e.op === '!=' ? '<>' : e.op;
        return `(${this.comparable(e.left)} ${op} ${this.comparable(e.right)})`;
      }
      case 'arith': {
        const left = this.expr(e.left);
        const right = this.expr(e.right);
        if (e.op === '/') return d.divide(left, right);
        if (e.op === '%') return d.remainder(left, right);
        return `(${left} ${e.op} ${right})`;
      }
      case 'concat':
        return `(${this.expr(e.left)} || ${this.expr(e.right)})`;
      case 'isNull':
        return `(${this.expr(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
      case 'between':
        return `(${this.comparable(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${this.comparable(e.low)} AND ${this.comparable(e.high)})`;
      case 'in':
        return `(${this.comparable(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((v) => this.comparable(v)).join(', ')}))`;
      case 'like': {
        const literal =
          e.pattern.k === 'literal' && typeof e.pattern.value === 'string' ? e.pattern.value : null;
        return d.like(
          this.expr(e.operand),
          literal === null ? this.expr(e.pattern) : '',
          e.negated,
          literal,
          this.params,
        );
      }
      case 'upper':
        return d.upper(this.expr(e.operand));
      case 'lower':
        return d.lower(this.expr(e.operand));
      case 'startsWith':
        return d.startsWith(this.expr(e.operand), this.expr(e.prefix));
      case 'case':
        return `(CASE ${e.whens.map((w) => `WHEN ${this.expr(w.when)} THEN ${this.expr(w.then)}`).join(' ')} END)`;
      case 'coalesce':
        return `coalesce(${e.args.map((a) => this.expr(a)).join(', ')})`;
      case 'dateTrunc':
        return d.dateTrunc(e.unit, this.expr(e.operand), e.operand.type as 'date' | 'timestamp', this.params);
      case 'dateExtract':
        return d.dateExtract(
          e.part,
          this.expr(e.operand),
          e.operand.type as 'date' | 'timestamp',
          this.params,
        );
      case 'withinBox': {
        const [w, s, east, n] = e.box;
        const prefilter = d.spatialPrefilter(
          this.table.table,
          e.box,
          this.params,
          this.table.indexed ?? true,
        );
        if (e.point) {
          const p = (v: number) => this.params.add(v, 'number');
          const exact = `(${this.q('_minx')} BETWEEN ${p(w)} AND ${p(east)} AND ${this.q('_miny')} BETWEEN ${p(s)} AND ${p(n)})`;
          return this.geo(prefilter, exact);
        }
        const polygon = {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [east, s],
              [east, n],
              [w, n],
              [w, s],
            ],
          ],
        };
        return this.geo(
          prefilter,
          `plaza_intersects(${this.q(e.field)}, ${this.params.add(JSON.stringify(polygon), 'text')})`,
        );
      }
      case 'withinCircle': {
        const box = circleBox(e.lat, e.lon, e.radius);
        const prefilter = d.spatialPrefilter(this.table.table, box, this.params, this.table.indexed ?? true);
        const exact = `(plaza_distance(${this.q('_minx')}, ${this.q('_miny')}, ${this.params.add(e.lon, 'number')}, ${this.params.add(e.lat, 'number')}) <= ${this.params.add(e.radius, 'number')})`;
        return this.geo(prefilter, exact);
      }
      case 'withinPolygon':
        return this.geo(
          d.spatialPrefilter(this.table.table, e.area.bbox, this.params, this.table.indexed ?? true),
          `plaza_within(${this.q(e.field)}, ${this.params.add(JSON.stringify(e.area.geometry), 'text')})`,
        );
      case 'intersects':
        return this.geo(
          d.spatialPrefilter(this.table.table, e.shape.bbox, this.params, this.table.indexed ?? true),
          `plaza_intersects(${this.q(e.field)}, ${this.params.add(JSON.stringify(e.shape.geometry), 'text')})`,
        );
      case 'distance':
        return `plaza_distance(${this.q('_minx')}, ${this.q('_miny')}, ${this.params.add(e.lon, 'number')}, ${this.params.add(e.lat, 'number')})`;
      case 'aggregate': {
        if (e.fn === 'count') return d.count(e.arg ? this.expr(e.arg) : null, e.distinct);
        if (e.fn === 'convex_hull') return `plaza_hull(${this.expr(e.arg!)})`;
        if (e.fn === 'min' || e.fn === 'max') {
          return d.plain(`${e.fn}(${this.comparable(e.arg!)})`, e.type);
        }
        return `${e.fn}(${this.expr(e.arg!)})`;
      }
    }
  }

  /**
   * A geo predicate: the index condition and the exact test. Never null: a row without geometry is simply
   * not in the area, on both databases, also under NOT.
   */
  private geo(prefilter: string, exact: string): string {
    return this.logic(`(${prefilter} AND coalesce(${exact}, 1 = 0))`);
  }

  orderKey(key: OrderKey): string {
    return `${this.comparable(key.expr)} ${key.descending ? 'DESC' : 'ASC'} ${this.d.nulls(key.nullsFirst)}`;
  }
}

/** A compiled query: statements for pages and for the total, built fresh each time (parameters in order). */
export interface CompiledQuery {
  /** SQL columns per output column, in order; the row id follows when `keyset`. */
  widths: number[];
  /** Rows are in row-id order with the row id last: pages can continue after an id. */
  keyset: boolean;
  page(request: PageRequest): RawQuery;
  count(): RawQuery;
  /**
   * When the database can print the result as CSV itself (rows in row order, every column printable): a
   * statement answering `[CSV lines as one BLOB, last row id, rows]` for `rows` rows after `afterId`.
   */
  csvBatch: ((afterId: number | null, rows: number, offset: number) => RawQuery) | null;
}

/** Compiles a plan against a dataset table. */
export function compileQuery(plan: QueryPlan, table: TableRef, d: QuerySqlDialect): CompiledQuery {
  const keyset = !plan.grouped && !plan.distinct && plan.order.length === 0;
  const rowOrdered = !plan.grouped && !plan.distinct;

  function body(
    w: ExprWriter,
    afterId: number | null | undefined,
    forCount: boolean,
    csv: ((w: ExprWriter) => string[]) | null = null,
  ): string {
    w.opaqueLogic = plan.grouped;
    let select = csv
      ? csv(w)
      : forCount && !plan.distinct && !plan.grouped
        ? ['1']
        : plan.columns.flatMap((c) => w.output(c.expr));
    // DISTINCT rows are ordered outside (PostgreSQL orders them only by selected expressions, as written).
    if (plan.distinct) select = select.map((sql, i) => `${sql} AS c${i}`);
    if (keyset && !forCount && !csv) select.push(d.rowId);
    const where: string[] = [];
    // WHERE stays plain, so that the spatial index serves its conditions.
    w.opaqueLogic = false;
    if (plan.where) where.push(w.expr(plan.where));
    w.opaqueLogic = plan.grouped;
    if (plan.search.length > 0)
      where.push(d.fullText(table.table, table.textColumns, plan.search, w.params, table.indexed ?? true));
    if (afterId !== null && afterId !== undefined)
      where.push(`${d.rowId} > ${w.params.add(afterId, 'number')}`);
    let sql = `SELECT ${plan.distinct ? 'DISTINCT ' : ''}${select.join(', ')} FROM ${d.quote(table.table)}`;
    if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
    if (plan.group.length > 0) sql += ` GROUP BY ${plan.group.map((g) => w.expr(g)).join(', ')}`;
    if (plan.having) sql += ` HAVING ${w.expr(plan.having)}`;
    return sql;
  }

  function orderBy(w: ExprWriter): string {
    const keys = plan.order.map((k) => w.orderKey(k));
    // Ties are broken the same way on both databases: by row id, by the groups, or by the selected values.
    if (rowOrdered) keys.push(`${d.rowId} ASC`);
    else if (plan.group.length > 0) {
      for (const g of plan.group) keys.push(w.orderKey({ expr: g, descending: false, nullsFirst: false }));
    }
    return keys.length > 0 ? ` ORDER BY ${keys.join(', ')}` : '';
  }

  /** ORDER BY of the outer query around a DISTINCT: the columns by their names `c<i>`, asked keys first. */
  function distinctOrderBy(): string {
    const keys: string[] = [];
    // SQL column of each output (an extent takes four).
    const sqlIndex: number[] = [];
    plan.columns.reduce((at, c) => (sqlIndex.push(at), at + sqlWidth(c.expr)), 0);
    const key = (i: number, descending: boolean, nullsFirst: boolean) => {
      const column = plan.columns[i]!;
      keys.push(
        `${d.comparable(`c${sqlIndex[i]!}`, column.type)} ${descending ? 'DESC' : 'ASC'} ${d.nulls(nullsFirst)}`,
      );
    };
    const same = (a: TExpr, b: TExpr) => JSON.stringify(a) === JSON.stringify(b);
    for (const k of plan.order)
      key(
        plan.columns.findIndex((c) => same(c.expr, k.expr)),
        k.descending,
        k.nullsFirst,
      );
    plan.columns.forEach((c, i) => {
      if (sqlWidth(c.expr) === 1) key(i, false, false);
    });
    return keys.length > 0 ? ` ORDER BY ${keys.join(', ')}` : '';
  }

  // CSV lines built by the database: every output column must be printable there.
  const printable =
    keyset &&
    d.csvField !== undefined &&
    d.csvLine !== undefined &&
    plan.columns.every((c) => sqlWidth(c.expr) === 1 && (c.type !== 'point' || c.expr.k === 'column'));
  const csvLine = (w: ExprWriter): string[] | null => {
    const fields: string[] = [];
    for (const c of plan.columns) {
      const point = c.type === 'point' ? ([d.quote('_minx'), d.quote('_miny')] as const) : null;
      const field = d.csvField!(w.expr(c.expr), c.type, point);
      if (field === null) return null;
      fields.push(field);
    }
    return [`${d.csvLine!(fields)} AS line`, `${d.rowId} AS rid`];
  };
  const csvBatch =
    printable && csvLine(new ExprWriter(d, table, d.params())) !== null
      ? (afterId: number | null, rows: number, offset: number): RawQuery => {
          const w = new ExprWriter(d, table, d.params());
          const inner =
            body(w, afterId, false, (writer) => csvLine(writer)!) +
            ` ORDER BY ${d.rowId}` +
            d.limitOffset(rows, offset, w.params);
          return {
            sql: `SELECT CAST(string_agg(line, char(13, 10) ORDER BY rid) || char(13, 10) AS BLOB), max(rid), count(*) FROM (${inner})`,
            params: w.params.values,
          };
        }
      : null;

  return {
    csvBatch,
    widths: plan.columns.map((c) => sqlWidth(c.expr)),
    keyset,
    page(request) {
      const w = new ExprWriter(d, table, d.params());
      let sql = plan.distinct
        ? `SELECT * FROM (${body(w, null, false)}) q${distinctOrderBy()}`
        : body(w, request.afterId, false) + orderBy(w);
      sql += d.limitOffset(request.limit, request.offset, w.params);
      return { sql, params: w.params.values };
    },
    count() {
      const w = new ExprWriter(d, table, d.params());
      return { sql: `SELECT count(*) FROM (${body(w, null, true)}) q`, params: w.params.values };
    },
  };
}
