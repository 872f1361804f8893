/**
 * What goes wrong with real sensor feeds, at known rates, as pure functions of (stream, time): stuck values
 * (a flat line for hours), spikes, gaps (silence), a clock in local time instead of UTC (or the offset applied
 * the wrong way, into the future), duplicates and late, out-of-order delivery. Episodes are drawn per stream and
 * UTC day; per-reading faults per reading.
 */
import { mix, unit } from './hash.js';
import { offsetAt } from './local-time.js';
import type { StreamSpec } from './spec.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Rates of each fault. Episodes: chance per stream per day and duration range; others: chance per reading. */
export const FAULT_RATES = {
  stuck: { perDay: 0.01, shortest: HOUR, longest: 8 * HOUR },
  gap: { perDay: 0.02, shortest: 10 * MINUTE, longest: 6 * HOUR },
  clock: { perDay: 0.003, shortest: 2 * HOUR, longest: 12 * HOUR, ahead: 0.3 },
  spike: 0.0005,
  duplicate: 0.002,
  late: 0.002,
} as const;

/** A late reading arrives after up to this many later readings of its stream (or minutes, for events). */
export const LATE_MAX = 4;

export type EpisodeKind = 'stuck' | 'gap' | 'clock';

export interface Episode {
  kind: EpisodeKind;
  start: number;
  end: number;
  /** For clock faults: added to every timestamp the device sends (-7 or -8 hours behind, or as much ahead). */
  shift: number;
}

const KINDS: readonly EpisodeKind[] = ['stuck', 'gap', 'clock'];
const SALT: Record<EpisodeKind, number> = { stuck: 101, gap: 103, clock: 107 };

/** The episodes that start on one UTC day (day number since the epoch) for a stream. */
export function episodesOfDay(stream: StreamSpec, day: number): Episode[] {
  const found: Episode[] = [];
  for (const kind of KINDS) {
    const key = mix(stream.noise, SALT[kind]);
    const rate = FAULT_RATES[kind];
    if (unit(key, day * 4) >= rate.perDay) continue;
    const start = day * DAY + Math.floor(unit(key, day * 4 + 1) * DAY);
    // Durations spread evenly on a log scale: many short episodes, a few long ones.
    const duration = rate.shortest * (rate.longest / rate.shortest) ** unit(key, day * 4 + 2);
    let shift = 0;
    if (kind === 'clock') {
      // The device restarted with a wrong clock: its readings also move off their usual second.
      const skew = (1 + Math.floor(unit(key, day * 4 + 3) * 58)) * 1000;
      const ahead = unit(mix(key, 1), day) < FAULT_RATES.clock.ahead;
      shift = (ahead ? -offsetAt(start) : offsetAt(start)) + skew;
    }
    found.push({ kind, start, end: start + Math.round(duration), shift });
  }
  return found;
}

/** The episode of a kind going on at `time`, if any (episodes last under a day, so two days are enough). */
export function episodeAt(stream: StreamSpec, time: number, kind: EpisodeKind): Episode | undefined {
  const day = Math.floor(time / DAY);
  for (const d of [day, day - 1]) {
    for (const episode of episodesOfDay(stream, d)) {
      if (episode.kind === kind && time >= episode.start && time < episode.end) return episode;
    }
  }
  return undefined;
}

/** Every episode overlapping [from, to). */
export function episodesBetween(stream: StreamSpec, from: number, to: number): Episode[] {
  const found: Episode[] = [];
  for (let d = Math.floor(from / DAY) - 1; d * DAY < to; d++) {
    for (const episode of episodesOfDay(stream, d)) {
      if (episode.end > from && episode.start < to) found.push(episode);
    }
  }
  return found;
}

export type ReadingFault = 'spike' | 'duplicate' | 'late' | null;

/** The fault of one reading (numbered per stream), if any; at most one per reading. */
export function readingFault(stream: StreamSpec, index: number): ReadingFault {
  const u = unit(mix(stream.noise, 11), index);
  if (u < FAULT_RATES.spike) return 'spike';
  if (u < FAULT_RATES.spike + FAULT_RATES.duplicate) return 'duplicate';
  if (u < FAULT_RATES.spike + FAULT_RATES.duplicate + FAULT_RATES.late) return 'late';
  return null;
}

/** A uniform draw in [0, 1) tied to a reading, for the size of its fault. */
export const faultSize = (stream: StreamSpec, index: number): number => unit(mix(stream.noise, 12), index);

/** A spiked value: what a glitching instrument of this kind sends instead of `value`. */
export function spiked(stream: StreamSpec, value: number, size: number): number {
  const round1 = (v: number) => Math.round(v * 10) / 10;
  switch (stream.kind) {
    case 'pm25':
    case 'pm10':
      return round1(value * (4 + 6 * size) + 20);
    case 'o3':
    case 'no2':
      return round1(value * (3 + 2 * size));
    case 'temperature':
      return round1(value + 8 + 7 * size);
    case 'humidity':
      return round1(Math.min(100, value + 25 + 15 * size));
    case 'laeq':
      return round1(value + 15 + 10 * size);
    case 'speed':
      return round1(95 + 30 * size);
    case 'vehicles':
      return Math.round(value * (3 + 2 * size) + 20);
    case 'occupied':
    case 'operational':
    case 'state':
      // Counts and states have their own failure (see the parking gateway); no spike.
      return value;
  }
}
