/**
 * Convex hulls and extents, as SoQL's `convex_hull()` and `extent()` aggregates return them. The PostgreSQL
 * aggregate `plaza_hull` (migration 0005) runs the same monotone chain and prints the same text as
 * `JSON.stringify(convexHull(...))`.
 */
import { orient, type Shape } from './shape.js';
import type { LineString, MultiPolygon, Point, Polygon } from './types.js';

/**
 * The convex hull of a set of points (Andrew's monotone chain on doubles, no epsilon): null for no points, a
 * Point for one distinct point, a LineString from the lowest to the highest point (by x, then y) when all are
 * collinear, otherwise a Polygon whose closed ring runs counter-clockwise from the lowest-x (then lowest-y)
 * point. Points on the hull's edges are not vertices. Coordinates must be finite; duplicates are ignored.
 */
export function convexHull(
  points: readonly (readonly [number, number])[],
): Point | LineString | Polygon | null {
  const sorted = points
    .map(([x, y]): [number, number] => [x, y])
    .sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
  const unique: [number, number][] = [];
  for (const p of sorted) {
    const last = unique[unique.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) unique.push(p);
  }
  const first = unique[0];
  if (first === undefined) return null;
  if (unique.length === 1) return { type: 'Point', coordinates: first };
  const chain = (list: [number, number][]) => {
    const out: [number, number][] = [];
    for (const p of list) {
      while (out.length >= 2) {
        const o = out[out.length - 2]!;
        const a = out[out.length - 1]!;
        if (orient(o[0], o[1], a[0], a[1], p[0], p[1]) > 0) break;
        out.pop();
      }
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...chain(unique), ...chain(unique.slice().reverse())];
  if (hull.length === 2) return { type: 'LineString', coordinates: hull };
  return { type: 'Polygon', coordinates: [[...hull, first]] };
}

/** Every vertex of a flattened geometry, for {@link convexHull}. */
export function shapeVertices(shape: Shape): [number, number][] {
  return shape.xs.map((x, i): [number, number] => [x, shape.ys[i]!]);
}

/**
 * The rectangle from (minx, miny) to (maxx, maxy) as a one-polygon MultiPolygon, the form SoQL's `extent()`
 * returns. The ring starts at the south-west corner and runs up the west side (the order PostGIS uses for a
 * box), then closes.
 */
export function extentPolygon(minx: number, miny: number, maxx: number, maxy: number): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [minx, miny],
          [minx, maxy],
          [maxx, maxy],
          [maxx, miny],
          [minx, miny],
        ],
      ],
    ],
  };
}
