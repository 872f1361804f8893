import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { tokenize } from './lexer.js';

const kinds = (text: string) => tokenize(text, '$where').map((t) => [t.kind, t.value]);

function lexError(text: string): AppError {
  try {
    tokenize(text, '$where');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" not to tokenize`);
}

describe('tokenize', () => {
  it('reads identifiers with their case, and ends with an empty end token', () => {
    const tokens = tokenize('Amount _x1 AND', '$where');
    expect(tokens.map((t) => [t.kind, t.text, t.span.start, t.span.end])).toEqual([
      ['identifier', 'Amount', 0, 6],
      ['identifier', '_x1', 7, 10],
      ['identifier', 'AND', 11, 14],
      ['end', '', 14, 14],
    ]);
  });

  it('unquotes backticked names, doubling a backtick to escape it', () => {
    const [token] = tokenize('`Some ``odd`` Name`', '$where');
    expect(token).toEqual({
      kind: 'quoted',
      text: '`Some ``odd`` Name`',
      value: 'Some `odd` Name',
      span: { start: 0, end: 19 },
    });
  });

  it('reads system columns without their colon', () => {
    expect(kinds(':id :created_at')).toEqual([
      ['system', 'id'],
      ['system', 'created_at'],
      ['end', ''],
    ]);
  });

  it('reads single- and double-quoted strings with doubled-quote escapes', () => {
    expect(kinds(`'it''s' "say ""hi""" ''`)).toEqual([
      ['string', "it's"],
      ['string', 'say "hi"'],
      ['string', ''],
      ['end', ''],
    ]);
  });

  it('keeps other quotes and newlines inside strings as they are', () => {
    expect(kinds(`'a "b" \`c\`\nd'`)[0]).toEqual(['string', 'a "b" `c`\nd']);
  });

  it.each(['12', '12.5', '.5', '1e3', '1.5E-3', '2e+10', '7.'])('reads the number %s', (text) => {
    expect(kinds(text)).toEqual([
      ['number', text],
      ['end', ''],
    ]);
  });

  it('reads every operator, the longest first', () => {
    const text = '= != <> < <= > >= + - * / % || ( ) ,';
    expect(kinds(text).map(([, value]) => value)).toEqual([...text.split(' '), '']);
    expect(kinds('a<=b').map(([, value]) => value)).toEqual(['a', '<=', 'b', '']);
    expect(kinds('1-2').map(([, value]) => value)).toEqual(['1', '-', '2', '']);
  });

  it.each([
    [';', 'unexpected character ";"', 1],
    ['a ! b', 'unexpected character "!"', 3],
    ['a | b', 'unexpected character "|"', 3],
    ['a.b', 'unexpected character "."', 2],
    ['x = 😀', 'unexpected character "😀"', 5],
    ['a -- comment', 'comments are not allowed ("--")', 3],
    ['a /* comment */', 'comments are not allowed ("/*")', 3],
    ["x = 'abc", 'unclosed string literal (strings are quoted with single quotes', 5],
    ['x = "abc', 'unclosed string literal', 5],
    ["'it''s", 'unclosed string literal', 1],
    ['`abc', 'unclosed quoted name', 1],
    ['``', 'empty quoted name', 1],
    [':@computed', 'computed columns', 1],
    [': id', 'expected a system column name', 1],
    ['12abc', 'malformed number "12abc"', 1],
    ['1e', 'malformed number "1e"', 1],
    ['1.2.3', 'malformed number "1.2.3"', 1],
  ])('refuses %j', (text, message, position) => {
    const error = lexError(text);
    expect(error.code).toBe('query.syntax');
    expect(error.status).toBe(400);
    expect(error.message).toContain(`$where, column ${position}: ${message}`);
    expect(error.details).toMatchObject({ clause: '$where', position });
  });
});
