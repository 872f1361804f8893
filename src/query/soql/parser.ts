/**
 * The SoQL parser: reads each `$` parameter (`$select`, `$where`, `$order`...) or a whole `$query` statement
 * into the syntax tree of `ast.ts`. It checks only the syntax: names, functions and types are the type
 * checker's business. Every error is a `query.syntax` or `query.invalid` AppError pointing into the text.
 */
import type { Clause, Expr, Located, OrderItem, SelectItem, SoqlQuery } from './ast.js';
import { describe, ExpressionParser, quote, RESERVED_WORDS } from './expression-parser.js';
import { soqlError } from './soql-error.js';

/** Parses a boolean condition such as a `$where` or `$having` parameter. */
export function parseExpression(text: string, clause: Clause): Expr {
  return parseWhole(text, clause, (parser) => {
    const expr = parser.parseExpression();
    expectEnd(parser, `an operator or the end of ${clause}`);
    return expr;
  });
}

/** Parses `$select`: an optional leading `DISTINCT`, then `*` or `expr [AS alias]` items. */
export function parseSelectList(text: string): { items: SelectItem[]; distinct: boolean } {
  return parseWhole(text, '$select', selectList);
}

function selectList(parser: ExpressionParser): { items: SelectItem[]; distinct: boolean } {
  const distinct = parser.acceptWord('distinct') !== undefined;
  const items = selectItems(parser);
  const token = parser.peek();
  const parameter = token.kind === 'identifier' ? SEPARATE_CLAUSES[token.value.toLowerCase()] : undefined;
  if (parser.isWord('from')) {
    parser.fail(
      `unexpected "FROM": $select takes only the list of columns; the dataset is given by the address`,
    );
  } else if (parameter) {
    parser.fail(
      `unexpected ${quote(parser.peek())}: $select takes only the list of columns; use the ${parameter} parameter`,
    );
  }
  expectEnd(parser, '"," or the end of $select');
  return { items, distinct };
}

/** Parses `$order`: `expr [ASC|DESC] [NULL FIRST|NULL LAST|NULLS FIRST|NULLS LAST]`, comma-separated. */
export function parseOrderList(text: string): OrderItem[] {
  return parseWhole(text, '$order', (parser) => {
    const items = orderItems(parser);
    expectEnd(parser, 'ASC, DESC, NULL FIRST, NULL LAST, "," or the end of $order');
    return items;
  });
}

/** Parses `$group`: comma-separated expressions. */
export function parseGroupList(text: string): Expr[] {
  return parseWhole(text, '$group', (parser) => {
    const items = groupItems(parser);
    expectEnd(parser, '"," or the end of $group');
    return items;
  });
}

/**
 * Parses the whole of `text` with `parse`. The nesting limits keep the recursion far below the default stack
 * size; should the stack still run out (a caller already deep in it), the input is refused like too deep a one.
 */
function parseWhole<T>(text: string, clause: Clause, parse: (parser: ExpressionParser) => T): T {
  try {
    return parse(new ExpressionParser(text, clause));
  } catch (error) {
    if (error instanceof RangeError)
      throw soqlError('query.invalid', 'query nests too deeply', { clause, text });
    throw error;
  }
}

/** The clauses of a `$query` statement, in the only order they may appear. */
const STATEMENT_CLAUSES = ['SELECT', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'SEARCH', 'LIMIT', 'OFFSET'];

/** For a clause keyword misplaced in `$select`, the parameter that takes it. */
const SEPARATE_CLAUSES: Record<string, string | undefined> = {
  where: '$where',
  group: '$group',
  having: '$having',
  order: '$order',
  search: '$q',
  limit: '$limit',
  offset: '$offset',
};

/**
 * Parses a whole `$query` statement: `SELECT [DISTINCT] list [WHERE expr] [GROUP BY list] [HAVING expr]
 * [ORDER BY list] [SEARCH 'text'] [LIMIT n] [OFFSET n]`, each clause optional and at most once, in this
 * order. The parts are located in clause `$query` with the whole statement as text.
 */
export function parseStatement(text: string): SoqlQuery {
  return parseWhole(text, '$query', statement);
}

function statement(parser: ExpressionParser): SoqlQuery {
  const query = emptyQuery();
  const located = <T>(node: T): Located<T> => ({ clause: '$query', text: parser.text, node });
  let last = -1;
  while (!parser.atEnd()) {
    const keyword = parser.peek();
    const name = clauseAt(parser);
    if (name < 0) unexpectedInStatement(parser, last);
    const clause = STATEMENT_CLAUSES[name] as string;
    if (name === last) parser.fail(`${clause} appears twice; each clause may appear only once`);
    if (name < last) {
      parser.fail(
        `${clause} must come before ${STATEMENT_CLAUSES[last]}: the clauses go in the order ${STATEMENT_CLAUSES.join(', ')}`,
      );
    }
    last = name;
    parser.next();
    if (clause.endsWith(' BY') && !parser.acceptWord('by')) {
      parser.fail(`expected BY after ${quote(keyword)}, found ${describe(parser.peek())}`);
    }
    switch (clause) {
      case 'SELECT':
        query.distinct = parser.acceptWord('distinct') !== undefined;
        query.select = located(selectItems(parser));
        break;
      case 'WHERE':
        query.where = located(parser.parseExpression());
        break;
      case 'GROUP BY':
        query.group = located(groupItems(parser));
        break;
      case 'HAVING':
        query.having = located(parser.parseExpression());
        break;
      case 'ORDER BY':
        query.order = located(orderItems(parser));
        break;
      case 'SEARCH': {
        const terms = parser.peek();
        if (terms.kind !== 'string') {
          parser.fail(`expected a quoted string after "SEARCH", found ${describe(terms)}`);
        }
        query.search = parser.next().value;
        break;
      }
      default:
        query[clause === 'LIMIT' ? 'limit' : 'offset'] = wholeNumber(parser, clause);
    }
  }
  return query;
}

/** The names of the separate parameters, without their `$`. */
const PARAMETERS = ['select', 'where', 'order', 'group', 'having', 'q', 'limit', 'offset'] as const;

/** The raw `$` parameters of a request, without their `$`; empty or blank values count as absent. */
export type QueryParams = { [K in (typeof PARAMETERS)[number] | 'query']?: string | undefined };

/**
 * Combines the `$` parameters of a request into one query: either a whole `$query` statement or the
 * separate `$select`, `$where`, `$order`, `$group`, `$having`, `$q`, `$limit` and `$offset`, never both.
 */
export function buildQuery(params: QueryParams): SoqlQuery {
  const given = (name: keyof QueryParams): string | undefined => {
    const value = params[name];
    return value !== undefined && value.trim() !== '' ? value : undefined;
  };
  const whole = given('query');
  if (whole !== undefined) {
    const others = PARAMETERS.filter((name) => given(name) !== undefined).map((name) => `$${name}`);
    if (others.length > 0) {
      throw soqlError(
        'query.invalid',
        `$query cannot be combined with ${others.join(', ')}: put the whole query in the $query statement, or use only the separate parameters`,
        { clause: '$query', text: whole },
      );
    }
    return parseStatement(whole);
  }
  const query = emptyQuery();
  const select = given('select');
  if (select !== undefined) {
    const { items, distinct } = parseSelectList(select);
    query.select = { clause: '$select', text: select, node: items };
    query.distinct = distinct;
  }
  const where = given('where');
  if (where !== undefined) {
    query.where = { clause: '$where', text: where, node: parseExpression(where, '$where') };
  }
  const group = given('group');
  if (group !== undefined) query.group = { clause: '$group', text: group, node: parseGroupList(group) };
  const having = given('having');
  if (having !== undefined) {
    query.having = { clause: '$having', text: having, node: parseExpression(having, '$having') };
  }
  const order = given('order');
  if (order !== undefined) query.order = { clause: '$order', text: order, node: parseOrderList(order) };
  query.search = given('q')?.trim() ?? null;
  query.limit = parameterNumber(given('limit'), '$limit');
  query.offset = parameterNumber(given('offset'), '$offset');
  return query;
}

function emptyQuery(): SoqlQuery {
  return {
    select: null,
    distinct: false,
    where: null,
    group: null,
    having: null,
    order: null,
    search: null,
    limit: null,
    offset: null,
  };
}

function selectItems(parser: ExpressionParser): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    const star = parser.acceptOperator('*');
    if (star) {
      items.push({ expr: { kind: 'star', span: star.span }, alias: null });
      continue;
    }
    const expr = parser.parseExpression();
    const as = parser.acceptWord('as');
    const next = parser.peek();
    const name =
      next.kind === 'quoted' || (next.kind === 'identifier' && !RESERVED_WORDS.has(next.value.toLowerCase()));
    if (!as && name) {
      parser.fail(
        `unexpected ${quote(next)}: to name a column, write AS before the name, as in "expr AS ${next.text}"`,
      );
    }
    items.push({ expr, alias: as ? parser.parseName(as) : null });
  } while (parser.acceptOperator(','));
  return items;
}

function orderItems(parser: ExpressionParser): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = parser.parseExpression();
    const descending = parser.acceptWord('asc') ? false : parser.acceptWord('desc') !== undefined;
    let nullsFirst: boolean | null = null;
    const nulls = parser.acceptWord('null') ?? parser.acceptWord('nulls');
    if (nulls) {
      if (parser.acceptWord('first')) nullsFirst = true;
      else if (parser.acceptWord('last')) nullsFirst = false;
      else parser.fail(`expected FIRST or LAST after ${quote(nulls)}, found ${describe(parser.peek())}`);
    }
    items.push({ expr, descending, nullsFirst });
  } while (parser.acceptOperator(','));
  return items;
}

function groupItems(parser: ExpressionParser): Expr[] {
  const items: Expr[] = [];
  do items.push(parser.parseExpression());
  while (parser.acceptOperator(','));
  return items;
}

/** LIMIT and OFFSET in a statement: a non-negative integer literal. */
function wholeNumber(parser: ExpressionParser, clause: string): number {
  const token = parser.peek();
  if (token.kind === 'end' || clauseAt(parser) >= 0)
    parser.fail(`expected a number after "${clause}", found ${describe(token)}`);
  const value = token.kind === 'number' && /^\d+$/.test(token.text) ? Number(token.text) : NaN;
  if (!Number.isSafeInteger(value)) {
    const negative = token.text === '-' && parser.peek(1).kind === 'number';
    const found = negative ? `"-${parser.peek(1).text}"` : describe(token);
    parser.invalid(`${clause} takes a whole number of 0 or more, found ${found}`);
  }
  parser.next();
  return value;
}

/** `$limit` and `$offset`: a non-negative integer, surrounding blanks allowed. */
function parameterNumber(text: string | undefined, clause: '$limit' | '$offset'): number | null {
  if (text === undefined) return null;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value)) {
    const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
    throw soqlError(
      'query.invalid',
      `${clause} takes a whole number of 0 or more, such as 100; found "${shown}"`,
      {
        clause,
        text,
      },
    );
  }
  return value;
}

/** The index in STATEMENT_CLAUSES of the clause keyword at the current token, or -1. */
function clauseAt(parser: ExpressionParser): number {
  return STATEMENT_CLAUSES.findIndex((clause) => parser.isWord(clause.split(' ')[0]?.toLowerCase() ?? ''));
}

function unexpectedInStatement(parser: ExpressionParser, last: number): never {
  const token = parser.peek();
  if (parser.isWord('from')) {
    parser.fail('unexpected "FROM": a SoQL statement has no FROM; the dataset is given by the address');
  }
  if (token.kind === 'operator' && token.text === ')')
    parser.fail('unexpected ")": there is no "(" to close');
  const expected = [
    ...(last >= 0 && last < STATEMENT_CLAUSES.indexOf('SEARCH') ? ['an operator'] : []),
    ...STATEMENT_CLAUSES.slice(last + 1),
  ];
  const list =
    expected.length > 0 ? `${expected.join(', ')} or the end of the statement` : 'the end of the statement';
  return parser.fail(`expected ${list}, found ${describe(token)}`);
}

function expectEnd(parser: ExpressionParser, expected: string): void {
  const token = parser.peek();
  if (token.kind === 'end') return;
  if (token.kind === 'operator' && token.text === ')')
    parser.fail('unexpected ")": there is no "(" to close');
  parser.fail(`expected ${expected}, found ${describe(token)}`);
}
