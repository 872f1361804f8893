/**
 * Quality control on the ingest path: one streaming evaluator (qc-stream.ts) per datastream, kept in memory and
 * primed from the datastream's newest stored observations the first time it is needed (so a restart resumes
 * the flat-line, spike and rate-of-change tests where they were). Ingest judges each accepted row, in arrival
 * order, before the commit; the row carries its flag and tests (what the client sent stays its result quality,
 * on its own: the served JSON is composed on read, qc-quality.ts); a spike decided by the next value
 * revises the earlier row (in memory when it is in the same batch, else in the batch's transaction).
 */
import type { ObservationRow, QcRevision } from '../../db/observation-store.js';
import type { ResultKind } from '../model.js';
import { formatInstant, HOUR } from '../time.js';
import { qcStream, type QcFaultEvent, type QcInput, type QcSeed, type QcStream } from './qc-stream.js';
import { decodeTests, encodeTests } from './qc-quality.js';
import type { QcHistoryRow, QcRepo } from './qc.repo.js';
import type { DatastreamQc, SensorQcService } from './qc.service.js';
import type { QcFlag, QcOutcome, SensorFault } from './qc.types.js';

/** Most stored observations read to prime one datastream. */
const HISTORY_LIMIT = 5_000;
/** Good observations in a row that clear a fault (as qc-faults.ts counts them). */
const CLEARING_STREAK = 3;

/** The newest observation judged in order: a spike decided later revises it. */
interface Previous {
  time: number;
  row: ObservationRow | null;
  batch: QcBatch | null;
}

interface StreamState {
  qc: DatastreamQc;
  /** null: no configuration, nothing is evaluated. */
  stream: QcStream | null;
  /** Newest phenomenon time that moved the tests' state. */
  newest: number;
  previous: Previous | null;
  /**
   * Primed from storage while the newest stored observations failed: a fault may be open that this process
   * never opened. Its `since` (ISO) until good values clear it; `good` counts them.
   */
  recovering: { since: string; good: number } | null;
}

/** What judging one batch produced, besides the rows' own flags. */
export interface QcBatch {
  revisions: QcRevision[];
  faults: SensorFault[];
}

const NOT_EVALUATED: QcOutcome = Object.freeze({ flag: 2, tests: Object.freeze({}) }) as QcOutcome;

/** The stored outcome of an observation, to prime the spike decision of the newest stored observation. */
function storedOutcome(row: QcHistoryRow): QcOutcome | undefined {
  if (row.qcFlag === null || row.qcTests === null) return undefined;
  return { flag: row.qcFlag as QcFlag, tests: decodeTests(row.qcTests) };
}

/** Where a fault that may be open began: the oldest of the newest stored observations that all failed. */
function failingSince(history: readonly QcHistoryRow[]): string | null {
  let since: number | null = null;
  for (const row of history) {
    if (row.qcFlag !== 4) break;
    since = row.time;
  }
  return since === null ? null : formatInstant(since);
}

/** How far back the state of the tests reaches: the flat line's fail duration, and a little more. */
function historyWindow(qc: DatastreamQc): number {
  return (qc.config.flatLine?.failAfterMs ?? 0) + HOUR;
}

/** A fault's words for the steward: the datastream, the value with its unit. */
function describe(qc: DatastreamQc, event: QcFaultEvent): string {
  const unit = qc.unitSymbol ? ` ${qc.unitSymbol}` : '';
  // "unchanged at 12.4 for 4 h 10 min": the unit goes after the value the stream is stuck at.
  const detail =
    event.kind === 'flat_line' && unit !== ''
      ? event.detail.replace(/^(unchanged at -?[\d.,]+(?:e[-+]?\d+)?)/, `$1${unit}`)
      : event.detail;
  // "PM2.5 unchanged at 12.4 µg/m³ for 4 h" reads on; "PM2.5: 3 observations in a row passed" needs the colon.
  return event.state === 'cleared' ? `${qc.name}: ${detail}` : `${qc.name} ${detail}`;
}

/**
 * After a restart, a fault this process never opened may be open: once good values come again, say it is
 * cleared (receivers ignore a clearing of a fault that is not open).
 */
function recover(
  state: StreamState,
  row: ObservationRow,
  outcome: QcOutcome,
  faulted: boolean,
  batch: QcBatch,
): void {
  const recovering = state.recovering!;
  if (faulted || outcome.flag === 3 || outcome.flag === 4) {
    // The stream's own tracker speaks from now on, or the values are still bad.
    if (faulted) state.recovering = null;
    else recovering.good = 0;
    return;
  }
  if (outcome.flag !== 1 || ++recovering.good < CLEARING_STREAK) return;
  state.recovering = null;
  for (const kind of ['flat_line', 'failing'] as const) {
    batch.faults.push({
      datastreamId: row.datastreamId,
      datasetId: state.qc.datasetId,
      kind,
      state: 'cleared',
      since: recovering.since,
      at: formatInstant(row.receivedAt),
      detail: `${state.qc.name}: ${CLEARING_STREAK} observations in a row passed`,
    });
  }
}

export function qcIngest({ qc, repo }: { qc: SensorQcService; repo: QcRepo }) {
  const states = new Map<number, StreamState>();
  const input: QcInput = { time: 0, end: undefined, value: null, receivedAt: 0 };
  const loading = new Map<number, Promise<void>>();
  /** Datastreams to load on the next turn, together: devices that connect at once cost one read, not one each. */
  let queued: { ids: Set<number>; done: Promise<void> } | undefined;

  qc.onInvalidate((id) => {
    if (id === undefined) states.clear();
    else states.delete(id);
  });

  function stateOf(config: DatastreamQc, history: readonly QcHistoryRow[]): StreamState {
    if (config.source === 'none') {
      return { qc: config, stream: null, newest: -Infinity, previous: null, recovering: null };
    }
    const seed: QcSeed[] = history.map((h) => ({ time: h.time, value: h.value })).reverse();
    const newest = history[0];
    if (newest) {
      const outcome = storedOutcome(newest);
      if (outcome) seed[seed.length - 1]!.outcome = outcome;
    }
    const since = failingSince(history);
    return {
      qc: config,
      stream: qcStream(config.config, seed),
      newest: newest?.time ?? -Infinity,
      recovering: since === null ? null : { since, good: 0 },
      previous: newest ? { time: newest.time, row: null, batch: null } : null,
    };
  }

  /** Reads the configurations and recent history of these datastreams, and builds their states. */
  async function load(ids: readonly number[]): Promise<void> {
    const configs = await qc.configs(ids);
    const judged = [...configs].filter(([, c]) => c.source !== 'none');
    const window = Math.max(0, ...judged.map(([, c]) => historyWindow(c)));
    const histories =
      judged.length > 0
        ? await repo.history(
            judged.map(([id]) => id),
            window,
          )
        : new Map();
    for (const [id, config] of configs) {
      if (states.has(id)) continue;
      const all: QcHistoryRow[] = histories.get(id) ?? [];
      // Newest first: keep what this datastream's own window reaches, at most HISTORY_LIMIT.
      const from = (all[0]?.time ?? 0) - historyWindow(config);
      let keep = 0;
      while (keep < all.length && keep < HISTORY_LIMIT && all[keep]!.time >= from) keep++;
      states.set(id, stateOf(config, keep === all.length ? all : all.slice(0, keep)));
    }
  }

  return {
    /**
     * Makes sure the datastreams' configurations and states are in memory (before judging a batch); undefined
     * when they are already, so that the common case costs no turn of the event loop.
     */
    prepare(ids: Iterable<number>): Promise<void> | undefined {
      const waits = new Set<Promise<void>>();
      for (const id of ids) {
        if (states.has(id)) continue;
        let pending = loading.get(id);
        if (!pending) {
          if (!queued) {
            const group = new Set<number>();
            const done = new Promise<void>((resolve) => setImmediate(resolve))
              .then(() => {
                queued = undefined;
                return load([...group]);
              })
              .finally(() => {
                for (const member of group) loading.delete(member);
              });
            queued = { ids: group, done };
          }
          queued.ids.add(id);
          pending = queued.done;
          loading.set(id, pending);
        }
        waits.add(pending);
      }
      if (waits.size === 0) return undefined;
      return Promise.all(waits).then(() => undefined);
    },

    /** A new batch to judge rows into. */
    batch(): QcBatch {
      return { revisions: [], faults: [] };
    },

    /**
     * Judges one accepted row (in arrival order): sets its `qcFlag` and `qcTests` (its `resultQuality`, what the
     * client sent, is left as it is), records revisions and faults in `batch`.
     */
    judge(row: ObservationRow, kind: ResultKind, batch: QcBatch): void {
      const state = states.get(row.datastreamId);
      let outcome = NOT_EVALUATED;
      const numeric = kind === 'number' || kind === 'integer';
      if (state?.stream) {
        // One input object for every row: evaluate reads it and keeps nothing of it.
        input.time = row.phenomenonTime;
        input.end = row.phenomenonEnd ?? undefined;
        input.value = numeric ? row.resultNumber : null;
        input.receivedAt = row.receivedAt;
        const result = state.stream.evaluate(input);
        outcome = result.outcome;
        const previous = state.previous;
        if (result.revised && previous && previous.time === result.revised.time) {
          const revised = result.revised.outcome;
          if (previous.batch === batch && previous.row) {
            previous.row.qcFlag = revised.flag;
            previous.row.qcTests = encodeTests(revised.tests);
          } else {
            batch.revisions.push({
              datastreamId: row.datastreamId,
              phenomenonTime: previous.time,
              qcFlag: revised.flag,
              qcTests: encodeTests(revised.tests),
            });
          }
        }
        if (state.recovering) recover(state, row, outcome, result.fault !== undefined, batch);
        if (result.fault) {
          batch.faults.push({
            datastreamId: row.datastreamId,
            datasetId: state.qc.datasetId,
            kind: result.fault.kind,
            state: result.fault.state,
            since: formatInstant(result.fault.since),
            at: formatInstant(row.receivedAt),
            detail: describe(state.qc, result.fault),
          });
        }
        // The tests' state moves with an observation after the newest whose timing did not fail (see
        // qc-stream.ts); a spike decided later revises the last numeric one of those.
        if (row.phenomenonTime > state.newest && outcome.tests.timing_gap !== 4) {
          state.newest = row.phenomenonTime;
          state.previous =
            numeric && row.resultNumber !== null ? { time: row.phenomenonTime, row, batch } : null;
        }
      }
      row.qcFlag = outcome.flag;
      row.qcTests = encodeTests(outcome.tests);
    },

    /** Forgets the state of these datastreams (a batch was not stored): primed again from storage. */
    forget(ids: Iterable<number>): void {
      for (const id of ids) states.delete(id);
    },
  };
}

export type QcIngest = ReturnType<typeof qcIngest>;
