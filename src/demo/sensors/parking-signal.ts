/**
 * Parking stalls as their sensors see them: cars arrive as often as the stall's occupancy target asks for and
 * stay for a time set by the posted limit; now and then a stall is coned off (out of service) or its sensor
 * cannot tell (unknown). Overnight parking is not allowed from 2 to 5 am, so every parking day (5 am to 2 am)
 * starts empty and can be computed on its own: a pure function of (stall, day), cached.
 */
import { createRandom } from '../random.js';
import { episodesBetween } from './faults.js';
import { instantOf, localOf } from './local-time.js';
import { occupancyTarget } from './profiles.js';
import type { StreamSite, StreamSpec } from './spec.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OPENS = 5 * HOUR;
const CLOSES = 26 * HOUR;

export type SpaceState = 'free' | 'occupied' | 'unknown' | 'out_of_service';

export interface StateEvent {
  time: number;
  state: SpaceState;
}

/** Chance per stall per day that it is closed for some hours, and that its sensor loses track for a while. */
export const STALL_RATES = { outOfService: 0.004, unknown: 0.01 } as const;

type SpaceSite = Extract<StreamSite, { type: 'space' }>;

/** The parking day (local day number) an instant belongs to; 0:00 to 5:00 belong to the day before. */
export const parkingDayOf = (instant: number): number => Math.floor((localOf(instant) - OPENS) / DAY);

/** When a parking day opens (5 am) and closes (2 am the next morning), as instants. */
export function parkingHours(day: number): [number, number] {
  return [instantOf(day * DAY + OPENS), instantOf(day * DAY + CLOSES)];
}

const targets = new Map<string, Float64Array>();

/** The occupancy target of every minute of a parking day for one kind of stall (shared by its stalls). */
function minuteTargets(site: SpaceSite, day: number, open: number, minutes: number): Float64Array {
  const key = `${site.area}|${site.spaceType}|${day}`;
  let found = targets.get(key);
  if (!found) {
    found = new Float64Array(minutes);
    for (let m = 0; m < minutes; m += 5) {
      const p = occupancyTarget(site.area, site.spaceType, open + (m + 2.5) * MINUTE);
      found.fill(p, m, Math.min(minutes, m + 5));
    }
    if (targets.size > 2000) targets.clear();
    targets.set(key, found);
  }
  return found;
}

/** The cars of a parking day: arrivals and departures, before outages and sensor trouble. */
function sessions(stream: StreamSpec, day: number, random: ReturnType<typeof createRandom>) {
  const site = stream.site as SpaceSite;
  const [open, close] = parkingHours(day);
  const minutes = Math.round((close - open) / MINUTE);
  const p = minuteTargets(site, day, open, minutes);
  const loading = site.spaceType.startsWith('Loading');
  const median = loading ? 12 : site.limitMinutes > 0 ? site.limitMinutes * 0.42 : 75;
  // The mean of a log-normal with sigma 0.6 is 1.2 times its median.
  const meanMinutes = median * 1.2;
  const cars: [number, number][] = [];
  for (let m = 0; m < minutes; m++) {
    const target = p[m]!;
    if (random.next() >= target / (1 - target) / meanMinutes) continue;
    const arrive = open + m * MINUTE + random.int(0, 59) * 1000;
    const stay = Math.min(10 * HOUR, Math.max(3 * MINUTE, random.logNormal(median, 0.6) * MINUTE));
    const leave = Math.min(arrive + Math.round(stay / 1000) * 1000, close - random.int(1, 20) * MINUTE);
    if (leave <= arrive + MINUTE) continue;
    cars.push([arrive, leave]);
    m = Math.ceil((leave - open) / MINUTE);
  }
  return cars;
}

/** The sensor's reports of a parking day with nothing wrong in transmission, in time order. */
export function stallDay(stream: StreamSpec, day: number): StateEvent[] {
  const random = createRandom(stream.noise, `day ${day}`);
  const [open, close] = parkingHours(day);
  const outage = random.chance(STALL_RATES.outOfService)
    ? (() => {
        const start = open + random.int(1 * 3600, 8 * 3600) * 1000;
        return [start, Math.min(close - MINUTE, start + random.int(3 * 3600, 10 * 3600) * 1000)] as const;
      })()
    : null;
  const blind = random.chance(STALL_RATES.unknown)
    ? (() => {
        const start = open + random.int(0, 20 * 3600) * 1000;
        return [start, Math.min(close - MINUTE, start + random.int(20 * 60, 180 * 60) * 1000)] as const;
      })()
    : null;
  const cars = sessions(stream, day, random).filter(([a, b]) => !outage || b <= outage[0] || a >= outage[1]);
  const carAt = (time: number) => cars.some(([a, b]) => time >= a && time < b);
  const events: StateEvent[] = [];
  for (const [a, b] of cars) events.push({ time: a, state: 'occupied' }, { time: b, state: 'free' });
  if (outage) events.push({ time: outage[0], state: 'out_of_service' }, { time: outage[1], state: 'free' });
  let kept = events;
  if (blind) {
    const [a, b] = blind;
    kept = events.filter((e) => e.time < a || e.time >= b);
    const inOutage = (t: number) => outage !== null && t >= outage[0] && t < outage[1];
    kept.push(
      { time: a, state: 'unknown' },
      { time: b, state: inOutage(b) ? 'out_of_service' : carAt(b) ? 'occupied' : 'free' },
    );
  }
  kept.sort((x, y) => x.time - y.time);
  // A sensor reports changes: a report equal to the one before it is not sent.
  const reports: StateEvent[] = [];
  let last: SpaceState = 'free';
  for (const event of kept) {
    if (event.state === last) continue;
    reports.push(event);
    last = event.state;
  }
  return reports;
}

/** State of a stall at `time` from a list of reports (free before the first). */
function stateIn(reports: readonly StateEvent[], time: number): SpaceState {
  let state: SpaceState = 'free';
  for (const report of reports) {
    if (report.time > time) break;
    state = report.state;
  }
  return state;
}

const reported = new WeakMap<StreamSpec, Map<number, StateEvent[]>>();

/**
 * What the sensor actually reported over a parking day: a stuck sensor stays silent and says where things are
 * when it recovers (if that changed); after a gap the sensor reconnects and reports its current state.
 */
export function reportedDay(stream: StreamSpec, day: number): StateEvent[] {
  let days = reported.get(stream);
  if (!days) reported.set(stream, (days = new Map()));
  const cached = days.get(day);
  if (cached) return cached;
  const truth = stallDay(stream, day);
  const [open, close] = parkingHours(day);
  let reports = truth;
  for (const episode of episodesBetween(stream, open, close)) {
    if (episode.kind === 'clock') continue;
    const before = stateIn(reports, episode.start - 1);
    reports = reports.filter((e) => e.time < episode.start || e.time >= episode.end);
    if (episode.end < close) {
      const now = stateIn(truth, episode.end);
      if (episode.kind === 'gap' || now !== before) reports.push({ time: episode.end, state: now });
      reports.sort((x, y) => x.time - y.time);
    }
  }
  // A stall needs a day or two at a time; older days are not asked for again.
  if (days.size > 8) days.clear();
  days.set(day, reports);
  return reports;
}

/** The state a stall's sensor last reported at `time`, as its gateway knows it. */
export function reportedState(stream: StreamSpec, time: number): SpaceState {
  return stateIn(reportedDay(stream, parkingDayOf(time)), time);
}

/** The gateway's counts at `time`: stalls reported occupied, and stalls open with a working sensor. */
export function stallCounts(members: readonly StreamSpec[], time: number) {
  let occupied = 0;
  let operational = 0;
  for (const member of members) {
    const state = reportedState(member, time);
    if (state === 'occupied') occupied++;
    if (state === 'occupied' || state === 'free') operational++;
  }
  return { occupied, operational };
}
