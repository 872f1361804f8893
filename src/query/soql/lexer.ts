/**
 * The SoQL lexer: turns clause text into tokens with their positions. Keywords are not a token kind of their
 * own: they are plain identifiers that the parser recognizes case-insensitively, so that a backticked name
 * such as `` `order` `` is never taken for one.
 */
import type { Clause, Span } from './ast.js';
import { soqlError } from './soql-error.js';

/**
 * - `identifier`: `amount`, `AND` (case preserved);
 * - `quoted`: a backticked name, `` `Some Name` ``;
 * - `system`: a system column such as `:id`;
 * - `string`: `'text'` or `"text"`;
 * - `number`: `12`, `12.5`, `.5`, `1e3`;
 * - `operator`: punctuation and operator symbols, `<>` included as written;
 * - `end`: the end of the text, an empty token at its length.
 */
export type TokenKind = 'identifier' | 'quoted' | 'system' | 'string' | 'number' | 'operator' | 'end';

/** One token of a clause. */
export interface Token {
  kind: TokenKind;
  /** The source text exactly as written, quotes included. */
  text: string;
  /** Names and strings unquoted and unescaped, system names without the colon; otherwise the same as `text`. */
  value: string;
  /** Offsets into the clause text, `end` exclusive. */
  span: Span;
}

/** Operators, longest first so that `<=` is not read as `<` then `=`. */
const OPERATORS = ['!=', '<>', '<=', '>=', '||', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ','];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNamePart = (c: string | undefined): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string): boolean => /\s/.test(c);

const UNCLOSED_STRING =
  "unclosed string literal (strings are quoted with single quotes; write '' for a quote inside)";

/**
 * Splits `text` into tokens, ending with an `end` token. Throws a `query.syntax` error naming `clause` at
 * the first character that cannot start a token, at an unclosed quote, or at a comment.
 */
export function tokenize(text: string, clause: Clause): Token[] {
  const fail = (message: string, start: number, end = start + 1): never => {
    throw soqlError('query.syntax', message, { clause, text, span: { start, end } });
  };
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, value = text.slice(start, end)): void => {
    tokens.push({ kind, text: text.slice(start, end), value, span: { start, end } });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (isSpace(c)) {
      i += 1;
    } else if (isNameStart(c)) {
      const end = scanName(text, i);
      push('identifier', i, end);
      i = end;
    } else if (isDigit(c) || (c === '.' && isDigit(next))) {
      const end = scanNumber(text, i, fail);
      push('number', i, end);
      i = end;
    } else if (c === "'" || c === '"') {
      const [end, value] = scanQuoted(text, i, c) ?? fail(UNCLOSED_STRING, i);
      push('string', i, end, value);
      i = end;
    } else if (c === '`') {
      const [end, value] = scanQuoted(text, i, '`') ?? fail('unclosed quoted name: a "`" is never closed', i);
      if (value === '') fail('empty quoted name ``', i, end);
      push('quoted', i, end, value);
      i = end;
    } else if (c === ':') {
      if (next === '@') fail('computed columns (":@" names) are not supported', i, i + 2);
      if (!isNameStart(next)) fail('expected a system column name such as :id after ":"', i);
      const end = scanName(text, i + 1);
      push('system', i, end, text.slice(i + 1, end));
      i = end;
    } else if ((c === '-' && next === '-') || (c === '/' && next === '*')) {
      fail(`comments are not allowed ("${c}${next}")`, i, i + 2);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) {
        const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
        fail(`unexpected character "${char}"`, i, i + char.length);
      } else {
        push('operator', i, i + op.length);
        i += op.length;
      }
    }
  }
  tokens.push({ kind: 'end', text: '', value: '', span: { start: text.length, end: text.length } });
  return tokens;
}

function scanName(text: string, start: number): number {
  let i = start;
  while (isNamePart(text[i])) i += 1;
  return i;
}

/** Digits, an optional fraction and an optional exponent; a letter or digit right after is an error. */
function scanNumber(
  text: string,
  start: number,
  fail: (message: string, start: number, end: number) => never,
) {
  let i = start;
  while (isDigit(text[i])) i += 1;
  if (text[i] === '.') {
    i += 1;
    while (isDigit(text[i])) i += 1;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    const sign = text[i + 1] === '+' || text[i + 1] === '-' ? 1 : 0;
    if (isDigit(text[i + 1 + sign])) {
      i += 1 + sign;
      while (isDigit(text[i])) i += 1;
    }
  }
  if (isNamePart(text[i]) || text[i] === '.') {
    const end = scanName(text, i + 1);
    fail(`malformed number "${text.slice(start, end)}"`, start, end);
  }
  return i;
}

/**
 * Reads a quoted run starting at the opening `quote`, where a doubled quote stands for one; returns the
 * offset after the closing quote and the unescaped content, or undefined when it is never closed.
 */
function scanQuoted(text: string, start: number, quote: string): [number, string] | undefined {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close < 0) return undefined;
    value += text.slice(i, close);
    if (text[close + 1] !== quote) return [close + 1, value];
    value += quote;
    i = close + 2;
  }
}
