/**
 * The daily and weekly rhythms of the city that the sensor signals follow: how much traffic there is at each
 * local hour of each kind of day, and how full each kind of parking tends to be.
 */
import { localHour, localWeekday } from './local-time.js';
import type { ParkingArea } from './spec.js';

type Hourly = readonly number[];

/** A value of an hourly table at a fractional hour, the table's values standing at the half hours. */
export function atHour(table: Hourly, hour: number): number {
  const position = hour - 0.5;
  const lo = Math.floor(position);
  const f = position - lo;
  const a = table[(lo + 24) % 24]!;
  const b = table[(lo + 25) % 24]!;
  return a + (b - a) * f;
}

/** Weekday traffic relative to the busiest hour: morning peak 7-9, evening peak 16-18. */
// prettier-ignore
export const WEEKDAY_TRAFFIC: Hourly = [
  0.09, 0.06, 0.05, 0.05, 0.09, 0.25, 0.6, 0.95, 1, 0.76, 0.64, 0.68,
  0.74, 0.72, 0.74, 0.84, 0.97, 1, 0.84, 0.6, 0.46, 0.36, 0.25, 0.15,
];
/** Saturday traffic: no commute, a broad midday hump, lower than a weekday. */
// prettier-ignore
export const SATURDAY_TRAFFIC: Hourly = [
  0.16, 0.11, 0.08, 0.06, 0.06, 0.1, 0.17, 0.28, 0.42, 0.55, 0.63, 0.69,
  0.72, 0.72, 0.7, 0.68, 0.66, 0.63, 0.58, 0.49, 0.41, 0.34, 0.27, 0.2,
];
/** Sunday traffic: a late, quiet morning. */
// prettier-ignore
export const SUNDAY_TRAFFIC: Hourly = [
  0.17, 0.12, 0.09, 0.06, 0.05, 0.07, 0.11, 0.18, 0.3, 0.44, 0.55, 0.61,
  0.63, 0.62, 0.61, 0.6, 0.58, 0.55, 0.5, 0.44, 0.36, 0.28, 0.2, 0.13,
];

/** Traffic on the arterials at an instant, relative to a weekday's peak hour (about 0.05 to 1). */
export function trafficLevel(instant: number): number {
  const hour = localHour(instant);
  switch (localWeekday(instant)) {
    case 0:
      return atHour(SUNDAY_TRAFFIC, hour);
    case 6:
      return atHour(SATURDAY_TRAFFIC, hour);
    case 5:
      // Friday evenings run later and a little heavier.
      return atHour(WEEKDAY_TRAFFIC, hour) * (hour > 18 ? 1.12 : 1);
    default:
      return atHour(WEEKDAY_TRAFFIC, hour);
  }
}

/** +1 at the morning peak, -1 at the evening peak, 0 between: direction of the commute. */
export function commute(hour: number): number {
  const bump = (centre: number) => Math.exp(-((hour - centre) ** 2) / (2 * 1.3 ** 2));
  return bump(8) - bump(17);
}

/** Little Saigon restaurants and shops: a lunch peak and a bigger dinner peak. */
// prettier-ignore
const SAIGON_WEEKDAY: Hourly = [
  0.2, 0.1, 0.02, 0.02, 0.02, 0.05, 0.1, 0.18, 0.28, 0.4, 0.55, 0.8,
  0.92, 0.84, 0.6, 0.52, 0.58, 0.74, 0.9, 0.93, 0.86, 0.68, 0.45, 0.3,
];
/** Weekends in Little Saigon: busy from mid-morning, fuller than weekdays. */
// prettier-ignore
const SAIGON_WEEKEND: Hourly = [
  0.28, 0.14, 0.02, 0.02, 0.02, 0.06, 0.14, 0.3, 0.5, 0.68, 0.82, 0.93,
  0.96, 0.93, 0.82, 0.76, 0.8, 0.88, 0.95, 0.96, 0.9, 0.74, 0.52, 0.38,
];
/** City Hall days: full from 8 to 4 with a lunch dip; the theater brings some cars in the evening. */
// prettier-ignore
const CIVIC_WEEKDAY: Hourly = [
  0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.12, 0.42, 0.78, 0.88, 0.9, 0.86,
  0.74, 0.84, 0.86, 0.8, 0.64, 0.4, 0.3, 0.3, 0.27, 0.14, 0.07, 0.04,
];
// prettier-ignore
const CIVIC_WEEKEND: Hourly = [
  0.03, 0.02, 0.02, 0.02, 0.02, 0.03, 0.05, 0.08, 0.12, 0.18, 0.22, 0.24,
  0.24, 0.23, 0.22, 0.2, 0.2, 0.22, 0.3, 0.34, 0.3, 0.16, 0.07, 0.04,
];
// prettier-ignore
const PARK: Hourly = [
  0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.08, 0.15, 0.2, 0.26, 0.3, 0.33,
  0.35, 0.35, 0.36, 0.4, 0.48, 0.55, 0.58, 0.52, 0.35, 0.15, 0.05, 0.03,
];

/**
 * How likely a stall of this kind is to be occupied at an instant (0.01 to 0.97): the share of the day's
 * cars a sensor should see, which the parking simulation turns into arrivals.
 */
export function occupancyTarget(area: ParkingArea, spaceType: string, instant: number): number {
  const hour = localHour(instant);
  const weekday = localWeekday(instant);
  const weekend = weekday === 0 || weekday === 6;
  let p: number;
  switch (area) {
    case 'little-saigon':
      p = atHour(weekend ? SAIGON_WEEKEND : SAIGON_WEEKDAY, hour);
      break;
    case 'civic-center':
      p = atHour(weekend ? CIVIC_WEEKEND : CIVIC_WEEKDAY, hour);
      // City Hall closes on alternate Fridays; the lots are half as busy every Friday on average.
      if (weekday === 5 && hour < 18) p *= 0.65;
      break;
    case 'park':
      p = atHour(PARK, hour) * (weekend ? 1.5 : 1);
      break;
  }
  if (spaceType === 'Accessible') p *= 0.35;
  else if (spaceType === 'EV Charging') p *= 0.6;
  else if (spaceType.startsWith('Loading')) p *= 0.45;
  return Math.min(0.97, Math.max(0.01, p));
}
