/**
 * The history to backfill, as segments of time walked a quarter hour at a time, with how far each has got:
 * recorded as it goes, so that a restart resumes where the last process stopped. The last day comes first (the
 * live pages have something to show at once), then the older days from the newest back.
 */
import { DAY, MINUTE } from '../time.js';

/** One stretch of history, processed in chunks from its `to` back (backward) or from its `from` on. */
export interface Segment {
  from: number;
  to: number;
  backward: boolean;
  /** Chunks done. */
  done: number;
}

export interface BackfillPlan {
  version: 1;
  /** The demo seed and network scale the history is generated for. */
  seed: number;
  scale: number;
  /** Where the history ends and the live simulation takes over (epoch ms). */
  liveFrom: number;
  segments: Segment[];
  /** Observations created so far. */
  written: number;
}

/**
 * The time one batch covers: about 1,400 observations of the full network, small enough that the synchronous
 * part of a batch (generating it, checking it, telling live subscribers) holds the event loop only briefly.
 */
export const CHUNK = 15 * MINUTE;

export function newPlan({
  seed,
  scale,
  end,
  days,
}: {
  seed: number;
  scale: number;
  end: number;
  days: number;
}): BackfillPlan {
  const span = Math.round(days * DAY);
  const recent = Math.min(DAY, span);
  const segments: Segment[] = [];
  if (recent > 0) segments.push({ from: end - recent, to: end, backward: false, done: 0 });
  if (span > recent) segments.push({ from: end - span, to: end - recent, backward: true, done: 0 });
  return { version: 1, seed, scale, liveFrom: end, segments, written: 0 };
}

export const chunkCount = (segment: Segment): number => Math.ceil((segment.to - segment.from) / CHUNK);

/** The time range of a segment's k-th chunk. */
export function chunkAt(segment: Segment, k: number): [number, number] {
  if (segment.backward) {
    return [Math.max(segment.from, segment.to - (k + 1) * CHUNK), segment.to - k * CHUNK];
  }
  return [segment.from + k * CHUNK, Math.min(segment.to, segment.from + (k + 1) * CHUNK)];
}

/**
 * The next chunk to do, `skip` chunks further on (the ones under way): its segment's index and time range;
 * undefined when the history is complete.
 */
export function nextChunk(
  plan: BackfillPlan,
  skip = 0,
): { segment: number; range: [number, number] } | undefined {
  let left = skip;
  for (let index = 0; index < plan.segments.length; index++) {
    const segment = plan.segments[index]!;
    const remaining = chunkCount(segment) - segment.done;
    if (remaining > left) return { segment: index, range: chunkAt(segment, segment.done + left) };
    left -= Math.max(0, remaining);
  }
  return undefined;
}

export function progress(plan: BackfillPlan): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const s of plan.segments) {
    done += Math.min(s.done, chunkCount(s));
    total += chunkCount(s);
  }
  return { done, total };
}

/** The plan with [from, to) to fill first (time the simulator was not running); unchanged when empty. */
export function withGap(plan: BackfillPlan, from: number, to: number): BackfillPlan {
  if (to <= from) return plan;
  return { ...plan, segments: [{ from, to, backward: false, done: 0 }, ...plan.segments] };
}

/** Reads a stored plan; undefined for anything that is not one (a newer format, a damaged value). */
export function parsePlan(text: string | undefined): BackfillPlan | undefined {
  if (!text) return undefined;
  try {
    const plan = JSON.parse(text) as BackfillPlan;
    if (plan.version !== 1 || !Array.isArray(plan.segments)) return undefined;
    return plan;
  } catch {
    return undefined;
  }
}
