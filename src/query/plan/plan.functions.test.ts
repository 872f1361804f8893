/**
 * The type checker on functions and constants: every function in FUNCTION_NAMES with the node and type it
 * produces, and constants read as the type they meet (numbers, dates, the city's wall-clock times).
 */
import { describe, expect, it } from 'vitest';
import {
  plan,
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
import { FUNCTION_NAMES } from './functions.js';
import type { TExpr } from './typed.js';

/** For each function: a call, and the node it must check to. */
const CALLS: Record<string, [string, Record<string, unknown>]> = {
  avg: ['avg(valuation)', { k: 'aggregate', fn: 'avg', arg: VALUATION, distinct: false, type: 'number' }],
  case: [
    "case(active, name, true, 'other')",
    {
      k: 'case',
      whens: [
        { when: ACTIVE, then: NAME },
        { when: literal(true, 'boolean'), then: literal('other', 'text') },
      ],
      type: 'text',
    },
  ],
  coalesce: [
    "coalesce(valuation, '0')",
    { k: 'coalesce', args: [VALUATION, literal(0, 'number')], type: 'number' },
  ],
  convex_hull: ['convex_hull(location)', { k: 'aggregate', fn: 'convex_hull', type: 'geometry' }],
  count: ['count(*)', { k: 'aggregate', fn: 'count', arg: null, distinct: false, type: 'number' }],
  date_extract_d: [
    'date_extract_d(issued)',
    { k: 'dateExtract', part: 'd', operand: ISSUED, type: 'number' },
  ],
  date_extract_dow: ['date_extract_dow(created_at)', { k: 'dateExtract', part: 'dow', operand: CREATED }],
  date_extract_hh: ['date_extract_hh(created_at)', { k: 'dateExtract', part: 'hh', operand: CREATED }],
  date_extract_m: ['date_extract_m(issued)', { k: 'dateExtract', part: 'm', operand: ISSUED }],
  date_extract_mm: ['date_extract_mm(created_at)', { k: 'dateExtract', part: 'mm', operand: CREATED }],
  date_extract_ss: ['date_extract_ss(created_at)', { k: 'dateExtract', part: 'ss', operand: CREATED }],
  date_extract_woy: ['date_extract_woy(issued)', { k: 'dateExtract', part: 'woy', operand: ISSUED }],
  date_extract_y: ['date_extract_y(created_at)', { k: 'dateExtract', part: 'y', operand: CREATED }],
  date_trunc_y: ['date_trunc_y(issued)', { k: 'dateTrunc', unit: 'y', operand: ISSUED, type: 'date' }],
  date_trunc_ym: [
    'date_trunc_ym(created_at)',
    { k: 'dateTrunc', unit: 'ym', operand: CREATED, type: 'date' },
  ],
  date_trunc_ymd: [
    'date_trunc_ymd(created_at)',
    { k: 'dateTrunc', unit: 'ymd', operand: CREATED, type: 'date' },
  ],
  distance_in_meters: [
    "distance_in_meters(location, 'POINT (-117.99 33.75)')",
    { k: 'distance', field: 'location', lon: -117.99, lat: 33.75, type: 'number' },
  ],
  extent: [
    'extent(location)',
    { k: 'aggregate', fn: 'extent', arg: column('location', 'point'), type: 'geometry' },
  ],
  intersects: [
    "intersects(location, 'LINESTRING (-118 33, -117 34)')",
    {
      k: 'intersects',
      field: 'location',
      shape: {
        geometry: {
          type: 'LineString',
          coordinates: [
            [-118, 33],
            [-117, 34],
          ],
        },
        bbox: [-118, 33, -117, 34],
      },
      type: 'boolean',
    },
  ],
  lower: ['lower(name)', { k: 'lower', operand: NAME, type: 'text' }],
  max: ['max(created_at)', { k: 'aggregate', fn: 'max', arg: CREATED, type: 'timestamp' }],
  min: ['min(name)', { k: 'aggregate', fn: 'min', arg: NAME, type: 'text' }],
  starts_with: ["starts_with(name, 'Jo')", { k: 'startsWith', operand: NAME, prefix: literal('Jo', 'text') }],
  sum: ['sum(valuation)', { k: 'aggregate', fn: 'sum', arg: VALUATION, type: 'number' }],
  upper: ['upper(zip)', { k: 'upper', operand: ZIP, type: 'text' }],
  within_box: [
    'within_box(location, 34, -118, 33, -117)',
    { k: 'withinBox', field: 'location', box: [-118, 33, -117, 34], point: true, type: 'boolean' },
  ],
  within_circle: [
    'within_circle(location, 33.75, -117.99, 500)',
    { k: 'withinCircle', field: 'location', lat: 33.75, lon: -117.99, radius: 500, type: 'boolean' },
  ],
  within_polygon: [
    "within_polygon(location, 'POLYGON ((-118 33, -117 33, -117 34, -118 33))')",
    { k: 'withinPolygon', field: 'location', area: { bbox: [-118, 33, -117, 34] }, type: 'boolean' },
  ],
};

describe('planQuery: functions', () => {
  it('has a case below for every function it knows', () => {
    expect(Object.keys(CALLS).sort()).toEqual([...FUNCTION_NAMES]);
  });

  it.each(Object.entries(CALLS))('types %s', (_name, [call, node]) => {
    expect(selected(call)).toMatchObject(node);
  });

  it.each(['d', 'dow', 'hh', 'm', 'mm', 'ss', 'woy', 'y'])(
    'takes date_extract_%s of dates and timestamps',
    (part) => {
      for (const operand of [ISSUED, CREATED]) {
        expect(selected(`date_extract_${part}(${(operand as { field: string }).field})`)).toEqual({
          k: 'dateExtract',
          part,
          operand,
          type: 'number',
        });
      }
    },
  );

  it('truncates dates and timestamps alike, to a date', () => {
    for (const unit of ['y', 'ym', 'ymd']) {
      expect(selected(`date_trunc_${unit}(issued)`)).toMatchObject({ k: 'dateTrunc', unit, operand: ISSUED });
      expect(selected(`date_trunc_${unit}(created_at)`)).toMatchObject({ operand: CREATED, type: 'date' });
    }
  });

  it('types count of values and of distinct values, sum and min/max of every ordered type', () => {
    expect(selected('count(name)')).toEqual({
      k: 'aggregate',
      fn: 'count',
      arg: NAME,
      distinct: false,
      type: 'number',
    });
    expect(selected('count(DISTINCT zip)')).toMatchObject({ arg: ZIP, distinct: true, type: 'number' });
    expect(selected('max(valuation)').type).toBe('number');
    expect(selected('min(issued)').type).toBe('date');
    expect(selected('max(name)').type).toBe('text');
  });

  it('types coalesce and case by their first typed argument, reading constants as it', () => {
    expect(selected("coalesce('2024-01-01', issued)")).toEqual({
      k: 'coalesce',
      args: [literal('2024-01-01', 'date'), ISSUED],
      type: 'date',
    });
    expect(selected('case(active, valuation, true, 0)')).toMatchObject({ type: 'number' });
    expect(selected('case(active, NULL)')).toMatchObject({ type: 'null' });
    expect(plan({ select: 'case(active, NULL) AS c' }).columns[0]!.type).toBe('text');
    expect(selected('case(active, NULL, true, 5)')).toMatchObject({ type: 'number' });
  });

  it('types coalesce(NULL, 5) as a number, as case() does', () => {
    expect(selected('coalesce(NULL, 5)')).toEqual({
      k: 'coalesce',
      args: [literal(null, 'number'), literal(5, 'number')],
      type: 'number',
    });
  });

  it('reads the argument of sum() and avg() as a number', () => {
    expect(selected("sum('5')")).toMatchObject({ fn: 'sum', arg: literal(5, 'number') });
    expect(selected('avg(NULL)')).toMatchObject({ fn: 'avg', arg: literal(null, 'number') });
  });

  it('reads numbers written as upper/lower/starts_with arguments as text', () => {
    expect(selected('upper(123)')).toMatchObject({ operand: literal('123', 'text') });
    expect(selected('starts_with(zip, 92)')).toMatchObject({ prefix: literal('92', 'text') });
  });
});

describe('planQuery: constants read as the type they meet', () => {
  it('reads a quoted number compared with a number column as the number', () => {
    expect(checkedWhere("valuation > '12.5'")).toEqual(compare('>', VALUATION, literal(12.5, 'number')));
    expect(checkedWhere("'12.5' < valuation")).toEqual(compare('<', literal(12.5, 'number'), VALUATION));
  });

  it('reads a quoted date compared with a date column as a date', () => {
    expect(checkedWhere("issued >= '2024-01-01'")).toEqual(
      compare('>=', ISSUED, literal('2024-01-01', 'date')),
    );
    expect(checkedWhere("issued = '2024-01-01T00:00:00.000'")).toMatchObject({
      right: literal('2024-01-01', 'date'),
    });
  });

  it('reads quoted booleans', () => {
    expect(checkedWhere("active = 'TRUE'")).toEqual(compare('=', ACTIVE, literal(true, 'boolean')));
  });

  it.each([
    ['2024-01-15T08:00:00', '2024-01-15T16:00:00Z'], // winter: UTC-8
    ['2024-07-15T08:00:00', '2024-07-15T15:00:00Z'], // summer: UTC-7
    ['2024-01-15 08:00', '2024-01-15T16:00:00Z'],
    ['2024-03-10T01:59:59', '2024-03-10T09:59:59Z'], // last second before spring-forward
    ['2024-03-10T02:30:00', '2024-03-10T10:30:00Z'], // in the gap: read with the offset before it
    ['2024-03-10T03:00:00', '2024-03-10T10:00:00Z'],
    ['2024-11-03T00:59:59', '2024-11-03T07:59:59Z'],
    ['2024-11-03T01:30:00', '2024-11-03T08:30:00Z'], // twice at fall-back: the first (daylight) one
    ['2024-11-03T02:00:00', '2024-11-03T10:00:00Z'],
    ['2024-01-15T08:00:00Z', '2024-01-15T08:00:00Z'],
    ['2024-01-15T08:00:00-08:00', '2024-01-15T16:00:00Z'],
    ['2024-01-15T08:00:00+05:30', '2024-01-15T02:30:00Z'],
    ['2024-01-15T08:00:00.5', '2024-01-15T16:00:00.500Z'],
    ['2024-01-15T08:00:00.123456Z', '2024-01-15T08:00:00.123456Z'],
  ])('reads %s compared with a timestamp column as %s', (written, stored) => {
    expect(checkedWhere(`created_at = '${written}'`)).toEqual(
      compare('=', CREATED, literal(stored, 'timestamp')),
    );
  });

  it('reads a date as midnight also after a constant with a time of day', () => {
    expect(
      plan({ where: "created_at >= '2024-03-01T09:15:00' AND created_at < '2024-03-02'" }).where,
    ).toMatchObject({
      right: { right: literal('2024-03-02T08:00:00Z', 'timestamp') },
    });
  });

  it('reads the constants inside a NULL-typed expression as the type it is compared with', () => {
    const literalTypes = (e: unknown): string[] =>
      e === null || typeof e !== 'object'
        ? []
        : (e as { k?: string }).k === 'literal'
          ? [(e as { type: string }).type]
          : Object.values(e).flatMap(literalTypes);
    const left = (text: string) => (checkedWhere(text) as { left: TExpr }).left;
    expect(literalTypes(left('case(active, NULL) = 5'))).toEqual(['number']);
    expect(literalTypes(left("coalesce(NULL, '2024-01-01') = issued"))).toEqual(['date', 'date']);
  });

  it('reads a number compared with a text column as the text it was written as', () => {
    expect(checkedWhere('92683 = zip')).toEqual(compare('=', literal('92683', 'text'), ZIP));
  });

  it('reads zip = 92683 as the text 92683', () => {
    expect(checkedWhere('zip = 92683')).toEqual(compare('=', ZIP, literal('92683', 'text')));
  });

  it('reads 007 = zip as the text 007', () => {
    expect(checkedWhere('007 = zip')).toEqual(compare('=', literal('007', 'text'), ZIP));
  });
});
