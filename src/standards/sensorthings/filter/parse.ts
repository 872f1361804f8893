/**
 * The parser of `$filter` expressions and `$orderby` keys. Operator precedence follows OData: `or` < `and` <
 * `not` < comparisons < `add`/`sub` < `mul`/`div`/`mod` < unary minus; `not` takes a whole comparison
 * (`not name eq 'x'`), as people mean it. Every failure is a `sta.bad_query` error naming the position.
 */
import { toShape } from '../../../geo/shape.js';
import { parseWkt } from '../../../tables/import/wkt.js';
import type { Arithmetic, Comparison, Expr, GeometryValue, Literal } from './ast.js';
import { ARITHMETIC, COMPARISONS } from './ast.js';
import { FUNCTIONS } from './functions.js';
import { syntaxError, tokenize, type Token } from './lexer.js';

/** Longer texts are refused before parsing: no sensible filter needs more. */
export const MAX_EXPRESSION_LENGTH = 20_000;
/** Nesting deeper than this is refused (it would only exhaust the stack). */
const MAX_DEPTH = 64;

const KEYWORDS = new Set(['and', 'or', 'not', ...COMPARISONS, ...ARITHMETIC, 'true', 'false', 'null']);

export interface OrderKey {
  expr: Expr;
  desc: boolean;
}

/** `YYYY-MM-DD` → epoch ms of its UTC midnight, or NaN when the date does not exist. */
function utcDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? d.getTime()
    : NaN;
}

/** An ISO 8601 instant with a zone → epoch ms; a message when it is not one. */
export function parseInstant(text: string): number | string {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):(\d{2}))?$/.exec(text);
  if (!m) return `"${text}" is not an ISO 8601 date and time such as 2024-05-01T13:00:00Z`;
  if (!m[8]) return `"${text}" has no time zone: add Z for UTC or an offset such as -07:00`;
  const day = utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (Number.isNaN(day) || hour > 23 || minute > 59 || second > 59)
    return `"${text}" is not a valid date and time`;
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return `"${text}" has an invalid offset`;
  return day + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private get peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const token = this.tokens[this.i]!;
    if (token.kind !== 'end') this.i++;
    return token;
  }

  private fail(message: string, token: Token = this.peek): never {
    throw syntaxError(message, token.pos, this.text);
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? 'the end' : `"${token.kind === 'string' ? `'${token.text}'` : token.text}"`;
  }

  /** The lower-case keyword of an identifier token, if it is one. */
  private keyword(token: Token = this.peek): string | undefined {
    if (token.kind !== 'ident') return undefined;
    const word = token.text.toLowerCase();
    return KEYWORDS.has(word) || word === 'asc' || word === 'desc' ? word : undefined;
  }

  expectEnd(what: string): void {
    if (this.peek.kind !== 'end') this.fail(`Expected ${what}, found ${this.describe(this.peek)}`);
  }

  atEnd(): boolean {
    return this.peek.kind === 'end';
  }

  comma(): boolean {
    if (this.peek.kind !== 'comma') return false;
    this.next();
    return true;
  }

  direction(): boolean {
    const word = this.keyword();
    if (word === 'asc' || word === 'desc') {
      this.next();
      return word === 'desc';
    }
    return false;
  }

  expression(): Expr {
    if (++this.depth > MAX_DEPTH) this.fail(`The expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      return this.or();
    } finally {
      this.depth--;
    }
  }

  private or(): Expr {
    let left = this.and();
    while (this.keyword() === 'or') {
      const pos = this.next().pos;
      left = { kind: 'binary', op: 'or', left, right: this.and(), pos };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.keyword() === 'and') {
      const pos = this.next().pos;
      left = { kind: 'binary', op: 'and', left, right: this.not(), pos };
    }
    return left;
  }

  private not(): Expr {
    if (this.keyword() === 'not') {
      const pos = this.next().pos;
      if (++this.depth > MAX_DEPTH) this.fail(`The expression nests deeper than ${MAX_DEPTH} levels`);
      try {
        return { kind: 'not', arg: this.not(), pos };
      } finally {
        this.depth--;
      }
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const word = this.keyword();
    if (word && (COMPARISONS as readonly string[]).includes(word)) {
      const pos = this.next().pos;
      const right = this.additive();
      const after = this.keyword();
      if (after && (COMPARISONS as readonly string[]).includes(after)) {
        this.fail('Comparisons do not chain: put parentheses around the first one');
      }
      return { kind: 'binary', op: word as Comparison, left, right, pos };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let word = this.keyword(); word === 'add' || word === 'sub'; word = this.keyword()) {
      const pos = this.next().pos;
      left = { kind: 'binary', op: word as Arithmetic, left, right: this.multiplicative(), pos };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (
      let word = this.keyword();
      word === 'mul' || word === 'div' || word === 'mod';
      word = this.keyword()
    ) {
      const pos = this.next().pos;
      left = { kind: 'binary', op: word as Arithmetic, left, right: this.unary(), pos };
    }
    return left;
  }

  private unary(): Expr {
    if (this.peek.kind !== 'minus') return this.primary();
    const pos = this.next().pos;
    if (++this.depth > MAX_DEPTH) this.fail(`The expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      const arg = this.unary();
      if (arg.kind === 'literal' && arg.type === 'number') return { ...arg, value: -arg.value, pos };
      return { kind: 'negate', arg, pos };
    } finally {
      this.depth--;
    }
  }

  private primary(): Expr {
    const token = this.peek;
    switch (token.kind) {
      case 'open': {
        this.next();
        const inner = this.expression();
        if (this.peek.kind !== 'close') this.fail(`Expected ")", found ${this.describe(this.peek)}`);
        this.next();
        return inner;
      }
      case 'number': {
        this.next();
        const value = Number(token.text);
        if (!Number.isFinite(value)) this.fail(`The number ${token.text} is too large`, token);
        return { kind: 'literal', type: 'number', value, pos: token.pos };
      }
      case 'string':
        this.next();
        return { kind: 'literal', type: 'string', value: token.text, pos: token.pos };
      case 'datetime': {
        this.next();
        const value = parseInstant(token.text);
        if (typeof value === 'string') this.fail(value, token);
        return { kind: 'literal', type: 'datetime', value, pos: token.pos };
      }
      case 'date': {
        this.next();
        const [y, m, d] = token.text.split('-').map(Number) as [number, number, number];
        if (Number.isNaN(utcDay(y, m, d))) this.fail(`${token.text} is not a valid date`, token);
        return { kind: 'literal', type: 'date', value: token.text, pos: token.pos };
      }
      case 'time':
        this.next();
        return { kind: 'literal', type: 'time', value: this.time(token), pos: token.pos };
      case 'prefixed':
        this.next();
        return this.prefixed(token);
      case 'ident':
        return this.identifier();
      case 'end':
        return this.fail('The expression ends too early: a value or a property is missing');
      default:
        return this.fail(`Expected a value or a property, found ${this.describe(token)}`);
    }
  }

  private time(token: Token): string {
    const [h, m, s = '00'] = token.text.split(':');
    const [whole, fraction = ''] = s.split('.');
    if (Number(h) > 23 || Number(m) > 59 || Number(whole) > 59)
      this.fail(`${token.text} is not a valid time`, token);
    return `${h}:${m}:${whole}.${fraction.padEnd(3, '0').slice(0, 3)}`;
  }

  private prefixed(token: Token): Literal {
    if (token.prefix !== 'geography' && token.prefix !== 'geometry') {
      if (token.prefix === 'duration') this.fail('Durations are not served in $filter', token);
      return this.fail(`Unknown literal prefix "${token.prefix}"; write geography'POINT(x y)'`, token);
    }
    let value: GeometryValue;
    try {
      value = parseWkt(token.text) as GeometryValue;
    } catch (error) {
      return this.fail(`${token.prefix}'${token.text}' is not valid WKT: ${(error as Error).message}`, token);
    }
    if (toShape(value) === null) {
      this.fail(
        `${token.prefix}'${token.text}' is not a valid geometry (longitude first, rings closed)`,
        token,
      );
    }
    return { kind: 'literal', type: 'geometry', value, pos: token.pos };
  }

  private identifier(): Expr {
    const token = this.next();
    const word = this.keyword(token);
    if (word === 'true' || word === 'false') {
      return { kind: 'literal', type: 'boolean', value: word === 'true', pos: token.pos };
    }
    if (word === 'null') return { kind: 'literal', type: 'null', value: null, pos: token.pos };
    if (word) return this.fail(`Expected a value or a property, found the operator "${token.text}"`, token);
    if (this.peek.kind === 'open') return this.call(token);
    const segments = [token.text];
    while (this.peek.kind === 'slash') {
      this.next();
      const part = this.peek;
      if (part.kind !== 'ident')
        this.fail(`Expected a property name after "/", found ${this.describe(part)}`);
      this.next();
      segments.push(part.text);
    }
    return { kind: 'path', segments, pos: token.pos };
  }

  private call(token: Token): Expr {
    const name = token.text.toLowerCase();
    const info = FUNCTIONS[name];
    if (!info) {
      return this.fail(
        `Unknown function "${token.text}"; see the list of functions in the SensorThings guide`,
        token,
      );
    }
    this.next(); // (
    const args: Expr[] = [];
    if (this.peek.kind !== 'close') {
      do args.push(this.expression());
      while (this.comma());
    }
    if (this.peek.kind !== 'close')
      this.fail(`Expected "," or ")" in ${name}(...), found ${this.describe(this.peek)}`);
    this.next();
    if (args.length < info.min || args.length > info.max) {
      const count = info.min === info.max ? `${info.min}` : `${info.min} or ${info.max}`;
      this.fail(`${name} takes ${count} argument${info.max === 1 ? '' : 's'}, not ${args.length}`, token);
    }
    return { kind: 'call', name, args, pos: token.pos };
  }
}

function parser(text: string): Parser {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw syntaxError(`The expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, 0, text);
  }
  return new Parser(text, tokenize(text));
}

/** Parses a `$filter` value. */
export function parseFilter(text: string): Expr {
  const p = parser(text);
  if (p.atEnd()) throw syntaxError("$filter is empty: give a condition such as name eq 'x'", 0, text);
  const expr = p.expression();
  p.expectEnd('"and", "or" or the end of the filter');
  return expr;
}

/** Parses an `$orderby` value: comma-separated expressions, each optionally followed by asc or desc. */
export function parseOrderBy(text: string): OrderKey[] {
  const p = parser(text);
  if (p.atEnd()) throw syntaxError('$orderby is empty: give a property such as phenomenonTime desc', 0, text);
  const keys: OrderKey[] = [];
  do keys.push({ expr: p.expression(), desc: p.direction() });
  while (p.comma());
  p.expectEnd('"asc", "desc", "," or the end of $orderby');
  return keys;
}
