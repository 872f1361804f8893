/**
 * How one value of the table preview reads in a cell: numbers and dates as published, times in the city's
 * zone, true/false in words, points as "latitude, longitude", other shapes by type and size, long text cut.
 */
import type { JsonValue } from '../../query/decode.js';
import type { SiteInfo } from '../pages/layout.js';

/** Longest text shown in a cell; the downloads have all of it. */
export const MAX_CELL_CHARS = 160;

interface GeoJsonLike {
  type?: unknown;
  coordinates?: unknown;
  geometries?: unknown;
}

/** How many positions a GeoJSON geometry holds. */
export function countPositions(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  if (typeof value[0] === 'number') return 1;
  return value.reduce<number>((sum, part) => sum + countPositions(part), 0);
}

/** A geometry in a few words: a point's coordinates, or its type and number of points. */
export function geometryText(site: SiteInfo, value: GeoJsonLike): string {
  const t = site.t.table;
  if (value.type === 'Point' && Array.isArray(value.coordinates)) {
    const [lon, lat] = value.coordinates as [unknown, unknown];
    if (typeof lon === 'number' && typeof lat === 'number') return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
  }
  const type = typeof value.type === 'string' ? value.type : 'Geometry';
  const points =
    type === 'GeometryCollection' && Array.isArray(value.geometries)
      ? (value.geometries as GeoJsonLike[]).reduce((n, g) => n + countPositions(g.coordinates), 0)
      : countPositions(value.coordinates);
  return t.shape(type, points);
}

/** The text of one cell. */
export function cellText(site: SiteInfo, value: JsonValue, type: string): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'boolean':
      return value === true ? site.t.table.yes : value === false ? site.t.table.no : String(value);
    case 'timestamp':
      return typeof value === 'string' ? site.format.dateTime(value) : String(value);
    case 'point':
    case 'geometry':
      return typeof value === 'object' && !Array.isArray(value)
        ? geometryText(site, value as GeoJsonLike)
        : String(value);
    default: {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1).trimEnd()}…` : text;
    }
  }
}
