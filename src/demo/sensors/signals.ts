/**
 * What the numeric sensors would read if nothing went wrong: pure functions of (stream, time), built from the
 * city's rhythms (profiles.ts), a shared regional weather and each sensor's own noise. Faults are added later
 * (faults.ts), on top of these values.
 */
import { gauss, mix, smooth } from './hash.js';
import { dayOfYear, localDayNumber, localHour } from './local-time.js';
import { atHour, commute, trafficLevel } from './profiles.js';
import type { StreamSite, StreamSpec } from './spec.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Site<T extends StreamSite['type']> = Extract<StreamSite, { type: T }>;

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Vehicles crossing one approach's detectors in the bin starting at `start`. */
export function vehicles(stream: StreamSpec, start: number): number {
  const site = stream.site as Site<'approach'>;
  const middle = start + stream.cadence / 2;
  const hour = localHour(middle);
  const mean =
    45 *
    (stream.cadence / (5 * MINUTE)) *
    site.lanes *
    site.share *
    trafficLevel(middle) *
    (1 + 0.22 * site.tide * commute(hour)) *
    (1 + 0.05 * gauss(mix(stream.noise, 7), localDayNumber(middle))) *
    (1 + 0.08 * smooth(stream.noise, middle, 30 * MINUTE));
  const index = Math.floor(start / stream.cadence);
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(stream.noise, index)));
}

/** Mean speed (mph) of the vehicles of the bin starting at `start`; null when no vehicle passed. */
export function speed(stream: StreamSpec, start: number): number | null {
  const site = stream.site as Site<'approach'>;
  const count = vehicles(site.count!, start);
  if (count === 0) return null;
  const middle = start + stream.cadence / 2;
  const load = Math.min(
    1.3,
    trafficLevel(middle) * site.share * (1 + 0.22 * site.tide * commute(localHour(middle))),
  );
  const free = site.speedLimit + 3 + 2 * gauss(mix(stream.noise, 8), localDayNumber(middle));
  const mean = free * (1 - 0.42 * load ** 2.2);
  const spread = 1.2 + 8 / Math.sqrt(count);
  const index = Math.floor(start / stream.cadence);
  return round1(Math.min(80, Math.max(3, mean + spread * gauss(stream.noise, index))));
}

/** Shape of the day's temperature curve, -1 before dawn to +1 mid-afternoon. */
// prettier-ignore
const DIURNAL_TEMPERATURE = [
  -0.6, -0.7, -0.8, -0.88, -0.95, -1, -0.95, -0.7, -0.35, 0, 0.35, 0.62,
  0.82, 0.95, 1, 0.95, 0.82, 0.62, 0.38, 0.15, -0.05, -0.22, -0.38, -0.5,
];

/** The day's mean temperature from the season and the weather, °C. */
function dailyMean(site: Site<'air'>, time: number): number {
  const seasonal = 17.5 - 3.8 * Math.cos((2 * Math.PI * (dayOfYear(time) - 20)) / 365);
  return seasonal + 2.2 * smooth(site.region, time, 2 * DAY);
}

/** The part of the temperature that swings over the day, °C. */
function swing(site: Site<'air'>, time: number): number {
  const shape = atHour(DIURNAL_TEMPERATURE, localHour(time));
  return (5 + site.warmth) * shape + 0.3 * smooth(site.station, time, 3 * HOUR);
}

export function temperature(stream: StreamSpec, time: number): number {
  const site = stream.site as Site<'air'>;
  const minute = Math.floor(time / MINUTE);
  return round1(dailyMean(site, time) + swing(site, time) + 0.05 * gauss(stream.noise, minute));
}

/** Relative humidity, %: high in the marine-layer nights, lower in the afternoon, dry in offshore winds. */
function trueHumidity(site: Site<'air'>, time: number): number {
  const rh =
    72 -
    3.2 * swing(site, time) -
    9 * smooth(mix(site.region, 2), time, 3 * DAY) +
    2 * smooth(mix(site.station, 2), time, 2 * HOUR);
  return Math.min(100, Math.max(8, rh));
}

export function humidity(stream: StreamSpec, time: number): number {
  const site = stream.site as Site<'air'>;
  const minute = Math.floor(time / MINUTE);
  return round1(Math.min(100, Math.max(5, trueHumidity(site, time) + 0.4 * gauss(stream.noise, minute))));
}

/** PM2.5 through the day: a morning rush peak and evening inversions, cleaner afternoon air. */
// prettier-ignore
const DIURNAL_PM = [
  1.15, 1.15, 1.12, 1.1, 1.1, 1.15, 1.25, 1.35, 1.3, 1.1, 0.95, 0.85,
  0.8, 0.78, 0.78, 0.8, 0.88, 0.98, 1.1, 1.2, 1.25, 1.25, 1.22, 1.18,
];

/** Low-cost optical sensors count swollen wet particles: they read high above about 70% humidity. */
export function humidityBias(rh: number): number {
  return 1 + Math.max(0, (rh - 70) / 30) ** 2;
}

/** PM2.5 as the sensor reads it, before the reading's own noise, µg/m³. */
function pm25Reading(site: Site<'air'>, time: number): number {
  const air =
    site.pmBase *
      Math.exp(0.45 * smooth(mix(site.region, 3), time, 2 * DAY)) *
      atHour(DIURNAL_PM, localHour(time)) +
    5 * site.road * trafficLevel(time) +
    smooth(mix(site.station, 3), time, 20 * MINUTE);
  return Math.max(0.5, air) * humidityBias(trueHumidity(site, time));
}

export function pm25(stream: StreamSpec, time: number): number {
  const site = stream.site as Site<'air'>;
  const minute = Math.floor(time / MINUTE);
  return round1(Math.max(0, pm25Reading(site, time) * (1 + 0.07 * gauss(mix(site.station, 4), minute))));
}

/** PM10 holds the PM2.5 fraction plus coarse dust (roads, daytime wind), so it never reads below PM2.5. */
export function pm10(stream: StreamSpec, time: number): number {
  const site = stream.site as Site<'air'>;
  const minute = Math.floor(time / MINUTE);
  const hour = localHour(time);
  const ratio = 1.55 + 0.15 * smooth(mix(site.station, 5), time, 6 * HOUR);
  const daytime = hour >= 10 && hour < 18 ? 1 : 0.3;
  const coarse = 3 * site.road * trafficLevel(time) + 2 * daytime;
  const value = (pm25Reading(site, time) * ratio + coarse) * (1 + 0.08 * gauss(stream.noise, minute));
  return round1(Math.max(pm25(stream, time) + 0.5, value));
}

/** Hourly mean ozone (ppb) of the hour starting at `start`: photochemistry peaks early afternoon, in summer. */
export function ozone(stream: StreamSpec, start: number): number {
  const site = stream.site as Site<'air'>;
  const middle = start + 30 * MINUTE;
  const hour = localHour(middle);
  const season = 1 + 0.35 * Math.sin((2 * Math.PI * (dayOfYear(middle) - 80)) / 365);
  const sun = hour > 7 && hour < 19 ? Math.sin((Math.PI * (hour - 7)) / 12) ** 1.5 : 0;
  const value =
    8 +
    42 * sun * season * (1 + 0.25 * smooth(mix(site.region, 5), middle, 2 * DAY)) -
    6 * site.road * trafficLevel(middle) +
    2 * gauss(stream.noise, Math.floor(start / HOUR));
  return round1(Math.max(1, value));
}

/** Hourly mean NO2 (ppb): traffic exhaust, trapped near the ground at night and in the morning. */
export function nitrogenDioxide(stream: StreamSpec, start: number): number {
  const site = stream.site as Site<'air'>;
  const middle = start + 30 * MINUTE;
  const hour = localHour(middle);
  const trapped = hour < 9 || hour >= 18 ? 1.3 : 0.85;
  const value =
    5 +
    (14 + 10 * site.road) * trafficLevel(middle) * trapped +
    3 * smooth(mix(site.region, 6), middle, 2 * DAY) +
    1.5 * gauss(stream.noise, Math.floor(start / HOUR));
  return round1(Math.max(1, value));
}

/** LAeq (dB(A)) of the minute starting at `start`: traffic noise over the site's quiet floor. */
export function laeq(stream: StreamSpec, start: number): number {
  const site = stream.site as Site<'noise'>;
  const middle = start + stream.cadence / 2;
  const level = trafficLevel(middle) * (1 + 0.1 * smooth(stream.noise, middle, 20 * MINUTE));
  const energy = 10 ** (site.quiet / 10) + level * 10 ** (site.loud / 10);
  const minute = Math.floor(start / MINUTE);
  const value =
    10 * Math.log10(energy) +
    1.2 * gauss(stream.noise, minute) +
    smooth(mix(stream.noise, 9), middle, 5 * MINUTE);
  return round1(value);
}

/** The fault-free value of a numeric stream's reading at `time` (the bin's start for interval readings). */
export function numericValue(stream: StreamSpec, time: number): number | null {
  switch (stream.kind) {
    case 'vehicles':
      return vehicles(stream, time);
    case 'speed':
      return speed(stream, time);
    case 'pm25':
      return pm25(stream, time);
    case 'pm10':
      return pm10(stream, time);
    case 'o3':
      return ozone(stream, time);
    case 'no2':
      return nitrogenDioxide(stream, time);
    case 'temperature':
      return temperature(stream, time);
    case 'humidity':
      return humidity(stream, time);
    case 'laeq':
      return laeq(stream, time);
    case 'state':
    case 'occupied':
    case 'operational':
      throw new Error(`${stream.kind} is not a numeric signal; see parking-signal.ts`);
  }
}
