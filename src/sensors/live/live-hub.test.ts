import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ObservationEvent } from '../ingest.service.js';
import { createLiveHub, type LiveEntry } from './live-hub.js';
import { liveStreams } from './sse-streams.js';

/** A stand-in for the ingest service: the hub only listens to it. */
function fakeIngest() {
  let listener: ((events: ObservationEvent[]) => void) | undefined;
  let id = 0;
  return {
    onCommitted(l: (events: ObservationEvent[]) => void) {
      listener = l;
      return () => (listener = undefined);
    },
    commit(...streams: [number, string | null][]) {
      listener?.(
        streams.map(([datastreamId, datasetId]) => ({
          id: ++id,
          datastreamId,
          datasetId,
          thingId: 1,
          phenomenonTime: new Date(id * 1000).toISOString(),
          resultTime: null,
          result: id,
          resultQuality: null,
        })),
      );
    },
  };
}

describe('live hub', () => {
  it('delivers each entry once to the subscribers whose filter matches it, and to nobody else', () => {
    const ingest = fakeIngest();
    const hub = createLiveHub({ ingest });
    const got = { a: [] as number[], b: [] as number[], c: [] as number[] };
    const sink = (into: number[]) => ({
      deliver: (entries: LiveEntry[]) => into.push(...entries.map((e) => e.event.id)),
    });
    hub.subscribe({ datasets: ['air'], datastreams: [1] }, sink(got.a));
    const stopB = hub.subscribe({ datasets: [], datastreams: [2, 3] }, sink(got.b));
    hub.subscribe({ datasets: ['noise'], datastreams: [] }, sink(got.c));
    ingest.commit([1, 'air'], [2, 'air'], [3, null], [9, 'water']);
    stopB();
    ingest.commit([2, 'air']);
    expect(got).toEqual({ a: [1, 2, 5], b: [2, 3], c: [] });
    expect(hub.stats().subscribers).toBe(2);
  });

  it('keeps at most the retention limits, and says why a resume is impossible', () => {
    const ingest = fakeIngest();
    let clock = 1_000_000;
    const hub = createLiveHub({ ingest, retentionEvents: 3, retentionMs: 60_000, now: () => clock });
    const start = hub.lastSeq;
    expect(hub.gapAfter(start)).toBeUndefined();
    ingest.commit([1, 'a'], [1, 'a'], [1, 'a'], [1, 'a']);
    expect(hub.stats().retained).toBe(3);
    expect(hub.gapAfter(start)).toBe('expired');
    expect(hub.gapAfter(start + 1)).toBeUndefined();
    expect(hub.entriesAfter(start + 1, 10).map((e) => e.seq)).toEqual([start + 2, start + 3, start + 4]);
    expect(hub.entriesAfter(start + 3, 10).map((e) => e.seq)).toEqual([start + 4]);
    expect(hub.gapAfter(start - 5)).toBe('restarted');
    expect(hub.gapAfter(hub.lastSeq + 1)).toBe('unknown');
    clock += 61_000;
    ingest.commit([1, 'a']);
    // Older than the window: only the new one is left.
    expect(hub.stats().retained).toBe(1);
    expect(hub.gapAfter(start + 3)).toBe('expired');
    expect(hub.gapAfter(start + 4)).toBeUndefined();
  });

  it('starts numbering above any number an earlier process gave out', () => {
    const earlier = createLiveHub({ ingest: fakeIngest(), now: () => 1_000 });
    const later = createLiveHub({ ingest: fakeIngest(), now: () => 2_000 });
    expect(later.lastSeq).toBeGreaterThan(earlier.lastSeq + 100_000);
  });

  it('keeps delivering to others when one subscriber throws', () => {
    const ingest = fakeIngest();
    const errors: unknown[] = [];
    const hub = createLiveHub({ ingest, onError: (e) => errors.push(e) });
    const got: number[] = [];
    hub.subscribe(
      { datasets: ['a'], datastreams: [] },
      {
        deliver: () => {
          throw new Error('broken');
        },
      },
    );
    hub.subscribe({ datasets: ['a'], datastreams: [] }, { deliver: (e) => got.push(e.length) });
    ingest.commit([1, 'a']);
    expect(got).toEqual([1]);
    expect(errors).toHaveLength(1);
  });
});

/** A response that never drains: its buffer only grows. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  text = '';
  ended = false;
  destroyed = false;
  socket = null;
  writeHead() {
    return this;
  }
  write(chunk: string) {
    this.text += chunk;
    this.writableLength += chunk.length;
    return false;
  }
  end(chunk?: string) {
    if (chunk) this.write(chunk);
    this.ended = true;
  }
  destroy() {
    this.destroyed = true;
  }
}

describe('live streams', () => {
  it('drops a client that falls too far behind, with a final end event', () => {
    const ingest = fakeIngest();
    const hub = createLiveHub({ ingest });
    const streams = liveStreams({ hub, access: { stillAllowed: async () => true }, maxBuffer: 2_000 });
    const res = new StuckResponse();
    streams.open({
      res: res as unknown as ServerResponse,
      filter: { datasets: ['a'], datastreams: [] },
      viewer: { admin: false },
      lastEventId: undefined,
    });
    expect(streams.count).toBe(1);
    for (let i = 0; i < 40 && !res.ended; i++) ingest.commit([1, 'a'], [1, 'a']);
    expect(res.ended).toBe(true);
    expect(res.text).toMatch(/event: end\ndata: \{"reason":"slow_consumer"/);
    expect(streams.count).toBe(0);
    expect(hub.stats().subscribers).toBe(0);
    streams.closeAll();
  });
});
