import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleBox, distanceMeters, EARTH_RADIUS_M, RADIANS_PER_DEGREE } from './sphere.js';

/** The point at `meters` from (lon, lat) on initial bearing `bearing` (radians), longitude wrapped to ±180. */
function destination(lon: number, lat: number, bearing: number, meters: number): [number, number] {
  const d = meters / EARTH_RADIUS_M;
  const p1 = lat * RADIANS_PER_DEGREE;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(bearing));
  const l = Math.atan2(
    Math.sin(bearing) * Math.sin(d) * Math.cos(p1),
    Math.cos(d) - Math.sin(p1) * Math.sin(p2),
  );
  let lon2 = lon + l / RADIANS_PER_DEGREE;
  while (lon2 > 180) lon2 -= 360;
  while (lon2 < -180) lon2 += 360;
  return [lon2, p2 / RADIANS_PER_DEGREE];
}

describe('distanceMeters', () => {
  it('measures along the sphere', () => {
    expect(RADIANS_PER_DEGREE).toBe(Math.PI / 180);
    expect(distanceMeters(0, 0, 0, 0)).toBe(0);
    expect(distanceMeters(0, 0, 0, 1)).toBeCloseTo(EARTH_RADIUS_M * RADIANS_PER_DEGREE, 6);
    expect(distanceMeters(0, 0, 180, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distanceMeters(10, 90, -170, 90)).toBeCloseTo(0, 6); // the same pole
    expect(distanceMeters(-73.9857, 40.7484, -0.1246, 51.5007)).toBeCloseTo(5_570_000, -4); // New York–London
  });

  it('is symmetric and never negative', () => {
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const lat = fc.double({ min: -90, max: 90, noNaN: true });
    fc.assert(
      fc.property(lon, lat, lon, lat, (a, b, c, d) => {
        const there = distanceMeters(a, b, c, d);
        expect(there).toBe(distanceMeters(c, d, a, b));
        expect(there).toBeGreaterThanOrEqual(0);
        expect(there).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_M * (1 + 1e-12));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('circleBox', () => {
  it('spans every longitude at the poles and across the antimeridian', () => {
    expect(circleBox(89.9, 0, 20_000)).toEqual([-180, expect.any(Number), 180, 90]);
    expect(circleBox(-89.99, 10, 5_000)).toEqual([-180, -90, 180, expect.any(Number)]);
    expect(circleBox(0, 179.99, 5_000)).toEqual([-180, expect.any(Number), 180, expect.any(Number)]);
    expect(circleBox(0, 0, 3e7)).toEqual([-180, -90, 180, 90]);
    expect(circleBox(0, 0, Infinity)).toEqual([-180, -90, 180, 90]);
  });

  it('is a small box around a small circle', () => {
    const [minLon, minLat, maxLon, maxLat] = circleBox(45, 10, 1_000);
    const dLat = 1_000 / EARTH_RADIUS_M / RADIANS_PER_DEGREE;
    expect(maxLat - 45).toBeCloseTo(dLat, 7);
    expect(45 - minLat).toBeCloseTo(dLat, 7);
    expect(maxLon - 10).toBeCloseTo(dLat / Math.cos(45 * RADIANS_PER_DEGREE), 6);
    expect(10 - minLon).toBeCloseTo(dLat / Math.cos(45 * RADIANS_PER_DEGREE), 6);
    expect(circleBox(0, 0, -5)).toEqual(circleBox(0, 0, 0));
    expect(() => circleBox(NaN, 0, 1)).toThrow(RangeError);
  });

  it('contains every point at most the radius away', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.oneof(
          fc.double({ min: 0, max: 5_000, noNaN: true }),
          fc.double({ min: 0, max: 2.5e7, noNaN: true }),
        ),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
        (lat, lon, radius, bearing, fraction) => {
          const [x, y] = destination(lon, lat, bearing, radius * fraction);
          if (!(distanceMeters(lon, lat, x, y) <= radius)) return;
          const [minLon, minLat, maxLon, maxLat] = circleBox(lat, lon, radius);
          expect(minLon <= x && x <= maxLon && minLat <= y && y <= maxLat).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
