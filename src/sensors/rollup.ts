/**
 * Rollups are maintained at ingest: each batch's new observations are grouped into minute, hour and local-day
 * buckets, and the groups are folded into the stored rollups (counts and sums add, extremes widen, the earliest
 * first and the latest last win). Late data lands in the buckets it belongs to, so every rollup stays equal to
 * an aggregation of the raw rows. Minutes are handed over per datastream-hour, to be stored packed.
 */
import type {
  BatchSummary,
  MinuteChange,
  ObservationRow,
  RollupRow,
  StateChange,
} from '../db/observation-store.js';
import { DAY, HOUR, MINUTE } from './time.js';

/** Resolutions kept, in ms; the day resolution is the city's local day (bucket = instant of local midnight). */
export const RESOLUTIONS = { minute: MINUTE, hour: HOUR, day: DAY } as const;

/** Merges a change into a stored rollup: the rule both dialects' upserts implement in SQL. */
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

/** The rollup of one value at one time. */
export const singleRollup = (
  datastreamId: number,
  resolution: number,
  bucket: number,
  time: number,
  value: number,
): RollupRow => ({
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

/**
 * The buckets of one datastream in a batch. Rows of a datastream mostly come together, in time order, so the
 * last bucket of each resolution is tried first. Maps are keyed by whole minutes since the epoch (small integers,
 * which V8 hashes far faster than the millisecond instants).
 */
class StreamBuckets {
  readonly minutes = new Map<number, RollupRow>();
  readonly hours = new Map<number, RollupRow>();
  readonly days = new Map<number, RollupRow>();
  private lastMinute: RollupRow | undefined;
  private lastHour: RollupRow | undefined;
  private lastDay: RollupRow | undefined;

  constructor(readonly datastreamId: number) {}

  add(time: number, value: number, dayStart: number): void {
    const minute = Math.floor(time / MINUTE) * MINUTE;
    const hour = Math.floor(time / HOUR) * HOUR;
    this.lastMinute = this.bucket(this.minutes, this.lastMinute, MINUTE, minute, time, value);
    this.lastHour = this.bucket(this.hours, this.lastHour, HOUR, hour, time, value);
    this.lastDay = this.bucket(this.days, this.lastDay, DAY, dayStart, time, value);
  }

  private bucket(
    buckets: Map<number, RollupRow>,
    last: RollupRow | undefined,
    resolution: number,
    bucket: number,
    time: number,
    value: number,
  ): RollupRow {
    if (last?.bucket === bucket) {
      fold(last, time, value);
      return last;
    }
    const key = bucket / MINUTE;
    const found = buckets.get(key);
    if (found) {
      fold(found, time, value);
      return found;
    }
    const row = singleRollup(this.datastreamId, resolution, bucket, time, value);
    buckets.set(key, row);
    return row;
  }
}

/** What a batch of new observations adds to rollups and datastream states. */
export function summarize(
  rows: readonly ObservationRow[],
  ids: readonly number[],
  dayStart: (ms: number) => number,
): BatchSummary {
  const streams = new Map<number, StreamBuckets>();
  const states = new Map<number, StateChange>();
  let stream: StreamBuckets | undefined;
  let state: StateChange | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const time = row.phenomenonTime;
    const end = row.phenomenonEnd ?? time;
    if (state?.datastreamId !== row.datastreamId) state = states.get(row.datastreamId);
    if (!state) {
      state = {
        datastreamId: row.datastreamId,
        observations: 1,
        phenomenonStart: time,
        phenomenonEnd: end,
        resultStart: row.resultTime,
        resultEnd: row.resultTime,
        latestId: ids[i]!,
        latest: row,
      };
      states.set(row.datastreamId, state);
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
    if (stream?.datastreamId !== row.datastreamId) {
      stream = streams.get(row.datastreamId);
      if (!stream) {
        stream = new StreamBuckets(row.datastreamId);
        streams.set(row.datastreamId, stream);
      }
    }
    stream.add(time, value, dayStart(time));
  }
  const rollups: RollupRow[] = [];
  const minutes: MinuteChange[] = [];
  for (const s of streams.values()) {
    rollups.push(...s.hours.values(), ...s.days.values());
    const byHour = new Map<number, RollupRow[]>();
    for (const row of s.minutes.values()) {
      const hour = Math.floor(row.bucket / HOUR) * HOUR;
      const list = byHour.get(hour);
      if (list) list.push(row);
      else byHour.set(hour, [row]);
    }
    for (const [hour, list] of byHour) minutes.push({ datastreamId: s.datastreamId, hour, minutes: list });
  }
  return { rollups, minutes, states: [...states.values()] };
}
