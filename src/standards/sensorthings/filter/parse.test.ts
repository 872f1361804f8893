import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import type { Expr } from './ast.js';
import { parseFilter, parseInstant, parseOrderBy } from './parse.js';

/** A compact text form of a tree, to compare shapes in one line. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return e.type === 'string'
        ? `'${e.value}'`
        : e.type === 'geometry'
          ? `geo:${e.value.type}`
          : String(e.value);
    case 'path':
      return e.segments.join('/');
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
    case 'not':
      return `(not ${show(e.arg)})`;
    case 'negate':
      return `(-${show(e.arg)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
}

const parsed = (text: string) => show(parseFilter(text));

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('$filter parser', () => {
  it('reads comparisons, paths and literals', () => {
    expect(parsed("name eq 'Station 1'")).toBe("(name eq 'Station 1')");
    expect(parsed('Datastream/Thing/name ne null')).toBe('(Datastream/Thing/name ne null)');
    expect(parsed('result gt -1.5e2')).toBe('(result gt -150)');
    expect(parsed("name eq 'O''Brien'")).toBe("(name eq 'O'Brien')");
    expect(parsed('@iot.id le 3')).toBe('(@iot.id le 3)');
    expect(parsed('properties/active eq true')).toBe('(properties/active eq true)');
  });

  it('gives and, or, not and arithmetic their OData precedence', () => {
    expect(parsed('a eq 1 or b eq 2 and c eq 3')).toBe('((a eq 1) or ((b eq 2) and (c eq 3)))');
    expect(parsed('not a eq 1 and b eq 2')).toBe('((not (a eq 1)) and (b eq 2))');
    expect(parsed('result add 2 mul 3 gt 10 sub 1')).toBe('((result add (2 mul 3)) gt (10 sub 1))');
    expect(parsed('(a eq 1 or b eq 2) and not (c eq 3)')).toBe('(((a eq 1) or (b eq 2)) and (not (c eq 3)))');
    expect(parsed('- result lt 0')).toBe('((-result) lt 0)');
    expect(parsed('A EQ 1 AND B Ne 2')).toBe('((A eq 1) and (B ne 2))');
  });

  it('reads functions with their arguments', () => {
    expect(parsed("substringof('air', tolower(name))")).toBe("substringof('air', tolower(name))");
    expect(parsed("geo.intersects(location, geography'POINT(-117.99 33.75)')")).toBe(
      'geo.intersects(location, geo:Point)',
    );
    expect(parsed("st_within(location, geography'POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))')")).toBe(
      'st_within(location, geo:Polygon)',
    );
    expect(parsed('year(phenomenonTime) eq 2024')).toBe('(year(phenomenonTime) eq 2024)');
    expect(parsed('now() gt phenomenonTime')).toBe(`(now() gt phenomenonTime)`);
  });

  it('reads times as instants in UTC', () => {
    const e = parseFilter('phenomenonTime ge 2024-05-01T13:00:00.250-07:00');
    expect(e.kind === 'binary' && e.right.kind === 'literal' && e.right.value).toBe(
      Date.parse('2024-05-01T20:00:00.250Z'),
    );
    expect(parsed('resultTime lt 2024-01-01T00:00Z')).toBe(
      `(resultTime lt ${Date.parse('2024-01-01T00:00Z')})`,
    );
    expect(parsed('date(phenomenonTime) eq 2024-02-29')).toBe('(date(phenomenonTime) eq 2024-02-29)');
    expect(parsed('time(phenomenonTime) ge 08:30:00')).toBe('(time(phenomenonTime) ge 08:30:00.000)');
    expect(parseInstant('0001-01-01T00:00:00Z')).toBe(-62135596800000);
  });

  it('refuses what is not a filter, saying where and what to do', () => {
    const cases: [string, RegExp][] = [
      ["name eq 'x", /not closed/],
      ['name eq', /ends too early/],
      ['name eq 1 eq 2', /do not chain/],
      ['name eq 1)', /Expected "and", "or" or the end/],
      ['(name eq 1', /Expected "\)"/],
      ['frobnicate(name)', /Unknown function "frobnicate"/],
      ['substringof(name)', /substringof takes 2 arguments, not 1/],
      ['phenomenonTime gt 2024-01-01T00:00:00', /no time zone: add Z/],
      ['phenomenonTime gt 2024-02-30T00:00:00Z', /not a valid date and time/],
      ["geo.intersects(location, geography'POINT(1)')", /not valid WKT/],
      [
        "geo.intersects(location, geography'POLYGON((0 0, 1 0, 1 1, 0 0.5))')",
        /not a valid geometry|not valid WKT/,
      ],
      ["phenomenonTime lt duration'P1D'", /Durations are not served/],
      ['name eq #', /Unexpected character "#"/],
      ['', /empty/],
      ['and', /operator "and"/],
    ];
    for (const [text, message] of cases) {
      const error = errorOf(() => parseFilter(text));
      expect(error.code, text).toBe('sta.bad_query');
      expect(error.status).toBe(400);
      expect(error.message, text).toMatch(message);
    }
    expect(errorOf(() => parseFilter('name eq #')).details).toEqual({ position: 9 });
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    expect(errorOf(() => parseFilter(`${'('.repeat(5000)}a eq 1${')'.repeat(5000)}`)).message).toMatch(
      /nests deeper/,
    );
    expect(errorOf(() => parseFilter(`${'not '.repeat(1000)}a eq 1`)).message).toMatch(/nests deeper/);
    expect(errorOf(() => parseFilter(`${'-'.repeat(5000)}1 eq 1`)).message).toMatch(/nests deeper/);
  });
});

describe('$orderby parser', () => {
  it('reads keys with directions', () => {
    const keys = parseOrderBy('phenomenonTime desc, Datastream/name, id asc');
    expect(keys.map((k) => `${show(k.expr)} ${k.desc ? 'desc' : 'asc'}`)).toEqual([
      'phenomenonTime desc',
      'Datastream/name asc',
      'id asc',
    ]);
  });

  it('refuses a key without a comma between', () => {
    expect(errorOf(() => parseOrderBy('name desc id')).message).toMatch(/"asc", "desc", ","/);
  });
});
