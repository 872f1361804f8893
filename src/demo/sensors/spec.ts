/** The shapes of the sensor network: Things, their streams, and what each stream's values depend on. */
import type { Position } from '../writers.js';
import { keyOf } from './hash.js';
import type { StreamKind } from './vocabulary.js';

export type SensorDatasetId = 'parking-occupancy' | 'traffic-counts' | 'air-quality' | 'noise-levels';

export type ParkingArea = 'civic-center' | 'little-saigon' | 'park';

/** What a stream's values depend on, besides time. */
export type StreamSite =
  | {
      type: 'space';
      area: ParkingArea;
      /** Standard, Compact, Accessible, EV Charging, Loading (30 minutes). */
      spaceType: string;
      /** Posted time limit in minutes (0 = none). */
      limitMinutes: number;
    }
  | { type: 'group'; members: readonly StreamSpec[] }
  | {
      type: 'approach';
      lanes: number;
      speedLimit: number;
      /** +1 heavier toward the morning peak, -1 toward the evening peak, 0 balanced. */
      tide: number;
      /** This approach's share of a typical approach's traffic (about 0.8 to 1.2). */
      share: number;
      /** The count stream of the same approach (speed needs its count). */
      count?: StreamSpec;
    }
  | {
      type: 'air';
      /** Typical PM2.5 away from roads, µg/m³. */
      pmBase: number;
      /** Exposure to road traffic, 0 (park) to 1 (beside a freeway). */
      road: number;
      /** Inland sites run warmer by this many °C. */
      warmth: number;
      /** Hash key of the station: its instruments share one air sample. */
      station: number;
      /** Hash key of the city's weather, the same for every station. */
      region: number;
    }
  | {
      type: 'noise';
      /** LAeq of the quietest night hours without traffic, dB(A). */
      quiet: number;
      /** LAeq at the peak traffic hour, dB(A). */
      loud: number;
    };

export interface StreamSpec {
  /** Unique in the network: `${thing externalId}:${suffix}`; the Datastream's externalId. */
  key: string;
  kind: StreamKind;
  name: string;
  /** Time between readings in ms; 0 for streams that report changes as they happen. */
  cadence: number;
  /** The reading covers the interval that ends when it is sent (counts, LAeq, hourly means). */
  interval: boolean;
  /** Milliseconds past the cadence boundary at which this device reads (devices are not synchronized). */
  phase: number;
  /** The hash key of its random choices (from the seed and `key`). */
  noise: number;
  site: StreamSite;
}

export interface NetworkThing {
  datasetId: SensorDatasetId;
  externalId: string;
  name: string;
  description: string;
  properties: Record<string, unknown>;
  location: Position;
  locationName: string;
  streams: StreamSpec[];
}

export interface SensorNetwork {
  seed: number;
  scale: number;
  things: NetworkThing[];
  streams: StreamSpec[];
}

export interface NetworkOptions {
  /** The demo's seed (default 1). */
  seed?: number;
  /** Fraction of each kind of sensor to keep (tests use a small network); default 1. */
  scale?: number;
}

/** Builds a stream's spec; `cadence` in ms. */
export function stream(
  seed: number,
  thing: string,
  suffix: string,
  fields: Omit<StreamSpec, 'key' | 'noise' | 'phase'> & { phase?: number },
): StreamSpec {
  const key = `${thing}:${suffix}`;
  return { ...fields, key, noise: keyOf(seed, key), phase: fields.phase ?? 0 };
}

/** The first `count * scale` items (at least one), for a smaller network with every kind of sensor. */
export function scaled<T>(items: readonly T[], scale: number, minimum = 1): T[] {
  return items.slice(0, Math.max(minimum, Math.round(items.length * scale)));
}
