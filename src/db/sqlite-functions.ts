/**
 * The SQL functions that compiled SoQL queries call, for SQLite: JavaScript functions registered on every
 * connection, running the very code of `src/geo`. PostgreSQL gets the same functions, with the same results,
 * from migration 0005. Malformed GeoJSON (see `src/geo/shape.ts`) reads as NULL; these functions never throw.
 *
 * - `plaza_intersects(a TEXT, b TEXT)`: 1 when the geometries share a point, 0 when not, NULL when either is
 *   NULL or malformed.
 * - `plaza_within(a TEXT, area TEXT)`: 1 when every point of `a` is inside the area or on its boundary, 0 when
 *   not, NULL when either is NULL or malformed or `area` is not a Polygon or MultiPolygon.
 * - `plaza_distance(lon1, lat1, lon2, lat2)`: meters on the sphere, NULL when an argument is NULL (or not a
 *   number).
 * - aggregate `plaza_hull(g TEXT)`: the convex hull of every vertex of the non-NULL, well-formed values, as
 *   GeoJSON text (`JSON.stringify` of `convexHull`), NULL when there is no vertex.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { convexHull } from '../geo/hull.js';
import { shapesIntersect, shapeWithin } from '../geo/predicates.js';
import { shapeFromText, type Shape } from '../geo/shape.js';
import { distanceMeters } from '../geo/sphere.js';

type SqlBoolean = 0 | 1 | null;

/** Reads a cell as a shape: null for NULL, non-text or malformed values. */
function cellShape(value: unknown): Shape | null {
  return typeof value === 'string' ? shapeFromText(value) : null;
}

/** Reads the (usually constant) second argument, reusing the last result while the text stays the same. */
function lastValueCache(read: (value: unknown) => Shape | null): (value: unknown) => Shape | null {
  let lastText: string | undefined;
  let lastShape: Shape | null = null;
  return (value) => {
    if (typeof value !== 'string') return null;
    if (value !== lastText) {
      lastShape = read(value);
      lastText = value;
    }
    return lastShape;
  };
}

/** Runs a predicate on two shapes, mapping NULL, malformed input and unexpected errors to SQL NULL. */
function predicate(
  a: unknown,
  b: unknown,
  readB: (value: unknown) => Shape | null,
  test: (a: Shape, b: Shape) => boolean,
): SqlBoolean {
  try {
    if (a === null || b === null) return null;
    const sb = readB(b);
    if (sb === null) return null;
    const sa = cellShape(a);
    if (sa === null) return null;
    return test(sa, sb) ? 1 : 0;
  } catch {
    return null;
  }
}

interface HullState {
  points: [number, number][];
}

/** Registers Plaza's query functions on a connection (deterministic, so SQLite may use them in indexes). */
export function registerSqlFunctions(db: BetterSqlite3.Database): void {
  const options = { deterministic: true };

  const intersectsArea = lastValueCache(cellShape);
  db.function('plaza_intersects', options, (a: unknown, b: unknown) =>
    predicate(a, b, intersectsArea, shapesIntersect),
  );

  const withinArea = lastValueCache((value) => {
    const shape = cellShape(value);
    return shape !== null && (shape.type === 'Polygon' || shape.type === 'MultiPolygon') ? shape : null;
  });
  db.function('plaza_within', options, (a: unknown, area: unknown) =>
    predicate(a, area, withinArea, shapeWithin),
  );

  db.function('plaza_distance', options, (lon1: unknown, lat1: unknown, lon2: unknown, lat2: unknown) => {
    if (
      typeof lon1 !== 'number' ||
      typeof lat1 !== 'number' ||
      typeof lon2 !== 'number' ||
      typeof lat2 !== 'number'
    ) {
      return null;
    }
    const meters = distanceMeters(lon1, lat1, lon2, lat2);
    return Number.isNaN(meters) ? null : meters;
  });

  db.aggregate<HullState>('plaza_hull', {
    ...options,
    start: () => ({ points: [] }),
    step: (state: HullState, value: unknown) => {
      let shape: Shape | null = null;
      try {
        shape = cellShape(value);
      } catch {
        // Treated like a malformed value: skipped.
      }
      if (shape === null) return;
      for (let i = 0; i < shape.xs.length; i++) state.points.push([shape.xs[i]!, shape.ys[i]!]);
    },
    result: (state: HullState) => {
      try {
        const hull = convexHull(state.points);
        return hull === null ? null : JSON.stringify(hull);
      } catch {
        return null;
      }
    },
  });
}
