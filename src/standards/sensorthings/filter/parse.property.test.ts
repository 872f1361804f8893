/** Whatever text arrives, the parsers answer with a tree or the one stable error: never anything else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { parseFilter, parseOrderBy } from './parse.js';

const PIECES = [
  'name',
  'Datastream/Thing/name',
  'result',
  'phenomenonTime',
  'properties/a',
  ' eq ',
  ' ne ',
  ' gt ',
  ' and ',
  ' or ',
  'not ',
  ' add ',
  ' div ',
  '(',
  ')',
  ',',
  "'x'",
  "''",
  '1',
  '-',
  '2.5e3',
  'true',
  'null',
  '2024-01-01T00:00:00Z',
  '2024-01-01',
  '12:00:00',
  "geography'POINT(1 2)'",
  "geography'POLYGON((0 0,1 0,1 1,0 0))'",
  'substringof(',
  'geo.distance(',
  'year(',
  'st_within(',
  '/',
  ' ',
  'asc',
  ' desc',
  "geometry'",
  '@iot.id',
  '$',
];

const stable = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('sta.bad_query');
  }
};

describe('parsers on hostile input', () => {
  it('never throw anything but sta.bad_query on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        stable(() => parseFilter(text));
        stable(() => parseOrderBy(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throw anything but sta.bad_query on near-miss filters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        stable(() => parseFilter(text));
        stable(() => parseOrderBy(text));
      }),
      { numRuns: 3000 },
    );
  });
});
