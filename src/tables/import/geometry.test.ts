import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLatLonColumns, pointFromLatLon, validateGeometry } from './geometry.js';
import { isWkt, parseWkt, toWkt } from './wkt.js';
import type { Geometry } from './geometry.js';
import { ImportError } from './import-errors.js';

function problem(value: unknown): string {
  const result = validateGeometry(value);
  if (result.ok) throw new Error('expected the geometry to be invalid');
  return result.message;
}

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('validateGeometry', () => {
  it('accepts every geometry type and computes the bbox', () => {
    const cases: [unknown, number[]][] = [
      [{ type: 'Point', coordinates: [-117.98, 33.75] }, [-117.98, 33.75, -117.98, 33.75]],
      [{ type: 'Point', coordinates: [-117.98, 33.75, 12] }, [-117.98, 33.75, -117.98, 33.75]],
      [
        {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, -4],
          ],
        },
        [1, -4, 3, 2],
      ],
      [
        {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
        [1, 2, 3, 4],
      ],
      [
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [1, 2],
              [3, 4],
            ],
            [
              [-5, 0],
              [0, 9],
            ],
          ],
        },
        [-5, 0, 3, 9],
      ],
      [{ type: 'Polygon', coordinates: [square] }, [0, 0, 1, 1]],
      [
        { type: 'MultiPolygon', coordinates: [[square], [square.map(([x, y]) => [x! + 10, y!])]] },
        [0, 0, 11, 1],
      ],
      [
        {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [5, 5] },
            { type: 'Polygon', coordinates: [square] },
          ],
        },
        [0, 0, 5, 5],
      ],
    ];
    for (const [geometry, bbox] of cases) {
      expect(validateGeometry(geometry)).toEqual({ ok: true, geometry, bbox });
    }
  });

  it('rejects out-of-range coordinates with a hint about axis order', () => {
    expect(problem({ type: 'Point', coordinates: [200, 33.7] })).toBe(
      'coordinate [200, 33.7] is out of range; GeoJSON wants [longitude, latitude] in WGS 84',
    );
    expect(
      problem({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [33.7, -117.9],
        ],
      }),
    ).toBe('coordinate [33.7, -117.9] is out of range; GeoJSON wants [longitude, latitude] in WGS 84');
  });

  it('rejects unclosed and too short polygon rings', () => {
    expect(problem({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toMatch(
      /^polygon ring is not closed: first and last positions differ/,
    );
    expect(
      problem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe('a polygon ring needs at least 4 positions, got 3');
    expect(
      problem({
        type: 'MultiPolygon',
        coordinates: [
          [square],
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 2],
            ],
          ],
        ],
      }),
    ).toMatch(/not closed/);
  });

  it('rejects bad structure, positions and types', () => {
    expect(problem({ type: 'LineString', coordinates: [[1, 2]] })).toBe(
      'a LineString needs at least 2 positions, got 1',
    );
    expect(problem({ type: 'Point', coordinates: [1] })).toMatch(/must have 2 or 3 numbers/);
    expect(problem({ type: 'Point', coordinates: [1, 2, 3, 4] })).toMatch(/must have 2 or 3 numbers/);
    expect(problem({ type: 'Point', coordinates: ['1', 2] })).toMatch(/finite numbers/);
    expect(problem({ type: 'Point', coordinates: [1, null] })).toMatch(/finite numbers/);
    expect(
      problem({
        type: 'Point',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toMatch(/finite numbers/);
    expect(problem({ type: 'MultiPoint', coordinates: [] })).toBe('the MultiPoint is empty');
    expect(problem({ type: 'Polygon', coordinates: [] })).toBe('a Polygon has no rings');
    expect(problem({ type: 'Circle', coordinates: [1, 2] })).toMatch(/^unknown geometry type "Circle"/);
    expect(problem({ coordinates: [1, 2] })).toBe('the geometry has no "type"');
    expect(problem(null)).toMatch(/must be an object/);
    expect(problem({ type: 'GeometryCollection', geometries: [] })).toBe('the GeometryCollection is empty');
    expect(
      problem({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 95] }] }),
    ).toMatch(/out of range/);
  });
});

describe('pointFromLatLon', () => {
  it('builds a [longitude, latitude] point', () => {
    expect(pointFromLatLon(33.75, -117.98)).toEqual({
      ok: true,
      geometry: { type: 'Point', coordinates: [-117.98, 33.75] },
      bbox: [-117.98, 33.75, -117.98, 33.75],
    });
  });

  it('rejects out-of-range and swapped values', () => {
    expect(pointFromLatLon(-117.98, 33.75)).toEqual({
      ok: false,
      message: 'latitude -117.98 is out of range -90..90; are latitude and longitude swapped?',
    });
    expect(pointFromLatLon(33.75, 181)).toEqual({
      ok: false,
      message: 'longitude 181 is out of range -180..180',
    });
    expect(pointFromLatLon(NaN, 1).ok).toBe(false);
  });
});

describe('detectLatLonColumns', () => {
  it('finds latitude and longitude columns by name', () => {
    expect(detectLatLonColumns(['id', 'latitude', 'longitude'])).toEqual({ lat: 1, lon: 2 });
    expect(detectLatLonColumns(['lng', 'name', 'lat'])).toEqual({ lat: 2, lon: 0 });
    expect(detectLatLonColumns(['y_lat', 'x_long'])).toEqual({ lat: 0, lon: 1 });
    expect(detectLatLonColumns(['Lat', 'Long'])).toEqual({ lat: 0, lon: 1 });
    expect(detectLatLonColumns(['location_latitude', 'location_longitude'])).toEqual({ lat: 0, lon: 1 });
  });

  it('prefers exact names and gives up when ambiguous or missing', () => {
    expect(detectLatLonColumns(['lat', 'lon', 'start_lat', 'start_lon'])).toEqual({ lat: 0, lon: 1 });
    expect(detectLatLonColumns(['start_lat', 'start_lon', 'end_lat', 'end_lon'])).toBeNull();
    expect(detectLatLonColumns(['latitude', 'long_name'])).toBeNull();
    expect(detectLatLonColumns(['flat', 'salon'])).toBeNull();
    expect(detectLatLonColumns(['x', 'y'])).toBeNull();
  });
});

describe('WKT', () => {
  it('parses every geometry type', () => {
    expect(parseWkt('POINT (-117.98 33.75)')).toEqual({ type: 'Point', coordinates: [-117.98, 33.75] });
    expect(parseWkt('point(1 2)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('POINT Z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2, 3] });
    expect(parseWkt('LINESTRING (1 2, 3 4)')).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parseWkt('POLYGON ((0 0, 1 0, 1 1, 0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1))')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
        [
          [0.1, 0.1],
          [0.2, 0.1],
          [0.2, 0.2],
          [0.1, 0.1],
        ],
      ],
    });
    const multiPoint = {
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(parseWkt('MULTIPOINT (1 2, 3 4)')).toEqual(multiPoint);
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))')).toEqual(multiPoint);
    expect(parseWkt('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))')).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    });
    expect(parseWkt('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))')).toEqual({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
  });

  it('accepts an SRID=4326 prefix, exponents and extra spaces', () => {
    expect(parseWkt('  SRID=4326; POINT  ( 1e-3   -2.5E1 ) ')).toEqual({
      type: 'Point',
      coordinates: [0.001, -25],
    });
  });

  it('rejects EMPTY, other SRIDs, measures and malformed text with a clear message', () => {
    const cases: [string, RegExp][] = [
      ['POINT EMPTY', /POINT EMPTY has no coordinates/],
      ['POINT Z EMPTY', /EMPTY has no coordinates/],
      ['SRID=2230;POINT (6000000 2000000)', /SRID 2230 is not supported; reproject the data to WGS 84/],
      ['POINT M (1 2 3)', /M coordinates are not supported/],
      ['POINT (1)', /expected a number/],
      ['POINT (1 2 3 4)', /2 or 3 numbers/],
      ['POINT (1 2', /expected "\)"/],
      ['POINT (1 2) x', /unexpected text after the geometry/],
      ['CIRCLE (1 2)', /unknown geometry type CIRCLE/],
      ['', /expected a geometry type/],
      ['LINESTRING (1 2,)', /expected a number/],
      ['POINT (abc def)', /expected a number/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseWkt(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('import.invalid_geometry');
      expect((error as ImportError).message, text).toMatch(message);
    }
  });

  it('writes WKT in the usual style', () => {
    expect(toWkt({ type: 'Point', coordinates: [-117.98, 33.75] })).toBe('POINT (-117.98 33.75)');
    expect(toWkt({ type: 'Point', coordinates: [1, 2, 3] })).toBe('POINT Z (1 2 3)');
    expect(
      toWkt({
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBe('MULTIPOINT ((1 2), (3 4))');
    expect(toWkt({ type: 'Polygon', coordinates: [square] })).toBe('POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))');
    expect(
      toWkt({
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'LineString',
            coordinates: [
              [0.1, 1e-7],
              [3, 4],
            ],
          },
        ],
      }),
    ).toBe('GEOMETRYCOLLECTION (LINESTRING (0.1 1e-7, 3 4))');
  });

  it('tells WKT from other text quickly', () => {
    for (const text of [
      'POINT (1 2)',
      'point(1 2)',
      ' MULTIPOLYGON (((',
      'SRID=4326;POINT (1 2)',
      'LINESTRING Z (1 2 3, 4 5 6)',
    ]) {
      expect(isWkt(text), text).toBe(true);
    }
    for (const text of ['Pointless', 'Main St', '12.5', 'POLYGONAL', 'GEOMETRY', '', 'SRID=4326']) {
      expect(isWkt(text), text).toBe(false);
    }
  });

  const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
  const position2 = fc.tuple(coordinate, coordinate).map((p) => [...p]);
  const position3 = fc.tuple(coordinate, coordinate, coordinate).map((p) => [...p]);
  const geometryArb = (position: fc.Arbitrary<number[]>): fc.Arbitrary<Geometry> => {
    const line = fc.array(position, { minLength: 2, maxLength: 5 });
    const ring = fc.array(position, { minLength: 3, maxLength: 5 }).map((r) => [...r, r[0] as number[]]);
    const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });
    const simple = fc.oneof(
      position.map((c): Geometry => ({ type: 'Point', coordinates: c })),
      fc
        .array(position, { minLength: 1, maxLength: 5 })
        .map((c): Geometry => ({ type: 'MultiPoint', coordinates: c })),
      line.map((c): Geometry => ({ type: 'LineString', coordinates: c })),
      fc
        .array(line, { minLength: 1, maxLength: 3 })
        .map((c): Geometry => ({ type: 'MultiLineString', coordinates: c })),
      polygon.map((c): Geometry => ({ type: 'Polygon', coordinates: c })),
      fc
        .array(polygon, { minLength: 1, maxLength: 3 })
        .map((c): Geometry => ({ type: 'MultiPolygon', coordinates: c })),
    );
    return fc.oneof(
      { weight: 5, arbitrary: simple },
      fc
        .array(simple, { minLength: 1, maxLength: 3 })
        .map((g): Geometry => ({ type: 'GeometryCollection', geometries: g })),
    );
  };

  it('round-trips toWkt -> parseWkt exactly (property)', () => {
    fc.assert(
      fc.property(fc.oneof(geometryArb(position2), geometryArb(position3)), (geometry) => {
        expect(parseWkt(toWkt(geometry))).toEqual(geometry);
      }),
      { numRuns: 500 },
    );
  });
});
