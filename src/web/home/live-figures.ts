/**
 * The home page's live figures from the latest readings: free parking spaces inside an area, and the air's
 * PM2.5 with its band. Pure (no I/O, no DOM, no Node), so that the page and its live island compute the same.
 */
import { pm25Band, type Pm25Band } from '../pm25.js';

/** One datastream's latest reading at its Thing's place, as `latest.geojson` gives it. */
export interface LiveFeature {
  geometry: { type: string; coordinates?: unknown } | null;
  properties: {
    datastream: number;
    thing: number;
    observedProperty: string;
    phenomenonTime: string | null;
    result: unknown;
  };
}

/** Readings older than this are not "now": the page says so. */
export const STALE_MS = 60 * 60_000;

/** When a reading was taken, epoch ms: the instant, or the end of its interval (`start/end`). */
export function takenAt(time: string | null): number | null {
  if (time === null) return null;
  const at = Date.parse(time.slice(time.indexOf('/') + 1));
  return Number.isFinite(at) ? at : null;
}

/** A representative [lon, lat] of a geometry: the point itself, or the middle of its coordinates' extent. */
export function pointOf(geometry: LiveFeature['geometry']): [number, number] | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      xs.push(value[0]);
      ys.push(value[1]);
      return;
    }
    for (const item of value) walk(item);
  };
  walk(geometry?.coordinates);
  if (xs.length === 0) return undefined;
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** Whether [lon, lat] lies in [west, south, east, north] (edges included). */
export function inBbox(point: [number, number], bbox: readonly number[]): boolean {
  const [west = -180, south = -90, east = 180, north = 90] = bbox;
  return point[0] >= west && point[0] <= east && point[1] >= south && point[1] <= north;
}

/** Whether a parking space's state means that a car may park there now. */
export function isFree(result: unknown): boolean {
  return typeof result === 'string' && result.trim().toLowerCase() === 'free';
}

export interface ParkingFigures {
  /** Spaces whose latest state is free. */
  free: number;
  /** Spaces in the area that report a state. */
  total: number;
  /** When the newest of their readings was taken (epoch ms); null without readings. */
  newest: number | null;
  /** Each space's datastream: 1 free, 0 not (for the island). */
  streams: Record<number, 0 | 1>;
}

/** Free spaces among the datastreams whose Thing lies in the area and whose latest result is a state. */
export function parkingFigures(features: readonly LiveFeature[], bbox: readonly number[]): ParkingFigures {
  const figures: ParkingFigures = { free: 0, total: 0, newest: null, streams: {} };
  for (const { geometry, properties: p } of features) {
    if (typeof p.result !== 'string') continue;
    const point = pointOf(geometry);
    if (!point || !inBbox(point, bbox)) continue;
    const free = isFree(p.result);
    figures.total++;
    if (free) figures.free++;
    figures.streams[p.datastream] = free ? 1 : 0;
    const at = takenAt(p.phenomenonTime);
    if (at !== null && (figures.newest === null || at > figures.newest)) figures.newest = at;
  }
  return figures;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export { pm25Band, type Pm25Band };

/** One decimal, as PM2.5 is reported. */
export const roundPm = (value: number): number => Math.round(value * 10) / 10;

export interface AirFigures {
  /** The median of the stations' latest values (fresh ones when there are any); null without readings. */
  value: number | null;
  band: Pm25Band | null;
  /** How many readings (one per station) the value comes from. */
  stations: number;
  newest: number | null;
  /** Whether even the newest reading is older than STALE_MS. */
  stale: boolean;
  /** Each PM2.5 datastream's [value, taken at] (for the island). */
  streams: Record<number, [number, number]>;
}

/** The air's PM2.5 now: the median over the stations' latest values of the property, fresh ones first. */
export function airFigures(features: readonly LiveFeature[], property: string, now: number): AirFigures {
  const streams: Record<number, [number, number]> = {};
  for (const { properties: p } of features) {
    if (p.observedProperty !== property) continue;
    const at = takenAt(p.phenomenonTime);
    if (typeof p.result !== 'number' || !Number.isFinite(p.result) || p.result < 0 || at === null) continue;
    streams[p.datastream] = [p.result, at];
  }
  return { ...summarizeAir(streams, now), streams };
}

/** The figure and its band from datastreams' [value, taken at]: the median of the fresh ones, or of all. */
export function summarizeAir(
  streams: Record<number, [number, number]>,
  now: number,
): Omit<AirFigures, 'streams'> {
  const readings = Object.values(streams);
  const newest = readings.reduce<number | null>((max, [, at]) => (max === null || at > max ? at : max), null);
  const fresh = readings.filter(([, at]) => now - at <= STALE_MS);
  const used = fresh.length > 0 ? fresh : readings;
  const value = median(used.map(([v]) => v));
  return {
    value: value === null ? null : roundPm(value),
    band: value === null ? null : pm25Band(value),
    stations: used.length,
    newest,
    stale: newest !== null && fresh.length === 0,
  };
}

/** What the home page's live island reads from a card of the strip (its `data-live` attribute). */
export type CardConfig = {
  dataset: string;
  /** When the newest reading was taken (epoch ms), or null. */
  newest: number | null;
} & (
  | { kind: 'parking'; streams: Record<number, 0 | 1> }
  | { kind: 'air'; streams: Record<number, [number, number]>; bands: Record<Pm25Band, string> }
);
