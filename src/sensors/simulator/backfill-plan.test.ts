import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../time.js';
import { CHUNK } from './backfill-plan.js';
import { chunkAt, newPlan, nextChunk, parsePlan, progress, withGap } from './backfill-plan.js';

const END = Date.UTC(2026, 4, 6, 19, 7);

describe('backfill plan', () => {
  it('does the last day first, forward, then the older days from the newest back', () => {
    const plan = newPlan({ seed: 1, scale: 1, end: END, days: 30 });
    expect(plan.segments).toEqual([
      { from: END - DAY, to: END, backward: false, done: 0 },
      { from: END - 30 * DAY, to: END - DAY, backward: true, done: 0 },
    ]);
    expect(progress(plan)).toEqual({ done: 0, total: (30 * DAY) / CHUNK });
    expect(chunkAt(plan.segments[0]!, 0)).toEqual([END - DAY, END - DAY + CHUNK]);
    expect(chunkAt(plan.segments[1]!, 0)).toEqual([END - DAY - CHUNK, END - DAY]);
    const last = (29 * DAY) / CHUNK - 1;
    expect(chunkAt(plan.segments[1]!, last)).toEqual([END - 30 * DAY, END - 30 * DAY + CHUNK]);
  });

  it('covers every hour once, in order, and ends', () => {
    const plan = newPlan({ seed: 1, scale: 1, end: END, days: 2.5 });
    const seen: number[] = [];
    for (let next = nextChunk(plan); next; next = nextChunk(plan)) {
      const [from, to] = next.range;
      for (let t = from; t < to; t += 60_000) seen.push(t);
      plan.segments[next.segment]!.done++;
    }
    const sorted = [...seen].sort((a, b) => a - b);
    expect(new Set(seen).size).toBe(seen.length);
    expect(sorted[0]).toBe(END - 2.5 * DAY);
    expect(sorted.at(-1)).toBe(END - 60_000);
    expect(seen[0]).toBe(END - DAY);
    expect(progress(plan)).toEqual({ done: (2.5 * DAY) / CHUNK, total: (2.5 * DAY) / CHUNK });
  });

  it('looks past the chunks under way, across segments', () => {
    const plan = newPlan({ seed: 1, scale: 1, end: END, days: 2 });
    const perDay = DAY / CHUNK;
    plan.segments[0]!.done = perDay - 1;
    expect(nextChunk(plan)!.range).toEqual([END - CHUNK, END]);
    expect(nextChunk(plan, 1)).toEqual({ segment: 1, range: [END - DAY - CHUNK, END - DAY] });
    plan.segments[0]!.done = perDay;
    plan.segments[1]!.done = perDay - 1;
    expect(nextChunk(plan, 1)).toBeUndefined();
  });

  it('puts the time the simulator missed first, and survives storage', () => {
    const plan = withGap(
      newPlan({ seed: 1, scale: 1, end: END, days: 1 }),
      END + DAY,
      END + DAY + 100 * 60_000,
    );
    expect(nextChunk(plan)!.range).toEqual([END + DAY, END + DAY + CHUNK]);
    expect(progress(plan).total).toBe(DAY / CHUNK + Math.ceil((100 * 60_000) / CHUNK));
    expect(HOUR % CHUNK).toBe(0);
    expect(withGap(plan, END, END)).toBe(plan);
    expect(parsePlan(JSON.stringify(plan))).toEqual(plan);
    expect(parsePlan('{"version":2}')).toBeUndefined();
    expect(parsePlan('not json')).toBeUndefined();
    expect(parsePlan(undefined)).toBeUndefined();
  });
});
