/**
 * Marks that share one place (the approaches of one intersection, the streams of one station) are fanned out
 * around it, a few pixels apart, so that each stays visible and clickable at every zoom.
 */

/** Pixel offsets [dx, dy] for each of `n` marks at one place (none for a single mark). */
export function fanOffsets(n: number, radius = 16): [number, number][] {
  if (n <= 1) return [[0, 0]];
  return Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n - Math.PI / 2;
    return [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
  });
}

/** A key that is the same for two positions at the same place (to about 10 cm). */
export const placeKey = (lon: number, lat: number): string => `${lon.toFixed(6)},${lat.toFixed(6)}`;
