import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant, isoSpan } from './iso.js';

describe('ISO instants', () => {
  it('writes what toISOString writes, for any millisecond of years 0000 to 9999 and beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
    for (const ms of [0, -1, 1, 86_399_999, -62_167_219_200_001, 253_402_300_800_000, 1.5]) {
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('writes intervals as start/end', () => {
    expect(isoSpan(0, 60_000)).toBe('1970-01-01T00:00:00.000Z/1970-01-01T00:01:00.000Z');
    expect(isoSpan(0, null)).toBe('1970-01-01T00:00:00.000Z');
  });
});
