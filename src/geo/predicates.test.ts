import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersects, within } from './predicates.js';
import type { Geometry, MultiPolygon, Polygon, Position } from './types.js';

const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
const line = (...coordinates: Position[]): Geometry => ({ type: 'LineString', coordinates });
/** A closed axis-aligned rectangle ring, counter-clockwise. */
const rect = (x1: number, y1: number, x2: number, y2: number): Position[] => [
  [x1, y1],
  [x2, y1],
  [x2, y2],
  [x1, y2],
  [x1, y1],
];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: Polygon[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polygons.map((p) => p.coordinates),
});

/** A 10×10 square with a 2×2 hole in the middle. */
const donut = polygon(rect(0, 0, 10, 10), rect(4, 4, 6, 6));

describe('intersects', () => {
  it('counts boundary contact and excludes holes', () => {
    expect(intersects(point(5, 1), donut)).toBe(true);
    expect(intersects(point(0, 5), donut)).toBe(true); // on the exterior ring
    expect(intersects(point(10, 10), donut)).toBe(true); // on a vertex
    expect(intersects(point(4, 5), donut)).toBe(true); // on the hole's ring
    expect(intersects(point(5, 5), donut)).toBe(false); // in the hole
    expect(intersects(point(11, 5), donut)).toBe(false);
  });

  it('finds crossing and touching lines', () => {
    expect(intersects(line([0, 0], [2, 2]), line([0, 2], [2, 0]))).toBe(true);
    expect(intersects(line([0, 0], [2, 0]), line([1, 0], [1, 5]))).toBe(true); // T junction
    expect(intersects(line([0, 0], [2, 0]), line([2, 0], [3, 0]))).toBe(true); // end to end, collinear
    expect(intersects(line([0, 0], [2, 0]), line([3, 0], [4, 0]))).toBe(false); // collinear, apart
    expect(intersects(line([0, 0], [2, 2]), line([0, 1], [1, 2]))).toBe(false); // parallel
    expect(intersects(line([0, 0], [1, 0]), point(0.5, 0))).toBe(true);
    expect(intersects(line([0, 0], [1, 0]), point(0.5, 1e-9))).toBe(false);
  });

  it('relates lines and polygons', () => {
    expect(intersects(line([1, 1], [2, 2]), donut)).toBe(true); // wholly inside
    expect(intersects(line([4.5, 4.5], [5.5, 5.5]), donut)).toBe(false); // wholly in the hole
    expect(intersects(line([-1, 5], [1, 5]), donut)).toBe(true); // crossing in
    expect(intersects(line([-2, -2], [-1, 12]), donut)).toBe(false);
    expect(intersects(line([10, 12], [10, 10]), donut)).toBe(true); // touching a corner
  });

  it('relates polygons', () => {
    const square = polygon(rect(0, 0, 1, 1));
    expect(intersects(square, polygon(rect(1, 0, 2, 1)))).toBe(true); // shared edge
    expect(intersects(square, polygon(rect(1, 1, 2, 2)))).toBe(true); // shared corner
    expect(intersects(square, polygon(rect(1.5, 0, 2, 1)))).toBe(false);
    expect(intersects(polygon(rect(-5, -5, 5, 5)), square)).toBe(true); // containment, no edge contact
    expect(intersects(square, polygon(rect(-5, -5, 5, 5)))).toBe(true);
    expect(intersects(polygon(rect(4.5, 4.5, 5.5, 5.5)), donut)).toBe(false); // inside the hole
    expect(intersects(multi(polygon(rect(20, 20, 21, 21)), polygon(rect(4.5, 4.5, 5.5, 5.5))), donut)).toBe(
      false,
    );
    expect(intersects(multi(polygon(rect(20, 20, 21, 21)), polygon(rect(1, 1, 2, 2))), donut)).toBe(true);
  });

  it('handles collections and empty geometries', () => {
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [point(50, 50), { type: 'GeometryCollection', geometries: [point(5, 1)] }],
    };
    expect(intersects(collection, donut)).toBe(true);
    expect(intersects({ type: 'MultiPolygon', coordinates: [] }, donut)).toBe(false);
    expect(intersects({ type: 'GeometryCollection', geometries: [] }, point(0, 0))).toBe(false);
  });

  it('ignores elevation', () => {
    expect(intersects({ type: 'Point', coordinates: [5, 1, 100] }, donut)).toBe(true);
  });

  it('throws on malformed geometries', () => {
    expect(() => intersects({ type: 'Point', coordinates: [1] }, donut)).toThrow(TypeError);
  });
});

describe('within', () => {
  it('treats boundaries as inside and holes as outside', () => {
    expect(within(point(5, 1), donut)).toBe(true);
    expect(within(point(0, 0), donut)).toBe(true);
    expect(within(point(4, 5), donut)).toBe(true);
    expect(within(point(5, 5), donut)).toBe(false);
    expect(within(point(-1, 5), donut)).toBe(false);
  });

  it('rejects lines that leave the area', () => {
    expect(within(line([1, 1], [3, 1]), donut)).toBe(true);
    expect(within(line([0, 0], [10, 0]), donut)).toBe(true); // along the boundary
    expect(within(line([1, 5], [9, 5]), donut)).toBe(false); // through the hole
    expect(within(line([4, 1], [4, 4], [6, 4]), donut)).toBe(true); // touching the hole
    expect(within(line([1, 1], [11, 1]), donut)).toBe(false);
  });

  it('catches a chord across a notch between boundary vertices', () => {
    // A U shape: the segment joins the tips of the prongs, both on the boundary, across the gap.
    const u = polygon([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    expect(within(line([1, 3], [2, 3]), u)).toBe(false);
    expect(within(line([0, 3], [1, 3]), u)).toBe(true);
    // Passing through the notch's corners: inside, outside through the gap, inside again.
    expect(within(line([0, 1], [3, 1]), u)).toBe(true);
    expect(within(line([0, 2], [3, 2]), u)).toBe(false);
  });

  it('relates polygons, including one that covers a hole', () => {
    expect(within(polygon(rect(1, 1, 3, 3)), donut)).toBe(true);
    expect(within(polygon(rect(0, 0, 10, 10)), donut)).toBe(false); // covers the hole
    expect(within(polygon(rect(0, 0, 4, 10)), donut)).toBe(true); // shares edges
    expect(within(polygon(rect(3, 3, 7, 7), rect(3.5, 3.5, 6.5, 6.5)), donut)).toBe(true); // ring around the hole
    expect(within(donut, donut)).toBe(true);
    expect(within(polygon(rect(5, 5, 12, 12)), donut)).toBe(false);
  });

  it('takes the union of a (valid) MultiPolygon', () => {
    // Two squares touching at a corner; the line passes from one to the other through that corner.
    const two = multi(polygon(rect(0, 0, 1, 1)), polygon(rect(1, 1, 2, 2)));
    expect(within(line([0.5, 0.5], [1.5, 1.5]), two)).toBe(true);
    expect(within(line([0.5, 0.5], [1.5, 0.5]), two)).toBe(false);
    expect(within(point(3, 0.5), two)).toBe(false);
    // Squares sharing a whole edge make an invalid MultiPolygon: the shared edge still counts as boundary.
    const adjacent = multi(polygon(rect(0, 0, 1, 1)), polygon(rect(1, 0, 2, 1)));
    expect(within(line([0.5, 0.5], [1.5, 0.5]), adjacent)).toBe(false);
  });

  it('is false for empty geometries', () => {
    expect(within({ type: 'MultiPoint', coordinates: [] }, donut)).toBe(false);
    expect(within(point(0, 0), { type: 'MultiPolygon', coordinates: [] })).toBe(false);
  });
});

// Coordinates on a 1/8 grid within ±16: every orientation product is exact, so the geometric answers are exact.
const gridValue = fc.integer({ min: -128, max: 128 }).map((n) => n / 8);
const gridPoint = fc.tuple(gridValue, gridValue);
const box = fc
  .tuple(gridPoint, gridPoint)
  .filter(([a, b]) => a[0] !== b[0] && a[1] !== b[1])
  .map(([a, b]): [number, number, number, number] => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
  ]);

describe('predicate properties', () => {
  it('a point is within an area exactly when it intersects it', () => {
    const triangle = fc.tuple(gridPoint, gridPoint, gridPoint).map(([a, b, c]) => polygon([a, b, c, a]));
    fc.assert(
      fc.property(gridPoint, fc.array(triangle, { minLength: 1, maxLength: 3 }), ([x, y], polygons) => {
        const area = multi(...polygons);
        expect(within(point(x, y), area)).toBe(intersects(point(x, y), area));
      }),
      { numRuns: 500 },
    );
  });

  it('locates points against a rectangle with a rectangular hole', () => {
    fc.assert(
      fc.property(box, gridPoint, ([x1, y1, x2, y2], [x, y]) => {
        // The hole is the middle half of the rectangle (still on a dyadic grid, so still exact).
        const [hx1, hy1] = [x1 + (x2 - x1) / 4, y1 + (y2 - y1) / 4];
        const [hx2, hy2] = [x1 + ((x2 - x1) * 3) / 4, y1 + ((y2 - y1) * 3) / 4];
        const area = polygon(rect(x1, y1, x2, y2), rect(hx1, hy1, hx2, hy2));
        const inOuter = x1 <= x && x <= x2 && y1 <= y && y <= y2;
        const inHole = hx1 < x && x < hx2 && hy1 < y && y < hy2;
        expect(intersects(point(x, y), area)).toBe(inOuter && !inHole);
        expect(within(point(x, y), area)).toBe(inOuter && !inHole);
      }),
      { numRuns: 500 },
    );
  });

  it('intersects is symmetric, and within implies intersects', () => {
    const path = fc.array(gridPoint, { minLength: 2, maxLength: 4 }).map((c) => line(...c));
    const square = box.map(([x1, y1, x2, y2]) => polygon(rect(x1, y1, x2, y2)));
    const geometry = fc.oneof(
      gridPoint.map(([x, y]) => point(x, y)),
      path,
      square,
    );
    fc.assert(
      fc.property(geometry, geometry, square, (a, b, area) => {
        expect(intersects(a, b)).toBe(intersects(b, a));
        if (within(a, area)) expect(intersects(a, area)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
