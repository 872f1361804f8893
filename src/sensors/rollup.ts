/**
 * Rollups are maintained at ingest: each batch's new observations are grouped into minute, hour and local-day
 * buckets, and the groups are folded into the stored rows (counts and sums add, extremes widen, the earliest
 * first and the latest last win). Late data lands in the buckets it belongs to, so every rollup stays equal to
 * an aggregation of the raw rows.
 */
import type { BatchSummary, ObservationRow, RollupRow, StateChange } from '../db/observation-store.js';
import { HOUR, MINUTE } from './time.js';

/** Resolutions kept, in ms; the day resolution is the city's local day (bucket = instant of local midnight). */
export const RESOLUTIONS = { minute: MINUTE, hour: HOUR, day: 86_400_000 } as const;

/** Folds one value at one time into a rollup row. */
function fold(row: RollupRow, time: number, value: number): void {
  row.n += 1;
  row.total += value;
  if (value < row.min) row.min = value;
  if (value > row.max) row.max = value;
  if (time < row.firstTime) {
    row.firstTime = time;
    row.firstValue = value;
  }
  if (time > row.lastTime) {
    row.lastTime = time;
    row.lastValue = value;
  }
}

/** Merges a change into a stored rollup row: the rule both dialects' upserts implement in SQL. */
export function mergeRollup(stored: RollupRow, change: RollupRow): RollupRow {
  return {
    ...stored,
    n: stored.n + change.n,
    total: stored.total + change.total,
    min: Math.min(stored.min, change.min),
    max: Math.max(stored.max, change.max),
    firstTime: Math.min(stored.firstTime, change.firstTime),
    firstValue: change.firstTime < stored.firstTime ? change.firstValue : stored.firstValue,
    lastTime: Math.max(stored.lastTime, change.lastTime),
    lastValue: change.lastTime > stored.lastTime ? change.lastValue : stored.lastValue,
  };
}

/** What a batch of new observations adds to rollups and datastream states. */
export function summarize(
  rows: readonly ObservationRow[],
  ids: readonly number[],
  dayStart: (ms: number) => number,
): BatchSummary {
  const buckets = new Map<string, RollupRow>();
  const states = new Map<number, StateChange>();
  const add = (datastreamId: number, resolution: number, bucket: number, time: number, value: number) => {
    const key = `${datastreamId}:${resolution}:${bucket}`;
    const row = buckets.get(key);
    if (row) return fold(row, time, value);
    buckets.set(key, {
      datastreamId,
      resolution,
      bucket,
      n: 1,
      total: value,
      min: value,
      max: value,
      firstTime: time,
      firstValue: value,
      lastTime: time,
      lastValue: value,
    });
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const time = row.phenomenonTime;
    const end = row.phenomenonEnd ?? time;
    const state = states.get(row.datastreamId);
    if (!state) {
      states.set(row.datastreamId, {
        datastreamId: row.datastreamId,
        observations: 1,
        phenomenonStart: time,
        phenomenonEnd: end,
        resultStart: row.resultTime,
        resultEnd: row.resultTime,
        latestId: ids[i]!,
        latest: row,
      });
    } else {
      state.observations += 1;
      if (time < state.phenomenonStart) state.phenomenonStart = time;
      if (end > state.phenomenonEnd) state.phenomenonEnd = end;
      if (row.resultTime !== null) {
        if (state.resultStart === null || row.resultTime < state.resultStart)
          state.resultStart = row.resultTime;
        if (state.resultEnd === null || row.resultTime > state.resultEnd) state.resultEnd = row.resultTime;
      }
      if (time > state.latest.phenomenonTime) {
        state.latest = row;
        state.latestId = ids[i]!;
      }
    }
    const value = row.resultNumber;
    if (value === null) continue;
    add(row.datastreamId, MINUTE, Math.floor(time / MINUTE) * MINUTE, time, value);
    add(row.datastreamId, HOUR, Math.floor(time / HOUR) * HOUR, time, value);
    add(row.datastreamId, RESOLUTIONS.day, dayStart(time), time, value);
  }
  return { rollups: [...buckets.values()], states: [...states.values()] };
}
