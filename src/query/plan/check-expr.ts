/**
 * Types one expression of a query against the dataset's schema: resolves names, checks operand types, reads
 * constants as the type they meet, and refuses what SQL would get wrong or the two databases would answer
 * differently. Errors point at the offending part of the clause.
 */
import type { Clause, Expr, Span } from '../soql/ast.js';
import { soqlError, type QueryErrorCode } from '../soql/soql-error.js';
import { checkCall } from './functions.js';
import { coerceText, LiteralError } from './literals.js';
import type { QuerySchema, TExpr, ValueType } from './typed.js';

/** What a clause allows: aggregates in `$select`, `$having` and `$order`, never in `$where` or `$group`. */
export type ExprMode = 'row' | 'aggregate';

export interface CheckContext {
  schema: QuerySchema;
  timeZone: string;
  clause: Clause;
  text: string;
  mode: ExprMode;
  /** Select aliases usable by name (in `$group`, `$having`, `$order`). */
  aliases?: ReadonlyMap<string, TExpr>;
}

const ORDERED: ReadonlySet<ValueType> = new Set(['text', 'number', 'date', 'timestamp']);

export class ExprChecker {
  private insideAggregate = false;

  constructor(readonly ctx: CheckContext) {}

  fail(code: QueryErrorCode, message: string, span?: Span): never {
    throw soqlError(code, message, { clause: this.ctx.clause, text: this.ctx.text, span });
  }

  /** The text of a node as written, for messages. */
  source(span: Span): string {
    const text = this.ctx.text.slice(span.start, span.end);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  }

  check(expr: Expr): TExpr {
    switch (expr.kind) {
      case 'column':
        return this.column(expr.name, expr.span);
      case 'system':
        if (expr.name.toLowerCase() === 'id') return { k: 'rowid', type: 'number' };
        return this.fail(
          'query.unknown_column',
          `unknown system field ":${expr.name}"; the system field is :id (the row id)`,
          expr.span,
        );
      case 'string':
        return { k: 'literal', value: expr.value, type: 'text' };
      case 'number':
        return { k: 'literal', value: expr.value, type: 'number' };
      case 'boolean':
        return { k: 'literal', value: expr.value, type: 'boolean' };
      case 'null':
        return { k: 'literal', value: null, type: 'null' };
      case 'star':
        return this.fail('query.invalid', '"*" is allowed only in $select and in count(*)', expr.span);
      case 'unary':
        if (expr.op === 'not') return { k: 'not', operand: this.boolean(expr.operand), type: 'boolean' };
        if (expr.op === '+') return this.number(expr.operand);
        return { k: 'negate', operand: this.number(expr.operand), type: 'number' };
      case 'binary':
        return this.binary(expr);
      case 'isNull':
        return { k: 'isNull', operand: this.check(expr.operand), negated: expr.negated, type: 'boolean' };
      case 'between': {
        const operand = this.check(expr.operand);
        const [a, low] = this.unify(
          operand,
          this.check(expr.low),
          expr.operand.span,
          expr.low.span,
          expr.span,
        );
        const [b, high] = this.unify(a, this.check(expr.high), expr.operand.span, expr.high.span, expr.span);
        this.ordered(b, expr.span, 'BETWEEN');
        return { k: 'between', operand: b, low, high, negated: expr.negated, type: 'boolean' };
      }
      case 'in': {
        let operand = this.check(expr.operand);
        const list: TExpr[] = [];
        for (const item of expr.list) {
          const [o, v] = this.unify(operand, this.check(item), expr.operand.span, item.span, expr.span);
          operand = o;
          list.push(v);
        }
        this.comparable(operand, expr.span, 'IN');
        return { k: 'in', operand, list, negated: expr.negated, type: 'boolean' };
      }
      case 'like':
        return {
          k: 'like',
          operand: this.text(expr.operand),
          pattern: this.text(expr.pattern),
          negated: expr.negated,
          type: 'boolean',
        };
      case 'call':
        return checkCall(this, expr);
    }
  }

  /** Checks an aggregate's argument: no aggregate inside another. */
  aggregateArgument(expr: Expr, name: string, call: Span): TExpr {
    if (this.ctx.mode === 'row') {
      this.fail(
        'query.invalid',
        `${name}() is an aggregate: it belongs in $select, $having or $order, and filters on it in $having`,
        call,
      );
    }
    if (this.insideAggregate)
      this.fail('query.invalid', `${name}() cannot be nested in another aggregate`, call);
    this.insideAggregate = true;
    try {
      return this.check(expr);
    } finally {
      this.insideAggregate = false;
    }
  }

  boolean(expr: Expr): TExpr {
    return this.expect(expr, 'boolean');
  }

  number(expr: Expr): TExpr {
    return this.expect(expr, 'number');
  }

  text(expr: Expr): TExpr {
    const checked = this.check(expr);
    // A number written where text is meant (zip = 92683) is read as the text it was written as.
    if (checked.k === 'literal' && checked.type === 'number' && expr.kind === 'number') {
      return { k: 'literal', value: expr.text, type: 'text' };
    }
    return this.expectChecked(checked, 'text', expr.span);
  }

  expect(expr: Expr, type: ValueType): TExpr {
    return this.expectChecked(this.check(expr), type, expr.span);
  }

  expectChecked(checked: TExpr, type: ValueType, span: Span): TExpr {
    if (checked.type === type) return checked;
    if (checked.type === 'null') return { k: 'literal', value: null, type };
    if (checked.k === 'literal' && checked.type === 'text' && typeof checked.value === 'string') {
      return { k: 'literal', value: this.coerce(checked.value, type, span), type };
    }
    return this.fail(
      'query.type',
      `expected ${article(type)} value, found "${this.source(span)}" of type ${checked.type}`,
      span,
    );
  }

  /**
   * Brings two operands to one type, reading constants (also inside `case` and `coalesce`) as the other side's
   * type. Spans are the operands' own, for errors; `span` is the whole comparison.
   */
  unify(left: TExpr, right: TExpr, leftSpan: Span, rightSpan: Span, span: Span): [TExpr, TExpr] {
    if (left.type === right.type) return [left, right];
    const r = right.type === 'null' || !isConstantish(left) ? this.retype(right, left.type, rightSpan) : null;
    if (r) return [left, r];
    const l = this.retype(left, right.type, leftSpan);
    if (l) return [l, right];
    const temporal = ['date', 'timestamp'].includes(left.type) || ['date', 'timestamp'].includes(right.type);
    const hint = temporal
      ? "; write dates and times in quotes, as '2024-01-31' or '2024-01-31T08:00:00'"
      : '';
    return this.fail(
      'query.type',
      `cannot compare ${left.type} with ${right.type} ("${this.source(span)}")${hint}`,
      span,
    );
  }

  /**
   * The same expression read as `type` when it is made of constants that can be (a NULL, a quoted value, a
   * number compared with text, or `case`/`coalesce` of such); null when it cannot.
   */
  retype(e: TExpr, type: ValueType, span: Span): TExpr | null {
    if (e.type === type) return e;
    if (e.k === 'literal') {
      if (e.value === null) return { k: 'literal', value: null, type };
      if (typeof e.value === 'string' && e.type === 'text') {
        return { k: 'literal', value: this.coerce(e.value, type, span), type };
      }
      if (typeof e.value === 'number' && type === 'text') {
        // A number written where text is meant (zip = 92683) is the text it was written as.
        return {
          k: 'literal',
          value: this.source(span)
            .trim()
            .replace(/^\(+|\)+$/g, ''),
          type,
        };
      }
      return null;
    }
    if (e.k === 'case') {
      const whens: { when: TExpr; then: TExpr }[] = [];
      for (const w of e.whens) {
        const then = this.retype(w.then, type, span);
        if (!then) return null;
        whens.push({ when: w.when, then });
      }
      return { k: 'case', whens, type };
    }
    if (e.k === 'coalesce') {
      const args: TExpr[] = [];
      for (const a of e.args) {
        const arg = this.retype(a, type, span);
        if (!arg) return null;
        args.push(arg);
      }
      return { k: 'coalesce', args, type };
    }
    return null;
  }

  comparable(value: TExpr, span: Span, operator: string): void {
    if (value.type === 'point' || value.type === 'geometry') {
      this.fail(
        'query.type',
        `${operator} does not apply to geometry; use within_box, within_circle, within_polygon or intersects`,
        span,
      );
    }
  }

  ordered(value: TExpr, span: Span, operator: string): void {
    this.comparable(value, span, operator);
    if (!ORDERED.has(value.type) && value.type !== 'null') {
      this.fail(
        'query.type',
        `${operator} needs text, numbers, dates or timestamps, not ${value.type}`,
        span,
      );
    }
  }

  private coerce(text: string, type: ValueType, span: Span): string | number | boolean {
    if (type === 'point' || type === 'geometry') {
      this.fail('query.type', 'geometry values cannot be compared; use the geo functions', span);
    }
    try {
      return coerceText(text, type, this.ctx.timeZone);
    } catch (error) {
      if (error instanceof LiteralError) return this.fail('query.type', error.message, span);
      throw error;
    }
  }

  private column(name: string, span: Span): TExpr {
    const alias = this.ctx.aliases?.get(name);
    if (alias) return alias;
    const columns = this.ctx.schema.columns;
    const column =
      columns.find((c) => c.field === name) ??
      columns.find((c) => c.field.toLowerCase() === name.toLowerCase());
    if (column) return { k: 'column', field: column.field, type: column.type };
    const near = closest(
      name,
      columns.map((c) => c.field),
    );
    return this.fail(
      'query.unknown_column',
      `no column "${name}" in this dataset${near ? `; did you mean "${near}"?` : ''} (columns: ${columns
        .map((c) => c.field)
        .join(', ')})`,
      span,
    );
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): TExpr {
    switch (expr.op) {
      case 'and':
      case 'or':
        return {
          k: 'logic',
          op: expr.op,
          left: this.boolean(expr.left),
          right: this.boolean(expr.right),
          type: 'boolean',
        };
      case '||':
        return { k: 'concat', left: this.text(expr.left), right: this.text(expr.right), type: 'text' };
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
        return {
          k: 'arith',
          op: expr.op,
          left: this.number(expr.left),
          right: this.number(expr.right),
          type: 'number',
        };
      default: {
        const [left, right] = this.unify(
          this.check(expr.left),
          this.check(expr.right),
          expr.left.span,
          expr.right.span,
          expr.span,
        );
        if (expr.op === '=' || expr.op === '!=') this.comparable(left, expr.span, expr.op);
        else this.ordered(left, expr.span, expr.op);
        return { k: 'compare', op: expr.op, left, right, type: 'boolean' };
      }
    }
  }
}

/** Whether an expression is made only of constants (so that it, not the other side, should change type). */
function isConstantish(e: TExpr): boolean {
  if (e.k === 'literal') return true;
  if (e.k === 'case') return e.whens.every((w) => isConstantish(w.then));
  if (e.k === 'coalesce') return e.args.every(isConstantish);
  return false;
}

function article(type: ValueType): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The known name nearest to a misspelt one, when it is near enough to suggest. */
export function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 5) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
