import { describe, expect, it } from 'vitest';
import { instantOf, localHour } from './local-time.js';
import { sensorNetwork } from './network.js';
import {
  parkingDayOf,
  parkingHours,
  reportedDay,
  stallCounts,
  stallDay,
  type SpaceState,
} from './parking-signal.js';
import type { StreamSpec } from './spec.js';

const network = sensorNetwork({ seed: 1 });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Local midnight of Monday 4 May 2026. */
const MONDAY = instantOf(Date.UTC(2026, 4, 4));
const gateway = (name: string) => network.things.find((t) => t.name.startsWith(name))!.streams[0]!;
const members = (name: string) => (gateway(name).site as { members: readonly StreamSpec[] }).members;
const saigon = members('Little Saigon Municipal Lot');
const civic = members('Civic Center Lot A');

/** Mean share of occupied stalls at a local hour over several days (offsets from Monday). */
function occupancy(stalls: readonly StreamSpec[], days: number[], hour: number): number {
  let sum = 0;
  for (const day of days) {
    const counts = stallCounts(stalls, MONDAY + day * DAY + hour * HOUR);
    sum += counts.occupied / stalls.length;
  }
  return sum / days.length;
}
const WEEKDAYS = [0, 1, 2, 3, 7, 8, 9, 10, 14, 15, 16, 17];
const WEEKENDS = [5, 6, 12, 13, 19, 20];

describe('parking stalls', () => {
  it('report only the four states, each a change from the one before', () => {
    const allowed = new Set<SpaceState>(['free', 'occupied', 'unknown', 'out_of_service']);
    const seen = new Set<SpaceState>();
    const wrong: string[] = [];
    for (const stall of network.streams.filter((s) => s.kind === 'state')) {
      for (let day = parkingDayOf(MONDAY) + 1; day < parkingDayOf(MONDAY) + 15; day++) {
        const [open, close] = parkingHours(day);
        let last: SpaceState = 'free';
        for (const { time, state } of stallDay(stall, day)) {
          if (!allowed.has(state) || state === last || time < open || time >= close || time % 1000 !== 0)
            wrong.push(`${stall.key} ${new Date(time).toISOString()} ${state}`);
          last = state;
          seen.add(state);
        }
        // Nobody may park from 2 to 5 am: the day ends free.
        if (last !== 'free') wrong.push(`${stall.key} day ${day} ends ${last}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toEqual(allowed);
  });

  it('fill Little Saigon at lunch and dinner, fuller on weekends', () => {
    const lunch = occupancy(saigon, WEEKDAYS, 12.5);
    const dinner = occupancy(saigon, WEEKDAYS, 19);
    const morning = occupancy(saigon, WEEKDAYS, 8.5);
    const afternoon = occupancy(saigon, WEEKDAYS, 15.5);
    expect(lunch).toBeGreaterThan(afternoon + 0.15);
    expect(dinner).toBeGreaterThan(afternoon + 0.15);
    expect(lunch).toBeGreaterThan(morning + 0.3);
    const weekday = [10, 12, 14, 16, 18, 20].map((h) => occupancy(saigon, WEEKDAYS, h));
    const weekend = [10, 12, 14, 16, 18, 20].map((h) => occupancy(saigon, WEEKENDS, h));
    expect(weekend.reduce((a, b) => a + b)).toBeGreaterThan(weekday.reduce((a, b) => a + b) + 0.4);
  });

  it('fill the Civic Center on weekdays, not on weekends or at night', () => {
    const weekday = occupancy(civic, [0, 1, 2, 3, 7, 8, 9, 10], 10);
    expect(weekday).toBeGreaterThan(0.6);
    expect(occupancy(civic, WEEKENDS, 10)).toBeLessThan(weekday / 2);
    expect(occupancy(civic, WEEKDAYS, 23)).toBeLessThan(0.15);
    expect(occupancy(civic, WEEKDAYS, 3.5)).toBe(0);
  });

  it('count occupied and operational stalls consistently at every gateway', () => {
    const nights: number[] = [];
    for (const thing of network.things.filter((t) => t.externalId.startsWith('PKG-'))) {
      const stalls = (thing.streams[0]!.site as { members: readonly StreamSpec[] }).members;
      for (let t = MONDAY; t < MONDAY + 7 * DAY; t += 25 * 60_000) {
        const { occupied, operational } = stallCounts(stalls, t);
        expect(occupied).toBeLessThanOrEqual(operational);
        expect(operational).toBeLessThanOrEqual(stalls.length);
        // Overnight only a stuck sensor still says occupied.
        if (localHour(t) >= 2.5 && localHour(t) < 5) nights.push(occupied / stalls.length);
      }
    }
    expect(nights.reduce((a, b) => a + b) / nights.length).toBeLessThan(0.01);
  });

  it('report less than the truth while a sensor is stuck or offline', () => {
    let dropped = 0;
    let total = 0;
    for (const stall of network.streams.filter((s) => s.kind === 'state')) {
      for (let day = parkingDayOf(MONDAY); day < parkingDayOf(MONDAY) + 30; day++) {
        const truth = stallDay(stall, day).length;
        const said = reportedDay(stall, day).length;
        total += truth;
        dropped += Math.max(0, truth - said);
      }
    }
    // Stuck (1% of stall-days, hours long) and gaps (2%) hide a small share of the changes.
    expect(dropped / total).toBeGreaterThan(0.001);
    expect(dropped / total).toBeLessThan(0.05);
  });
});
