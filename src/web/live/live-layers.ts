/**
 * Which sensor datasets the live map shows, and which of their datastreams: the city's `live` settings name the
 * parking, air-quality and traffic datasets (the home page's live strip uses the first two); what a city leaves
 * out falls back to the demo's datasets. A dataset that does not exist, or that the visitor may not read, is left out
 * by the page, never shown empty.
 */
import type { City } from '../../city/city.js';
import type { LayerKind } from './live-bands.js';

export interface LiveLayer {
  kind: LayerKind;
  /** The sensor dataset. */
  dataset: string;
  /** The observed property (by name) of the datastreams drawn; the dataset's other datastreams are not. */
  observedProperty: string;
}

export const DEFAULT_LAYERS: Readonly<Record<LayerKind, LiveLayer>> = {
  parking: { kind: 'parking', dataset: 'parking-occupancy', observedProperty: 'Parking space state' },
  air: { kind: 'air', dataset: 'air-quality', observedProperty: 'PM2.5' },
  traffic: { kind: 'traffic', dataset: 'traffic-counts', observedProperty: 'Mean vehicle speed' },
};

/** The layers of the live map, in the order the page shows them. */
export function liveLayers(city: Pick<City, 'live'>): LiveLayer[] {
  const { parking, airQuality, traffic } = city.live;
  return [
    parking ? { ...DEFAULT_LAYERS.parking, dataset: parking.dataset } : DEFAULT_LAYERS.parking,
    airQuality
      ? { kind: 'air', dataset: airQuality.dataset, observedProperty: airQuality.observedProperty }
      : DEFAULT_LAYERS.air,
    traffic
      ? { kind: 'traffic', dataset: traffic.dataset, observedProperty: traffic.observedProperty }
      : DEFAULT_LAYERS.traffic,
  ];
}
