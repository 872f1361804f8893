/** What the public portal's route files share. */
import type { City } from '../city/city.js';
import type { Config } from '../config.js';
import type { Guards } from '../http/guards.js';
import type { Services } from '../services.js';
import type { Islands } from './assets/islands.js';
import type { PageContext } from './page-context.js';
import type { LatestReading } from './pages/latest-readings.js';

/** One datastream's latest reading at its Thing's place: a Feature of `latest.geojson`. */
export interface LatestFeature {
  id: number;
  geometry: { type: string; coordinates?: unknown } | null;
  properties: {
    datastream: number;
    name: string;
    thing: number;
    thingName: string;
    observedProperty: string;
    unit: string | null;
    phenomenonTime: string | null;
    result: unknown;
    resultQuality: unknown;
  };
}

export interface WebContext {
  config: Config;
  services: Services;
  guards: Guards;
  pages: PageContext;
  city: City;
  islands: Islands;
  /** The latest readings of a sensor dataset, exactly as its `latest` API answers them (visibility applied). */
  latest(datasetId: string, viewer: ReturnType<Guards['viewer']>): Promise<readonly LatestReading[]>;
  /** The same at each datastream's place, exactly as `latest.geojson` answers them. */
  latestFeatures(datasetId: string, viewer: ReturnType<Guards['viewer']>): Promise<readonly LatestFeature[]>;
}
