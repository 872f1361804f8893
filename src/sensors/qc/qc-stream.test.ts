import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineTests } from './qartod.js';
import { qcStream, type QcInput, type QcResult } from './qc-stream.js';
import type { QcConfig } from './qc.types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2025, 6, 1, 12);

const CONFIG: QcConfig = {
  grossRange: { fail: [-40, 60], suspect: [-5, 46] },
  spike: { suspect: 3, fail: 6 },
  rateOfChange: { threshold: 0.1 },
  flatLine: { tolerance: 0, suspectAfterMs: HOUR, failAfterMs: 2 * HOUR },
  timing: { maxLatencyMs: 10 * MINUTE, failLatencyMs: 3 * HOUR, gapMs: 15 * MINUTE },
};

/** An observation `minutes` after T0, received 2 s after its time. */
const at = (minutes: number, value: number | null, extra: Partial<QcInput> = {}): QcInput => ({
  time: T0 + minutes * MINUTE,
  value,
  receivedAt: T0 + minutes * MINUTE + 2000,
  ...extra,
});

/** Feeds a series of values, one a minute from T0; returns every result. */
function feed(config: QcConfig, values: readonly (number | null)[]): QcResult[] {
  const qc = qcStream(config);
  return values.map((v, i) => qc.evaluate(at(i, v)));
}

describe('qcStream: the first observations', () => {
  it('judges the first observation by its value and timing; rate of change needs a previous value', () => {
    const [first] = feed(CONFIG, [20]);
    expect(first).toEqual({
      outcome: { flag: 1, tests: { gross_range: 1, timing_gap: 1, rate_of_change: 2, flat_line: 1 } },
    });
  });

  it('leaves the spike test out of an observation until its successor arrives', () => {
    const [, second, third] = feed(CONFIG, [20, 20.5, 21]);
    expect(second!.outcome.tests).not.toHaveProperty('spike');
    expect(second!.outcome.tests.rate_of_change).toBe(1);
    expect(third!.revised).toBeUndefined();
  });

  it('with no tests configured, nothing is evaluated', () => {
    expect(feed({}, [1, 2, 3]).map((r) => r.outcome)).toEqual([
      { flag: 2, tests: {} },
      { flag: 2, tests: {} },
      { flag: 2, tests: {} },
    ]);
  });
});

describe('qcStream: spike decided by the next observation', () => {
  it('revises the previous observation when it stands out, recombining its flag', () => {
    const results = feed(CONFIG, [20, 30, 20]);
    expect(results[1]!.outcome.flag).toBe(3); // rate of change: 10 units in 60 s > 0.1/s
    expect(results[2]!.revised).toEqual({
      time: T0 + MINUTE,
      outcome: {
        flag: 4,
        tests: { gross_range: 1, timing_gap: 1, rate_of_change: 3, flat_line: 1, spike: 4 },
      },
    });
  });

  it('flags suspect between the thresholds and says nothing on a threshold', () => {
    expect(feed({ spike: CONFIG.spike }, [20, 25, 20])[2]!.revised?.outcome).toEqual({
      flag: 3,
      tests: { spike: 3 },
    });
    expect(feed({ spike: CONFIG.spike }, [20, 23, 20])[2]!.revised).toBeUndefined();
    expect(feed({ spike: CONFIG.spike }, [20, 26, 20])[2]!.revised?.outcome.flag).toBe(3);
  });

  it('needs two neighbours: the first observation is never revised, a null breaks the sequence', () => {
    expect(feed(CONFIG, [40, 20, 20]).some((r) => r.revised)).toBe(false);
    expect(feed(CONFIG, [20, 40, null, 20]).some((r) => r.revised)).toBe(false);
    expect(feed(CONFIG, [20, null, 40, 20]).some((r) => r.revised)).toBe(false);
  });

  it('a step or a ramp is no spike', () => {
    expect(feed(CONFIG, [20, 20, 30, 30, 30]).some((r) => r.revised)).toBe(false);
    expect(feed(CONFIG, [20, 21, 22, 23, 24]).some((r) => r.revised)).toBe(false);
  });
});

describe('qcStream: out-of-order and missing values', () => {
  it('judges an older observation by its value only and keeps the state', () => {
    const qc = qcStream(CONFIG);
    qc.evaluate(at(0, 20));
    qc.evaluate(at(2, 20));
    const late = qc.evaluate(at(1, 70, { receivedAt: T0 + 3 * MINUTE }));
    expect(late.outcome).toEqual({
      flag: 4,
      tests: { gross_range: 4, timing_gap: 1, spike: 2, rate_of_change: 2, flat_line: 2 },
    });
    // The late 70 did not enter the sequence: 20, 20, 20 is no spike and no change.
    const next = qc.evaluate(at(3, 20));
    expect(next.revised).toBeUndefined();
    expect(next.outcome.tests.rate_of_change).toBe(1);
  });

  it('treats a repeat of the newest time as out of order', () => {
    const qc = qcStream(CONFIG);
    qc.evaluate(at(0, 20));
    expect(qc.evaluate(at(0, 20)).outcome.tests.flat_line).toBe(2);
  });

  it('does not judge the value tests of a missing or non-numeric value, but still its timing', () => {
    const qc = qcStream(CONFIG);
    for (const [i, value] of [null, NaN, Infinity].entries()) {
      const result = qc.evaluate(at(i, value, { receivedAt: T0 + 4 * HOUR }));
      expect(result.outcome).toEqual({
        flag: 4,
        tests: { gross_range: 2, timing_gap: 4, spike: 2, rate_of_change: 2, flat_line: 2 },
      });
    }
  });

  it('a clock hours ahead fails timing and does not drag the datastream into the future', () => {
    const qc = qcStream(CONFIG);
    qc.evaluate(at(0, 20));
    const ahead = qc.evaluate(at(7 * 60, 20, { receivedAt: T0 + MINUTE }));
    expect(ahead.outcome.tests.timing_gap).toBe(4);
    expect(ahead.outcome.tests.flat_line).toBe(2);
    // The next honest observation is still in order.
    expect(qc.evaluate(at(2, 20)).outcome.tests.flat_line).toBe(1);
  });

  it('measures latency from the end of an interval', () => {
    const qc = qcStream({ timing: CONFIG.timing });
    const start = T0;
    const end = T0 + HOUR;
    expect(qc.evaluate({ time: start, end, value: 1, receivedAt: end + 5000 }).outcome.flag).toBe(1);
    expect(qc.evaluate({ time: start + HOUR, value: 1, receivedAt: end + HOUR }).outcome.flag).toBe(3);
  });
});

describe('qcStream: flat line and faults', () => {
  const constant = (minutes: number, value = 12.4) => Array.from({ length: minutes + 1 }, () => value);

  it('turns suspect at suspectAfterMs and fails at failAfterMs, opening a flat_line fault once', () => {
    const results = feed(CONFIG, constant(130));
    const flags = results.map((r) => r.outcome.tests.flat_line);
    expect(flags.slice(0, 60).every((f) => f === 1)).toBe(true);
    expect(flags[60]).toBe(3);
    expect(flags[119]).toBe(3);
    expect(flags[120]).toBe(4);
    const faults = results.flatMap((r) => (r.fault ? [r.fault] : []));
    expect(faults).toEqual([
      { kind: 'flat_line', state: 'open', since: T0, detail: 'unchanged at 12.4 for 2 h' },
    ]);
  });

  it('clears the fault after three good observations in a row', () => {
    const results = feed(CONFIG, [...constant(125), 13, 13.1, 13.2, 13.3]);
    const faults = results.flatMap((r, i) => (r.fault ? [{ i, ...r.fault }] : []));
    expect(faults.map((f) => [f.i, f.state])).toEqual([
      [120, 'open'],
      [128, 'cleared'],
    ]);
    expect(faults[1]).toMatchObject({
      kind: 'flat_line',
      since: T0,
      detail: '3 observations in a row passed after 2 h 8 min',
    });
  });

  it('keeps a run going while values stay within the tolerance, decimals and all', () => {
    const config: QcConfig = { flatLine: { tolerance: 0.1, suspectAfterMs: 3 * MINUTE, failAfterMs: HOUR } };
    const wobble = feed(config, [1.0, 1.1, 1.0, 1.1, 1.05]);
    expect(wobble.map((r) => r.outcome.tests.flat_line)).toEqual([1, 1, 1, 3, 3]);
    // Leaving the band starts a new run at that value.
    expect(feed(config, [1.0, 1.1, 1.0, 1.2, 1.2]).map((r) => r.outcome.tests.flat_line)).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it('opens a failing fault after three failed observations in a row, naming the tests', () => {
    const results = feed(CONFIG, [20, 70, 70, 70, 70]);
    expect(results[3]!.fault).toEqual({
      kind: 'failing',
      state: 'open',
      since: T0 + MINUTE + 2000,
      detail: '3 of the last 3 observations failed: gross_range',
    });
    expect(results.filter((r) => r.fault)).toHaveLength(1);
  });

  it('a suspect observation breaks a failing streak; not-evaluated ones do not', () => {
    expect(feed(CONFIG, [70, 70, 50, 70, 70]).some((r) => r.fault)).toBe(false);
    const withNull = feed({ grossRange: CONFIG.grossRange }, [70, 70, null, 70]);
    expect(withNull[3]!.fault?.state).toBe('open');
  });

  it('says nothing about good data when no fault is open', () => {
    expect(feed(CONFIG, [20, 20.1, 20.2, 20.3, 20.4]).some((r) => r.fault)).toBe(false);
  });
});

describe('qcStream: seeded from history', () => {
  it('decides the spike of the last stored observation, from its stored outcome', () => {
    const stored = { flag: 1 as const, tests: { gross_range: 1 as const } };
    const qc = qcStream(CONFIG, [
      { time: T0, value: 20 },
      { time: T0 + MINUTE, value: 30, outcome: stored },
    ]);
    expect(qc.evaluate(at(2, 20)).revised).toEqual({
      time: T0 + MINUTE,
      outcome: { flag: 4, tests: { gross_range: 1, spike: 4 } },
    });
  });

  it('reruns the value tests of a stored observation given without its outcome', () => {
    const qc = qcStream(CONFIG, [
      { time: T0, value: 20 },
      { time: T0 + MINUTE, value: 50 },
    ]);
    expect(qc.evaluate(at(2, 20)).revised?.outcome).toEqual({ flag: 4, tests: { gross_range: 3, spike: 4 } });
  });

  it('continues the flat run of the history and ignores stored entries out of order', () => {
    const history = Array.from({ length: 120 }, (_, i) => ({ time: T0 + i * MINUTE, value: 5 }));
    const qc = qcStream(CONFIG, [...history, { time: T0, value: 99 }]);
    const result = qc.evaluate(at(120, 5));
    expect(result.outcome.tests.flat_line).toBe(4);
    expect(result.fault).toMatchObject({ kind: 'flat_line', state: 'open', since: T0 });
  });
});

describe('qcStream: climatology in local time', () => {
  it('reads months and hours in the configured zone', () => {
    const config: QcConfig = {
      climatology: {
        periods: [{ months: [7], hours: [21, 6], range: [0, 80] }],
        timeZone: 'America/Los_Angeles',
      },
    };
    const qc = qcStream(config);
    // 06:00 UTC on July 2 is 23:00 on July 1 in California (night); 20:00 UTC is 13:00 (no period: 2).
    expect(qc.evaluate({ time: Date.UTC(2025, 6, 2, 6), value: 90, receivedAt: 0 }).outcome.flag).toBe(3);
    expect(qc.evaluate({ time: Date.UTC(2025, 6, 2, 20), value: 90, receivedAt: 0 }).outcome.flag).toBe(2);
    // 05:00 UTC on August 1 is still July 31, 22:00 locally.
    expect(qc.evaluate({ time: Date.UTC(2025, 7, 1, 5), value: 90, receivedAt: 0 }).outcome.flag).toBe(3);
  });
});

describe('qcStream: properties', () => {
  const value = fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(null));
  const step = fc.record({
    dt: fc.integer({ min: -5 * MINUTE, max: 30 * MINUTE }),
    value,
    latency: fc.integer({ min: -8 * HOUR, max: 8 * HOUR }),
  });

  it('never throws, and every flag is the combination of its tests', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const qc = qcStream({ ...CONFIG, climatology: { periods: [{ months: [7], range: [0, 30] }] } });
        let time = T0;
        for (const s of steps) {
          time += s.dt;
          const result = qc.evaluate({ time, value: s.value, receivedAt: time + s.latency });
          expect(result.outcome.flag).toBe(combineTests(result.outcome.tests));
          if (result.revised)
            expect(result.revised.outcome.flag).toBe(combineTests(result.revised.outcome.tests));
        }
      }),
    );
  });

  it('a constant series is never a spike and never changes too fast', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 3, max: 40 }),
        (v, n) => {
          const results = feed(
            CONFIG,
            Array.from({ length: n }, () => v),
          );
          expect(results.some((r) => r.revised)).toBe(false);
          expect(results.every((r) => r.outcome.tests.rate_of_change !== 3)).toBe(true);
        },
      ),
    );
  });

  it('the flat line never fires before suspectAfterMs of data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ dt: fc.integer({ min: 1, max: 20 * MINUTE }), v: fc.integer({ min: 0, max: 2 }) }),
          {
            maxLength: 80,
          },
        ),
        (steps) => {
          const qc = qcStream(CONFIG);
          let time = T0;
          for (const s of steps) {
            time += s.dt;
            const flag = qc.evaluate({ time, value: s.v, receivedAt: time }).outcome.tests.flat_line;
            if (time - (T0 + steps[0]!.dt) < HOUR) expect(flag).toBe(1);
          }
        },
      ),
    );
  });
});
