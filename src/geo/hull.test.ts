import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexHull, extentPolygon } from './hull.js';
import { intersects, within } from './predicates.js';

describe('convexHull', () => {
  it('degenerates to null, a Point or a LineString', () => {
    expect(convexHull([])).toBeNull();
    expect(convexHull([[1, 2]])).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(
      convexHull([
        [1, 2],
        [1, 2],
      ]),
    ).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(
      convexHull([
        [2, 2],
        [0, 0],
        [1, 1],
        [3, 3],
      ]),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [3, 3],
      ],
    });
  });

  it('returns a closed counter-clockwise ring from the lowest-x, lowest-y point, without collinear points', () => {
    const hull = convexHull([
      [1, 1],
      [2, 0],
      [0, 2],
      [2, 2],
      [0, 0],
      [1, 0], // on an edge
      [0, 1], // on an edge
      [2, 2], // duplicate
    ]);
    expect(JSON.stringify(hull)).toBe('{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}');
    const tie = convexHull([
      [0, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(tie).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('contains every input point (exact grid coordinates)', () => {
    const value = fc.integer({ min: -64, max: 64 }).map((n) => n / 4);
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 30 }), (points) => {
        const hull = convexHull(points);
        expect(hull).not.toBeNull();
        for (const [x, y] of points) {
          const p = { type: 'Point' as const, coordinates: [x, y] };
          if (hull!.type === 'Polygon') expect(within(p, hull!)).toBe(true);
          else expect(intersects(p, hull!)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extentPolygon', () => {
  it('is a one-rectangle MultiPolygon', () => {
    expect(extentPolygon(-1, -2, 3, 4)).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-1, -2],
            [-1, 4],
            [3, 4],
            [3, -2],
            [-1, -2],
          ],
        ],
      ],
    });
  });
});
