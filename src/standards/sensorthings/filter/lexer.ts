/** Splits a `$filter` or `$orderby` text into tokens; every failure is a `sta.bad_query` error with a position. */
import { errors } from '../../../errors.js';

export type TokenKind =
  | 'ident'
  | 'number'
  | 'string'
  | 'datetime'
  | 'date'
  | 'time'
  | 'prefixed'
  | 'open'
  | 'close'
  | 'comma'
  | 'slash'
  | 'minus'
  | 'end';

export interface Token {
  kind: TokenKind;
  /** The token's text; for strings the unescaped value; for `geography'...'` the quoted part. */
  text: string;
  /** For `prefixed` tokens: `geography`, `geometry` or `duration` (lower case). */
  prefix?: string;
  /** 0-based offset in the input. */
  pos: number;
}

const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![\w:])/y;
const TIME = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_@$][A-Za-z0-9_.@$]*/y;

const SINGLE: Record<string, TokenKind> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  '/': 'slash',
  '-': 'minus',
};

/** Reports a problem at a position: "at character 12" counts from 1, as people count. */
export function syntaxError(message: string, pos: number, text: string) {
  return errors.staBadQuery(`${message} (at character ${pos + 1} of "${clip(text)}").`, {
    position: pos + 1,
  });
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function match(re: RegExp, text: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : null;
}

/** Reads a quoted string starting at the quote; `''` is a quote inside it. Returns the value and the end. */
function quoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) throw syntaxError('A string is not closed: end it with a single quote', start, text);
    value += text.slice(i, q);
    if (text[q + 1] === "'") {
      value += "'";
      i = q + 2;
      continue;
    }
    return { value, end: q + 1 };
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const single = SINGLE[c];
    if (single) {
      tokens.push({ kind: single, text: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const { value, end } = quoted(text, i);
      tokens.push({ kind: 'string', text: value, pos: i });
      i = end;
      continue;
    }
    if (c >= '0' && c <= '9') {
      const datetime = match(DATETIME, text, i);
      const date = datetime ? null : match(DATE, text, i);
      const time = datetime || date ? null : match(TIME, text, i);
      const number = datetime || date || time ? null : match(NUMBER, text, i);
      const kind: TokenKind = datetime ? 'datetime' : date ? 'date' : time ? 'time' : 'number';
      const value = (datetime ?? date ?? time ?? number)!;
      tokens.push({ kind, text: value, pos: i });
      i += value.length;
      continue;
    }
    const ident = match(IDENT, text, i);
    if (ident) {
      if (text[i + ident.length] === "'") {
        const { value, end } = quoted(text, i + ident.length);
        tokens.push({ kind: 'prefixed', text: value, prefix: ident.toLowerCase(), pos: i });
        i = end;
        continue;
      }
      tokens.push({ kind: 'ident', text: ident, pos: i });
      i += ident.length;
      continue;
    }
    throw syntaxError(`Unexpected character "${c}"`, i, text);
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}
