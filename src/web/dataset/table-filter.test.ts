import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../query/soql/parser.js';
import {
  buildWhere,
  filterCondition,
  MAX_FILTERS,
  operatorsFor,
  parseFilter,
  soqlName,
  soqlString,
  type FilterColumn,
} from './table-filter.js';

const col = (field: string, type: string, name = field): FilterColumn => ({ field, name, type });
const TEXT = col('permit_type', 'text', 'Permit type');
const NUMBER = col('valuation', 'number', 'Valuation');
const DATE = col('issued_date', 'date', 'Issued');
const TIME = col('inspected_at', 'timestamp', 'Inspected');
const FLAG = col('final', 'boolean', 'Final');
const SHAPE = col('location', 'geometry', 'Location');
const COLUMNS = [TEXT, NUMBER, DATE, TIME, FLAG, SHAPE];

describe('SoQL quoting', () => {
  it('quotes strings with single quotes, doubling a quote inside', () => {
    expect(soqlString('roof')).toBe("'roof'");
    expect(soqlString("O'Brien")).toBe("'O''Brien'");
    expect(soqlString("'; DROP TABLE x; --")).toBe("'''; DROP TABLE x; --'");
  });

  it('leaves plain names bare and backticks keywords and odd names', () => {
    expect(soqlName('permit_type')).toBe('permit_type');
    expect(soqlName('order')).toBe('`order`');
    expect(soqlName('select')).toBe('`select`');
    expect(soqlName('2024 count')).toBe('`2024 count`');
    expect(soqlName('a`b')).toBe('`a``b`');
  });

  it('keeps any text one string literal when SoQL parses it back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        const expr = parseExpression(`permit_type = ${soqlString(value)}`, '$where');
        expect(expr).toMatchObject({ kind: 'binary', right: { kind: 'string', value } });
      }),
    );
  });
});

describe('reading filters from the URL', () => {
  it('reads field, operator and value; the value may hold colons', () => {
    expect(parseFilter('permit_type:contains:roof')).toEqual({
      field: 'permit_type',
      op: 'contains',
      value: 'roof',
    });
    expect(parseFilter('inspected_at:gt:2024-01-31T14:30:00')).toEqual({
      field: 'inspected_at',
      op: 'gt',
      value: '2024-01-31T14:30:00',
    });
    expect(parseFilter('permit_type:eq:')).toEqual({ field: 'permit_type', op: 'eq', value: '' });
  });

  it('refuses what is not field:op:value with a known operator', () => {
    for (const raw of ['garbage', 'a:b', ':eq:1', 'a:like:x', 'a:EQ:1']) {
      expect(parseFilter(raw)).toEqual({ kind: 'malformed', raw });
    }
  });
});

describe('one filter as a SoQL condition', () => {
  it('offers the operators that fit each type', () => {
    expect(operatorsFor('text')).toEqual(['contains', 'eq']);
    expect(operatorsFor('number')).toEqual(['eq', 'lt', 'gt', 'between']);
    expect(operatorsFor('boolean')).toEqual(['eq']);
    expect(operatorsFor('geometry')).toEqual([]);
  });

  it('matches text case-insensitively with contains, exactly with equals', () => {
    expect(filterCondition({ field: 'permit_type', op: 'contains', value: 'Roof' }, TEXT)).toBe(
      "upper(permit_type) like upper('%Roof%')",
    );
    expect(filterCondition({ field: 'permit_type', op: 'eq', value: "O'Brien" }, TEXT)).toBe(
      "permit_type = 'O''Brien'",
    );
  });

  it('compares numbers, dates and ranges as quoted literals of the right form', () => {
    expect(filterCondition({ field: 'valuation', op: 'gt', value: ' 1500.5 ' }, NUMBER)).toBe(
      "valuation > '1500.5'",
    );
    expect(filterCondition({ field: 'valuation', op: 'between', value: '10..-2e3' }, NUMBER)).toBe(
      "valuation between '10' and '-2e3'",
    );
    expect(filterCondition({ field: 'issued_date', op: 'lt', value: '2024-02-29' }, DATE)).toBe(
      "issued_date < '2024-02-29'",
    );
    expect(filterCondition({ field: 'final', op: 'eq', value: 'Yes' }, FLAG)).toBe('final = true');
    expect(filterCondition({ field: 'final', op: 'eq', value: 'false' }, FLAG)).toBe('final = false');
  });

  it('reads a bare date against a timestamp as the whole day in the city', () => {
    expect(filterCondition({ field: 'inspected_at', op: 'eq', value: '2024-01-31' }, TIME)).toBe(
      "date_trunc_ymd(inspected_at) = '2024-01-31'",
    );
    expect(filterCondition({ field: 'inspected_at', op: 'gt', value: '2024-01-31 14:30' }, TIME)).toBe(
      "inspected_at > '2024-01-31T14:30'",
    );
    expect(
      filterCondition({ field: 'inspected_at', op: 'between', value: '2024-01-01..2024-01-31' }, TIME),
    ).toBe("inspected_at >= '2024-01-01' and date_trunc_ymd(inspected_at) <= '2024-01-31'");
  });

  it('says why a filter does not apply', () => {
    expect(filterCondition({ field: 'permit_type', op: 'lt', value: 'x' }, TEXT)).toMatchObject({
      kind: 'operator',
      op: 'lt',
    });
    expect(filterCondition({ field: 'location', op: 'eq', value: 'x' }, SHAPE)).toMatchObject({
      kind: 'operator',
    });
    expect(filterCondition({ field: 'valuation', op: 'eq', value: '  ' }, NUMBER)).toMatchObject({
      kind: 'empty',
    });
    expect(filterCondition({ field: 'valuation', op: 'eq', value: '1,500' }, NUMBER)).toMatchObject({
      kind: 'number',
      value: '1,500',
    });
    expect(filterCondition({ field: 'valuation', op: 'eq', value: 'Infinity' }, NUMBER)).toMatchObject({
      kind: 'number',
    });
    expect(filterCondition({ field: 'issued_date', op: 'eq', value: '2024-02-30' }, DATE)).toMatchObject({
      kind: 'date',
    });
    expect(
      filterCondition({ field: 'issued_date', op: 'eq', value: "2024-01-01' or '1'='1" }, DATE),
    ).toMatchObject({
      kind: 'date',
    });
    expect(filterCondition({ field: 'final', op: 'eq', value: 'maybe' }, FLAG)).toMatchObject({
      kind: 'boolean',
    });
    for (const value of ['5', '5..', '..5', '1..2..3']) {
      expect(filterCondition({ field: 'valuation', op: 'between', value }, NUMBER), value).toMatchObject({
        kind: 'range',
      });
    }
    expect(filterCondition({ field: 'valuation', op: 'between', value: '1..x' }, NUMBER)).toMatchObject({
      kind: 'number',
      value: 'x',
    });
    expect(filterCondition({ field: 'permit_type', op: 'eq', value: 'x'.repeat(501) }, TEXT)).toMatchObject({
      kind: 'too-long',
    });
  });

  it('always yields a condition that SoQL parses, whatever the value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COLUMNS.filter((c) => c.type !== 'geometry')),
        fc.constantFrom('contains', 'eq', 'lt', 'gt', 'between'),
        fc.string({ maxLength: 40 }),
        (column, op, value) => {
          const condition = filterCondition({ field: column.field, op, value }, column);
          if (typeof condition === 'string') expect(() => parseExpression(condition, '$where')).not.toThrow();
        },
      ),
    );
  });
});

describe('the $where of a table view', () => {
  it('joins the filters that apply with AND, and reports the others', () => {
    const built = buildWhere(
      ['permit_type:contains:roof', 'nope:eq:1', 'valuation:gt:1000', 'valuation:gt:abc', ''],
      COLUMNS,
    );
    expect(built.where).toBe("(upper(permit_type) like upper('%roof%')) and (valuation > '1000')");
    expect(built.active.map((f) => f.raw)).toEqual(['permit_type:contains:roof', 'valuation:gt:1000']);
    expect(built.active[0]?.column).toBe(TEXT);
    expect(built.problems).toEqual([
      { kind: 'unknown-column', field: 'nope' },
      { kind: 'number', column: NUMBER, value: 'abc' },
    ]);
  });

  it('is null when no filter applies, and one condition bare', () => {
    expect(buildWhere([], COLUMNS)).toEqual({ active: [], where: null, problems: [] });
    expect(buildWhere(['valuation:eq:5'], COLUMNS).where).toBe("valuation = '5'");
  });

  it(`applies at most ${MAX_FILTERS} filters`, () => {
    const built = buildWhere(
      Array.from({ length: MAX_FILTERS + 2 }, (_, i) => `valuation:gt:${i}`),
      COLUMNS,
    );
    expect(built.active).toHaveLength(MAX_FILTERS);
    expect(built.problems).toEqual([{ kind: 'too-many', max: MAX_FILTERS }]);
  });
});
