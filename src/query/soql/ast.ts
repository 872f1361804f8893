/**
 * The syntax tree of a SoQL query, as the parser produces it: untyped, with the position of every node in the
 * text it came from, so that later stages (the type checker) can point at the exact place to fix.
 */

/** Where a node sits in its clause text: 0-based offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** The parameter a piece of text came from; errors name it. `$query` covers a whole statement. */
export type Clause =
  '$select' | '$where' | '$order' | '$group' | '$having' | '$q' | '$query' | '$limit' | '$offset' | 'filter';

export type BinaryOperator =
  'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '||' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  /** A dataset column by its field name; `` `quoted` `` names are unquoted here. */
  | { kind: 'column'; name: string; span: Span }
  /** A system column such as `:id` (name without the colon). */
  | { kind: 'system'; name: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  /** `*`, only as a select item or as the argument of `count(*)`. */
  | { kind: 'star'; span: Span }
  | { kind: 'unary'; op: '-' | '+' | 'not'; operand: Expr; span: Span }
  /** `<>` is parsed as `!=`. */
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; span: Span }
  | { kind: 'isNull'; operand: Expr; negated: boolean; span: Span }
  | { kind: 'between'; operand: Expr; low: Expr; high: Expr; negated: boolean; span: Span }
  | { kind: 'in'; operand: Expr; list: Expr[]; negated: boolean; span: Span }
  | { kind: 'like'; operand: Expr; pattern: Expr; negated: boolean; span: Span }
  /** A function call; `name` is lowercased; `distinct` for `count(distinct x)`. */
  | { kind: 'call'; name: string; args: Expr[]; distinct: boolean; span: Span };

export type ExprKind = Expr['kind'];

export interface SelectItem {
  expr: Expr;
  alias: { name: string; span: Span } | null;
}

export interface OrderItem {
  expr: Expr;
  descending: boolean;
  /** Explicit `NULL FIRST` / `NULL LAST`; null leaves it to the default (nulls last ascending, first descending). */
  nullsFirst: boolean | null;
}

/** One part of a query: the parsed tree and the clause text it came from, for error positions. */
export interface Located<T> {
  clause: Clause;
  text: string;
  node: T;
}

/** A whole query, from separate `$` parameters or from one `$query` statement. */
export interface SoqlQuery {
  /** Null means `*` (every column). */
  select: Located<SelectItem[]> | null;
  /** `SELECT DISTINCT ...` */
  distinct: boolean;
  where: Located<Expr> | null;
  group: Located<Expr[]> | null;
  having: Located<Expr> | null;
  order: Located<OrderItem[]> | null;
  /** `$q` or `SEARCH '...'`: full-text terms. */
  search: string | null;
  limit: number | null;
  offset: number | null;
}
