/**
 * Property tests of the SoQL parser: no input makes it throw anything but a query error, and a random tree
 * printed as SoQL (with as few parentheses as precedence allows) parses back to the same tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { BinaryOperator, Clause, Expr } from './ast.js';
import {
  buildQuery,
  parseExpression,
  parseGroupList,
  parseOrderList,
  parseSelectList,
  parseStatement,
} from './parser.js';

/** A copy of a parse result without its spans, to compare shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'span')
      .map(([key, inner]) => [key, shape(inner)]),
  );
}

describe('properties', () => {
  const soup = fc
    .array(
      fc.constantFrom(
        ...['a', 'x1', '`b c`', ':id', '1', '.5', '2e3', "'s'", "'it''s'", '"d"', "'", '"', '`', ':'],
        ...['(', ')', ',', '*', '=', '!=', '<>', '<', '>=', '||', '+', '-', '/', '%', '--', ';', ' ', '\n'],
        ...['and', 'OR', 'not', 'is', 'null', 'between', 'in', 'like', 'true', 'count', 'distinct', 'as'],
        ...['select', 'where', 'group', 'by', 'having', 'order', 'asc', 'desc', 'nulls', 'first', 'search'],
        ...['limit', 'offset', 'from'],
      ),
      { maxLength: 25 },
    )
    .map((parts) => parts.join(' '));
  const input = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), soup);

  const entries: [Clause, (text: string) => unknown][] = [
    ['$where', (text) => parseExpression(text, '$where')],
    ['$select', parseSelectList],
    ['$order', parseOrderList],
    ['$group', parseGroupList],
    ['$query', parseStatement],
  ];

  it('never throws anything but a query error that points into the text', () => {
    fc.assert(
      fc.property(input, (text) => {
        for (const [clause, parse] of entries) {
          try {
            parse(text);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            const { code, message, details } = error as AppError;
            expect(code).toMatch(/^query\.(syntax|invalid)$/);
            expect(message.startsWith(`${clause}, column `)).toBe(true);
            expect(details?.position).toBeGreaterThanOrEqual(1);
            expect(details?.position).toBeLessThanOrEqual(text.length + 1);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws anything but a query error from buildQuery', () => {
    const params = fc.record(
      { select: input, where: input, order: input, q: input, limit: input, offset: input, query: input },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(params, (given) => {
        try {
          buildQuery(given);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toMatch(/^query\./);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parses a printed tree back to the same tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        const text = print(expr);
        expect(shape(parseExpression(text, '$where'))).toEqual(shape(expr));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every parsed node a span whose text parses to the same node', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        const text = print(expr);
        const parsed = parseExpression(text, '$where');
        const sub = subexpressions(parsed).filter((e) => e.kind !== 'star');
        for (const node of sub) {
          const reparsed = parseExpression(text.slice(node.span.start, node.span.end), '$where');
          expect(shape(reparsed)).toEqual(shape(node));
        }
      }),
      { numRuns: 200 },
    );
  });
});

// --- A random tree generator and a printer with as few parentheses as precedence allows. ---

const RESERVED = new Set(
  'and or not is null true false between in like as distinct select from where group by having order search limit offset'.split(
    ' ',
  ),
);
const span = { start: 0, end: 0 };
const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/).filter((w) => !RESERVED.has(w));
const name = fc.oneof(
  word,
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/),
  fc.string({ minLength: 1, maxLength: 6 }),
);
const numberText = fc.oneof(
  fc.nat().map(String),
  fc.tuple(fc.nat(999), fc.stringMatching(/^[0-9]{1,3}$/)).map(([i, f]) => `${i}.${f}`),
  fc.tuple(fc.nat(99), fc.integer({ min: -20, max: 20 })).map(([i, e]) => `${i}e${e}`),
  fc.stringMatching(/^[0-9]{1,3}$/).map((f) => `.${f}`),
);
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  name.map((n): Expr => ({ kind: 'column', name: n, span })),
  word.map((n): Expr => ({ kind: 'system', name: n, span })),
  fc.string({ maxLength: 8 }).map((value): Expr => ({ kind: 'string', value, span })),
  fc.tuple(numberText, fc.boolean()).map(([text, negative]): Expr => {
    const written = negative ? `-${text}` : text;
    return { kind: 'number', value: Number(written), text: written, span };
  }),
  fc.boolean().map((value): Expr => ({ kind: 'boolean', value, span })),
  fc.constant<Expr>({ kind: 'null', span }),
);
const { expr: exprArbitrary } = fc.letrec<{ expr: Expr }>((tie) => {
  const sub = tie('expr');
  const ops: BinaryOperator[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '||', '+', '-', '*', '/', '%'];
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom<'-' | '+' | 'not'>('-', '+', 'not'), sub)
        .map(([op, operand]): Expr => ({ kind: 'unary', op, operand, span })),
      fc
        .tuple(fc.constantFrom(...ops), sub, sub)
        .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, span })),
      fc
        .tuple(sub, fc.boolean())
        .map(([operand, negated]): Expr => ({ kind: 'isNull', operand, negated, span })),
      fc.tuple(sub, sub, sub, fc.boolean()).map(([operand, low, high, negated]): Expr => ({
        kind: 'between',
        operand,
        low,
        high,
        negated,
        span,
      })),
      fc
        .tuple(sub, fc.array(sub, { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([operand, list, negated]): Expr => ({ kind: 'in', operand, list, negated, span })),
      fc
        .tuple(sub, sub, fc.boolean())
        .map(([operand, pattern, negated]): Expr => ({ kind: 'like', operand, pattern, negated, span })),
      fc.tuple(word, fc.array(sub, { maxLength: 3 }), fc.boolean()).map(([fn, args, distinct]): Expr => ({
        kind: 'call',
        name: fn,
        args,
        distinct: distinct && args.length > 0,
        span,
      })),
      fc.tuple(fc.constantFrom('count', 'f'), fc.boolean()).map(([fn, distinct]): Expr => ({
        kind: 'call',
        name: fn,
        args: [{ kind: 'star', span }],
        distinct,
        span,
      })),
    ),
  };
});

const LEVEL: Record<BinaryOperator, number> = {
  or: 1,
  and: 2,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '||': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
};

function level(expr: Expr): number {
  switch (expr.kind) {
    case 'binary':
      return LEVEL[expr.op];
    case 'unary':
      return expr.op === 'not' ? 3 : 8;
    case 'isNull':
    case 'between':
    case 'in':
    case 'like':
      return 4;
    default:
      return 9;
  }
}

/** Prints `expr` as SoQL, in parentheses when its level is below `min`. */
function print(expr: Expr, min = 0): string {
  const text = printBare(expr);
  return level(expr) < min ? `(${text})` : text;
}

function printBare(expr: Expr): string {
  const not = (negated: boolean) => (negated ? 'NOT ' : '');
  switch (expr.kind) {
    case 'column':
      return /^[A-Za-z_][A-Za-z0-9_]*$/.test(expr.name) && !RESERVED.has(expr.name.toLowerCase())
        ? expr.name
        : `\`${expr.name.replaceAll('`', '``')}\``;
    case 'system':
      return `:${expr.name}`;
    case 'string':
      return `'${expr.value.replaceAll("'", "''")}'`;
    case 'number':
      return expr.text;
    case 'boolean':
      return expr.value ? 'TRUE' : 'false';
    case 'null':
      return 'NULL';
    case 'star':
      return '*';
    case 'unary':
      if (expr.op === 'not') return `NOT ${print(expr.operand, 3)}`;
      // A number right after a minus would fold into a literal: keep it apart.
      return `${expr.op} ${expr.operand.kind === 'number' ? `(${expr.operand.text})` : print(expr.operand, 8)}`;
    case 'binary': {
      const at = LEVEL[expr.op];
      const right = at === 4 ? 5 : at + 1;
      return `${print(expr.left, at === 4 ? 5 : at)} ${expr.op.toUpperCase()} ${print(expr.right, right)}`;
    }
    case 'isNull':
      return `${print(expr.operand, 5)} IS ${not(expr.negated)}NULL`;
    case 'between':
      return `${print(expr.operand, 5)} ${not(expr.negated)}BETWEEN ${print(expr.low, 5)} AND ${print(expr.high, 5)}`;
    case 'in':
      return `${print(expr.operand, 5)} ${not(expr.negated)}IN (${expr.list.map((e) => print(e)).join(', ')})`;
    case 'like':
      return `${print(expr.operand, 5)} ${not(expr.negated)}LIKE ${print(expr.pattern, 5)}`;
    case 'call':
      return `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${expr.args.map((e) => print(e)).join(', ')})`;
  }
}

function subexpressions(expr: Expr): Expr[] {
  const children: Expr[] = [];
  switch (expr.kind) {
    case 'unary':
      children.push(expr.operand);
      break;
    case 'binary':
      children.push(expr.left, expr.right);
      break;
    case 'isNull':
      children.push(expr.operand);
      break;
    case 'between':
      children.push(expr.operand, expr.low, expr.high);
      break;
    case 'in':
      children.push(expr.operand, ...expr.list);
      break;
    case 'like':
      children.push(expr.operand, expr.pattern);
      break;
    case 'call':
      children.push(...expr.args);
      break;
    default:
      break;
  }
  return [expr, ...children.flatMap(subexpressions)];
}
