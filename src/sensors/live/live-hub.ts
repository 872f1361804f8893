/**
 * The live hub: every committed observation gets a sequence number, is kept for a while in a ring so that a
 * client that lost its connection can resume without loss, and is handed to the subscribers that follow its
 * datastream or its dataset. Subscribers are indexed by both, so an event costs only as much as the subscribers
 * that want it, not a look at every subscriber.
 *
 * Sequence numbers grow for the life of the process and start at the process's start time in microseconds, so a
 * new process starts above every number an earlier one gave out. A number from before a restart therefore cannot
 * be resumed (the ring died with the process); the client is told so with a reset and continues from now.
 */
import type { IngestService, ObservationEvent } from '../ingest.service.js';
import { observationData, observationFrame } from './sse-format.js';

/** How long committed observations stay resumable, at most. */
export const RETENTION_MS = 10 * 60_000;
/** How many committed observations stay resumable, at most (whichever of the two limits is reached first). */
export const RETENTION_EVENTS = 200_000;

/** One committed observation with its place in the feed. */
export class LiveEntry {
  #frame: string | undefined;
  constructor(
    readonly seq: number,
    /** When the hub heard of the commit (epoch ms). */
    readonly at: number,
    readonly event: ObservationEvent,
  ) {}

  /** The SSE text of this event, made once however many subscribers get it. */
  get frame(): string {
    return (this.#frame ??= observationFrame(this.seq, observationData(this.event)));
  }
}

/** What a subscriber follows: whole datasets, single datastreams, or both. */
export interface LiveFilter {
  datasets: readonly string[];
  datastreams: readonly number[];
}

export interface LiveSubscriber {
  /** The entries of one commit that match the subscriber's filter, in sequence order. Must not throw. */
  deliver(entries: LiveEntry[]): void;
}

/** Why a resume was impossible. */
export type ResumeGap = 'restarted' | 'expired' | 'unknown';

interface Registration {
  sub: LiveSubscriber;
  filter: LiveFilter;
  /** The last sequence number handed to it, so that a subscriber matched twice gets an entry once. */
  lastSeq: number;
  batch: LiveEntry[] | null;
}

export interface LiveHubOptions {
  ingest: Pick<IngestService, 'onCommitted'>;
  /** Told when a subscriber or listener throws; the others still get the entries. */
  onError?: (error: unknown) => void;
  retentionMs?: number;
  retentionEvents?: number;
  now?: () => number;
}

export function createLiveHub({
  ingest,
  retentionMs = RETENTION_MS,
  retentionEvents = RETENTION_EVENTS,
  now = () => Date.now(),
  onError = () => undefined,
}: LiveHubOptions) {
  const start = Math.floor(now()) * 1000;
  const ring: (LiveEntry | undefined)[] = new Array<LiveEntry | undefined>(retentionEvents);
  let head = 0;
  let size = 0;
  let lastSeq = start;
  /** The highest sequence number no longer in the ring (everything after it is). */
  let floor = start;
  const byDatastream = new Map<number, Set<Registration>>();
  const byDataset = new Map<string, Set<Registration>>();
  const registrations = new Set<Registration>();
  const everything = new Set<(entries: LiveEntry[]) => void>();

  const oldest = () => (size === 0 ? undefined : ring[head]);

  function evict(at: number): void {
    for (let first = oldest(); first && (size >= retentionEvents || first.at < at - retentionMs);) {
      floor = first.seq;
      ring[head] = undefined;
      head = (head + 1) % retentionEvents;
      size--;
      first = oldest();
    }
  }

  function add(set: Set<Registration> | undefined, entry: LiveEntry, touched: Registration[]): void {
    if (!set) return;
    for (const r of set) {
      if (r.lastSeq >= entry.seq) continue;
      r.lastSeq = entry.seq;
      if (r.batch === null) {
        r.batch = [];
        touched.push(r);
      }
      r.batch.push(entry);
    }
  }

  function publish(events: ObservationEvent[]): void {
    const at = now();
    const entries: LiveEntry[] = new Array<LiveEntry>(events.length);
    const touched: Registration[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      evict(at);
      const entry = new LiveEntry(++lastSeq, at, event);
      ring[(head + size) % retentionEvents] = entry;
      size++;
      entries[i] = entry;
      add(byDatastream.get(event.datastreamId), entry, touched);
      if (event.datasetId !== null) add(byDataset.get(event.datasetId), entry, touched);
    }
    // This runs inside the ingest's commit path: a failing subscriber must not fail the writer's call.
    for (const r of touched) {
      const batch = r.batch!;
      r.batch = null;
      try {
        r.sub.deliver(batch);
      } catch (error) {
        onError(error);
      }
    }
    for (const listener of everything) {
      try {
        listener(entries);
      } catch (error) {
        onError(error);
      }
    }
  }

  function index<K>(map: Map<K, Set<Registration>>, key: K, r: Registration, on: boolean): void {
    let set = map.get(key);
    if (on) {
      if (!set) map.set(key, (set = new Set()));
      set.add(r);
    } else if (set) {
      set.delete(r);
      if (set.size === 0) map.delete(key);
    }
  }

  const stop = ingest.onCommitted(publish);

  return {
    /** The sequence number of the newest entry (or where the next one will follow). */
    get lastSeq(): number {
      return lastSeq;
    },

    /** How many entries the ring holds and how many subscribers there are (for metrics and tests). */
    stats: () => ({ retained: size, subscribers: registrations.size, lastSeq, floor }),

    /**
     * Starts delivering the entries after now that match the filter. Call synchronously after reading
     * {@link entriesAfter} up to {@link lastSeq}, so that nothing falls between replay and live delivery.
     * Returns how to stop.
     */
    subscribe(filter: LiveFilter, sub: LiveSubscriber): () => void {
      const r: Registration = { sub, filter, lastSeq, batch: null };
      registrations.add(r);
      for (const id of filter.datastreams) index(byDatastream, id, r, true);
      for (const id of filter.datasets) index(byDataset, id, r, true);
      return () => {
        if (!registrations.delete(r)) return;
        for (const id of filter.datastreams) index(byDatastream, id, r, false);
        for (const id of filter.datasets) index(byDataset, id, r, false);
      };
    },

    /** Whether the entries after `seq` are all still here; if not, why not. */
    gapAfter(seq: number): ResumeGap | undefined {
      if (!Number.isSafeInteger(seq) || seq > lastSeq) return 'unknown';
      if (seq < start) return 'restarted';
      if (seq < floor) return 'expired';
      return undefined;
    },

    /** Up to `limit` entries after `seq`, in order; empty once `seq` is the newest. Check gapAfter first. */
    entriesAfter(seq: number, limit: number): LiveEntry[] {
      const from = Math.max(seq + 1, floor + 1);
      const out: LiveEntry[] = [];
      const first = oldest();
      if (!first) return out;
      for (let i = from - first.seq; i < size && out.length < limit; i++) {
        out.push(ring[(head + i) % retentionEvents]!);
      }
      return out;
    },

    /** Hears of every entry (the MQTT publisher). Returns how to stop. */
    onEntries(listener: (entries: LiveEntry[]) => void): () => void {
      everything.add(listener);
      return () => everything.delete(listener);
    },

    close(): void {
      stop();
      everything.clear();
    },
  };
}

/** A test of whether an entry matches a filter, for replays (which read the ring rather than the indexes). */
export function matcher(filter: LiveFilter): (entry: LiveEntry) => boolean {
  const datastreams = new Set(filter.datastreams);
  const datasets = new Set(filter.datasets);
  return (entry) =>
    datastreams.has(entry.event.datastreamId) ||
    (entry.event.datasetId !== null && datasets.has(entry.event.datasetId));
}

export type LiveHub = ReturnType<typeof createLiveHub>;
