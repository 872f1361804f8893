/**
 * How the live map classifies a reading: a parking space's state, an air-quality station's PM2.5 band, a traffic
 * detector's speed band. Shared by the server (the first render) and the live island (every update), so that
 * the table and the map never disagree. Pure: no DOM, no Node.
 */

import { pm25Band } from '../pm25.js';

export type LayerKind = 'parking' | 'air' | 'traffic';

export const PARKING_BANDS = ['free', 'occupied', 'unknown', 'out_of_service'] as const;
/** PM2.5 categories of the U.S. EPA Air Quality Index (2024 breakpoints, µg/m³). */
export const AIR_BANDS = [
  'good',
  'moderate',
  'sensitive',
  'unhealthy',
  'very_unhealthy',
  'hazardous',
  'no_data',
] as const;
export const TRAFFIC_BANDS = ['flowing', 'slowed', 'congested', 'no_data'] as const;

export type ParkingBand = (typeof PARKING_BANDS)[number];
export type AirBand = (typeof AIR_BANDS)[number];
export type TrafficBand = (typeof TRAFFIC_BANDS)[number];
export type Band = ParkingBand | AirBand | TrafficBand;

/** The bands of each layer, in the legend's order. */
export const BANDS: Readonly<Record<LayerKind, readonly Band[]>> = {
  parking: PARKING_BANDS,
  air: AIR_BANDS,
  traffic: TRAFFIC_BANDS,
};

/** Mean speeds (mph) at and above which traffic counts as flowing, and as slowed. */
export const SPEED_FLOWING = 30;
export const SPEED_SLOWED = 15;

function parkingBand(result: unknown): ParkingBand {
  if (typeof result !== 'string') return 'unknown';
  const state = result
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return state === 'free' || state === 'occupied' || state === 'out_of_service' ? state : 'unknown';
}

function airBand(result: unknown): AirBand {
  if (typeof result !== 'number' || !Number.isFinite(result)) return 'no_data';
  return pm25Band(result);
}

function trafficBand(result: unknown): TrafficBand {
  if (typeof result !== 'number' || !Number.isFinite(result)) return 'no_data';
  if (result >= SPEED_FLOWING) return 'flowing';
  return result >= SPEED_SLOWED ? 'slowed' : 'congested';
}

/** The band of a reading of a layer (a missing or unreadable reading has its own band, never a guess). */
export function bandOf(kind: LayerKind, result: unknown): Band {
  switch (kind) {
    case 'parking':
      return parkingBand(result);
    case 'air':
      return airBand(result);
    case 'traffic':
      return trafficBand(result);
  }
}

/**
 * The short text drawn inside a marker, so that colour is never the only cue: a symbol for a parking state, the
 * rounded value for a measurement.
 */
export function markerText(kind: LayerKind, result: unknown): string {
  if (kind === 'parking') {
    const symbols: Record<ParkingBand, string> = {
      free: '✓',
      occupied: '✕',
      unknown: '?',
      out_of_service: '–',
    };
    return symbols[parkingBand(result)];
  }
  return typeof result === 'number' && Number.isFinite(result) ? String(Math.round(result)) : '?';
}

/** When a reading was taken: the instant, or the end of its interval (`start/end`). */
export function takenAt(phenomenonTime: string | null | undefined): string | null {
  if (!phenomenonTime) return null;
  return phenomenonTime.slice(phenomenonTime.indexOf('/') + 1);
}
