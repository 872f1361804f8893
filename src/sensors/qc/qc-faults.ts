/**
 * When a datastream starts and stops failing, from the combined flags of its observations as they come: a
 * fault opens when the flat line reaches its fail duration or after FAULT_STREAK observations in a row fail,
 * and clears after FAULT_STREAK observations in a row pass. Not evaluated (2) and missing (9) observations
 * neither break nor extend a streak; a suspect one (3) breaks both. O(1) state.
 */
import { QC_TESTS, type QcFlag, type QcOutcome } from './qc.types.js';

/** Observations in a row that open a `failing` fault, and that clear an open fault. */
export const FAULT_STREAK = 3;

export interface FaultEvent {
  kind: 'flat_line' | 'failing';
  state: 'open' | 'cleared';
  since: number;
  detail: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in words: "45 s", "50 min", "4 h 10 min", "2 d 3 h". */
export function durationWords(ms: number): string {
  if (ms < MINUTE) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return `${Math.floor(ms / HOUR)} h${minutes ? ` ${minutes} min` : ''}`;
  }
  const hours = Math.floor((ms % DAY) / HOUR);
  return `${Math.floor(ms / DAY)} d${hours ? ` ${hours} h` : ''}`;
}

/** A value as a steward reads it: at most 6 significant digits, no exponent for everyday sizes. */
export const valueWords = (value: number): string => String(Number(value.toPrecision(6)));

export class FaultTracker {
  private openKind: 0 | 1 | 2 = 0;
  private openSince = 0;
  /** Added to `openSince` to compare it with receipt times. */
  private openOffset = 0;
  private failStreak = 0;
  private failStart = 0;
  /** Bit i set: test QC_TESTS[i] failed during the current failing streak. */
  private failMask = 0;
  private goodStreak = 0;

  /**
   * Takes the outcome of an observation of phenomenon time `time` received at `receivedAt`; `flatSince` and
   * `flatValue` describe the current flat run. A flat line is timed by phenomenon times (the values are right);
   * a failing streak by receipt times (the observation's own time may be what is wrong).
   * Returns the fault opened or cleared, if any.
   */
  observe(
    outcome: QcOutcome,
    time: number,
    receivedAt: number,
    flatSince: number,
    flatValue: number,
  ): FaultEvent | undefined {
    const flag: QcFlag = outcome.flag;
    if (flag === 4) {
      if (this.failStreak === 0) {
        this.failStart = receivedAt;
        this.failMask = 0;
      }
      this.failStreak++;
      this.failMask |= maskOf(outcome);
      this.goodStreak = 0;
    } else if (flag === 1) {
      this.goodStreak++;
      this.failStreak = 0;
    } else if (flag === 3) {
      this.goodStreak = 0;
      this.failStreak = 0;
    }
    if (this.openKind === 0) {
      if (outcome.tests.flat_line === 4) {
        this.openKind = 1;
        this.openSince = flatSince;
        // Clearing is timed by receipt: keep the run's start on that clock.
        this.openOffset = receivedAt - time;
        return {
          kind: 'flat_line',
          state: 'open',
          since: flatSince,
          detail: `unchanged at ${valueWords(flatValue)} for ${durationWords(time - flatSince)}`,
        };
      }
      if (this.failStreak >= FAULT_STREAK) {
        this.openKind = 2;
        this.openSince = this.failStart;
        this.openOffset = 0;
        const n = this.failStreak;
        return {
          kind: 'failing',
          state: 'open',
          since: this.failStart,
          detail: `${n} of the last ${n} observations failed: ${testsOf(this.failMask)}`,
        };
      }
      return undefined;
    }
    if (this.goodStreak >= FAULT_STREAK) {
      const kind = this.openKind === 1 ? 'flat_line' : 'failing';
      this.openKind = 0;
      return {
        kind,
        state: 'cleared',
        since: this.openSince,
        detail: `${this.goodStreak} observations in a row passed after ${durationWords(receivedAt - this.openSince - this.openOffset)}`,
      };
    }
    return undefined;
  }
}

function maskOf(outcome: QcOutcome): number {
  let mask = 0;
  const tests = outcome.tests;
  for (let i = 0; i < QC_TESTS.length; i++) if (tests[QC_TESTS[i]!] === 4) mask |= 1 << i;
  return mask;
}

function testsOf(mask: number): string {
  const names: string[] = [];
  for (let i = 0; i < QC_TESTS.length; i++) if (mask & (1 << i)) names.push(QC_TESTS[i]!);
  return names.join(', ');
}
