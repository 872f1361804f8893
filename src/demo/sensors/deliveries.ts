/**
 * What the devices send and when: every reading of every stream, with its faults applied, as the messages a
 * device delivers between two instants. The backfill stores an hour of them at a time, the simulator publishes
 * them as their moment comes; both get the same messages, so history and live data join without a seam.
 */
import {
  LATE_MAX,
  episodesBetween,
  faultSize,
  readingFault,
  spiked,
  type Episode,
  type EpisodeKind,
} from './faults.js';
import { mix, unit } from './hash.js';
import { parkingDayOf, reportedDay, stallCounts } from './parking-signal.js';
import { numericValue } from './signals.js';
import type { SensorNetwork, StreamSpec } from './spec.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One message a device sends: an Observation for one of its datastreams. */
export interface Delivery {
  /** When the device sends it (epoch ms). */
  at: number;
  stream: StreamSpec;
  /** ISO 8601 instant, or `start/end` for readings over an interval, as the device stamps it. */
  phenomenonTime: string;
  resultTime: string;
  result: number | string;
}

const stamps = new Map<number, string>();

/** ISO 8601 of an instant; cached, since a network's streams share their bin boundaries. */
function iso(ms: number): string {
  let text = stamps.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (stamps.size > 50_000) stamps.clear();
    stamps.set(ms, text);
  }
  return text;
}

/** The fault-free value of any stream's reading at `time` (null: nothing to report, such as no vehicles). */
function valueAt(stream: StreamSpec, time: number): number | null {
  if (stream.site.type === 'group') {
    const counts = stallCounts(stream.site.members, time);
    return stream.kind === 'occupied' ? counts.occupied : counts.operational;
  }
  return numericValue(stream, time);
}

/** How long after its reading a device's message goes out (radio, batching): 1 to 4 seconds. */
const sendDelay = (stream: StreamSpec, index: number) =>
  SECOND + Math.floor(unit(mix(stream.noise, 13), index) * 3000);

function during(episodes: readonly Episode[], time: number, kind: EpisodeKind): Episode | undefined {
  for (const e of episodes) if (e.kind === kind && time >= e.start && time < e.end) return e;
  return undefined;
}

/** Appends the deliveries of a fixed-cadence stream sent in [from, to). */
function cadenceDeliveries(stream: StreamSpec, from: number, to: number, out: Delivery[]): void {
  const c = stream.cadence;
  const cover = stream.interval ? c : 0;
  const first = Math.floor((from - cover - (LATE_MAX + 1) * c - MINUTE - stream.phase) / c);
  const episodes = episodesBetween(stream, first * c, to);
  for (let i = first; ; i++) {
    const time = i * c + stream.phase;
    const base = time + cover + sendDelay(stream, i);
    if (base >= to) break;
    const fault = readingFault(stream, i);
    // Readings sent before `from` matter only when they arrive late, or again.
    if (base < from && fault !== 'late' && fault !== 'duplicate') continue;
    let shift = 0;
    let readAt = time;
    let stuck = false;
    if (episodes.length > 0) {
      if (during(episodes, time, 'gap')) continue;
      const episode = during(episodes, time, 'stuck');
      // A stuck instrument repeats the reading it had when it stuck.
      if (episode) {
        stuck = true;
        readAt = Math.ceil((episode.start - stream.phase) / c) * c + stream.phase;
      }
      shift = during(episodes, time, 'clock')?.shift ?? 0;
    }
    let value = valueAt(stream, readAt);
    if (value === null) continue;
    if (fault === 'spike' && !stuck) {
      value =
        stream.kind === 'occupied'
          ? // A miscounting gateway: more occupied than operational stalls, an invalid figure.
            valueAt({ ...stream, kind: 'operational' }, time)! + 1 + Math.floor(faultSize(stream, i) * 3)
          : spiked(stream, value, faultSize(stream, i));
    }
    const start = time + shift;
    const end = start + cover;
    const resultTime = iso(end);
    const phenomenonTime = stream.interval ? `${iso(start)}/${resultTime}` : resultTime;
    const at = fault === 'late' ? base + (1 + Math.floor(faultSize(stream, i) * LATE_MAX)) * c : base;
    if (at >= from && at < to) out.push({ at, stream, phenomenonTime, resultTime, result: value });
    if (fault === 'duplicate') {
      const again = base + 5 * SECOND + Math.floor(faultSize(stream, i) * 25 * SECOND);
      if (again >= from && again < to)
        out.push({ at: again, stream, phenomenonTime, resultTime, result: value });
    }
  }
}

/** Appends the deliveries of a parking stall (state changes as they happen) sent in [from, to). */
function stallDeliveries(stream: StreamSpec, from: number, to: number, out: Delivery[]): void {
  const lookback = (LATE_MAX + 1) * 2 * MINUTE + MINUTE;
  const earliest = from - lookback;
  const episodes = episodesBetween(stream, earliest, to);
  for (let day = parkingDayOf(earliest); day <= parkingDayOf(to); day++) {
    for (const report of reportedDay(stream, day)) {
      if (report.time < earliest || report.time >= to) continue;
      const index = Math.floor(report.time / SECOND);
      const base = report.time + sendDelay(stream, index);
      const fault = readingFault(stream, index);
      const shift = during(episodes, report.time, 'clock')?.shift ?? 0;
      const stamp = iso(report.time + shift);
      const result = report.state;
      const at =
        fault === 'late' ? base + (1 + Math.floor(faultSize(stream, index) * LATE_MAX)) * 2 * MINUTE : base;
      if (at >= from && at < to) out.push({ at, stream, phenomenonTime: stamp, resultTime: stamp, result });
      if (fault === 'duplicate') {
        const again = base + 5 * SECOND + Math.floor(faultSize(stream, index) * 25 * SECOND);
        if (again >= from && again < to)
          out.push({ at: again, stream, phenomenonTime: stamp, resultTime: stamp, result });
      }
    }
  }
}

/** The deliveries of one stream sent in [from, to), in sending order. */
export function streamDeliveries(stream: StreamSpec, from: number, to: number): Delivery[] {
  const out: Delivery[] = [];
  if (stream.cadence === 0) stallDeliveries(stream, from, to, out);
  else cadenceDeliveries(stream, from, to, out);
  return out.sort((a, b) => a.at - b.at);
}

/** Every delivery of the network sent in [from, to), in sending order. */
export function networkDeliveries(network: SensorNetwork, from: number, to: number): Delivery[] {
  const out: Delivery[] = [];
  for (const stream of network.streams) {
    if (stream.cadence === 0) stallDeliveries(stream, from, to, out);
    else cadenceDeliveries(stream, from, to, out);
  }
  return out.sort((a, b) => a.at - b.at);
}
