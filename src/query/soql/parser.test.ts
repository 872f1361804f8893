import { describe, expect, it } from 'vitest';
import { shape, col, num, str, bin, not, call, expectParseError } from '../../../test/support/soql-syntax.js';
import type { BinaryOperator } from './ast.js';
import { parseExpression } from './parser.js';

const where = (text: string) => shape(parseExpression(text, '$where'));

describe('parseExpression: values', () => {
  it('reads literals, columns and system columns', () => {
    expect(where("'it''s'")).toEqual(str("it's"));
    expect(where('"double"')).toEqual(str('double'));
    expect(where('12.50')).toEqual(num(12.5, '12.50'));
    expect(where('1.5E-3')).toEqual(num(0.0015, '1.5E-3'));
    expect(where('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(where('false')).toEqual({ kind: 'boolean', value: false });
    expect(where('Null')).toEqual({ kind: 'null' });
    expect(where('Amount')).toEqual(col('Amount'));
    expect(where('`Total Amount`')).toEqual(col('Total Amount'));
    expect(where('`order`')).toEqual(col('order'));
    expect(where(':created_at')).toEqual({ kind: 'system', name: 'created_at' });
  });

  it('folds a minus right before a number into a negative literal whose span covers the sign', () => {
    expect(parseExpression('x = - 5', '$where')).toMatchObject({
      right: { kind: 'number', value: -5, text: '-5', span: { start: 4, end: 7 } },
    });
    expect(where('-(5)')).toEqual({ kind: 'unary', op: '-', operand: num(5) });
    expect(where('- -5')).toEqual({ kind: 'unary', op: '-', operand: num(-5, '-5') });
    expect(where('+5')).toEqual({ kind: 'unary', op: '+', operand: num(5) });
    expect(where('-x')).toEqual({ kind: 'unary', op: '-', operand: col('x') });
  });

  it('reads calls with lowercased names, count(*) and DISTINCT', () => {
    expect(where('UPPER(name)')).toEqual(call('upper', [col('name')]));
    expect(where('now()')).toEqual(call('now', []));
    expect(where('COUNT ( * )')).toEqual(call('count', [{ kind: 'star' }]));
    expect(where('count(DISTINCT x)')).toEqual(call('count', [col('x')], true));
    expect(where('count(distinct *)')).toEqual(call('count', [{ kind: 'star' }], true));
    expect(where("case(a > 1, 'big', true, 'small')")).toEqual(
      call('case', [bin('>', col('a'), num(1)), str('big'), { kind: 'boolean', value: true }, str('small')]),
    );
    expect(where('f(g(1), -2)')).toEqual(call('f', [call('g', [num(1)]), num(-2, '-2')]));
  });

  it('gives every node the span of its whole source, parentheses included', () => {
    const expr = parseExpression(' (a + 1) * f(b) ', '$where');
    expect(expr).toMatchObject({
      span: { start: 1, end: 15 },
      left: { span: { start: 1, end: 8 }, left: { span: { start: 2, end: 3 } } },
      right: { kind: 'call', span: { start: 11, end: 15 } },
    });
    expect(parseExpression('x NOT IN (1, 2)', '$where').span).toEqual({ start: 0, end: 15 });
    expect(parseExpression('x IS NOT NULL', '$where').span).toEqual({ start: 0, end: 13 });
  });
});

describe('parseExpression: operators and precedence', () => {
  it.each([
    ['=', '='],
    ['!=', '!='],
    ['<>', '!='],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
    ['||', '||'],
    ['+', '+'],
    ['-', '-'],
    ['*', '*'],
    ['/', '/'],
    ['%', '%'],
    ['AND', 'and'],
    ['or', 'or'],
  ])('reads a %s b', (written, op) => {
    expect(where(`a ${written} b`)).toEqual(bin(op as BinaryOperator, col('a'), col('b')));
  });

  it('binds OR loosest, then AND, then NOT, then comparisons', () => {
    expect(where('a OR b AND NOT c = 1')).toEqual(
      bin('or', col('a'), bin('and', col('b'), not(bin('=', col('c'), num(1))))),
    );
    expect(where('NOT NOT a')).toEqual(not(not(col('a'))));
  });

  it('binds || below + -, and + - below * / %, all left-associative', () => {
    expect(where("a || b + c * d || 'x'")).toEqual(
      bin('||', bin('||', col('a'), bin('+', col('b'), bin('*', col('c'), col('d')))), str('x')),
    );
    expect(where('a - b - c')).toEqual(bin('-', bin('-', col('a'), col('b')), col('c')));
    expect(where('a / b % c')).toEqual(bin('%', bin('/', col('a'), col('b')), col('c')));
    expect(where('-a * b')).toEqual(bin('*', { kind: 'unary', op: '-', operand: col('a') }, col('b')));
    expect(where('(a OR b) AND c')).toEqual(bin('and', bin('or', col('a'), col('b')), col('c')));
  });

  it('reads IS [NOT] NULL', () => {
    expect(where('a IS NULL')).toEqual({ kind: 'isNull', operand: col('a'), negated: false });
    expect(where('a + 1 is not null')).toEqual({
      kind: 'isNull',
      operand: bin('+', col('a'), num(1)),
      negated: true,
    });
  });

  it('reads [NOT] BETWEEN, whose AND binds to it rather than to the boolean AND', () => {
    const between = (negated: boolean) => ({
      kind: 'between',
      operand: col('x'),
      low: num(1),
      high: num(2),
      negated,
    });
    expect(where('x BETWEEN 1 AND 2')).toEqual(between(false));
    expect(where('x not between 1 and 2')).toEqual(between(true));
    expect(where('x BETWEEN 1 AND 2 AND y')).toEqual(bin('and', between(false), col('y')));
    expect(where('y AND x BETWEEN 1 AND 2 OR z')).toEqual(
      bin('or', bin('and', col('y'), between(false)), col('z')),
    );
    expect(where('x BETWEEN a + 1 AND b * 2')).toMatchObject({
      low: bin('+', col('a'), num(1)),
      high: bin('*', col('b'), num(2)),
    });
  });

  it('reads [NOT] IN lists', () => {
    expect(where("x IN ('a', 'b')")).toEqual({
      kind: 'in',
      operand: col('x'),
      list: [str('a'), str('b')],
      negated: false,
    });
    expect(where('x NOT IN (1)')).toEqual({ kind: 'in', operand: col('x'), list: [num(1)], negated: true });
    expect(where('x IN (a = 1, f(b))')).toMatchObject({
      list: [bin('=', col('a'), num(1)), call('f', [col('b')])],
    });
  });

  it('reads [NOT] LIKE', () => {
    expect(where("name LIKE 'A%'")).toEqual({
      kind: 'like',
      operand: col('name'),
      pattern: str('A%'),
      negated: false,
    });
    expect(where("name not like 'A' || '%'")).toEqual({
      kind: 'like',
      operand: col('name'),
      pattern: bin('||', str('A'), str('%')),
      negated: true,
    });
  });

  it('accepts line breaks and tabs as spaces', () => {
    expect(where('a\n\t=\r\n1')).toEqual(bin('=', col('a'), num(1)));
  });
});

describe('parseExpression: errors', () => {
  it('points at the end when a value is missing', () => {
    const error = expectParseError(
      () => parseExpression('amount > ', '$where'),
      'query.syntax',
      'expected a value after ">", found end of input',
      10,
    );
    expect(error.message).toMatch(/^\$where, column 10: /);
    expect(error.details).toMatchObject({ clause: '$where', position: 10 });
  });

  it.each([
    ['', 'expected a value, found end of input', 1],
    ['and', 'expected a value, found keyword AND', 1],
    ['x = select', 'expected a value after "=", found keyword SELECT', 5],
    ['a = NOT b', 'expected a value after "=", found keyword NOT', 5],
    ['(a + 1', 'expected ")" to close "(" at column 1, found end of input', 7],
    ['f(a b)', 'expected "," or ")" to close "(" at column 2, found "b"', 5],
    ['x IN (1, 2', 'expected "," or ")" to close "(" at column 6, found end of input', 11],
    ['x IN 1', 'expected "(" after "IN", found "1"', 6],
    ['x IN ()', 'expected a value after "(", found ")"', 7],
    ['a = b = c', 'unexpected "=": comparisons cannot be chained', 7],
    ['a < b BETWEEN 1 AND 2', 'unexpected keyword BETWEEN: comparisons cannot be chained', 7],
    ['a IS NULL IS NULL', 'comparisons cannot be chained', 11],
    ['a = 1 NOT LIKE b', 'comparisons cannot be chained', 7],
    ['a IS 1', 'expected NULL or NOT NULL after "IS", found "1"', 6],
    ['a NOT b', 'expected BETWEEN, IN or LIKE after "NOT", found "b"', 7],
    ['x BETWEEN 1 OR 2', 'expected AND to complete BETWEEN, found keyword OR', 13],
    ['a b', 'expected an operator or the end of $where, found "b"', 3],
    ['a)', 'unexpected ")": there is no "(" to close', 2],
    ['count(*) + *', 'expected a value after "+", found "*"', 12],
    ['f(* + 1)', 'expected a value after "(", found "*"', 3],
    ['count(distinct)', 'expected a value after "DISTINCT", found ")"', 15],
    ['x = 1;', 'unexpected character ";"', 6],
    ['x = 1 -- why', 'comments are not allowed', 7],
    ["x = 'abc", 'unclosed string literal', 5],
  ])('refuses %j', (text, message, position) => {
    const error = expectParseError(() => parseExpression(text, '$where'), 'query.syntax', message, position);
    expect(error.message.startsWith(`$where, column ${position}: `)).toBe(true);
  });

  it('names the clause it was given', () => {
    expectParseError(() => parseExpression('sum(x) >', '$having'), 'query.syntax', '$having, column 9:', 9);
  });

  it('refuses numbers too large to represent', () => {
    expectParseError(() => parseExpression('x = 1e999', '$where'), 'query.invalid', 'too large', 5);
  });

  it('refuses deep nesting with query.invalid instead of overflowing the stack', () => {
    for (const text of [
      '('.repeat(100_000) + 'a' + ')'.repeat(100_000),
      'NOT '.repeat(50_000) + 'a',
      '- '.repeat(50_000) + 'a',
      'f('.repeat(50_000),
      'x IN ('.repeat(50_000),
      'a' + ' + a'.repeat(50_000),
    ]) {
      expectParseError(() => parseExpression(text, '$where'), 'query.invalid', 'query nests too deeply');
    }
    expect(() => parseExpression('('.repeat(150) + 'a' + ')'.repeat(150), '$where')).not.toThrow();
    expect(() =>
      parseExpression(Array.from({ length: 500 }, (_, i) => `a = ${i}`).join(' OR '), '$where'),
    ).not.toThrow();
  });
});
