import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RollupRow } from '../db/observation-store.js';
import { mergeMinutes, storedMinutes } from './minute-pack.js';
import { summarize } from './rollup.js';
import { HOUR } from './time.js';

const HOUR_START = Date.UTC(2026, 4, 1, 13);
const row = (time: number, value: number) => ({
  datastreamId: 1,
  phenomenonTime: time,
  phenomenonEnd: null,
  resultTime: null,
  resultNumber: value,
  resultJson: null,
  resultQuality: null,
  parameters: null,
  featureId: null,
  receivedAt: 0,
});

/** The minute rollups of observations computed in one go, as the reference. */
function direct(observations: [number, number][]): RollupRow[] {
  const rows = observations.map(([t, v]) => row(t, v));
  const minutes = summarize(
    rows,
    rows.map((_, i) => i + 1),
    () => 0,
  ).minutes;
  return minutes.flatMap((m) => m.minutes).sort((a, b) => a.bucket - b.bucket);
}

describe('packed minute rollups', () => {
  it('equal the rollups of all observations at once, however the observations are split into batches', () => {
    const observation = fc.tuple(
      fc.integer({ min: 0, max: HOUR - 1 }),
      fc.integer({ min: -1000, max: 1000 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(observation, { selector: ([t]) => t, minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (observations, batches) => {
          const timed = observations.map(([offset, v]): [number, number] => [HOUR_START + offset, v]);
          let stored: Uint8Array | null = null;
          const size = Math.ceil(timed.length / batches);
          for (let i = 0; i < timed.length; i += size) {
            const changes = direct(timed.slice(i, i + size));
            stored = mergeMinutes(stored, HOUR_START, changes);
          }
          expect(storedMinutes(1, HOUR_START, stored!)).toEqual(direct(timed));
        },
      ),
    );
  });

  it('keeps a minute of one value in 24 bytes, and refuses a minute of another hour', () => {
    const packed = mergeMinutes(null, HOUR_START, direct([[HOUR_START + 61_000, 5]]));
    expect(packed.byteLength).toBe(24);
    expect(() => mergeMinutes(null, HOUR_START + HOUR, direct([[HOUR_START, 1]]))).toThrow(/not in the hour/);
  });
});
