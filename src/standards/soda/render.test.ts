import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../query/plan/literals.js';
import type { OutputColumn, TExpr, ValueType } from '../../query/plan/typed.js';
import {
  asciiJson,
  decimalString,
  floatingDate,
  floatingTimestamp,
  rowObject,
  rowRenderer,
  sodaColumns,
  sodaGeometry,
  sodaHeaders,
  sodaType,
} from './render.js';

const LA = 'America/Los_Angeles';
const column = (field: string, type: ValueType): OutputColumn => ({
  name: field,
  type,
  expr: { k: 'column', field, type },
});

describe('numbers', () => {
  it('are plain decimal strings, integers without a fraction', () => {
    expect(decimalString(1200.5)).toBe('1200.5');
    expect(decimalString(56000)).toBe('56000');
    expect(decimalString(0)).toBe('0');
    expect(decimalString(-0)).toBe('0');
    expect(decimalString(-17.25)).toBe('-17.25');
    expect(decimalString(4500.166666666667)).toBe('4500.166666666667');
  });

  it('never use an exponent', () => {
    expect(decimalString(1e21)).toBe('1000000000000000000000');
    expect(decimalString(1.2345e22)).toBe('12345000000000000000000');
    expect(decimalString(1.5e-7)).toBe('0.00000015');
    expect(decimalString(-2.5e-10)).toBe('-0.00000000025');
    expect(decimalString(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('are null when not finite', () => {
    expect(decimalString(Number.NaN)).toBeNull();
    expect(decimalString(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('read back as the same number, for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = decimalString(x)!;
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('dates and timestamps', () => {
  it('renders dates as floating midnight', () => {
    expect(floatingDate('2024-01-15')).toBe('2024-01-15T00:00:00.000');
  });

  it("renders instants as the city's wall-clock time, to the millisecond, without a zone", () => {
    expect(floatingTimestamp('2024-01-15T17:30:00Z', LA)).toBe('2024-01-15T09:30:00.000');
    expect(floatingTimestamp('2024-07-04T19:00:00.123456Z', LA)).toBe('2024-07-04T12:00:00.123');
    expect(floatingTimestamp('2024-07-04T19:00:00.5Z', LA)).toBe('2024-07-04T12:00:00.500');
    expect(floatingTimestamp('2024-01-01T05:00:00Z', LA)).toBe('2023-12-31T21:00:00.000');
    expect(floatingTimestamp('2024-01-15T17:30:00Z', 'UTC')).toBe('2024-01-15T17:30:00.000');
    expect(floatingTimestamp('2024-01-15T17:30:00Z', 'Asia/Kolkata')).toBe('2024-01-15T23:00:00.000');
  });

  it('gives both instants of the repeated hour the same floating time', () => {
    expect(floatingTimestamp('2024-11-03T08:30:00Z', LA)).toBe('2024-11-03T01:30:00.000');
    expect(floatingTimestamp('2024-11-03T09:30:00Z', LA)).toBe('2024-11-03T01:30:00.000');
    // Spring forward: 02:00 to 03:00 does not exist.
    expect(floatingTimestamp('2024-03-10T10:00:00Z', LA)).toBe('2024-03-10T03:00:00.000');
  });

  it('leaves values it does not recognise alone', () => {
    expect(floatingTimestamp('not a time', LA)).toBe('not a time');
    expect(floatingDate('2024-1-5')).toBe('2024-1-5');
  });

  it("reads back through the query engine as the same instant (but in the repeated hour's second half)", () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min, max }),
        fc.constantFrom(LA, 'UTC', 'Europe/Paris', 'Asia/Kolkata'),
        (ms, zone) => {
          const instant = new Date(ms).toISOString();
          const rendered = floatingTimestamp(instant, zone);
          expect(rendered).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
          const back = Date.parse(toTimestamp(rendered, zone));
          if (back !== ms) {
            // The later of two instants with the same wall-clock time reads back as the earlier one.
            expect(ms - back).toBeGreaterThan(0);
            expect(floatingTimestamp(new Date(back).toISOString(), zone)).toBe(rendered);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('types', () => {
  const rowid: TExpr = { k: 'rowid', type: 'number' };
  const extent: TExpr = {
    k: 'aggregate',
    fn: 'extent',
    arg: { k: 'column', field: 'location', type: 'point' },
    distinct: false,
    type: 'geometry',
  };

  it('maps Plaza types to the names of X-SODA2-Types', () => {
    expect(sodaType(column('a', 'text'), null)).toBe('text');
    expect(sodaType(column('a', 'null'), null)).toBe('text');
    expect(sodaType(column('a', 'number'), null)).toBe('number');
    expect(sodaType(column('a', 'boolean'), null)).toBe('boolean');
    expect(sodaType(column('a', 'date'), null)).toBe('floating_timestamp');
    expect(sodaType(column('a', 'timestamp'), null)).toBe('floating_timestamp');
    expect(sodaType(column('a', 'point'), 'Point')).toBe('point');
    expect(sodaType({ type: 'number', expr: rowid }, null)).toBe('row_identifier');
  });

  it("names geometry after the layer's type, and aggregates of geometry as multipolygons", () => {
    expect(sodaType(column('g', 'geometry'), 'MultiPolygon')).toBe('multipolygon');
    expect(sodaType(column('g', 'geometry'), 'Polygon')).toBe('polygon');
    expect(sodaType(column('g', 'geometry'), 'LineString')).toBe('line');
    expect(sodaType(column('g', 'geometry'), 'MultiLineString')).toBe('multiline');
    expect(sodaType(column('g', 'geometry'), 'MultiPoint')).toBe('multipoint');
    expect(sodaType(column('g', 'geometry'), 'Geometry')).toBe('geometry');
    expect(sodaType({ type: 'geometry', expr: extent }, 'Point')).toBe('multipolygon');
  });

  it('promotes single geometry to the multi- type its column declares', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(sodaGeometry(polygon, 'multipolygon')).toEqual({
      type: 'MultiPolygon',
      coordinates: [polygon.coordinates],
    });
    expect(sodaGeometry(polygon, 'polygon')).toBe(polygon);
    const line = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 1],
      ],
    };
    expect(sodaGeometry(line, 'multiline')).toEqual({
      type: 'MultiLineString',
      coordinates: [line.coordinates],
    });
    const point = { type: 'Point', coordinates: [-117.9897, 33.7592] };
    expect(sodaGeometry(point, 'multipoint')).toEqual({
      type: 'MultiPoint',
      coordinates: [point.coordinates],
    });
    expect(sodaGeometry(point, 'point')).toBe(point);
    expect(sodaGeometry(point, 'multipolygon')).toBe(point);
  });
});

describe('rows', () => {
  const columns = sodaColumns(
    [
      column('permit_no', 'text'),
      column('valuation', 'number'),
      column('final', 'boolean'),
      column('issued', 'date'),
      column('inspected_at', 'timestamp'),
      column('location', 'point'),
    ],
    'Point',
  );
  const render = rowRenderer(columns, LA);

  it('renders every value the SODA way', () => {
    const row = render([
      'P-1',
      1200.5,
      true,
      '2024-01-15',
      '2024-01-15T17:30:00Z',
      { type: 'Point', coordinates: [1, 2] },
    ]);
    expect(row).toEqual([
      'P-1',
      '1200.5',
      true,
      '2024-01-15T00:00:00.000',
      '2024-01-15T09:30:00.000',
      { type: 'Point', coordinates: [1, 2] },
    ]);
    expect(rowObject(columns, row)).toEqual({
      permit_no: 'P-1',
      valuation: '1200.5',
      final: true,
      issued: '2024-01-15T00:00:00.000',
      inspected_at: '2024-01-15T09:30:00.000',
      location: { type: 'Point', coordinates: [1, 2] },
    });
  });

  it('leaves out null values, and keeps false, zero and empty text', () => {
    const row = render(['', 0, false, null, null, null]);
    expect(JSON.stringify(rowObject(columns, row))).toBe('{"permit_no":"","valuation":"0","final":false}');
  });

  it('treats a column named __proto__ as any other', () => {
    const odd = sodaColumns([column('__proto__', 'text')], null);
    expect(JSON.stringify(rowObject(odd, ['x']))).toBe('{"__proto__":"x"}');
  });

  it('names fields and types in the headers, in column order, as ASCII JSON', () => {
    expect(sodaHeaders(columns)).toEqual({
      fields: '["permit_no","valuation","final","issued","inspected_at","location"]',
      types: '["text","number","boolean","floating_timestamp","floating_timestamp","point"]',
    });
    expect(asciiJson(['phở', 'a"b'])).toBe('["ph\\u1edf","a\\"b"]');
    expect(JSON.parse(asciiJson(['phở', 'año']))).toEqual(['phở', 'año']);
  });
});
