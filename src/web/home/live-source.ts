/**
 * Where the home page's live strip gets its readings: the latest value of every datastream of a sensor
 * dataset at its Thing's place, exactly as `GET /api/v1/datasets/{id}/latest.geojson` answers it, with the
 * same visibility rule (the sensors' read service checks the catalog for this viewer).
 */
import type { Viewer } from '../../catalog/catalog.service.js';
import type { WebContext } from '../web-context.js';
import type { LiveFeature } from './live-figures.js';

export type LatestFeatures = (datasetId: string, viewer: Viewer) => Promise<readonly LiveFeature[]>;

export function latestFeatures(ctx: WebContext): LatestFeatures {
  return (datasetId, viewer) => ctx.latestFeatures(datasetId, viewer);
}
