/**
 * Distances on a sphere for SoQL's `distance_in_meters` and `within_circle`. The SQL function `plaza_distance`
 * (migration 0005 on PostgreSQL, a JavaScript function on SQLite) repeats {@link distanceMeters} operation for
 * operation; only the libraries' sin/cos/asin may differ in the last bit.
 */

/** The mean Earth radius (IUGG), in meters. */
export const EARTH_RADIUS_M = 6371008.8;

/** π/180 as the double both JavaScript and the SQL use (written out: `Math.PI / 180` is that same double). */
export const RADIANS_PER_DEGREE = 0.017453292519943295;

/**
 * The great-circle distance in meters between two lon/lat points (degrees), by the haversine formula
 * `2 R asin(sqrt(sin²(Δlat/2) + cos lat1 cos lat2 sin²(Δlon/2)))`. Latitudes belong in [-90, 90]; the root is
 * clamped to 1 so that rounding near antipodes cannot leave asin's domain. Arguments below 1e-100 in magnitude
 * count as 0, so that no product underflows (PostgreSQL raises an error on underflow).
 */
export function distanceMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const x1 = snap(lon1);
  const y1 = snap(lat1);
  const x2 = snap(lon2);
  const y2 = snap(lat2);
  const sLat = Math.sin(((y2 - y1) * RADIANS_PER_DEGREE) / 2);
  const sLon = Math.sin(((x2 - x1) * RADIANS_PER_DEGREE) / 2);
  const h = sLat * sLat + Math.cos(y1 * RADIANS_PER_DEGREE) * Math.cos(y2 * RADIANS_PER_DEGREE) * sLon * sLon;
  // abs(): h < 0 only for latitudes beyond ±90, which then give a meaningless distance instead of an error.
  const s = Math.sqrt(Math.abs(h));
  // min(1, s), written so that SQL can mirror it and still return NULL for NULL input.
  return 2 * EARTH_RADIUS_M * Math.asin(s - Math.max(0, s - 1));
}

/** A magnitude below 1e-100 as 0. */
function snap(degrees: number): number {
  return Math.abs(degrees) < 1e-100 ? 0 : degrees;
}

/** Widening applied to every computed half-width, so that rounding never leaves a point just outside. */
const SLACK_RELATIVE = 1e-9;
const SLACK_DEGREES = 1e-9;

const widen = (degrees: number) => degrees * (1 + SLACK_RELATIVE) + SLACK_DEGREES;

/**
 * A box `[minLon, minLat, maxLon, maxLat]` (degrees) that contains every point whose {@link distanceMeters}
 * from (lat, lon) is at most `radiusM`, slightly widened. Latitudes are clamped to [-90, 90]; when the circle
 * reaches a pole or crosses the antimeridian, the box spans every longitude [-180, 180]. A negative radius
 * counts as 0. Throws a RangeError for a non-finite center or a NaN radius.
 */
export function circleBox(lat: number, lon: number, radiusM: number): [number, number, number, number] {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Number.isNaN(radiusM)) {
    throw new RangeError('circleBox needs a finite center and a radius');
  }
  const angle = Math.max(0, radiusM) / EARTH_RADIUS_M; // radians
  const dLat = widen(angle / RADIANS_PER_DEGREE);
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  const world: [number, number, number, number] = [-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)];
  if (minLat <= -90 || maxLat >= 90) return world;
  // The widest longitude offset of a spherical cap of angular radius `angle` centered at latitude `lat`.
  const ratio = Math.sin(angle) / Math.cos(lat * RADIANS_PER_DEGREE);
  if (!(ratio < 1)) return world;
  const dLon = widen(Math.asin(ratio) / RADIANS_PER_DEGREE);
  if (lon - dLon <= -180 || lon + dLon >= 180) return world;
  return [lon - dLon, minLat, lon + dLon, maxLat];
}
