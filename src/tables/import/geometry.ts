/**
 * Geometry for import: GeoJSON validation with a bounding box, and points from latitude and longitude columns
 * (WKT is in wkt.ts). Everything is WGS 84 with GeoJSON's [longitude, latitude] order.
 */

export type Geometry =
  | {
      type: 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon';
      coordinates: unknown;
    }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

/** West, south, east, north. */
export type Bbox = [number, number, number, number];

export type GeometryResult = { ok: true; geometry: Geometry; bbox: Bbox } | { ok: false; message: string };

type Position = number[];

/** The running bbox of one validation (west, south, east, north). */
interface Bounds {
  w: number;
  s: number;
  e: number;
  n: number;
}

class Invalid extends Error {}

function formatPosition(p: unknown[]): string {
  return `[${p.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v))).join(', ')}]`;
}

function checkPosition(p: unknown, b: Bounds): void {
  if (!Array.isArray(p))
    throw new Invalid(`expected a position [longitude, latitude], got ${JSON.stringify(p)}`);
  if (p.length !== 2 && p.length !== 3) {
    throw new Invalid(
      `position ${formatPosition(p)} must have 2 or 3 numbers [longitude, latitude(, elevation)]`,
    );
  }
  const lon = p[0] as unknown;
  const lat = p[1] as unknown;
  if (
    typeof lon !== 'number' ||
    typeof lat !== 'number' ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat) ||
    (p.length === 3 && (typeof p[2] !== 'number' || !Number.isFinite(p[2])))
  ) {
    throw new Invalid(`position ${formatPosition(p)} must hold finite numbers`);
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    throw new Invalid(
      `coordinate ${formatPosition(p)} is out of range; GeoJSON wants [longitude, latitude] in WGS 84`,
    );
  }
  if (lon < b.w) b.w = lon;
  if (lon > b.e) b.e = lon;
  if (lat < b.s) b.s = lat;
  if (lat > b.n) b.n = lat;
}

function checkPositions(list: unknown, b: Bounds, what: string, min: number): void {
  if (!Array.isArray(list)) throw new Invalid(`${what} must be an array of positions`);
  if (list.length < min) {
    throw new Invalid(
      list.length === 0 ? `${what} is empty` : `${what} needs at least ${min} positions, got ${list.length}`,
    );
  }
  for (const p of list) checkPosition(p, b);
}

function checkLine(list: unknown, b: Bounds, what = 'a LineString'): void {
  checkPositions(list, b, what, 2);
}

function checkPolygon(rings: unknown, b: Bounds, what = 'a Polygon'): void {
  if (!Array.isArray(rings)) throw new Invalid(`${what} must be an array of linear rings`);
  if (rings.length === 0) throw new Invalid(`${what} has no rings`);
  for (const ring of rings) {
    checkPositions(ring, b, 'a polygon ring', 4);
    const r = ring as Position[];
    const first = r[0] as Position;
    const last = r[r.length - 1] as Position;
    if (first.length !== last.length || first.some((v, k) => v !== last[k])) {
      throw new Invalid(
        `polygon ring is not closed: first and last positions differ (${formatPosition(first)} and ${formatPosition(last)}); repeat the first position at the end`,
      );
    }
  }
}

function checkMany(list: unknown, what: string, each: (item: unknown) => void): void {
  if (!Array.isArray(list)) throw new Invalid(`a ${what} must have an array of coordinates`);
  if (list.length === 0) throw new Invalid(`the ${what} is empty`);
  for (const item of list) each(item);
}

function checkGeometry(value: unknown, b: Bounds, depth: number): Geometry {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Invalid(
      `a geometry must be an object with "type" and "coordinates", got ${JSON.stringify(value)}`,
    );
  }
  const g = value as Record<string, unknown>;
  const coordinates = g.coordinates;
  switch (g.type) {
    case 'Point':
      checkPosition(coordinates, b);
      break;
    case 'MultiPoint':
      checkMany(coordinates, 'MultiPoint', (p) => checkPosition(p, b));
      break;
    case 'LineString':
      checkLine(coordinates, b);
      break;
    case 'MultiLineString':
      checkMany(coordinates, 'MultiLineString', (l) => checkLine(l, b, 'each line of a MultiLineString'));
      break;
    case 'Polygon':
      checkPolygon(coordinates, b);
      break;
    case 'MultiPolygon':
      checkMany(coordinates, 'MultiPolygon', (p) => checkPolygon(p, b, 'each polygon of a MultiPolygon'));
      break;
    case 'GeometryCollection': {
      if (depth > 8) throw new Invalid('geometry collections are nested too deeply');
      const members = g.geometries;
      if (!Array.isArray(members)) throw new Invalid('a GeometryCollection must have a "geometries" array');
      if (members.length === 0) throw new Invalid('the GeometryCollection is empty');
      for (const member of members) checkGeometry(member, b, depth + 1);
      break;
    }
    default:
      throw new Invalid(
        g.type === undefined
          ? 'the geometry has no "type"'
          : `unknown geometry type ${JSON.stringify(g.type)}; use Point, LineString, Polygon, their Multi forms or GeometryCollection`,
      );
  }
  return value as Geometry;
}

/** Validates a parsed GeoJSON geometry and computes its bounding box. */
export function validateGeometry(value: unknown): GeometryResult {
  // Points are most of the data: check them without the general machinery.
  if (value !== null && typeof value === 'object' && (value as { type?: unknown }).type === 'Point') {
    const p = (value as { coordinates?: unknown }).coordinates;
    if (Array.isArray(p) && p.length === 2) {
      const lon = p[0] as unknown;
      const lat = p[1] as unknown;
      if (
        typeof lon === 'number' &&
        typeof lat === 'number' &&
        lon >= -180 &&
        lon <= 180 &&
        lat >= -90 &&
        lat <= 90
      ) {
        return { ok: true, geometry: value as Geometry, bbox: [lon, lat, lon, lat] };
      }
    }
  }
  const b: Bounds = { w: Infinity, s: Infinity, e: -Infinity, n: -Infinity };
  try {
    const geometry = checkGeometry(value, b, 0);
    return { ok: true, geometry, bbox: [b.w, b.s, b.e, b.n] };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

/** A Point from latitude and longitude (note the argument order), validated. */
export function pointFromLatLon(lat: number, lon: number): GeometryResult {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
    return { ok: false, message: `latitude ${lat} and longitude ${lon} must be finite numbers` };
  }
  if (lat < -90 || lat > 90) {
    return {
      ok: false,
      message: `latitude ${lat} is out of range -90..90${lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180 ? '; are latitude and longitude swapped?' : ''}`,
    };
  }
  if (lon < -180 || lon > 180) return { ok: false, message: `longitude ${lon} is out of range -180..180` };
  return { ok: true, geometry: { type: 'Point', coordinates: [lon, lat] }, bbox: [lon, lat, lon, lat] };
}

const LAT_WORDS = new Set(['latitude', 'lat']);
const LON_WORDS = new Set(['longitude', 'lon', 'lng']);

function score(field: string, words: Set<string>, exactLong: boolean): number {
  const f = field.toLowerCase();
  if (words.has(f) || (exactLong && f === 'long')) return 2;
  const tokens = f.split(/[^a-z0-9]+/);
  if (tokens.some((t) => words.has(t))) return 1;
  // `long` alone is too common a word (long_name) except as the last token.
  if (exactLong && tokens[tokens.length - 1] === 'long') return 1;
  return 0;
}

function best(fields: string[], words: Set<string>, exactLong: boolean): number | null {
  let top = 0;
  let at: number | null = null;
  let ties = 0;
  fields.forEach((field, k) => {
    const s = score(field, words, exactLong);
    if (s > top) {
      top = s;
      at = k;
      ties = 1;
    } else if (s === top && s > 0) {
      ties++;
    }
  });
  return ties === 1 ? at : null;
}

/**
 * Finds a latitude and a longitude column by name (`latitude`/`lat`/`y_lat`..., `longitude`/`lon`/`lng`/
 * `long`...). Returns null unless exactly one best candidate of each exists.
 */
export function detectLatLonColumns(fields: string[]): { lat: number; lon: number } | null {
  const lat = best(fields, LAT_WORDS, false);
  const lon = best(fields, LON_WORDS, true);
  if (lat === null || lon === null || lat === lon) return null;
  return { lat, lon };
}

// ---- WKT ----
