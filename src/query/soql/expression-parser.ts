/**
 * The expression grammar of SoQL, as a recursive-descent parser over the tokens of one clause. It also offers
 * the token-level helpers (`peek`, `acceptWord`, `fail`...) that the clause parsers in `parser.ts` build on.
 *
 * Precedence, lowest first: OR; AND; prefix NOT; one comparison or predicate (`=`, `IS NULL`, `BETWEEN`,
 * `IN`, `LIKE`, not chainable); `||`; `+ -`; `* / %`; prefix `- +`; values, calls and parentheses.
 */
import type { BinaryOperator, Clause, Expr, Span } from './ast.js';
import { tokenize, type Token } from './lexer.js';
import { soqlError } from './soql-error.js';

/** Words that cannot be a bare column name; backtick them (`` `order` ``) to use them as one. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...['and', 'or', 'not', 'is', 'null', 'true', 'false', 'between', 'in', 'like', 'as', 'distinct'],
  ...['select', 'from', 'where', 'group', 'by', 'having', 'order', 'search', 'limit', 'offset'],
]);

/** How deep parentheses, prefix operators, calls and IN lists may nest inside one another. */
export const MAX_NESTING = 200;
/** How tall the tree may grow, counting chained operators such as `a OR b OR c`. */
export const MAX_HEIGHT = 1000;

const COMPARISONS: ReadonlyMap<string, BinaryOperator> = new Map([
  ['=', '='],
  ['!=', '!='],
  ['<>', '!='],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

const cover = (from: { span: Span }, to: { span: Span }): Span => ({
  start: from.span.start,
  end: to.span.end,
});

/** A parser positioned on the tokens of one clause text; each `parse...` call consumes what it reads. */
export class ExpressionParser {
  private readonly tokens: Token[];
  private index = 0;
  private nesting = 0;
  private height = 0;

  /** Tokenizes `text` (throwing `query.syntax` on a bad character); errors will name `clause`. */
  constructor(
    readonly text: string,
    readonly clause: Clause,
  ) {
    this.tokens = tokenize(text, clause);
  }

  /** The token `ahead` places after the current one (the end token once past the end). */
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  /** Whether every token has been consumed. */
  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  /** Whether the token `ahead` places on is the bare word `word` (case-insensitive, never backticked). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'identifier' && token.value.toLowerCase() === word;
  }

  /** Consumes the current token if it is the word `word`. */
  acceptWord(word: string): Token | undefined {
    return this.isWord(word) ? this.next() : undefined;
  }

  /** Whether the token `ahead` places on is the operator or punctuation `symbol`. */
  isOperator(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'operator' && token.text === symbol;
  }

  /** Consumes the current token if it is the operator or punctuation `symbol`. */
  acceptOperator(symbol: string): Token | undefined {
    return this.isOperator(symbol) ? this.next() : undefined;
  }

  /** Throws a `query.syntax` error at `span` (by default, the current token). */
  fail(message: string, span: Span = this.peek().span): never {
    throw soqlError('query.syntax', message, { clause: this.clause, text: this.text, span });
  }

  /** Throws a `query.invalid` error: well-formed, but not allowed. */
  invalid(message: string, span: Span = this.peek().span): never {
    throw soqlError('query.invalid', message, { clause: this.clause, text: this.text, span });
  }

  /** Parses one whole expression (an OR chain) and stops at the first token that cannot continue it. */
  parseExpression(): Expr {
    return this.chain(
      () => this.parseAnd(),
      () => (this.acceptWord('or') ? 'or' : undefined),
    );
  }

  /** Parses a name after AS: a bare non-reserved word or a backticked name. */
  parseName(after: Token): { name: string; span: Span } {
    const token = this.peek();
    const bare = token.kind === 'identifier' && !RESERVED_WORDS.has(token.value.toLowerCase());
    if (!bare && token.kind !== 'quoted') {
      const hint =
        token.kind === 'identifier' ? ` (backtick a name that is a keyword: \`${token.value}\`)` : '';
      this.fail(`expected a name after ${quote(after)}, found ${describe(token)}${hint}`);
    }
    this.next();
    return { name: token.value, span: token.span };
  }

  private parseAnd(): Expr {
    return this.chain(
      () => this.parseNot(),
      () => (this.acceptWord('and') ? 'and' : undefined),
    );
  }

  private parseNot(): Expr {
    const not = this.acceptWord('not');
    if (!not) return this.parseComparison();
    const operand = this.nested(not, () => this.parseNot());
    return { kind: 'unary', op: 'not', operand, span: cover(not, operand) };
  }

  /** One operand, then at most one comparison or predicate: `a = b = c` is refused rather than guessed. */
  private parseComparison(): Expr {
    const left = this.parseConcat();
    const result = this.parsePredicate(left);
    const after = this.peek();
    const chained =
      (after.kind === 'operator' && COMPARISONS.has(after.text)) ||
      ['is', 'between', 'in', 'like'].some((word) => this.isWord(word)) ||
      (this.isWord('not') && ['between', 'in', 'like'].some((word) => this.isWord(word, 1)));
    if (result !== left && chained) {
      this.fail(
        `unexpected ${describe(after)}: comparisons cannot be chained; combine them with AND, as in "a < b AND b < c"`,
      );
    }
    return result;
  }

  private parsePredicate(left: Expr): Expr {
    const token = this.peek();
    const comparison = token.kind === 'operator' ? COMPARISONS.get(token.text) : undefined;
    if (comparison) {
      this.next();
      const right = this.parseConcat();
      return { kind: 'binary', op: comparison, left, right, span: cover(left, right) };
    }
    if (this.acceptWord('is')) {
      const negated = this.acceptWord('not') !== undefined;
      const end =
        this.acceptWord('null') ?? this.fail(`expected NULL or NOT NULL after "IS", found ${this.found()}`);
      return { kind: 'isNull', operand: left, negated, span: cover(left, end) };
    }
    const not = this.acceptWord('not');
    if (not && !['between', 'in', 'like'].some((word) => this.isWord(word))) {
      this.fail(`expected BETWEEN, IN or LIKE after "NOT", found ${this.found()}`);
    }
    const negated = not !== undefined;
    if (this.acceptWord('between')) {
      const low = this.parseConcat();
      if (!this.acceptWord('and')) this.fail(`expected AND to complete BETWEEN, found ${this.found()}`);
      const high = this.parseConcat();
      return { kind: 'between', operand: left, low, high, negated, span: cover(left, high) };
    }
    if (this.acceptWord('like')) {
      const pattern = this.parseConcat();
      return { kind: 'like', operand: left, pattern, negated, span: cover(left, pattern) };
    }
    if (this.acceptWord('in')) {
      const open = this.acceptOperator('(') ?? this.fail(`expected "(" after "IN", found ${this.found()}`);
      const [list, close] = this.nested(open, () => this.parseList(open));
      return { kind: 'in', operand: left, list, negated, span: cover(left, close) };
    }
    return left;
  }

  private parseConcat(): Expr {
    return this.chain(
      () => this.parseAdditive(),
      () => this.acceptOperators('||'),
    );
  }

  private parseAdditive(): Expr {
    return this.chain(
      () => this.parseMultiplicative(),
      () => this.acceptOperators('+', '-'),
    );
  }

  private parseMultiplicative(): Expr {
    return this.chain(
      () => this.parseUnary(),
      () => this.acceptOperators('*', '/', '%'),
    );
  }

  /** Prefix `-` and `+`; a minus written right before a number literal becomes a negative literal. */
  private parseUnary(): Expr {
    const sign = this.acceptOperator('-') ?? this.acceptOperator('+');
    if (!sign) return this.parsePrimary();
    const op = sign.text === '-' ? '-' : '+';
    const literal = this.peek();
    if (op === '-' && literal.kind === 'number') {
      this.next();
      return this.numberLiteral(`-${literal.text}`, cover(sign, literal));
    }
    const operand = this.nested(sign, () => this.parseUnary());
    return { kind: 'unary', op, operand, span: cover(sign, operand) };
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    const word = token.value.toLowerCase();
    if (token.kind === 'number') return this.numberLiteral(this.next().text, token.span);
    if (token.kind === 'string') return { kind: 'string', value: this.next().value, span: token.span };
    if (token.kind === 'quoted') return { kind: 'column', name: this.next().value, span: token.span };
    if (token.kind === 'system') return { kind: 'system', name: this.next().value, span: token.span };
    if (token.kind === 'identifier' && (word === 'true' || word === 'false')) {
      this.next();
      return { kind: 'boolean', value: word === 'true', span: token.span };
    }
    if (token.kind === 'identifier' && word === 'null') return { kind: 'null', span: this.next().span };
    if (token.kind === 'identifier' && !RESERVED_WORDS.has(word)) {
      this.next();
      if (this.isOperator('(')) return this.parseCall(token);
      return { kind: 'column', name: token.value, span: token.span };
    }
    const open = this.acceptOperator('(');
    if (open) {
      const inner = this.nested(open, () => this.parseExpression());
      const close =
        this.acceptOperator(')') ??
        this.fail(`expected ")" to close "(" ${this.column(open)}, found ${this.found()}`);
      return { ...inner, span: cover(open, close) };
    }
    const previous = this.index > 0 ? this.tokens[this.index - 1] : undefined;
    return this.fail(
      `expected a value${previous ? ` after ${quote(previous)}` : ''}, found ${describe(token)}`,
    );
  }

  /** `name(args)`, `name()`, `name(*)`, `name(DISTINCT args)`; the name is lowercased, nothing is checked. */
  private parseCall(name: Token): Expr {
    const open = this.next();
    const distinct = this.acceptWord('distinct') !== undefined;
    let args: Expr[] = [];
    let close = distinct ? undefined : this.acceptOperator(')');
    if (!close && this.isOperator('*') && this.isOperator(')', 1)) {
      args = [{ kind: 'star', span: this.next().span }];
      close = this.next();
    } else if (!close) {
      [args, close] = this.nested(open, () => this.parseList(open));
    }
    return { kind: 'call', name: name.value.toLowerCase(), args, distinct, span: cover(name, close) };
  }

  /** Comma-separated expressions up to the `)` matching `open`, which is already consumed. */
  private parseList(open: Token): [Expr[], Token] {
    const items: Expr[] = [];
    for (;;) {
      items.push(this.parseExpression());
      if (this.acceptOperator(',')) continue;
      const close = this.acceptOperator(')');
      if (close) return [items, close];
      this.fail(`expected "," or ")" to close "(" ${this.column(open)}, found ${this.found()}`);
    }
  }

  private numberLiteral(text: string, span: Span): Expr {
    const value = Number(text);
    if (!Number.isFinite(value)) this.invalid(`the number ${text} is too large`, span);
    return { kind: 'number', value, text, span };
  }

  /** A left-associative chain of `operand (op operand)*`. */
  private chain(operand: () => Expr, operator: () => BinaryOperator | undefined): Expr {
    let left = operand();
    let links = 0;
    for (let op = operator(); op !== undefined; op = operator()) {
      links += 1;
      this.height += 1;
      if (this.height > MAX_HEIGHT) {
        this.invalid(
          `query nests too deeply: more than ${MAX_HEIGHT} chained operators (use IN (...) for long lists)`,
        );
      }
      const right = operand();
      left = { kind: 'binary', op, left, right, span: cover(left, right) };
    }
    this.height -= links;
    return left;
  }

  /** Runs `parse` one level deeper, refusing input that nests beyond the limits. */
  private nested<T>(at: Token, parse: () => T): T {
    this.nesting += 1;
    this.height += 1;
    if (this.nesting > MAX_NESTING || this.height > MAX_HEIGHT) {
      this.invalid(
        `query nests too deeply (more than ${MAX_NESTING} levels of parentheses, operators or calls)`,
        at.span,
      );
    }
    const result = parse();
    this.nesting -= 1;
    this.height -= 1;
    return result;
  }

  private acceptOperators(...symbols: BinaryOperator[]): BinaryOperator | undefined {
    const token = this.peek();
    const op = symbols.find((symbol) => token.kind === 'operator' && token.text === symbol);
    if (op) this.next();
    return op;
  }

  private column(token: Token): string {
    return `at column ${token.span.start + 1}`;
  }

  private found(): string {
    return describe(this.peek());
  }
}

/** How a message names a token it found: `end of input`, `keyword AND`, or the token text in quotes. */
export function describe(token: Token): string {
  if (token.kind === 'end') return 'end of input';
  if (token.kind === 'identifier' && RESERVED_WORDS.has(token.value.toLowerCase())) {
    return `keyword ${token.value.toUpperCase()}`;
  }
  return quote(token);
}

/** The token text in double quotes, keywords uppercased, long tokens shortened. */
export function quote(token: Token): string {
  const reserved = token.kind === 'identifier' && RESERVED_WORDS.has(token.value.toLowerCase());
  const text = reserved ? token.text.toUpperCase() : token.text;
  return `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
}
