/**
 * Constants of a query read as a type: numbers, booleans, dates, timestamps in the city's zone (stored as ISO
 * UTC with `Z`, fractions of 0, 3 or 6 digits) and WKT shapes with their bounding box.
 */
import { describe, expect, it } from 'vitest';
import {
  coerceText,
  LiteralError,
  toBoolean,
  toDate,
  toGeometry,
  toNumber,
  toPoint,
  toTimestamp,
} from './literals.js';

const TZ = 'America/Los_Angeles';

/** The LiteralError that `run` throws. */
function refusal(run: () => unknown): LiteralError {
  try {
    run();
  } catch (error) {
    if (error instanceof LiteralError) return error;
    throw error;
  }
  throw new Error('expected a LiteralError');
}

describe('toNumber', () => {
  it.each([
    ['12.5', 12.5],
    [' 12.5 ', 12.5],
    ['-3', -3],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(toNumber(text)).toBe(value);
  });

  it.each(['', '  ', 'abc', '12abc', '1,5', 'Infinity', '-Infinity', 'NaN', '1e400'])(
    'refuses %j',
    (text) => {
      expect(refusal(() => toNumber(text)).message).toBe(`'${text}' is not a number`);
    },
  );
});

describe('toBoolean', () => {
  it('reads true and false in any case, trimmed', () => {
    expect(toBoolean('true')).toBe(true);
    expect(toBoolean(' FALSE ')).toBe(false);
    expect(toBoolean('True')).toBe(true);
  });

  it.each(['1', '0', 'yes', 't', ''])('refuses %j, saying what to write', (text) => {
    expect(refusal(() => toBoolean(text)).message).toBe(`'${text}' is not a boolean: write true or false`);
  });
});

describe('toDate', () => {
  it.each([
    ['2024-01-31', '2024-01-31'],
    [' 2024-01-31 ', '2024-01-31'],
    ['2024/01/31', '2024-01-31'],
    ['1/31/2024', '2024-01-31'],
    ['2024-02-29', '2024-02-29'],
    ['0001-01-01', '0001-01-01'],
    // A floating timestamp at midnight is a date, as Socrata writes them.
    ['2024-01-01T00:00:00.000', '2024-01-01'],
    ['2024-01-01T00:00:00', '2024-01-01'],
    ['2024-01-01 00:00', '2024-01-01'],
    ['2024-01-01T00:00:00.000000000', '2024-01-01'],
  ])('reads %j as %s', (text, date) => {
    expect(toDate(text)).toBe(date);
  });

  it.each([
    '2024-01-01T00:00:01',
    '2024-01-01T00:00:00.001',
    '2024-01-01T12:00:00',
    '2024-01-01T00:00:00Z',
    '2024-01-01T00:00:00-08:00',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-1-5',
    'tomorrow',
  ])('refuses %j', (text) => {
    expect(refusal(() => toDate(text)).message).toBe(`'${text}' is not a date: write it as YYYY-MM-DD`);
  });
});

describe('toTimestamp', () => {
  it.each([
    // Zone-less: the city's wall clock.
    ['2024-01-15T08:00:00', '2024-01-15T16:00:00Z'],
    ['2024-07-15T08:00:00', '2024-07-15T15:00:00Z'],
    ['2024-01-15 08:00', '2024-01-15T16:00:00Z'],
    ['2024-01-15t08:00:00', '2024-01-15T16:00:00Z'],
    ['1/15/2024 8:00 PM', '2024-01-16T04:00:00Z'],
    // Around the changes of 2024: 10 March 02:00 -> 03:00, 3 November 02:00 -> 01:00.
    ['2024-03-10T01:59:59', '2024-03-10T09:59:59Z'],
    ['2024-03-10T02:00:00', '2024-03-10T10:00:00Z'],
    ['2024-03-10T02:30:00', '2024-03-10T10:30:00Z'],
    ['2024-03-10T03:00:00', '2024-03-10T10:00:00Z'],
    ['2024-11-03T00:59:59', '2024-11-03T07:59:59Z'],
    ['2024-11-03T01:00:00', '2024-11-03T08:00:00Z'],
    ['2024-11-03T01:59:59', '2024-11-03T08:59:59Z'],
    ['2024-11-03T02:00:00', '2024-11-03T10:00:00Z'],
    // UTC and offsets.
    ['2024-01-15T08:00:00Z', '2024-01-15T08:00:00Z'],
    ['2024-01-15T08:00:00z', '2024-01-15T08:00:00Z'],
    ['2024-01-15T08:00:00-08:00', '2024-01-15T16:00:00Z'],
    ['2024-01-15T08:00:00+0530', '2024-01-15T02:30:00Z'],
    ['2024-01-15T08:00:00+05', '2024-01-15T03:00:00Z'],
    ['2024-01-01T01:00:00+02:00', '2023-12-31T23:00:00Z'],
    // Fractions: none, milliseconds or microseconds, trailing zeros dropped first.
    ['2024-01-15T08:00:00.000Z', '2024-01-15T08:00:00Z'],
    ['2024-01-15T08:00:00.5Z', '2024-01-15T08:00:00.500Z'],
    ['2024-01-15T08:00:00,25Z', '2024-01-15T08:00:00.250Z'],
    ['2024-01-15T08:00:00.123Z', '2024-01-15T08:00:00.123Z'],
    ['2024-01-15T08:00:00.1234Z', '2024-01-15T08:00:00.123400Z'],
    ['2024-01-15T08:00:00.123456Z', '2024-01-15T08:00:00.123456Z'],
    ['2024-01-15T08:00:00.123456000Z', '2024-01-15T08:00:00.123456Z'],
    ['2024-01-15T08:00:00.25', '2024-01-15T16:00:00.250Z'],
    // The ends of the range.
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z'],
    ['9999-12-31T23:59:59.999999Z', '9999-12-31T23:59:59.999999Z'],
  ])('reads %j in Los Angeles as %s', (text, stored) => {
    expect(toTimestamp(text, TZ)).toBe(stored);
  });

  it('reads zone-less times in the zone given', () => {
    expect(toTimestamp('2024-07-01T12:00:00', 'UTC')).toBe('2024-07-01T12:00:00Z');
    expect(toTimestamp('2024-07-01T12:00:00', 'Europe/Paris')).toBe('2024-07-01T10:00:00Z');
    expect(toTimestamp('2024-07-01T12:00:00', 'Asia/Kolkata')).toBe('2024-07-01T06:30:00Z');
    expect(toTimestamp('2024-07-01T12:00:00Z', 'Asia/Kolkata')).toBe('2024-07-01T12:00:00Z');
  });

  it.each(['2024-01-15T08:00:00.1234567Z', '2024-01-15T08:00:00.123456789', '2024-01-15T08:00:00.0000001'])(
    'refuses %j, finer than a microsecond',
    (text) => {
      expect(refusal(() => toTimestamp(text, TZ)).message).toBe(`'${text}' is finer than a microsecond`);
    },
  );

  it.each(['soon', '2024-01-15T25:00:00', '2024-01-15T08:00:00+19', '2024-01-15T08:00:00 PST', '2024-02-30'])(
    'refuses %j, saying how to write it',
    (text) => {
      expect(refusal(() => toTimestamp(text, TZ)).message).toBe(
        `'${text}' is not a timestamp: write it as YYYY-MM-DDTHH:MM:SS, with Z or an offset for UTC times`,
      );
    },
  );

  it('reads a date as midnight whatever was read before', () => {
    toTimestamp('2024-01-15T17:45:30', TZ);
    expect(toTimestamp('2024-01-16', TZ)).toBe('2024-01-16T08:00:00Z');
  });
});

describe('toGeometry', () => {
  it.each([
    ['POINT (1 2)', { type: 'Point', coordinates: [1, 2] }, [1, 2, 1, 2]],
    [
      'point(-117.99 33.75)',
      { type: 'Point', coordinates: [-117.99, 33.75] },
      [-117.99, 33.75, -117.99, 33.75],
    ],
    ['SRID=4326;POINT (1 2)', { type: 'Point', coordinates: [1, 2] }, [1, 2, 1, 2]],
    ['POINT Z (1 2 3)', { type: 'Point', coordinates: [1, 2, 3] }, [1, 2, 1, 2]],
    [
      'LINESTRING (-1 -2, 3 4)',
      {
        type: 'LineString',
        coordinates: [
          [-1, -2],
          [3, 4],
        ],
      },
      [-1, -2, 3, 4],
    ],
    [
      'POLYGON ((0 0, 2 0, 2 3, 0 0))',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 3],
            [0, 0],
          ],
        ],
      },
      [0, 0, 2, 3],
    ],
    [
      'MULTIPOINT ((1 2), (3 -4))',
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
      'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 7, 5 5)))',
      {
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
              [6, 7],
              [5, 5],
            ],
          ],
        ],
      },
      [0, 0, 6, 7],
    ],
  ])('reads %s with its bbox', (wkt, geometry, bbox) => {
    expect(toGeometry(wkt)).toEqual({ geometry, bbox });
  });

  it('limits the geometry types when asked', () => {
    expect(toGeometry('POLYGON ((0 0, 1 0, 1 1, 0 0))', ['Polygon', 'MultiPolygon']).bbox).toEqual([
      0, 0, 1, 1,
    ]);
    expect(refusal(() => toGeometry('POINT (1 2)', ['Polygon', 'MultiPolygon'])).message).toBe(
      'expected Polygon or MultiPolygon WKT, found Point',
    );
  });

  it('refuses GEOMETRYCOLLECTION', () => {
    expect(refusal(() => toGeometry('GEOMETRYCOLLECTION (POINT (1 2))')).message).toBe(
      'GEOMETRYCOLLECTION is not supported here; use a MULTI- geometry',
    );
  });

  it.each(['POINT (1)', 'garbage', 'POLYGON ((0 0, 1 0, 1 1, 0 0)', 'POLYGON EMPTY', 'POINT (1 2) extra'])(
    'refuses malformed WKT %j',
    (wkt) => {
      expect(refusal(() => toGeometry(wkt)).message).toMatch(/^'.*' is not valid WKT: /);
    },
  );

  it('refuses shapes that are not valid geometry', () => {
    expect(refusal(() => toGeometry('POINT (200 2)')).message).toMatch(
      /^'POINT \(200 2\)' is not a valid geometry: coordinate \[200, 2\] is out of range/,
    );
    expect(refusal(() => toGeometry('POLYGON ((0 0, 1 0, 1 1))')).message).toContain('at least 4 positions');
  });

  it('shortens long WKT in messages', () => {
    const wkt = `POLYGON ((0 0, ${'1 1, '.repeat(30)}0 0))x`;
    const { message } = refusal(() => toGeometry(wkt));
    expect(message.startsWith(`'${wkt.slice(0, 57)}...' is not valid WKT`)).toBe(true);
  });
});

describe('toPoint', () => {
  it('reads POINT (lon lat) as [lon, lat]', () => {
    expect(toPoint('POINT (-117.99 33.75)')).toEqual([-117.99, 33.75]);
    expect(toPoint('POINT Z (1 2 3)')).toEqual([1, 2]);
  });

  it('refuses other shapes and invalid points', () => {
    expect(refusal(() => toPoint('LINESTRING (0 0, 1 1)')).message).toBe(
      'expected Point WKT, found LineString',
    );
    expect(refusal(() => toPoint('POINT (1 95)')).message).toContain('is not a valid geometry');
  });
});

describe('coerceText', () => {
  it('reads text as each scalar type and leaves text and geometry as they are', () => {
    expect(coerceText('3.5', 'number', TZ)).toBe(3.5);
    expect(coerceText('false', 'boolean', TZ)).toBe(false);
    expect(coerceText('2024/05/06', 'date', TZ)).toBe('2024-05-06');
    expect(coerceText('2024-05-06T12:00:00', 'timestamp', TZ)).toBe('2024-05-06T19:00:00Z');
    expect(coerceText(' as is ', 'text', TZ)).toBe(' as is ');
    expect(coerceText('POINT (1 2)', 'point', TZ)).toBe('POINT (1 2)');
  });

  it('throws LiteralError for text that is not of the type', () => {
    expect(() => coerceText('x', 'number', TZ)).toThrow(LiteralError);
    expect(() => coerceText('x', 'date', TZ)).toThrow("'x' is not a date");
  });
});
