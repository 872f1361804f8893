/** Small planar geometry helpers over lon/lat positions (fine at city scale). */
import type { Position } from './writers.js';

/** Shoelace area of a closed ring in square degrees: positive when counterclockwise. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Whether a point is inside a polygon: inside its outer ring and outside every hole (ray casting). */
export function inPolygon(rings: readonly (readonly Position[])[], [x, y]: Position): boolean {
  const inRing = (ring: readonly Position[]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position;
      const [xj, yj] = ring[j] as Position;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(outer) && !holes.some(inRing);
}
