/**
 * Open Server-Sent Events streams of the live feed: the replay of what a resuming client missed, then live
 * delivery from the hub, a heartbeat, and the limits that keep one slow or forgotten client from costing the
 * server memory. A client whose unsent backlog passes {@link MAX_BUFFER_BYTES} gets a final `end` event and
 * is disconnected; its EventSource reconnects with Last-Event-ID and resumes from the ring if it is fast enough.
 */
import type { ServerResponse } from 'node:http';
import type { Viewer } from '../../catalog/catalog.service.js';
import type { LiveAccess } from './live-access.js';
import { matcher, type LiveEntry, type LiveFilter, type LiveHub, type ResumeGap } from './live-hub.js';
import { controlFrame, HEARTBEAT } from './sse-format.js';

/** Unsent bytes one stream may hold before it is dropped as too slow. */
export const MAX_BUFFER_BYTES = 1024 * 1024;
/** How long a client should wait before reconnecting (the `retry:` hint). */
export const RETRY_MS = 3_000;
export const HEARTBEAT_MS = 15_000;
/** Open streams one process serves at most; more are refused with 503 live.busy. */
export const MAX_STREAMS = 20_000;
/** Entries read from the ring at a time while replaying. */
const REPLAY_CHUNK = 512;
/** How long an ended stream may take to flush its last event before its socket is destroyed. */
const END_GRACE_MS = 5_000;

const GAP_MESSAGES: Record<ResumeGap, string> = {
  restarted: 'The server restarted since that event; the feed goes on from now.',
  expired: 'That event is older than the feed keeps (see the retention window); the feed goes on from now.',
  unknown: 'That event id was not issued by this server; the feed goes on from now.',
};

interface Stream {
  filter: LiveFilter;
  viewer: Viewer;
  holder: StreamHolder;
  heartbeat(): void;
  end(reason: string, message: string): void;
}

/** The API key or account a stream was opened with, so that enforcement can close it (live-holders.ts). */
export interface StreamHolder {
  keyId?: string;
  userId?: string;
}

export interface OpenStream {
  res: ServerResponse;
  filter: LiveFilter;
  viewer: Viewer;
  /** The Last-Event-ID the client sent, if any (a string: it may be anything). */
  lastEventId: string | undefined;
  holder?: StreamHolder;
}

export function liveStreams({
  hub,
  access,
  heartbeatMs = HEARTBEAT_MS,
  maxBuffer = MAX_BUFFER_BYTES,
  onError = () => undefined,
}: {
  hub: LiveHub;
  access: Pick<LiveAccess, 'stillAllowed'>;
  heartbeatMs?: number;
  maxBuffer?: number;
  onError?: (error: unknown) => void;
}) {
  const streams = new Set<Stream>();

  // One timer for every stream: a heartbeat, and a fresh look at access, which may have changed.
  const timer = setInterval(() => {
    for (const stream of streams) {
      stream.heartbeat();
      access.stillAllowed(stream.filter, stream.viewer).then((allowed) => {
        if (!allowed) stream.end('access_revoked', 'This data is no longer public.');
      }, onError);
    }
  }, heartbeatMs);
  timer.unref();

  function open({ res, filter, viewer, lastEventId, holder = {} }: OpenStream): void {
    let closed = false;
    let unsubscribe: (() => void) | undefined;

    const finish = () => {
      if (closed) return false;
      closed = true;
      unsubscribe?.();
      streams.delete(stream);
      return true;
    };

    const end = (reason: string, message: string) => {
      if (!finish()) return;
      res.end(controlFrame('end', { reason, message }));
      setTimeout(() => res.destroy(), END_GRACE_MS).unref();
    };

    /** Writes unless the client is too far behind; false when the socket wants a pause. */
    const write = (text: string): boolean => {
      if (closed) return false;
      if (res.writableLength > maxBuffer) {
        end(
          'slow_consumer',
          `The client fell more than ${maxBuffer} bytes behind; reconnect with Last-Event-ID to resume.`,
        );
        return false;
      }
      return res.write(text);
    };

    const deliver = (entries: LiveEntry[]) => {
      write(entries.length === 1 ? entries[0]!.frame : entries.map((e) => e.frame).join(''));
    };

    const stream: Stream = { filter, viewer, holder, heartbeat: () => write(HEARTBEAT), end };
    streams.add(stream);
    res.on('close', finish);
    res.socket?.setNoDelay(true);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise hold events back in their buffers.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);

    const goLive = () => {
      if (!closed) unsubscribe = hub.subscribe(filter, { deliver });
    };

    if (lastEventId === undefined) {
      write(controlFrame('ready', { seq: hub.lastSeq }, hub.lastSeq));
      goLive();
      return;
    }
    const from = /^\d{1,16}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : Number.NaN;
    void replay(from).catch((error: unknown) => {
      onError(error);
      end('error', 'The replay failed; reconnect to try again.');
    });

    async function replay(after: number): Promise<void> {
      const match = matcher(filter);
      let cursor = after;
      while (!closed) {
        const gap = hub.gapAfter(cursor);
        if (gap) {
          cursor = hub.lastSeq;
          write(controlFrame('reset', { reason: gap, message: GAP_MESSAGES[gap], seq: cursor }, cursor));
          continue;
        }
        const chunk = hub.entriesAfter(cursor, REPLAY_CHUNK);
        // Caught up: subscribing now, in the same turn as the last read, leaves no gap before live delivery.
        if (chunk.length === 0) return goLive();
        cursor = chunk[chunk.length - 1]!.seq;
        const text = chunk
          .filter(match)
          .map((e) => e.frame)
          .join('');
        if (text.length > 0 && !write(text) && !closed) await drained(res);
      }
    }
  }

  return {
    open,
    get count(): number {
      return streams.size;
    },
    /** The keys and accounts that hold open streams. */
    holders(): StreamHolder[] {
      return [...streams].map((stream) => stream.holder).filter((h) => h.keyId || h.userId);
    },

    /** Ends the streams whose holder matches, with a final `end` event saying why; returns how many. */
    endHeld(match: (holder: StreamHolder) => boolean, reason: string, message: string): number {
      let ended = 0;
      for (const stream of [...streams]) {
        if (!match(stream.holder)) continue;
        stream.end(reason, message);
        ended++;
      }
      return ended;
    },

    /** Ends every stream with a final `end` event (the server is stopping). */
    closeAll(): void {
      clearInterval(timer);
      for (const stream of [...streams]) {
        stream.end('shutdown', 'The server is restarting; reconnect with Last-Event-ID in a moment.');
      }
    },
  };
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export type LiveStreams = ReturnType<typeof liveStreams>;
