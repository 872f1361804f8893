import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQcConfig } from './qc-config.js';
import { QC_DEFAULTS } from './qc-defaults.js';

const FULL = {
  grossRange: { fail: [-40, 60], suspect: [-5, 46] },
  climatology: {
    periods: [
      { months: [6, 7, 8], hours: [21, 6], range: [0, 80] },
      { months: [1], range: [-5, 30] },
    ],
    timeZone: 'America/Los_Angeles',
  },
  spike: { suspect: 3, fail: 6 },
  rateOfChange: { threshold: 0.05 },
  flatLine: { tolerance: 0, suspectAfterMs: 3_600_000, failAfterMs: 7_200_000 },
  timing: { maxLatencyMs: 600_000, failLatencyMs: 10_800_000, gapMs: 900_000 },
};

const problemsOf = (json: unknown) => {
  const result = parseQcConfig(json);
  return 'problems' in result ? result.problems : [];
};

describe('parseQcConfig', () => {
  it('accepts a complete configuration and returns an equal copy', () => {
    const result = parseQcConfig(FULL);
    expect(result).toEqual({ config: FULL });
    if ('config' in result) expect(result.config.grossRange!.fail).not.toBe(FULL.grossRange.fail);
  });

  it('accepts an empty object (nothing evaluated) and any single test', () => {
    expect(parseQcConfig({})).toEqual({ config: {} });
    expect(parseQcConfig({ spike: { suspect: 1, fail: 1 } })).toEqual({
      config: { spike: { suspect: 1, fail: 1 } },
    });
    expect(parseQcConfig({ grossRange: { fail: [0, 1] } })).toEqual({
      config: { grossRange: { fail: [0, 1] } },
    });
  });

  it('accepts every default configuration', () => {
    for (const entry of QC_DEFAULTS)
      expect(parseQcConfig(entry.config), entry.names[0]).toEqual({ config: entry.config });
  });

  it('refuses what is not an object', () => {
    for (const json of [null, 3, 'qc', [], undefined])
      expect(problemsOf(json)).toEqual([
        { field: 'qc', message: expect.stringContaining('must be an object') },
      ]);
  });

  it('refuses unknown keys, naming the known ones', () => {
    expect(problemsOf({ grossrange: { fail: [0, 1] } })).toEqual([
      { field: 'qc.grossrange', message: expect.stringContaining('grossRange') },
    ]);
    expect(problemsOf({ spike: { suspect: 1, fail: 2, window: 3 } })).toEqual([
      { field: 'qc.spike.window', message: expect.stringContaining('suspect, fail') },
    ]);
  });

  it('requires the fields of each test', () => {
    expect(problemsOf({ timing: { maxLatencyMs: 1, failLatencyMs: 2 } })).toEqual([
      { field: 'qc.timing.gapMs', message: 'is required' },
    ]);
    expect(problemsOf({ grossRange: { suspect: [0, 1] } })).toEqual([
      { field: 'qc.grossRange.fail', message: 'is required' },
    ]);
  });

  it('requires spans of two finite numbers, low first', () => {
    expect(problemsOf({ grossRange: { fail: [0] } })[0]!.field).toBe('qc.grossRange.fail');
    expect(problemsOf({ grossRange: { fail: [0, null] } })[0]!.message).toContain('two finite numbers');
    expect(problemsOf({ grossRange: { fail: [10, 0] } })[0]!.message).toContain('low ≤ high');
    expect(problemsOf({ grossRange: { fail: ['0', 10] } })).toHaveLength(1);
  });

  it('requires the suspect span inside the fail span', () => {
    expect(problemsOf({ grossRange: { fail: [0, 100], suspect: [-1, 50] } })).toEqual([
      { field: 'qc.grossRange.suspect', message: expect.stringContaining('inside the fail span [0, 100]') },
    ]);
    expect(problemsOf({ grossRange: { fail: [0, 100], suspect: [0, 100] } })).toEqual([]);
  });

  it('requires durations and thresholds to be positive, the fail side at least the suspect side', () => {
    expect(
      problemsOf({ flatLine: { tolerance: -1, suspectAfterMs: 0, failAfterMs: 5 } }).map((p) => p.field),
    ).toEqual(['qc.flatLine.tolerance', 'qc.flatLine.suspectAfterMs']);
    expect(problemsOf({ flatLine: { tolerance: 0, suspectAfterMs: 10, failAfterMs: 5 } })).toEqual([
      { field: 'qc.flatLine.failAfterMs', message: 'must be at least suspectAfterMs (10)' },
    ]);
    expect(problemsOf({ spike: { suspect: 5, fail: 2 } })[0]!.field).toBe('qc.spike.fail');
    expect(problemsOf({ timing: { maxLatencyMs: 5, failLatencyMs: 2, gapMs: 1 } })[0]!.field).toBe(
      'qc.timing.failLatencyMs',
    );
    expect(problemsOf({ rateOfChange: { threshold: 0 } })[0]!.field).toBe('qc.rateOfChange.threshold');
  });

  it('requires months 1–12 once each, whole hours 0–24, and a known time zone', () => {
    const period = (p: object) =>
      problemsOf({ climatology: { periods: [{ months: [1], range: [0, 1], ...p }] } });
    expect(period({ months: [0, 13] })[0]!.field).toBe('qc.climatology.periods[0].months');
    expect(period({ months: [1, 1] })[0]!.message).toContain('each once');
    expect(period({ months: [] })).toHaveLength(1);
    expect(period({ hours: [5, 5] })[0]!.field).toBe('qc.climatology.periods[0].hours');
    expect(period({ hours: [1.5, 4] })).toHaveLength(1);
    expect(period({ hours: [22, 24] })).toEqual([]);
    expect(problemsOf({ climatology: { periods: [] } })[0]!.field).toBe('qc.climatology.periods');
    expect(
      problemsOf({ climatology: { periods: [{ months: [1], range: [0, 1] }], timeZone: 'Mars/Base' } }),
    ).toEqual([{ field: 'qc.climatology.timeZone', message: expect.stringContaining('IANA') }]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ spike: { suspect: -1, fail: NaN }, timing: 5, extra: true });
    expect(problems.map((p) => p.field).sort()).toEqual([
      'qc.extra',
      'qc.spike.fail',
      'qc.spike.suspect',
      'qc.timing',
    ]);
  });

  it('never accepts a number that is not finite, wherever it is', () => {
    const bad = fc.constantFrom(NaN, Infinity, -Infinity);
    const paths: ((v: number) => unknown)[] = [
      (v) => ({ ...FULL, grossRange: { fail: [v, 60] } }),
      (v) => ({ ...FULL, spike: { suspect: v, fail: 6 } }),
      (v) => ({ ...FULL, rateOfChange: { threshold: v } }),
      (v) => ({ ...FULL, flatLine: { ...FULL.flatLine, failAfterMs: v } }),
      (v) => ({ ...FULL, timing: { ...FULL.timing, gapMs: v } }),
      (v) => ({ ...FULL, climatology: { periods: [{ months: [1], range: [0, v] }] } }),
    ];
    fc.assert(
      fc.property(bad, fc.integer({ min: 0, max: paths.length - 1 }), (v, i) => {
        expect('problems' in parseQcConfig(paths[i]!(v))).toBe(true);
      }),
    );
  });

  it('whatever it accepts has the fail span containing the suspect span', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 4, maxLength: 4 }),
        (xs) => {
          const [a, b, c, d] = xs as [number, number, number, number];
          const result = parseQcConfig({ grossRange: { fail: [a, b], suspect: [c, d] } });
          if ('config' in result) expect(a <= c && c <= d && d <= b).toBe(true);
          else expect(a <= c && c <= d && d <= b).toBe(false);
        },
      ),
    );
  });
});
