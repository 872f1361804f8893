/** What the public portal's route files share. */
import type { City } from '../city/city.js';
import type { Config } from '../config.js';
import type { Guards } from '../http/guards.js';
import type { Services } from '../services.js';
import type { Islands } from './assets/islands.js';
import type { PageContext } from './page-context.js';
import type { LatestReading } from './pages/latest-readings.js';

export interface WebContext {
  config: Config;
  services: Services;
  guards: Guards;
  pages: PageContext;
  city: City;
  islands: Islands;
  /** The latest readings of a sensor dataset, exactly as its `latest` API answers them (visibility applied). */
  latest(datasetId: string, viewer: ReturnType<Guards['viewer']>): Promise<readonly LatestReading[]>;
}
