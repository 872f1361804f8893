/**
 * Quality control of one datastream as its observations arrive: the QARTOD tests of qartod.ts with the little
 * state they need (the last two values, the current flat run, the fault counters), O(1) per observation.
 * See docs/quality-control.md for the streaming definitions.
 */
import * as qartod from './qartod.js';
import { FaultTracker } from './qc-faults.js';
import * as clock from './qc-time.js';
import type { QcConfig, QcFlag, QcOutcome } from './qc.types.js';

/** One observation as ingest sees it. Times are epoch ms. */
export interface QcInput {
  /** Phenomenon time (the start of an interval). Orders the observations of the datastream. */
  time: number;
  /** End of the phenomenon interval, when the observation covers one (latency is measured from it). */
  end?: number;
  /** The numeric result; null when the result is not a number (a category, text, or nothing). */
  value: number | null;
  /** When the server received it (or, for bulk history, when the device sent it). */
  receivedAt: number;
}

/** A datastream started or stopped failing (the caller adds ids and ISO times to make a SensorFault). */
export interface QcFaultEvent {
  kind: 'flat_line' | 'failing';
  state: 'open' | 'cleared';
  /**
   * When the fault began (epoch ms): the phenomenon time of the flat run's first observation, or the receipt
   * time of the failing streak's first observation (its own time may be what is wrong).
   */
  since: number;
  /** What was seen, in plain words without units: "unchanged at 12.4 for 4 h 10 min". */
  detail: string;
}

export interface QcResult {
  /** The outcome of this observation (its spike test is pending: absent, see `revised`). */
  outcome: QcOutcome;
  /**
   * The previous observation's outcome, revised now that its successor decided its spike test. Only given when
   * the spike test flagged it (3 or 4): an observation whose spike test passes keeps the outcome it had.
   * `time` is that observation's `time` as it was given.
   */
  revised?: { time: number; outcome: QcOutcome };
  /** A fault opened or cleared by this observation. */
  fault?: QcFaultEvent;
}

/** A past observation to start from (oldest first): primes the spike, rate and flat-line state. */
export interface QcSeed {
  time: number;
  value: number | null;
  /** Its stored outcome, revised when the next observation decides its spike (else its value tests rerun). */
  outcome?: QcOutcome;
}

export interface QcStream {
  /** Judges the next observation. Never throws on finite numbers; a NaN or infinite value counts as null. */
  evaluate(input: QcInput): QcResult;
}

/**
 * A streaming evaluator for one datastream. `seed` (oldest first) primes the state from stored history so a
 * restart judges the next observation as if it had never stopped; seeding opens no fault.
 *
 * - Value tests (gross range, climatology) and timing judge every observation.
 * - Temporal tests (spike, rate of change, flat line) judge the observations that move the datastream forward:
 *   a numeric value, a time after the newest seen, and a timing that did not fail (a clock hours ahead must not
 *   drag the datastream into the future). Other observations get 2 for them and leave the state as it was.
 * - Spike: decided for observation N when N+1 arrives (returned as `revised` when it flags); N's own outcome
 *   has no spike entry. A value that is not a number breaks the sequence: its neighbours get no spike verdict.
 * - Flat line: the run is the consecutive values that all lie within `tolerance` of each other (the highest
 *   minus the lowest, allowing for decimal rounding); a value outside starts a new run. Its length is the time
 *   from the run's first observation to this one.
 */
export function qcStream(config: QcConfig, seed?: readonly QcSeed[]): QcStream {
  const stream = new StreamQc(config);
  if (seed) for (const past of seed) stream.prime(past);
  return stream;
}

// The tests, read once: test and benchmark runners turn every use of an import into a getter call, which
// would cost more than the tests themselves on the ingest path.
const { expectedRange, flatLineTest, grossRangeTest, rateOfChangeTest, spikeTest, timingTest, worse } =
  qartod;
const { cachedZoneOffset, localMonthHour } = clock;

/** Slack for decimal rounding when comparing a run's spread with the tolerance (relative to the values). */
const ROUNDING = 1e-9;
const SLOT = 15 * 60_000;
const HOUR = 3_600_000;

class StreamQc implements QcStream {
  private readonly config: QcConfig;
  private readonly temporal: boolean;
  private readonly faults = new FaultTracker();
  /** Newest time that moved the state. */
  private newest = -Infinity;
  /** The last two values that moved the state (NaN: none, or the sequence broke), and the last one's time. */
  private before = NaN;
  private last = NaN;
  private lastTime = NaN;
  private lastOutcome: QcOutcome | null = null;
  /** The current flat run: its first time and value, lowest and highest value (runStart NaN: no run). */
  private runStart = NaN;
  private runFirst = NaN;
  private runLow = NaN;
  private runHigh = NaN;
  /** UTC offset of the climatology's time zone for the 15-minute slot `offsetSlot`. */
  private offsetSlot = NaN;
  private offset = 0;
  /** The climatology's expected range for the local hour number `localHour` (NaN: no period applies). */
  private localHour = NaN;
  private expectedLow = NaN;
  private expectedHigh = NaN;

  constructor(config: QcConfig) {
    this.config = config;
    this.temporal = !!(config.spike || config.rateOfChange || config.flatLine);
  }

  prime(past: QcSeed): void {
    if (!(past.time > this.newest)) return;
    const value = past.value;
    this.newest = past.time;
    if (value === null || !Number.isFinite(value)) {
      this.before = this.last = NaN;
      this.lastOutcome = null;
      return;
    }
    if (this.config.flatLine) this.extendRun(past.time, value);
    this.advance(past.time, value, past.outcome ?? this.valueTests(past.time, value));
  }

  evaluate(input: QcInput): QcResult {
    const { config } = this;
    const time = input.time;
    const raw = input.value;
    const numeric = raw !== null && Number.isFinite(raw);
    const value = numeric ? raw : NaN;
    const tests: QcOutcome['tests'] = {};
    let flag: QcFlag = 2;
    let any = false;
    if (config.grossRange) {
      const f = grossRangeTest(value, config.grossRange);
      tests.gross_range = f;
      flag = f;
      any = true;
    }
    if (config.climatology) {
      const f = this.climatology(time, value);
      tests.climatology = f;
      flag = any ? worse(flag, f) : f;
      any = true;
    }
    let timing: QcFlag = 2;
    if (config.timing) {
      timing = timingTest(input.receivedAt - (input.end ?? time), config.timing);
      tests.timing_gap = timing;
      flag = any ? worse(flag, timing) : timing;
      any = true;
    }
    let revised: QcResult['revised'];
    const moves = time > this.newest && timing !== 4;
    if (this.temporal) {
      if (moves && numeric) {
        revised = this.decideSpike(value);
        if (config.rateOfChange) {
          const f = rateOfChangeTest(this.last, this.lastTime, value, time, config.rateOfChange);
          tests.rate_of_change = f;
          flag = any ? worse(flag, f) : f;
          any = true;
        }
        if (config.flatLine) {
          const f = flatLineTest(this.extendRun(time, value), config.flatLine);
          tests.flat_line = f;
          flag = any ? worse(flag, f) : f;
          any = true;
        }
      } else {
        if (config.spike) tests.spike = 2;
        if (config.rateOfChange) tests.rate_of_change = 2;
        if (config.flatLine) tests.flat_line = 2;
      }
    }
    const outcome: QcOutcome = { flag, tests };
    if (moves) {
      this.newest = time;
      if (numeric) this.advance(time, value, outcome);
      else {
        this.before = this.last = NaN;
        this.lastOutcome = null;
      }
    }
    const fault = this.faults.observe(outcome, time, input.receivedAt, this.runStart, this.runFirst);
    if (revised === undefined && fault === undefined) return { outcome };
    const result: QcResult = { outcome };
    if (revised) result.revised = revised;
    if (fault) result.fault = fault;
    return result;
  }

  /** The spike verdict of the last value now that `next` came: a revision when it flags. */
  private decideSpike(next: number): QcResult['revised'] {
    const spike = this.config.spike;
    if (!spike || !(this.lastOutcome && Number.isFinite(this.before) && Number.isFinite(this.last))) return;
    const f = spikeTest(this.before, this.last, next, spike);
    if (f !== 3 && f !== 4) return;
    const previous = this.lastOutcome;
    return {
      time: this.lastTime,
      outcome: { flag: worse(previous.flag, f), tests: { ...previous.tests, spike: f } },
    };
  }

  /** Adds a value to the flat run (or starts a new one); returns the run's length at `time`. */
  private extendRun(time: number, value: number): number {
    const tolerance = this.config.flatLine!.tolerance;
    if (this.runStart === this.runStart) {
      const low = value < this.runLow ? value : this.runLow;
      const high = value > this.runHigh ? value : this.runHigh;
      const scale = Math.max(Math.abs(low), Math.abs(high), 1);
      if (high - low <= tolerance + ROUNDING * scale) {
        this.runLow = low;
        this.runHigh = high;
        return time - this.runStart;
      }
    }
    this.runStart = time;
    this.runFirst = value;
    this.runLow = this.runHigh = value;
    return 0;
  }

  private advance(time: number, value: number, outcome: QcOutcome): void {
    this.before = this.last;
    this.last = value;
    this.lastTime = time;
    this.lastOutcome = outcome;
  }

  /** What the value tests say of a seeded value (its outcome was not given). */
  private valueTests(time: number, value: number): QcOutcome {
    const tests: QcOutcome['tests'] = {};
    let flag: QcFlag = 2;
    if (this.config.grossRange) flag = tests.gross_range = grossRangeTest(value, this.config.grossRange);
    if (this.config.climatology) {
      const f = (tests.climatology = this.climatology(time, value));
      flag = this.config.grossRange ? worse(flag, f) : f;
    }
    return { flag, tests };
  }

  private climatology(time: number, value: number): QcFlag {
    const climatology = this.config.climatology!;
    if (!Number.isFinite(value) || !Number.isFinite(time)) return 2;
    if (climatology.timeZone) {
      const slot = Math.floor(time / SLOT);
      if (slot !== this.offsetSlot) {
        this.offsetSlot = slot;
        this.offset = cachedZoneOffset(climatology.timeZone, time);
      }
    }
    const local = time + (climatology.timeZone ? this.offset : 0);
    const hour = Math.floor(local / HOUR);
    if (hour !== this.localHour) {
      // The expected range changes at most once an hour: look it up then (climatologyTest's rule).
      this.localHour = hour;
      const monthHour = localMonthHour(local);
      const range = expectedRange(climatology, monthHour >> 5, monthHour & 31);
      this.expectedLow = range ? range[0] : NaN;
      this.expectedHigh = range ? range[1] : NaN;
    }
    if (this.expectedLow !== this.expectedLow) return 2;
    return value < this.expectedLow || value > this.expectedHigh ? 3 : 1;
  }
}
