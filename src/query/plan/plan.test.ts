/**
 * The type checker on what it accepts: every operator with the node and type it produces, output names, `*`,
 * aliases, grouping and DISTINCT rules, filters. Functions and constants are in `plan.functions.test.ts`,
 * errors in `plan.errors.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import {
  plan,
  SCHEMA,
  selected,
  checkedWhere,
  column,
  literal,
  compare,
  NAME,
  ZIP,
  VALUATION,
  ACTIVE,
  ISSUED,
  CREATED,
} from '../../../test/support/soql-plans.js';

describe('planQuery: operators', () => {
  it.each([
    ['=', '='],
    ['!=', '!='],
    ['<>', '!='],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
  ])('types "valuation %s 5" as a comparison %s', (written, op) => {
    expect(checkedWhere(`valuation ${written} 5`)).toEqual(compare(op, VALUATION, literal(5, 'number')));
  });

  it('orders text, numbers, dates and timestamps; compares booleans for equality', () => {
    expect(checkedWhere("name < 'M'")).toEqual(compare('<', NAME, literal('M', 'text')));
    expect(checkedWhere('valuation >= valuation')).toEqual(compare('>=', VALUATION, VALUATION));
    expect(checkedWhere("issued > '2024-01-31'")).toEqual(
      compare('>', ISSUED, literal('2024-01-31', 'date')),
    );
    expect(checkedWhere("created_at <= '2024-01-31T00:00:00Z'")).toEqual(
      compare('<=', CREATED, literal('2024-01-31T00:00:00Z', 'timestamp')),
    );
    expect(checkedWhere('active = true')).toEqual(compare('=', ACTIVE, literal(true, 'boolean')));
    expect(checkedWhere('active != false')).toEqual(compare('!=', ACTIVE, literal(false, 'boolean')));
    expect(checkedWhere(':id > 10')).toEqual(
      compare('>', { k: 'rowid', type: 'number' }, literal(10, 'number')),
    );
  });

  it('types AND, OR and NOT with their precedence', () => {
    expect(checkedWhere('active OR NOT active AND valuation > 1')).toEqual({
      k: 'logic',
      op: 'or',
      left: ACTIVE,
      right: {
        k: 'logic',
        op: 'and',
        left: { k: 'not', operand: ACTIVE, type: 'boolean' },
        right: compare('>', VALUATION, literal(1, 'number')),
        type: 'boolean',
      },
      type: 'boolean',
    });
  });

  it('types IN and NOT IN, reading quoted items as the operand type', () => {
    expect(checkedWhere("valuation IN (1, '2.5')")).toEqual({
      k: 'in',
      operand: VALUATION,
      list: [literal(1, 'number'), literal(2.5, 'number')],
      negated: false,
      type: 'boolean',
    });
    expect(checkedWhere("issued NOT IN ('2024-01-01')")).toMatchObject({
      k: 'in',
      list: [literal('2024-01-01', 'date')],
      negated: true,
    });
    // A number item where text is compared is the text as written.
    expect(checkedWhere('zip IN (92683, 007)')).toMatchObject({
      list: [literal('92683', 'text'), literal('007', 'text')],
    });
  });

  it('types BETWEEN and NOT BETWEEN on every ordered type', () => {
    expect(checkedWhere("valuation BETWEEN '1' AND 10")).toEqual({
      k: 'between',
      operand: VALUATION,
      low: literal(1, 'number'),
      high: literal(10, 'number'),
      negated: false,
      type: 'boolean',
    });
    expect(
      checkedWhere("created_at NOT BETWEEN '2024-01-01T00:00:00Z' AND '2024-02-01T00:00:00Z'"),
    ).toMatchObject({
      k: 'between',
      operand: CREATED,
      low: literal('2024-01-01T00:00:00Z', 'timestamp'),
      negated: true,
    });
    expect(checkedWhere("name BETWEEN 'a' AND 'n'")).toMatchObject({ k: 'between', operand: NAME });
    expect(checkedWhere("issued BETWEEN '2024-01-01' AND '2024-12-31'")).toMatchObject({ operand: ISSUED });
  });

  it('types LIKE and NOT LIKE on text, a number pattern as its text', () => {
    expect(checkedWhere("name LIKE 'Jo%'")).toEqual({
      k: 'like',
      operand: NAME,
      pattern: literal('Jo%', 'text'),
      negated: false,
      type: 'boolean',
    });
    expect(checkedWhere('zip NOT LIKE 926')).toMatchObject({
      k: 'like',
      pattern: literal('926', 'text'),
      negated: true,
    });
    expect(checkedWhere('name LIKE zip')).toMatchObject({ k: 'like', pattern: ZIP });
  });

  it('types IS NULL and IS NOT NULL on any type, geometry included', () => {
    expect(checkedWhere('location IS NULL')).toEqual({
      k: 'isNull',
      operand: column('location', 'point'),
      negated: false,
      type: 'boolean',
    });
    expect(checkedWhere('issued IS NOT NULL')).toMatchObject({ k: 'isNull', operand: ISSUED, negated: true });
  });

  it.each(['+', '-', '*', '/', '%'])('types "valuation %s 2" as number arithmetic', (op) => {
    expect(selected(`valuation ${op} 2`)).toEqual({
      k: 'arith',
      op,
      left: VALUATION,
      right: literal(2, 'number'),
      type: 'number',
    });
  });

  it('reads quoted numbers in arithmetic, negates, and drops a unary plus', () => {
    expect(selected("valuation * '1.5'")).toMatchObject({ right: literal(1.5, 'number') });
    expect(selected('-valuation')).toEqual({ k: 'negate', operand: VALUATION, type: 'number' });
    expect(selected('+valuation')).toEqual(VALUATION);
    expect(selected('-5')).toEqual(literal(-5, 'number'));
  });

  it('types || as text concatenation, numbers written in it as their text', () => {
    expect(selected("name || ', ' || zip")).toEqual({
      k: 'concat',
      left: { k: 'concat', left: NAME, right: literal(', ', 'text'), type: 'text' },
      right: ZIP,
      type: 'text',
    });
    expect(selected('zip || 1.50')).toMatchObject({ right: literal('1.50', 'text') });
  });

  it('gives NULL the type of what it meets', () => {
    expect(checkedWhere('valuation = NULL')).toEqual(compare('=', VALUATION, literal(null, 'number')));
    expect(checkedWhere('NULL < created_at')).toEqual(compare('<', literal(null, 'timestamp'), CREATED));
    expect(selected('valuation + NULL')).toMatchObject({ right: literal(null, 'number') });
    expect(plan({ select: 'NULL AS nothing' }).columns[0]).toMatchObject({ name: 'nothing', type: 'text' });
  });
});

describe('planQuery: output columns', () => {
  it('names outputs by alias, column, count, fn_column and _N', () => {
    const names = plan({
      select: "name AS label, valuation, upper(zip), date_trunc_ym(created_at), valuation * 2, 'x', :id",
    }).columns.map((c) => c.name);
    expect(names).toEqual(['label', 'valuation', 'upper_zip', 'date_trunc_ym_created_at', '_5', '_6', ':id']);
    const aggregates = plan({ select: 'count(*), sum(valuation), count(DISTINCT zip), max(issued)' }).columns;
    expect(aggregates.map((c) => c.name)).toEqual(['count', 'sum_valuation', 'count_zip', 'max_issued']);
  });

  it('names a call on an expression by its position', () => {
    expect(plan({ select: 'upper(name || zip), upper(zip || name)' }).columns.map((c) => c.name)).toEqual([
      '_1',
      '_2',
    ]);
  });

  it('types each output column', () => {
    const columns = plan({
      select: "name, valuation / 2 AS half, active, issued, created_at, location, 'x' || zip",
    }).columns;
    expect(columns.map((c) => c.type)).toEqual([
      'text',
      'number',
      'boolean',
      'date',
      'timestamp',
      'point',
      'text',
    ]);
    expect(plan({ select: 'extent(location)' }).columns[0]).toMatchObject({
      name: 'extent_location',
      type: 'geometry',
    });
  });

  it('expands * to every column in schema order, alone, with others, or when $select is absent', () => {
    const all = SCHEMA.columns.map((c) => ({ name: c.field, type: c.type, expr: column(c.field, c.type) }));
    expect(plan({}).columns).toEqual(all);
    expect(plan({ select: '*' }).columns).toEqual(all);
    const more = plan({ select: '*, valuation * 2 AS double' }).columns;
    expect(more.slice(0, all.length)).toEqual(all);
    expect(more[all.length]).toMatchObject({ name: 'double', type: 'number' });
    expect(plan({ select: 'valuation AS v, *' }).columns.map((c) => c.name)[1]).toBe('name');
  });

  it('resolves column names case-insensitively, an exact match first', () => {
    expect(selected('NAME')).toEqual(NAME);
    expect(plan({ select: 'Valuation' }).columns[0]).toMatchObject({ name: 'Valuation', expr: VALUATION });
  });
});

describe('planQuery: aliases, grouping and DISTINCT', () => {
  it('resolves $select aliases in $group, $having and $order', () => {
    const p = plan({
      select: 'date_trunc_ym(created_at) AS month, count(*) AS n',
      group: 'month',
      having: 'n > 2',
      order: 'month DESC, n',
    });
    const [month, n] = p.columns.map((c) => c.expr);
    expect(p.group).toEqual([month]);
    expect(p.having).toEqual(compare('>', n!, literal(2, 'number')));
    expect(p.order).toEqual([
      { expr: month, descending: true, nullsFirst: true },
      { expr: n, descending: false, nullsFirst: false },
    ]);
    expect(p.grouped).toBe(true);
  });

  it('keeps explicit NULL FIRST / NULL LAST and defaults nulls to last ascending, first descending', () => {
    const p = plan({ order: 'name DESC NULL LAST, zip NULLS FIRST, valuation, issued DESC' });
    expect(p.order.map((o) => [o.descending, o.nullsFirst])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [true, true],
    ]);
  });

  it('is grouped with $group, with an aggregate in $select, $having or $order', () => {
    expect(plan({ select: 'name', group: 'name' }).grouped).toBe(true);
    expect(plan({ select: 'count(*)' }).grouped).toBe(true);
    expect(plan({ select: "'x' AS k", having: 'count(*) > 1' }).grouped).toBe(true);
    expect(plan({ select: 'sum(valuation)', order: 'count(*) DESC' }).grouped).toBe(true);
    expect(plan({ select: 'name', order: 'name' }).grouped).toBe(false);
  });

  it('accepts grouped columns, expressions of them, aggregates and constants in a grouped query', () => {
    const p = plan({
      select:
        "name, upper(name) || zip AS label, 'const' AS c, count(*) AS n, max(valuation) - min(valuation) AS spread",
      group: 'name, zip',
      order: 'label, spread DESC',
    });
    expect(p.group).toEqual([NAME, ZIP]);
    expect(p.columns.map((c) => c.name)).toEqual(['name', 'label', 'c', 'n', 'spread']);
    expect(plan({ select: ':id, count(*)', group: ':id' }).group).toEqual([{ k: 'rowid', type: 'number' }]);
    expect(plan({ select: 'upper(name) AS u, count(*)', group: 'upper(name)' }).columns[0]!.name).toBe('u');
  });

  it('accepts DISTINCT ordered by selected columns or their aliases', () => {
    const p = plan({ select: 'DISTINCT name AS n, zip', order: 'n DESC, zip' });
    expect(p.distinct).toBe(true);
    expect(p.order.map((o) => o.expr)).toEqual([NAME, ZIP]);
    expect(plan({ select: 'DISTINCT *', order: 'valuation' }).distinct).toBe(true);
  });
});

describe('planQuery: filters, search and paging fields', () => {
  it('adds simple filters as equalities after $where, in order, read as the column type', () => {
    const p = plan({ where: 'active' }, { valuation: '12.5', zip: '92683', issued: '2024-01-01' });
    expect(p.where).toEqual({
      k: 'logic',
      op: 'and',
      left: {
        k: 'logic',
        op: 'and',
        left: {
          k: 'logic',
          op: 'and',
          left: ACTIVE,
          right: compare('=', VALUATION, literal(12.5, 'number')),
          type: 'boolean',
        },
        right: compare('=', ZIP, literal('92683', 'text')),
        type: 'boolean',
      },
      right: compare('=', ISSUED, literal('2024-01-01', 'date')),
      type: 'boolean',
    });
    expect(plan({}, { name: "O'Brien" }).where).toEqual(compare('=', NAME, literal("O'Brien", 'text')));
    expect(plan({}, { created_at: '2024-01-15T08:00:00' }).where).toMatchObject({
      right: literal('2024-01-15T16:00:00Z', 'timestamp'),
    });
  });

  it('splits $q into terms and keeps $limit and $offset', () => {
    const p = plan({ q: ' solar  Carport solar ', limit: '10', offset: '20' });
    expect(p).toMatchObject({
      search: ['solar', 'Carport'],
      limit: 10,
      offset: 20,
      where: null,
      having: null,
    });
    expect(plan({})).toMatchObject({
      search: [],
      limit: null,
      offset: 0,
      group: [],
      order: [],
      distinct: false,
    });
  });

  it('plans a whole $query statement like the separate parameters', () => {
    const statement = plan({
      query:
        "SELECT zip, count(*) AS n WHERE valuation > '10' GROUP BY zip HAVING n > 1 ORDER BY n DESC SEARCH 'roof' LIMIT 5 OFFSET 1",
    });
    const separate = plan({
      select: 'zip, count(*) AS n',
      where: "valuation > '10'",
      group: 'zip',
      having: 'n > 1',
      order: 'n DESC',
      q: 'roof',
      limit: '5',
      offset: '1',
    });
    expect(statement).toEqual(separate);
  });
});
