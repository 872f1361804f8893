/**
 * Where the limits keep their counts: request windows per subject and the slots of downloads and live
 * connections held open. The in-process store serves one node; the Redis store (redis-store.ts) shares the
 * counts between nodes and falls back on this one while Redis cannot be reached.
 */
import type { Cap } from './policy.js';

/** A request counted: its number in the subject's window and the milliseconds until the window ends. */
export interface Hit {
  count: number;
  resetMs: number;
}

/** A held slot; release it once (more calls do nothing). */
export interface Lease {
  release(): void;
}

/** The answer to a slot request: the lease when there was a free slot, and the slots in use now. */
export interface Acquired {
  lease: Lease | undefined;
  inUse: number;
}

export interface LimitStore {
  /** Counts one request of a subject; a subject's window opens with its first request and lasts `windowMs`. */
  hit(subject: string, windowMs: number): Hit | Promise<Hit>;
  /** Takes one of `limit` slots of a kind for a subject, unless all are in use. */
  acquire(cap: Cap, subject: string, limit: number): Acquired | Promise<Acquired>;
  close(): Promise<void>;
}

/** A lease that holds nothing (callers the caps do not apply to). */
export const NO_LEASE: Lease = { release: () => undefined };

interface Window {
  count: number;
  resetAt: number;
}

/** The in-process store answers at once. */
export interface MemoryStore extends LimitStore {
  hit(subject: string, windowMs: number): Hit;
  acquire(cap: Cap, subject: string, limit: number): Acquired;
  /** Subjects with a window open (or ended and not yet swept). */
  readonly subjects: number;
}

/**
 * Counts in this process's memory: O(1) per request; ended windows are swept once a minute. Windows are kept in
 * the order they opened, so that past `maxSubjects` (a flood from many addresses) the one dropped is the one
 * that would have ended first.
 */
export function memoryStore({
  now = Date.now,
  sweepMs = 60_000,
  maxSubjects = 250_000,
}: { now?: () => number; sweepMs?: number; maxSubjects?: number } = {}): MemoryStore {
  const windows = new Map<string, Window>();
  const slots = new Map<string, number>();

  const sweep = setInterval(() => {
    const t = now();
    for (const [subject, w] of windows) if (w.resetAt <= t) windows.delete(subject);
  }, sweepMs);
  sweep.unref();

  return {
    hit(subject, windowMs) {
      const t = now();
      let w = windows.get(subject);
      if (w === undefined || w.resetAt <= t) {
        if (w !== undefined) windows.delete(subject);
        else if (windows.size >= maxSubjects) windows.delete(windows.keys().next().value!);
        w = { count: 0, resetAt: t + windowMs };
        windows.set(subject, w);
      }
      w.count += 1;
      return { count: w.count, resetMs: w.resetAt - t };
    },

    acquire(cap, subject, limit) {
      const key = `${cap} ${subject}`;
      const inUse = slots.get(key) ?? 0;
      if (inUse >= limit) return { lease: undefined, inUse };
      slots.set(key, inUse + 1);
      let held = true;
      const lease: Lease = {
        release() {
          if (!held) return;
          held = false;
          const left = (slots.get(key) ?? 1) - 1;
          if (left > 0) slots.set(key, left);
          else slots.delete(key);
        },
      };
      return { lease, inUse: inUse + 1 };
    },

    get subjects() {
      return windows.size;
    },

    async close() {
      clearInterval(sweep);
    },
  };
}
