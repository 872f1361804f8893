/**
 * The type checker on what it refuses: every `query.*` code, the 1-based position of the offending part and a
 * message that says what to fix. Geo functions are in `plan.geo.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { expectError, inSelect, inWhere, plan } from '../../../test/support/soql-plans.js';

describe('planQuery errors: unknown names', () => {
  it('names an unknown column, suggests the nearest and lists the columns', () => {
    inWhere('valuatoin > 1', {
      code: 'query.unknown_column',
      position: 1,
      near: 'valuatoin',
      message: 'no column "valuatoin" in this dataset; did you mean "valuation"?',
    });
    inWhere("valuation > 1 AND nmae = 'x'", {
      code: 'query.unknown_column',
      position: 19,
      near: 'nmae',
      message:
        /did you mean "name"\? \(columns: name, zip, valuation, active, issued, created_at, location\)$/,
    });
    const far = inWhere('xyzzy = 1', { code: 'query.unknown_column', position: 1 });
    expect(far.message).not.toContain('did you mean');
    expectError(() => plan({ order: 'valuation, craeted_at DESC' }), {
      code: 'query.unknown_column',
      clause: '$order',
      position: 12,
      message: 'did you mean "created_at"?',
    });
  });

  it('names an unknown system field', () => {
    inWhere('valuation > 1 OR :created_at IS NULL', {
      code: 'query.unknown_column',
      position: 18,
      near: ':created_at',
      message: 'the system field is :id',
    });
  });

  it('points into a whole $query statement', () => {
    expectError(() => plan({ query: 'SELECT name WHERE valuatoin > 1' }), {
      code: 'query.unknown_column',
      clause: '$query',
      position: 19,
      near: 'valuatoin',
    });
  });

  it('names an unknown function and lists the functions', () => {
    inSelect('name, foo(valuation)', {
      code: 'query.unknown_function',
      position: 7,
      near: 'foo(valuation)',
      message: /unknown function foo\(\); functions: avg, case, coalesce, .*within_polygon$/,
    });
  });

  it('reports syntax errors with their position (from the parser)', () => {
    expectError(() => plan({ where: 'valuation >' }), {
      code: 'query.syntax',
      clause: '$where',
      position: 12,
    });
  });
});

describe('planQuery errors: types', () => {
  it('points at the operand of the wrong type', () => {
    inWhere('name + 1 > 2', {
      code: 'query.type',
      position: 1,
      near: 'name',
      message: 'expected a number value',
    });
    inWhere('valuation + name > 1', {
      code: 'query.type',
      position: 13,
      near: 'name',
      message: 'of type text',
    });
    inWhere('NOT valuation', { code: 'query.type', position: 5, message: 'expected a boolean value' });
    inWhere("valuation LIKE '5'", { code: 'query.type', position: 1, message: 'expected a text value' });
    inSelect('upper(valuation)', { code: 'query.type', position: 7 });
    inSelect('sum(name)', { code: 'query.type', position: 5, near: 'name' });
    inSelect('date_trunc_ym(name)', {
      code: 'query.type',
      position: 15,
      message: 'takes a date or timestamp',
    });
    inSelect('min(active)', { code: 'query.type', position: 5, message: 'min() needs text, numbers, dates' });
    inSelect('extent(name)', {
      code: 'query.type',
      position: 8,
      message: 'extent() takes a geometry column',
    });
    inSelect("case(active, 1, true, 'many')", {
      code: 'query.type',
      position: 23,
      message: "'many' is not a number",
    });
  });

  it('refuses comparing different types, with a hint for dates', () => {
    inWhere('issued > created_at', {
      code: 'query.type',
      position: 1,
      message:
        'cannot compare date with timestamp ("issued > created_at"); write dates and times in quotes, as \'2024-01-31\'',
    });
    inWhere('active = 1', { code: 'query.type', position: 1, message: 'cannot compare boolean with number' });
    inWhere('name = valuation', { code: 'query.type', position: 1 });
  });

  it('refuses ordering booleans and comparing geometry', () => {
    inWhere('active < true', {
      code: 'query.type',
      message: '< needs text, numbers, dates or timestamps, not boolean',
    });
    inWhere('active BETWEEN false AND true', { code: 'query.type', position: 1, message: 'BETWEEN needs' });
    inWhere('location = location', {
      code: 'query.type',
      position: 1,
      message: '= does not apply to geometry',
    });
    inWhere("location IN ('x')", { code: 'query.type', position: 14, message: 'use the geo functions' });
  });

  it('points at the constant that cannot be read as the type it meets, in lists and ranges', () => {
    inWhere("valuation IN (1, 'abc')", {
      code: 'query.type',
      position: 18,
      near: "'abc'",
      message: "'abc' is not a number",
    });
    inWhere("issued BETWEEN '2024-02-30' AND '2024-03-01'", {
      code: 'query.type',
      position: 16,
      message: "'2024-02-30' is not a date: write it as YYYY-MM-DD",
    });
    inWhere("created_at NOT BETWEEN '2024-01-01' AND 'soon'", {
      code: 'query.type',
      position: 41,
      message: "'soon' is not a timestamp: write it as YYYY-MM-DDTHH:MM:SS, with Z or an offset",
    });
    inWhere("issued = '2024-01-01T00:00:01'", { code: 'query.type', message: 'is not a date' });
    inWhere("created_at = '2024-01-01T00:00:00.1234567'", {
      code: 'query.type',
      message: 'finer than a microsecond',
    });
    inWhere("active = 'yes'", { code: 'query.type', message: "'yes' is not a boolean: write true or false" });
  });

  it('points at the constant of a comparison that cannot be read', () => {
    inWhere("valuation > 'abc'", { code: 'query.type', position: 13, near: "'abc'" });
  });

  it('checks simple filters as if written field=value, in clause "filter"', () => {
    expectError(() => plan({}, { valuatoin: '12' }), {
      code: 'query.unknown_column',
      clause: 'filter',
      position: 1,
      near: 'valuatoin',
      message: 'did you mean "valuation"?',
    });
    expectError(() => plan({}, { active: 'yes' }), { code: 'query.type', clause: 'filter', position: 8 });
    expectError(() => plan({}, { location: 'POINT (1 2)' }), {
      code: 'query.type',
      clause: 'filter',
      position: 10,
    });
  });
});

describe('planQuery errors: what a query may not do', () => {
  it('keeps aggregates out of $where and $group', () => {
    inWhere('valuation > 1 AND count(*) > 1', {
      code: 'query.invalid',
      position: 19,
      near: 'count(*)',
      message: 'count() is an aggregate: it belongs in $select, $having or $order',
    });
    expectError(() => plan({ select: 'count(*)', group: 'zip, count(*)' }), {
      code: 'query.invalid',
      clause: '$group',
      position: 6,
    });
    expectError(() => plan({ select: 'name AS n, count(*) AS c', group: 'n, c' }), {
      code: 'query.invalid',
      clause: '$group',
      position: 4,
      near: 'c',
      message: 'cannot group by an aggregate',
    });
  });

  it('points at the aggregate call, not its argument', () => {
    inWhere('valuation > max(name)', { code: 'query.invalid', position: 13, near: 'max(name)' });
  });

  it('refuses nested aggregates', () => {
    inSelect('max(sum(valuation))', {
      code: 'query.invalid',
      message: 'sum() cannot be nested',
    });
  });

  it('points at the nested aggregate', () => {
    inSelect('max(sum(valuation))', { code: 'query.invalid', position: 5, near: 'sum(valuation)' });
  });

  it('refuses ungrouped columns next to aggregates, saying what to do', () => {
    inSelect('name, count(*)', {
      code: 'query.invalid',
      position: 1,
      message: '"name" is neither grouped nor aggregated: add it to $group or wrap it in an aggregate',
    });
    expectError(() => plan({ select: 'zip, count(*)', group: 'zip', order: 'valuation' }), {
      code: 'query.invalid',
      clause: '$order',
      position: null,
      message: '$order may use only grouped columns and aggregates',
    });
    expectError(() => plan({ select: 'zip, count(*)', group: 'zip', having: 'valuation > 1' }), {
      code: 'query.invalid',
      clause: '$having',
      position: null,
    });
    expectError(() => plan({ select: 'name', having: 'name > 1' }), {
      code: 'query.invalid',
      clause: '$having',
      position: null,
      message: '$having filters groups: add $group or an aggregate to $select',
    });
    // A geo predicate reads the row's geometry, which grouping by the column does not make a group value.
    inSelect('within_box(location, 34, -118, 33, -117) AS inside, count(*)', {
      code: 'query.invalid',
      position: 1,
    });
  });

  it('points at the ungrouped column', () => {
    inSelect('count(*), name', { code: 'query.invalid', position: 11, near: 'name' });
  });
  it('points at the $order key that DISTINCT does not select', () => {
    expectError(() => plan({ select: 'DISTINCT name', order: 'name, zip' }), {
      code: 'query.invalid',
      clause: '$order',
      position: 7,
    });
  });
  it('points at the second output of a duplicate name', () => {
    inSelect('name, valuation, name', { code: 'query.invalid', position: 18 });
  });

  it('refuses DISTINCT ordered by a column it does not select', () => {
    expectError(() => plan({ select: 'DISTINCT name', order: 'zip' }), {
      code: 'query.invalid',
      clause: '$order',
      position: 1,
      message: 'with DISTINCT, $order may use only the selected columns',
    });
  });

  it('refuses two outputs with one name', () => {
    for (const select of ['name, name', '*, zip', 'name AS zip, zip', 'count(*), count(*)']) {
      inSelect(select, {
        code: 'query.invalid',
        message: 'give one of them an alias with AS',
      });
    }
  });

  it('refuses ordering by booleans and geometry, at the key', () => {
    expectError(() => plan({ order: 'name, active' }), {
      code: 'query.invalid',
      clause: '$order',
      position: 7,
      message: 'cannot order by a boolean value',
    });
    expectError(() => plan({ order: 'location' }), { code: 'query.invalid', clause: '$order', position: 1 });
  });

  it('checks arity and DISTINCT in calls', () => {
    inSelect('name, upper(name, zip)', {
      code: 'query.invalid',
      position: 7,
      message: 'upper() takes 1 argument, got 2',
    });
    inSelect('coalesce()', { code: 'query.invalid', position: 1, message: 'takes at least 1' });
    inSelect('case(active)', { code: 'query.invalid', position: 1, message: 'case() takes pairs' });
    inSelect('within_box(location, 1, 2, 3)', {
      code: 'query.invalid',
      position: 1,
      message: 'takes 5 arguments, got 4',
    });
    inSelect('sum(DISTINCT valuation)', {
      code: 'query.invalid',
      position: 1,
      message: 'only in count(DISTINCT',
    });
    inSelect('upper(DISTINCT name)', { code: 'query.invalid', position: 1 });
    inSelect('count(DISTINCT *)', {
      code: 'query.invalid',
      position: 1,
      message: 'count(DISTINCT *) is not allowed',
    });
  });
});
