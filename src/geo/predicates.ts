/**
 * Planar predicates on GeoJSON geometries, treating longitude and latitude as x and y. Every test is built on
 * {@link orient} computed on doubles with no epsilon, and every loop only answers "is there one" or "are all",
 * so the outcome does not depend on the order of the parts; the PostgreSQL functions of migration 0005
 * (plaza__intersects, plaza__within and their helpers) mirror this file and return the same booleans.
 *
 * Areas follow the even-odd rule per polygon (a point in a hole is outside); a MultiPolygon covers what any of
 * its polygons covers. Boundaries belong to their geometry.
 */
import { orient, shapeOf, type Shape } from './shape.js';
import type { Area, Geometry } from './types.js';

/** v lies between a and b inclusive. */
const between = (v: number, a: number, b: number) => (a <= b ? a <= v && v <= b : b <= v && v <= a);

/** Point p lies on the closed segment a-b. */
function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  return orient(ax, ay, bx, by, px, py) === 0 && between(px, ax, bx) && between(py, ay, by);
}

const opposite = (d1: number, d2: number) => (d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0);

/** The closed segments a-b and c-d share a point. */
function segmentsTouch(s: Shape, i: number, t: Shape, j: number): boolean {
  const ax = s.xs[i]!,
    ay = s.ys[i]!,
    bx = s.xs[i + 1]!,
    by = s.ys[i + 1]!;
  const cx = t.xs[j]!,
    cy = t.ys[j]!,
    dx = t.xs[j + 1]!,
    dy = t.ys[j + 1]!;
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (opposite(d1, d2) && opposite(d3, d4)) return true;
  return (
    (d1 === 0 && between(ax, cx, dx) && between(ay, cy, dy)) ||
    (d2 === 0 && between(bx, cx, dx) && between(by, cy, dy)) ||
    (d3 === 0 && between(cx, ax, bx) && between(cy, ay, by)) ||
    (d4 === 0 && between(dx, ax, bx) && between(dy, ay, by))
  );
}

/** The segments cross properly: their interiors meet in one point that is an endpoint of neither. */
function segmentsCross(s: Shape, i: number, t: Shape, j: number): boolean {
  const ax = s.xs[i]!,
    ay = s.ys[i]!,
    bx = s.xs[i + 1]!,
    by = s.ys[i + 1]!;
  const cx = t.xs[j]!,
    cy = t.ys[j]!,
    dx = t.xs[j + 1]!,
    dy = t.ys[j + 1]!;
  return (
    opposite(orient(cx, cy, dx, dy, ax, ay), orient(cx, cy, dx, dy, bx, by)) &&
    opposite(orient(ax, ay, bx, by, cx, cy), orient(ax, ay, bx, by, dx, dy))
  );
}

/** Calls `each` with the index of the first vertex of every segment of polylines [from, to). */
function forSegments(s: Shape, from: number, to: number, each: (i: number) => boolean): boolean {
  for (let line = from; line < to; line++) {
    const end = s.lineStart[line + 1]! - 1;
    for (let i = s.lineStart[line]!; i < end; i++) if (each(i)) return true;
  }
  return false;
}

const lineCount = (s: Shape) => s.lineStart.length - 1;
const polygonCount = (s: Shape) => s.polyStart.length - 1;

/** Crossing-number test of one polygon (all its rings): true when p is inside by the even-odd rule. */
function insidePolygon(s: Shape, k: number, px: number, py: number): boolean {
  let inside = false;
  forSegments(s, s.polyStart[k]!, s.polyStart[k + 1]!, (i) => {
    const ay = s.ys[i]!;
    const by = s.ys[i + 1]!;
    if (ay > py !== by > py) {
      const o = orient(s.xs[i]!, ay, s.xs[i + 1]!, by, px, py);
      if (by > ay ? o > 0 : o < 0) inside = !inside;
    }
    return false;
  });
  return inside;
}

/** p is inside some polygon of s by the crossing test (the answer for points on a ring is arbitrary). */
function insideAny(s: Shape, px: number, py: number): boolean {
  for (let k = 0; k < polygonCount(s); k++) if (insidePolygon(s, k, px, py)) return true;
  return false;
}

/** p lies on a ring of s. */
function onRings(s: Shape, px: number, py: number): boolean {
  return forSegments(s, s.paths, lineCount(s), (i) =>
    onSegment(px, py, s.xs[i]!, s.ys[i]!, s.xs[i + 1]!, s.ys[i + 1]!),
  );
}

/** p is inside or on the boundary of the polygons of s. */
function covers(s: Shape, px: number, py: number): boolean {
  return onRings(s, px, py) || insideAny(s, px, py);
}

/** p is any point of s: an isolated point, on a path or ring, or inside a polygon. */
function hits(s: Shape, px: number, py: number): boolean {
  for (let i = 0; i < s.points; i++) if (s.xs[i] === px && s.ys[i] === py) return true;
  const onLine = forSegments(s, 0, lineCount(s), (i) =>
    onSegment(px, py, s.xs[i]!, s.ys[i]!, s.xs[i + 1]!, s.ys[i + 1]!),
  );
  return onLine || insideAny(s, px, py);
}

/** [minx, miny, maxx, maxy] of the vertices of a non-empty shape. */
function bounds(s: Shape): [number, number, number, number] {
  let minx = Infinity,
    miny = Infinity,
    maxx = -Infinity,
    maxy = -Infinity;
  for (let i = 0; i < s.xs.length; i++) {
    const x = s.xs[i]!,
      y = s.ys[i]!;
    if (x < minx) minx = x;
    if (x > maxx) maxx = x;
    if (y < miny) miny = y;
    if (y > maxy) maxy = y;
  }
  return [minx, miny, maxx, maxy];
}

/** Some part of s that has no vertex on the boundary of t (a path, a polygon) lies inside t's polygons. */
function partInside(s: Shape, t: Shape): boolean {
  for (let line = 0; line < s.paths; line++) {
    const i = s.lineStart[line]!;
    if (insideAny(t, s.xs[i]!, s.ys[i]!)) return true;
  }
  for (let k = 0; k < polygonCount(s); k++) {
    const i = s.lineStart[s.polyStart[k]!]!;
    if (insideAny(t, s.xs[i]!, s.ys[i]!)) return true;
  }
  return false;
}

/** {@link intersects} on flattened shapes. */
export function shapesIntersect(a: Shape, b: Shape): boolean {
  if (a.xs.length === 0 || b.xs.length === 0) return false;
  const [aminx, aminy, amaxx, amaxy] = bounds(a);
  const [bminx, bminy, bmaxx, bmaxy] = bounds(b);
  if (aminx > bmaxx || bminx > amaxx || aminy > bmaxy || bminy > amaxy) return false;
  for (let i = 0; i < a.points; i++) if (hits(b, a.xs[i]!, a.ys[i]!)) return true;
  for (let i = 0; i < b.points; i++) if (hits(a, b.xs[i]!, b.ys[i]!)) return true;
  const touch = forSegments(a, 0, lineCount(a), (i) =>
    forSegments(b, 0, lineCount(b), (j) => segmentsTouch(a, i, b, j)),
  );
  // With no boundary contact, a path or a polygon is either wholly inside the other's area or wholly outside.
  return touch || partInside(a, b) || partInside(b, a);
}

/** x then y, as SQL's ORDER BY x, y. */
const byXY = (p: [number, number], q: [number, number]) =>
  p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0;

/**
 * Segment i of s stays inside the area: it crosses no edge properly, and between each pair of consecutive
 * points where it meets the area's vertices (or ends) its midpoint is covered.
 */
function segmentWithin(s: Shape, i: number, area: Shape): boolean {
  const ax = s.xs[i]!,
    ay = s.ys[i]!,
    bx = s.xs[i + 1]!,
    by = s.ys[i + 1]!;
  const ringsFrom = area.paths;
  if (forSegments(area, ringsFrom, lineCount(area), (j) => segmentsCross(s, i, area, j))) return false;
  const stops: [number, number][] = [];
  for (let v = area.lineStart[ringsFrom]!; v < area.xs.length; v++) {
    const x = area.xs[v]!,
      y = area.ys[v]!;
    if (onSegment(x, y, ax, ay, bx, by)) stops.push([x, y]);
  }
  if (stops.length === 0) return covers(area, (ax + bx) / 2, (ay + by) / 2);
  stops.push([ax, ay], [bx, by]);
  stops.sort(byXY);
  for (let k = 1; k < stops.length; k++) {
    const [x1, y1] = stops[k - 1]!;
    const [x2, y2] = stops[k]!;
    if ((x1 !== x2 || y1 !== y2) && !covers(area, (x1 + x2) / 2, (y1 + y2) / 2)) return false;
  }
  return true;
}

/** {@link within} on flattened shapes; `area` is taken as the union of its polygons (its other parts are ignored). */
export function shapeWithin(s: Shape, area: Shape): boolean {
  if (s.xs.length === 0 || polygonCount(area) === 0) return false;
  const [sminx, sminy, smaxx, smaxy] = bounds(s);
  const [minx, miny, maxx, maxy] = bounds(area);
  if (sminx < minx || sminy < miny || smaxx > maxx || smaxy > maxy) return false;
  for (let v = 0; v < s.xs.length; v++) if (!covers(area, s.xs[v]!, s.ys[v]!)) return false;
  if (forSegments(s, 0, lineCount(s), (i) => !segmentWithin(s, i, area))) return false;
  if (polygonCount(s) === 0) return true;
  // A vertex of the area strictly inside one of s's polygons means s spills over the area's boundary there
  // (this is what catches a polygon that covers a hole of the area).
  for (let v = area.lineStart[area.paths]!; v < area.xs.length; v++) {
    const x = area.xs[v]!,
      y = area.ys[v]!;
    if (!onRings(s, x, y) && insideAny(s, x, y)) return false;
  }
  return true;
}

/**
 * Whether two geometries share at least one point (touching boundaries count; a point in a hole does not).
 * Throws a TypeError when either is not a well-formed geometry (see shape.ts for the rules).
 */
export function intersects(a: Geometry, b: Geometry): boolean {
  return shapesIntersect(shapeOf(a), shapeOf(b));
}

/**
 * Whether every point of `a` lies inside the area or on its boundary: every vertex is covered, no segment of
 * `a` crosses the area's boundary, each piece of a segment between the places where it meets the boundary has a
 * covered midpoint, and no vertex of the area lies strictly inside a polygon of `a`. An empty `a` is not within.
 * Every ring edge of the area counts as boundary, so this is exact for valid areas (the polygons of a
 * MultiPolygon meet at points at most); an edge shared by two polygons of an invalid MultiPolygon still blocks.
 * Throws a TypeError when either is not a well-formed geometry.
 */
export function within(a: Geometry, area: Area): boolean {
  return shapeWithin(shapeOf(a), shapeOf(area));
}
