/**
 * Turns a parsed query into a checked plan: expands `*`, names the output columns, resolves aliases in
 * `$group`, `$having` and `$order`, and holds grouped queries to the rule both databases need (every output
 * is grouped or aggregated), so that SQLite never answers what PostgreSQL would refuse.
 */
import { searchTerms } from '../../db/search-index.js';
import type { Expr, Located, SoqlQuery, Span } from '../soql/ast.js';
import { soqlError } from '../soql/soql-error.js';
import { ExprChecker, type CheckContext, type ExprMode } from './check-expr.js';
import type { OrderKey, OutputColumn, QueryPlan, QuerySchema, TExpr } from './typed.js';

export interface PlanOptions {
  timeZone: string;
  /** Simple filters `?field=value`: equality, combined with `$where` by AND. */
  filters?: Readonly<Record<string, string>>;
}

const same = (a: TExpr, b: TExpr) => JSON.stringify(a) === JSON.stringify(b);

function hasAggregate(e: TExpr): boolean {
  if (e.k === 'aggregate') return true;
  return children(e).some(hasAggregate);
}

/** The sub-expressions of a node. */
export function children(e: TExpr): TExpr[] {
  switch (e.k) {
    case 'not':
    case 'negate':
    case 'isNull':
    case 'upper':
    case 'lower':
    case 'dateTrunc':
    case 'dateExtract':
      return [e.operand];
    case 'logic':
    case 'compare':
    case 'arith':
    case 'concat':
      return [e.left, e.right];
    case 'between':
      return [e.operand, e.low, e.high];
    case 'in':
      return [e.operand, ...e.list];
    case 'like':
      return [e.operand, e.pattern];
    case 'startsWith':
      return [e.operand, e.prefix];
    case 'case':
      return e.whens.flatMap((w) => [w.when, w.then]);
    case 'coalesce':
      return e.args;
    case 'aggregate':
      return e.arg ? [e.arg] : [];
    default:
      return [];
  }
}

/** The name Socrata would give an unaliased output: the column, or `fn_column` for a call on a column. */
function defaultName(expr: Expr, index: number): string {
  if (expr.kind === 'column') return expr.name;
  if (expr.kind === 'system') return `:${expr.name}`;
  if (expr.kind === 'call') {
    const first = expr.args[0];
    if (expr.name === 'count' && first?.kind === 'star') return 'count';
    if (first?.kind === 'column') return `${expr.name}_${first.name}`;
  }
  return `_${index + 1}`;
}

/** Builds the checked plan of a query over a dataset; throws positioned `query.*` errors. */
export function planQuery(query: SoqlQuery, schema: QuerySchema, options: PlanOptions): QueryPlan {
  const checker = (located: Located<unknown>, mode: ExprMode, aliases?: ReadonlyMap<string, TExpr>) => {
    const ctx: CheckContext = {
      schema,
      timeZone: options.timeZone,
      clause: located.clause,
      text: located.text,
      mode,
      ...(aliases && { aliases }),
    };
    return new ExprChecker(ctx);
  };
  const fail = (located: Located<unknown>, message: string, span?: Span): never => {
    throw soqlError('query.invalid', message, { clause: located.clause, text: located.text, span });
  };

  // $select
  const columns: OutputColumn[] = [];
  /** Where each output column was written in $select, for errors. */
  const spans: (Span | undefined)[] = [];
  const aliases = new Map<string, TExpr>();
  if (query.select) {
    const c = checker(query.select, 'aggregate');
    query.select.node.forEach((item, i) => {
      if (item.expr.kind === 'star') {
        if (item.alias) fail(query.select!, '"*" cannot have an alias', item.alias.span);
        for (const col of schema.columns) {
          columns.push({
            name: col.field,
            type: col.type,
            expr: { k: 'column', field: col.field, type: col.type },
          });
          spans.push(item.expr.span);
        }
        return;
      }
      spans.push(item.alias ? { start: item.expr.span.start, end: item.alias.span.end } : item.expr.span);
      const expr = c.check(item.expr);
      const name = item.alias?.name ?? defaultName(item.expr, i);
      if (item.alias) aliases.set(item.alias.name, expr);
      columns.push({ name, type: expr.type === 'null' ? 'text' : expr.type, expr });
    });
  } else {
    for (const col of schema.columns) {
      columns.push({
        name: col.field,
        type: col.type,
        expr: { k: 'column', field: col.field, type: col.type },
      });
    }
  }
  const seen = new Set<string>();
  for (const [i, column] of columns.entries()) {
    if (seen.has(column.name)) {
      fail(
        query.select!,
        `two output columns are named "${column.name}"; give one of them an alias with AS`,
        spans[i],
      );
    }
    seen.add(column.name);
  }

  let where = query.where ? checker(query.where, 'row').boolean(query.where.node) : null;
  for (const [field, value] of Object.entries(options.filters ?? {})) {
    // Checked as if written `field='value'`, so that errors point into that text.
    const text = `${field}=${value}`;
    const node: Expr = {
      kind: 'binary',
      op: '=',
      left: { kind: 'column', name: field, span: { start: 0, end: field.length } },
      right: { kind: 'string', value, span: { start: field.length + 1, end: text.length } },
      span: { start: 0, end: text.length },
    };
    const filter = checker({ clause: 'filter', text, node }, 'row').boolean(node);
    where = where ? { k: 'logic', op: 'and', left: where, right: filter, type: 'boolean' } : filter;
  }
  const group = query.group
    ? query.group.node.map((e) => {
        const checked = checker(query.group!, 'row', aliases).check(e);
        if (hasAggregate(checked)) fail(query.group!, 'cannot group by an aggregate', e.span);
        return checked;
      })
    : [];
  const having = query.having ? checker(query.having, 'aggregate', aliases).boolean(query.having.node) : null;
  const orderSpans = query.order ? query.order.node.map((item) => item.expr.span) : [];
  const order: OrderKey[] = query.order
    ? query.order.node.map((item) => {
        const expr = checker(query.order!, 'aggregate', aliases).check(item.expr);
        if (expr.type === 'point' || expr.type === 'geometry' || expr.type === 'boolean') {
          fail(query.order!, `cannot order by a ${expr.type} value`, item.expr.span);
        }
        return { expr, descending: item.descending, nullsFirst: item.nullsFirst ?? item.descending };
      })
    : [];

  const grouped =
    group.length > 0 ||
    columns.some((c) => hasAggregate(c.expr)) ||
    (having !== null && hasAggregate(having)) ||
    order.some((o) => hasAggregate(o.expr));
  if (having && !grouped)
    fail(query.having!, '$having filters groups: add $group or an aggregate to $select');

  if (grouped) {
    const inGroups = (e: TExpr): boolean =>
      e.k === 'aggregate' ||
      e.k === 'literal' ||
      group.some((g) => same(g, e)) ||
      (e.k !== 'column' && e.k !== 'rowid' && children(e).every(inGroups) && !isGeoOnColumn(e));
    for (const [i, column] of columns.entries()) {
      if (!inGroups(column.expr)) {
        fail(
          query.select ?? query.group ?? query.having!,
          `"${column.name}" is neither grouped nor aggregated: add it to $group or wrap it in an aggregate such as count() or max()`,
          query.select ? spans[i] : undefined,
        );
      }
    }
    if (having && !inGroups(having))
      fail(query.having!, '$having may use only grouped columns and aggregates');
    for (const key of order) {
      if (!inGroups(key.expr)) fail(query.order!, '$order may use only grouped columns and aggregates here');
    }
  }
  if (query.distinct) {
    for (const [i, key] of order.entries()) {
      if (!columns.some((c) => same(c.expr, key.expr))) {
        fail(query.order!, 'with DISTINCT, $order may use only the selected columns', orderSpans[i]);
      }
    }
  }
  return {
    columns,
    distinct: query.distinct,
    where,
    search: query.search ? searchTerms(query.search) : [],
    group,
    having,
    order,
    grouped,
    limit: query.limit,
    offset: query.offset ?? 0,
  };
}

/** Geo predicates name a column directly: in a grouped query that column must itself be grouped. */
function isGeoOnColumn(e: TExpr): boolean {
  return (
    e.k === 'withinBox' ||
    e.k === 'withinCircle' ||
    e.k === 'withinPolygon' ||
    e.k === 'intersects' ||
    e.k === 'distance'
  );
}
