/**
 * The demo's sensor history, written in the background through ingest (the path HTTP and MQTT take, so
 * rollups and datastream states come out as they would for real devices): a quarter hour of the whole
 * network per batch, progress recorded every few seconds, the event loop given back between batches so that live requests and
 * the simulator are served meanwhile.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppState } from '../../db/app-state.js';
import { networkDeliveries, type Delivery } from '../../demo/sensors/deliveries.js';
import type { SensorNetwork } from '../../demo/sensors/spec.js';
import type { IngestService, ObservationInput } from '../ingest.service.js';
import { HOUR } from '../time.js';
import { CHUNK, nextChunk, parsePlan, progress } from './backfill-plan.js';
import { BACKFILL_STATE } from './network-seed.js';

/** At most this many observations per call to ingest (a chunk of the full network is about 1,400). */
const BATCH = 10_000;
/**
 * Progress is recorded at most this often: each record is a commit on the main connection. A restart redoes
 * at most the hours since, and ingest answers those as duplicates.
 */
const RECORD_EVERY = 2000;

export interface BackfillLog {
  info(message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface BackfillOptions {
  ingest: Pick<IngestService, 'ingest'>;
  state: AppState;
  network: SensorNetwork;
  /** Datastream id per stream key. */
  datastreams: ReadonlyMap<string, number>;
  log: BackfillLog;
  /** How often to log progress (ms); default 5 s. */
  reportEvery?: number;
  /** How often to record progress (ms); default 2 s. */
  recordEvery?: number;
}

/** A delivery as the observation a device would have sent. */
export function observationOf(delivery: Delivery, datastreamId: number): ObservationInput {
  return {
    datastreamId,
    phenomenonTime: delivery.phenomenonTime,
    resultTime: delivery.resultTime,
    result: delivery.result,
  };
}

const amount = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(Math.round(n));

export interface Backfill {
  /** Resolves when the history is complete or the backfill was stopped. */
  done: Promise<void>;
  /** Stops after the batch under way (its progress is recorded). */
  stop(): Promise<void>;
}

export function startBackfill(options: BackfillOptions): Backfill {
  const { ingest, state, network, datastreams, log } = options;
  const reportEvery = options.reportEvery ?? 5000;
  const recordEvery = options.recordEvery ?? RECORD_EVERY;
  let stopped = false;

  async function run(): Promise<void> {
    const plan = parsePlan(await state.get(BACKFILL_STATE));
    if (!plan || !nextChunk(plan)) return;
    const started = Date.now();
    const writtenBefore = plan.written;
    // An hour of the network sets the scale of the whole: exact counts would mean generating it twice.
    const perChunk = networkDeliveries(network, plan.liveFrom - HOUR, plan.liveFrom).length * (CHUNK / HOUR);
    let lastReport = started;
    let lastRecord = started;
    const record = () => state.set(BACKFILL_STATE, JSON.stringify(plan));
    const report = (final = false) => {
      const { done, total } = progress(plan);
      const estimate = Math.max(plan.written, plan.written + (total - done) * perChunk);
      const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
      log.info(
        final
          ? `sensor backfill: done, ${amount(plan.written)} observations (${amount(plan.written - writtenBefore)} in ${((Date.now() - started) / 1000).toFixed(0)} s)`
          : `sensor backfill: ${percent}% (${amount(plan.written)} of ${amount(estimate)} observations)`,
      );
    };
    log.info(
      `sensor backfill: ${Math.ceil(((progress(plan).total - progress(plan).done) * CHUNK) / HOUR)} hours of history to write`,
    );
    /**
     * Stores one chunk; resolves with the observations created. Each is received when its device sent it, so
     * that history is checked (future times, quality control) as it would have been live.
     */
    const store = async (items: ObservationInput[], sent: number[]) => {
      let created = 0;
      for (let i = 0; i < items.length; i += BATCH) {
        for (const result of await ingest.ingest(
          items.slice(i, i + BATCH),
          { kind: 'admin' },
          { live: false, receivedAt: sent.slice(i, i + BATCH) },
        )) {
          if (result.status === 'created') created++;
        }
      }
      return created;
    };
    // One chunk is committed (on the database's side) while the next one is generated (on this side).
    let pending: { segment: number; created: Promise<number> } | undefined;
    const settle = async () => {
      if (!pending) return;
      const { segment, created } = pending;
      pending = undefined;
      plan.written += await created;
      plan.segments[segment]!.done++;
      if (Date.now() - lastRecord >= recordEvery) {
        lastRecord = Date.now();
        await record();
      }
      if (Date.now() - lastReport >= reportEvery) {
        lastReport = Date.now();
        report();
      }
    };
    let ahead = 0;
    for (let next = nextChunk(plan); next && !stopped; next = nextChunk(plan, ahead)) {
      const items: ObservationInput[] = [];
      const sent: number[] = [];
      for (const delivery of networkDeliveries(network, ...next.range)) {
        const id = datastreams.get(delivery.stream.key);
        if (id === undefined) continue;
        items.push(observationOf(delivery, id));
        sent.push(delivery.at);
      }
      await settle();
      pending = { segment: next.segment, created: store(items, sent) };
      pending.created.catch(() => undefined);
      ahead = 1;
      // Generating a chunk is synchronous work: let requests and the live simulation in first.
      await nextTurn();
    }
    await settle();
    await record();
    if (!nextChunk(plan)) report(true);
  }

  const done = run().catch((error: unknown) => {
    log.error({ err: error }, 'sensor backfill stopped by an error; it resumes at the next start');
  });
  return {
    done,
    async stop() {
      stopped = true;
      await done;
    },
  };
}
