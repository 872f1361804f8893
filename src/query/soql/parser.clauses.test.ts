/** Tests of the clause parsers: `$select`, `$order`, `$group`, whole `$query` statements, and buildQuery. */
import { describe, expect, it } from 'vitest';
import { shape, col, num, str, bin, call, expectParseError } from '../../../test/support/soql-syntax.js';
import { buildQuery, parseGroupList, parseOrderList, parseSelectList, parseStatement } from './parser.js';

describe('parseSelectList', () => {
  it('reads *, expressions and AS aliases', () => {
    const { items, distinct } = parseSelectList('*, name, amount * 2 AS double, count(*) as `Row Count`');
    expect(distinct).toBe(false);
    expect(shape(items)).toEqual([
      { expr: { kind: 'star' }, alias: null },
      { expr: col('name'), alias: null },
      { expr: bin('*', col('amount'), num(2)), alias: { name: 'double' } },
      { expr: call('count', [{ kind: 'star' }]), alias: { name: 'Row Count' } },
    ]);
    expect(items[2]?.alias?.span).toEqual({ start: 23, end: 29 });
  });

  it('reads a leading DISTINCT', () => {
    expect(shape(parseSelectList('distinct ward'))).toEqual({
      items: [{ expr: col('ward'), alias: null }],
      distinct: true,
    });
  });

  it.each([
    ['a b', 'unexpected "b": to name a column, write AS before the name, as in "expr AS b"', 3],
    ['a `b c`', 'write AS before the name', 3],
    [
      'a AS select',
      'expected a name after "AS", found keyword SELECT (backtick a name that is a keyword: `select`)',
      6,
    ],
    ['a AS', 'expected a name after "AS", found end of input', 5],
    ['a, b FROM t', 'unexpected "FROM": $select takes only the list of columns', 6],
    [
      'a WHERE b = 1',
      'unexpected "WHERE": $select takes only the list of columns; use the $where parameter',
      3,
    ],
    ['a,', 'expected a value after ",", found end of input', 3],
    ['distinct', 'expected a value after "DISTINCT", found end of input', 9],
    ['a = b = c', 'comparisons cannot be chained', 7],
    ['a)', 'unexpected ")"', 2],
  ])('refuses %j', (text, message, position) => {
    const error = expectParseError(() => parseSelectList(text), 'query.syntax', message, position);
    expect(error.message.startsWith(`$select, column ${position}: `)).toBe(true);
  });
});

describe('parseOrderList', () => {
  it('reads directions and null placement in any case', () => {
    expect(shape(parseOrderList('a, b DESC, c asc NULL FIRST, d nulls last, e DESC NULLS FIRST'))).toEqual([
      { expr: col('a'), descending: false, nullsFirst: null },
      { expr: col('b'), descending: true, nullsFirst: null },
      { expr: col('c'), descending: false, nullsFirst: true },
      { expr: col('d'), descending: false, nullsFirst: false },
      { expr: col('e'), descending: true, nullsFirst: true },
    ]);
  });

  it('orders by expressions, and by columns named like the modifiers', () => {
    expect(shape(parseOrderList('a + 1 DESC, desc desc'))).toEqual([
      { expr: bin('+', col('a'), num(1)), descending: true, nullsFirst: null },
      { expr: col('desc'), descending: true, nullsFirst: null },
    ]);
  });

  it.each([
    ['a NULL', 'expected FIRST or LAST after "NULL", found end of input', 7],
    [
      'a DESCENDING',
      'expected ASC, DESC, NULL FIRST, NULL LAST, "," or the end of $order, found "DESCENDING"',
      3,
    ],
    ['a DESC ASC', 'found "ASC"', 8],
    ['', 'expected a value, found end of input', 1],
  ])('refuses %j', (text, message, position) => {
    const error = expectParseError(() => parseOrderList(text), 'query.syntax', message, position);
    expect(error.message.startsWith(`$order, column ${position}: `)).toBe(true);
  });
});

describe('parseGroupList', () => {
  it('reads comma-separated expressions', () => {
    expect(shape(parseGroupList('ward, date_trunc_ym(issued)'))).toEqual([
      col('ward'),
      call('date_trunc_ym', [col('issued')]),
    ]);
  });

  it('refuses trailing words', () => {
    expectParseError(
      () => parseGroupList('ward DESC'),
      'query.syntax',
      '$group, column 6: expected "," or the end of $group, found "DESC"',
      6,
    );
  });
});

describe('parseStatement', () => {
  it('reads every clause, keywords in any case', () => {
    const text =
      'select DISTINCT ward, count(*) AS n where amount > 10 group by ward having count(*) > 1 ' +
      "order by n desc search 'pothole' limit 10 offset 20";
    const query = parseStatement(text);
    expect(query.distinct).toBe(true);
    expect(query.search).toBe('pothole');
    expect(query.limit).toBe(10);
    expect(query.offset).toBe(20);
    for (const part of [query.select, query.where, query.group, query.having, query.order]) {
      expect(part).toMatchObject({ clause: '$query', text });
    }
    expect(shape(query.select?.node)).toEqual([
      { expr: col('ward'), alias: null },
      { expr: call('count', [{ kind: 'star' }]), alias: { name: 'n' } },
    ]);
    expect(shape(query.where?.node)).toEqual(bin('>', col('amount'), num(10)));
    expect(query.where?.node.span).toEqual({ start: text.indexOf('amount'), end: text.indexOf(' group') });
    expect(shape(query.group?.node)).toEqual([col('ward')]);
    expect(shape(query.having?.node)).toEqual(bin('>', call('count', [{ kind: 'star' }]), num(1)));
    expect(shape(query.order?.node)).toEqual([{ expr: col('n'), descending: true, nullsFirst: null }]);
  });

  it('leaves out what is not there; SELECT may be omitted', () => {
    expect(shape(parseStatement('WHERE a = 1 LIMIT 5'))).toEqual({
      select: null,
      distinct: false,
      where: { clause: '$query', text: 'WHERE a = 1 LIMIT 5', node: bin('=', col('a'), num(1)) },
      group: null,
      having: null,
      order: null,
      search: null,
      limit: 5,
      offset: null,
    });
    expect(parseStatement('  ')).toMatchObject({ select: null, where: null, limit: null });
  });

  it('lets BETWEEN take its AND before the clauses that follow', () => {
    expect(shape(parseStatement('SELECT a WHERE a BETWEEN 1 AND 2 ORDER BY a').where?.node)).toEqual({
      kind: 'between',
      operand: col('a'),
      low: num(1),
      high: num(2),
      negated: false,
    });
  });

  it.each([
    ['SELECT a FROM t', 'query.syntax', 'unexpected "FROM": a SoQL statement has no FROM', 10],
    ['WHERE a = 1 SELECT a', 'query.syntax', 'SELECT must come before WHERE', 13],
    ['WHERE a = 1 WHERE b = 2', 'query.syntax', 'WHERE appears twice', 13],
    ['SELECT a ORDER a', 'query.syntax', 'expected BY after "ORDER", found "a"', 16],
    ['SELECT a GROUP', 'query.syntax', 'expected BY after "GROUP", found end of input', 15],
    [
      'SELECT a WHERE b c',
      'query.syntax',
      'expected an operator, GROUP BY, HAVING, ORDER BY, SEARCH, LIMIT, OFFSET or the end',
      18,
    ],
    ['SELECT a LIMIT 1 x', 'query.syntax', 'expected OFFSET or the end of the statement, found "x"', 18],
    ['SELECT a OFFSET 1 x', 'query.syntax', 'expected the end of the statement, found "x"', 19],
    [
      'foo',
      'query.syntax',
      'expected SELECT, WHERE, GROUP BY, HAVING, ORDER BY, SEARCH, LIMIT, OFFSET or the end',
      1,
    ],
    ['SELECT a WHERE', 'query.syntax', 'expected a value after "WHERE", found end of input', 15],
    ['SELECT a WHERE (b', 'query.syntax', 'expected ")" to close "(" at column 16, found end of input', 18],
    ['SEARCH pothole', 'query.syntax', 'expected a quoted string after "SEARCH", found "pothole"', 8],
    ['SELECT a LIMIT', 'query.syntax', 'expected a number after "LIMIT", found end of input', 15],
    ['SELECT a LIMIT OFFSET 1', 'query.syntax', 'expected a number after "LIMIT", found keyword OFFSET', 16],
    ['SELECT a LIMIT -1', 'query.invalid', 'LIMIT takes a whole number of 0 or more, found "-1"', 16],
    ['SELECT a LIMIT 1.5', 'query.invalid', 'LIMIT takes a whole number of 0 or more, found "1.5"', 16],
    ['SELECT a OFFSET x', 'query.invalid', 'OFFSET takes a whole number of 0 or more, found "x"', 17],
    ['SELECT a LIMIT 99999999999999999999', 'query.invalid', 'LIMIT takes a whole number', 16],
  ])('refuses %j', (text, code, message, position) => {
    const error = expectParseError(() => parseStatement(text), code, message, position);
    expect(error.message.startsWith(`$query, column ${position}: `)).toBe(true);
  });
});

describe('buildQuery', () => {
  it('combines the separate parameters, each located in its own clause', () => {
    const query = buildQuery({
      select: 'ward, sum(amount) AS total',
      where: "status = 'open'",
      group: 'ward',
      having: 'sum(amount) > 100',
      order: 'total DESC',
      q: '  pothole  ',
      limit: ' 50 ',
      offset: '0',
    });
    expect(query.select).toMatchObject({ clause: '$select', text: 'ward, sum(amount) AS total' });
    expect(query.where).toMatchObject({ clause: '$where', text: "status = 'open'" });
    expect(query.group).toMatchObject({ clause: '$group', text: 'ward' });
    expect(query.having).toMatchObject({ clause: '$having', text: 'sum(amount) > 100' });
    expect(query.order).toMatchObject({ clause: '$order', text: 'total DESC' });
    expect(shape(query.where?.node)).toEqual(bin('=', col('status'), str('open')));
    expect(query).toMatchObject({ distinct: false, search: 'pothole', limit: 50, offset: 0 });
  });

  it('treats empty and blank parameters as absent', () => {
    const params: Record<string, string | undefined> = {
      select: '',
      where: '  ',
      q: ' ',
      limit: undefined,
      query: '',
    };
    expect(buildQuery(params)).toEqual({
      select: null,
      distinct: false,
      where: null,
      group: null,
      having: null,
      order: null,
      search: null,
      limit: null,
      offset: null,
    });
  });

  it('reads DISTINCT from $select', () => {
    expect(buildQuery({ select: 'DISTINCT ward' }).distinct).toBe(true);
  });

  it('parses $query on its own', () => {
    const query = buildQuery({ query: 'SELECT a LIMIT 3', where: '' });
    expect(query).toMatchObject({ limit: 3, select: { clause: '$query', text: 'SELECT a LIMIT 3' } });
  });

  it('refuses $query together with separate parameters', () => {
    const error = expectParseError(
      () => buildQuery({ query: 'SELECT a', where: 'a = 1', limit: '5' }),
      'query.invalid',
      '$query: $query cannot be combined with $where, $limit',
    );
    expect(error.details).toEqual({ clause: '$query' });
  });

  it.each([
    ['limit', '-1', '$limit'],
    ['limit', '1.5', '$limit'],
    ['limit', 'ten', '$limit'],
    ['limit', '1e3', '$limit'],
    ['offset', '99999999999999999999', '$offset'],
  ])('refuses $%s=%s', (name, value, clause) => {
    const error = expectParseError(
      () => buildQuery({ [name]: value }),
      'query.invalid',
      `${clause}: ${clause} takes a whole number of 0 or more`,
    );
    expect(error.details).toEqual({ clause });
  });

  it('reports errors in the clause they come from', () => {
    expectParseError(
      () => buildQuery({ select: 'a', order: 'b DESC x' }),
      'query.syntax',
      '$order, column 8:',
      8,
    );
    expectParseError(() => buildQuery({ having: 'count(*) >' }), 'query.syntax', '$having, column 11:', 11);
  });
});
