/**
 * The dataset map's layers: points as small marks (grouped into numbered clusters when there are many), lines
 * and polygons as vector shapes, each with a popup of the row's main fields. Counts what it drew, so that the
 * page can say it.
 */
import type * as Leaflet from 'leaflet';
import { L } from './_map-leaflet.js';

/** Above this many points, points are grouped into clusters. */
export const CLUSTER_ABOVE = 200;

const SHAPE_STYLE: Leaflet.PathOptions = {
  color: '#1a4480',
  weight: 2,
  fillColor: '#2378c3',
  fillOpacity: 0.25,
};
const LINE_STYLE: Leaflet.PathOptions = { color: '#1a4480', weight: 3 };

export interface Feature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

export interface Drawn {
  layer: Leaflet.FeatureGroup;
  count: number;
}

function valueText(value: unknown, number: Intl.NumberFormat): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return number.format(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function popup(
  feature: Feature,
  fields: readonly { field: string; name: string }[],
  number: Intl.NumberFormat,
): HTMLElement {
  const list = document.createElement('dl');
  list.className = 'map-popup';
  for (const { field, name } of fields) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = valueText(feature.properties?.[field], number);
    list.append(dt, dd);
  }
  return list;
}

const dotIcon = () =>
  L.divIcon({ className: 'map-dot', html: '', iconSize: [14, 14], iconAnchor: [7, 7], popupAnchor: [0, -7] });

export function clusterIcon(template: string, number: Intl.NumberFormat) {
  return (cluster: Leaflet.MarkerCluster): Leaflet.DivIcon => {
    const n = cluster.getChildCount();
    const count = document.createElement('span');
    count.className = 'map-cluster-count';
    count.setAttribute('aria-hidden', 'true');
    count.textContent = number.format(n);
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = template.replace('{n}', number.format(n));
    const box = document.createElement('span');
    box.append(count, label);
    const size = n < 100 ? 34 : n < 1000 ? 40 : 46;
    return L.divIcon({ className: 'map-cluster', html: box, iconSize: [size, size] });
  };
}

/** Draws the features with a geometry; returns the layer (not yet on a map) and how many it drew. */
export function drawFeatures(
  features: readonly Feature[],
  fields: readonly { field: string; name: string }[],
  number: Intl.NumberFormat,
  clusterLabel: string,
): Drawn {
  const points: Leaflet.Marker[] = [];
  const shapes: Feature[] = [];
  for (const feature of features) {
    const g = feature.geometry;
    if (!g) continue;
    if (g.type === 'Point' && Array.isArray(g.coordinates)) {
      const [lon, lat] = g.coordinates as number[];
      if (typeof lon !== 'number' || typeof lat !== 'number') continue;
      const marker = L.marker([lat, lon], { icon: dotIcon(), keyboard: false });
      marker.bindPopup(() => popup(feature, fields, number));
      points.push(marker);
    } else {
      shapes.push(feature);
    }
  }
  const group = L.featureGroup();
  if (points.length > CLUSTER_ABOVE) {
    const clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      chunkedLoading: true,
      // Groups appear at once, never half-faded: their numbers keep their contrast.
      animate: false,
      iconCreateFunction: clusterIcon(clusterLabel, number),
    });
    clusters.addLayers(points);
    group.addLayer(clusters);
  } else {
    for (const point of points) group.addLayer(point);
  }
  let drawnShapes = 0;
  if (shapes.length > 0) {
    const vector = L.geoJSON(
      { type: 'FeatureCollection', features: shapes } as unknown as GeoJSON.FeatureCollection,
      {
        style: (f) => (/LineString/.test(f?.geometry?.type ?? '') ? LINE_STYLE : SHAPE_STYLE),
        pointToLayer: (_f, at) => L.circleMarker(at, { ...SHAPE_STYLE, radius: 6, fillOpacity: 0.8 }),
        onEachFeature: (f, layer) => {
          drawnShapes++;
          layer.bindPopup(() => popup(f as unknown as Feature, fields, number));
        },
      },
    );
    group.addLayer(vector);
  }
  return { layer: group, count: points.length + drawnShapes };
}
