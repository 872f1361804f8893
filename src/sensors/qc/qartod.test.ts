import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  climatologyTest,
  combine,
  combineTests,
  flatLineTest,
  grossRangeTest,
  inHours,
  rateOfChangeTest,
  spikeSize,
  spikeTest,
  timingTest,
  worse,
} from './qartod.js';
import type { QcFlag } from './qc.types.js';

const HOUR = 3_600_000;

describe('gross range', () => {
  const config = { fail: [-40, 60], suspect: [-5, 46] } as {
    fail: [number, number];
    suspect: [number, number];
  };

  it('passes inside the suspect span, bounds included', () => {
    expect(grossRangeTest(20, config)).toBe(1);
    expect(grossRangeTest(-5, config)).toBe(1);
    expect(grossRangeTest(46, config)).toBe(1);
  });

  it('is suspect between the spans and fails outside the fail span', () => {
    expect(grossRangeTest(46.1, config)).toBe(3);
    expect(grossRangeTest(-5.1, config)).toBe(3);
    expect(grossRangeTest(60, config)).toBe(3);
    expect(grossRangeTest(60.01, config)).toBe(4);
    expect(grossRangeTest(-41, config)).toBe(4);
  });

  it('without a suspect span only fails', () => {
    expect(grossRangeTest(59, { fail: [0, 60] })).toBe(1);
    expect(grossRangeTest(-0.5, { fail: [0, 60] })).toBe(4);
  });

  it('never judges a value that is not a number', () => {
    expect(grossRangeTest(NaN, config)).toBe(2);
    expect(grossRangeTest(Infinity, config)).toBe(2);
  });

  it('gives 4 exactly when outside fail, 3 exactly when outside suspect but inside fail', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (v) => {
        const flag = grossRangeTest(v, config);
        const outsideFail = v < -40 || v > 60;
        const outsideSuspect = v < -5 || v > 46;
        expect(flag).toBe(outsideFail ? 4 : outsideSuspect ? 3 : 1);
      }),
    );
  });
});

describe('climatology', () => {
  const config = {
    periods: [
      { months: [6, 7, 8], hours: [21, 6] as [number, number], range: [0, 80] as [number, number] },
      { months: [6, 7, 8], range: [0, 200] as [number, number] },
    ],
  };

  it('uses the first period whose months and hours match', () => {
    expect(climatologyTest(90, 7, 23, config)).toBe(3);
    expect(climatologyTest(90, 7, 3, config)).toBe(3);
    expect(climatologyTest(90, 7, 14, config)).toBe(1);
    expect(climatologyTest(80, 7, 23, config)).toBe(1);
    expect(climatologyTest(-0.1, 7, 14, config)).toBe(3);
  });

  it('is not evaluated where no period applies', () => {
    expect(climatologyTest(90, 1, 23, config)).toBe(2);
    expect(climatologyTest(NaN, 7, 23, config)).toBe(2);
  });

  it('reads hour spans as [from, to), wrapping past midnight', () => {
    expect(inHours(21, [21, 6])).toBe(true);
    expect(inHours(5, [21, 6])).toBe(true);
    expect(inHours(6, [21, 6])).toBe(false);
    expect(inHours(20, [21, 6])).toBe(false);
    expect(inHours(9, [9, 17])).toBe(true);
    expect(inHours(17, [9, 17])).toBe(false);
    expect(inHours(23, [0, 24])).toBe(true);
  });
});

describe('spike', () => {
  const config = { suspect: 3, fail: 6 };

  it('measures how far a value stands beyond both neighbours', () => {
    expect(spikeSize(10, 20, 10)).toBe(10);
    expect(spikeSize(10, 20, 14)).toBe(6);
    expect(spikeSize(10, 0, 14)).toBe(10);
    // Between its neighbours (a ramp or a step): no spike at all.
    expect(spikeSize(10, 12, 14)).toBe(-2);
    expect(spikeSize(10, 14, 14)).toBe(0);
    expect(spikeSize(10, 10, 30)).toBe(0);
    expect(spikeTest(10, 12, 14, { suspect: 0, fail: 0 })).toBe(1);
  });

  it('flags above the thresholds, not on them', () => {
    expect(spikeTest(10, 13, 10, config)).toBe(1);
    expect(spikeTest(10, 13.5, 10, config)).toBe(3);
    expect(spikeTest(10, 16, 10, config)).toBe(3);
    expect(spikeTest(10, 16.5, 10, config)).toBe(4);
    expect(spikeTest(10, 3, 10, config)).toBe(4);
  });

  it('is not evaluated without three numbers', () => {
    expect(spikeTest(NaN, 30, 10, config)).toBe(2);
    expect(spikeTest(10, 30, Infinity, config)).toBe(2);
  });

  it('never flags a constant series, nor a value between its neighbours', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, t) => {
          expect(spikeTest(a, a, a, { suspect: 0, fail: 0 })).toBe(1);
          const between = a + (b - a) * t;
          expect(spikeSize(a, between, b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
        },
      ),
    );
  });

  it('is symmetric: reversing time or mirroring values changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e4, max: 1e4 }), fc.integer(), fc.integer(), (a, b, c) => {
        expect(spikeSize(a, b, c)).toBe(spikeSize(c, b, a));
        expect(spikeSize(-a, -b, -c)).toBe(spikeSize(a, b, c));
      }),
    );
  });
});

describe('rate of change', () => {
  const config = { threshold: 0.5 };

  it('compares the change per second with the threshold', () => {
    expect(rateOfChangeTest(10, 0, 40, 60_000, config)).toBe(1);
    expect(rateOfChangeTest(10, 0, 40.06, 60_000, config)).toBe(3);
    expect(rateOfChangeTest(40, 0, 9, 60_000, config)).toBe(3);
    // Exactly on the threshold passes.
    expect(rateOfChangeTest(0, 0, 1, 2000, config)).toBe(1);
  });

  it('is not evaluated without a previous value or when time does not move forward', () => {
    expect(rateOfChangeTest(NaN, 0, 1, 1000, config)).toBe(2);
    expect(rateOfChangeTest(1, 1000, 5, 1000, config)).toBe(2);
    expect(rateOfChangeTest(1, 2000, 5, 1000, config)).toBe(2);
  });

  it('a slow enough change never flags, however long the gap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        (dt, f) => {
          const change = (f * config.threshold * dt) / 1000;
          expect(rateOfChangeTest(5, 0, 5 + change, dt, config)).toBe(1);
        },
      ),
    );
  });
});

describe('flat line', () => {
  const config = { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR };

  it('flags once the run reaches the suspect and fail durations', () => {
    expect(flatLineTest(0, config)).toBe(1);
    expect(flatLineTest(HOUR - 1, config)).toBe(1);
    expect(flatLineTest(HOUR, config)).toBe(3);
    expect(flatLineTest(2 * HOUR - 1, config)).toBe(3);
    expect(flatLineTest(2 * HOUR, config)).toBe(4);
  });

  it('is not evaluated for an impossible run', () => {
    expect(flatLineTest(-1, config)).toBe(2);
    expect(flatLineTest(NaN, config)).toBe(2);
  });
});

describe('timing', () => {
  const config = { maxLatencyMs: 600_000, failLatencyMs: 3 * HOUR, gapMs: 900_000 };

  it('flags late observations: suspect past maxLatency, fail past failLatency', () => {
    expect(timingTest(3000, config)).toBe(1);
    expect(timingTest(600_000, config)).toBe(1);
    expect(timingTest(600_001, config)).toBe(3);
    expect(timingTest(3 * HOUR, config)).toBe(3);
    expect(timingTest(7 * HOUR, config)).toBe(4);
  });

  it('fails a time in the future beyond the allowed skew, accepts a little skew', () => {
    expect(timingTest(-5000, config)).toBe(1);
    expect(timingTest(-600_000, config)).toBe(1);
    expect(timingTest(-7 * HOUR, config)).toBe(4);
    expect(timingTest(NaN, config)).toBe(2);
  });
});

describe('combine', () => {
  it('the worst flag wins: fail, suspect, pass, not evaluated, missing', () => {
    expect(combine([1, 3, 4])).toBe(4);
    expect(combine([1, 3])).toBe(3);
    expect(combine([2, 1])).toBe(1);
    expect(combine([9, 2])).toBe(2);
    expect(combine([9])).toBe(9);
    expect(combine([2, 9, 3])).toBe(3);
  });

  it('is not evaluated with no flags', () => {
    expect(combine([])).toBe(2);
    expect(combineTests({})).toBe(2);
  });

  it('combines an outcome’s tests, ignoring absent ones', () => {
    expect(combineTests({ gross_range: 1, spike: 2, timing_gap: 3 })).toBe(3);
    expect(combineTests({ flat_line: 2, spike: 2 })).toBe(2);
    expect(combineTests({ gross_range: 1, spike: undefined })).toBe(1);
  });

  const flag = fc.constantFrom<QcFlag>(1, 2, 3, 4, 9);

  it('does not depend on the order of the flags and is never better than any one of them', () => {
    fc.assert(
      fc.property(fc.array(flag, { minLength: 1, maxLength: 8 }), fc.integer(), (flags, seed) => {
        const shuffled = [...flags].sort((a, b) => ((a * 7 + seed) % 5) - ((b * 7 + seed) % 5));
        const result = combine(flags);
        expect(combine(shuffled)).toBe(result);
        expect(flags).toContain(result);
        for (const f of flags) expect(worse(result, f)).toBe(result);
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(flag, flag, flag, (a, b, c) => {
        expect(worse(worse(a, b), c)).toBe(worse(a, worse(b, c)));
      }),
    );
  });
});
