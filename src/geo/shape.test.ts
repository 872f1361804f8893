import { describe, expect, it } from 'vitest';
import { parseGeometry, shapeFromText, toShape } from './shape.js';

const ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];

describe('reading GeoJSON', () => {
  it('accepts every geometry type and ignores elevation and extra members', () => {
    const ok = [
      { type: 'Point', coordinates: [1, 2, 3, 4] },
      { type: 'MultiPoint', coordinates: [] },
      { type: 'LineString', coordinates: [ring[0], ring[1]] },
      { type: 'MultiLineString', coordinates: [[ring[0], ring[1]]] },
      { type: 'Polygon', coordinates: [ring, ring] },
      { type: 'MultiPolygon', coordinates: [[ring]] },
      { type: 'GeometryCollection', geometries: [], bbox: [0, 0, 1, 1] },
    ];
    for (const g of ok) expect(toShape(g), JSON.stringify(g)).not.toBeNull();
  });

  it('rejects malformed geometries', () => {
    let deep: unknown = { type: 'Point', coordinates: [0, 0] };
    for (let i = 0; i < 10; i++) deep = { type: 'GeometryCollection', geometries: [deep] };
    const bad: unknown[] = [
      null,
      [1, 2],
      'Point',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } },
      { type: 'Point' },
      { type: 'Point', coordinates: [1] },
      { type: 'Point', coordinates: ['1', 2] },
      { type: 'Point', coordinates: { 0: 1, 1: 2 } },
      { type: 'Point', coordinates: [1e51, 0] },
      { type: 'Point', coordinates: [1e-51, 0] },
      { type: 'MultiPoint', coordinates: [[0, 0], null] },
      { type: 'LineString', coordinates: [[0, 0]] },
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [ring.slice(0, 3)] },
      { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [0, 1]]] },
      { type: 'MultiPolygon', coordinates: [[]] },
      { type: 'GeometryCollection' },
      { type: 'GeometryCollection', geometries: [{ type: 'Nope' }] },
      deep,
    ];
    for (const g of bad) expect(toShape(g), JSON.stringify(g)).toBeNull();
  });

  it('parses text', () => {
    expect(shapeFromText('{"type":"Point","coordinates":[1,2]')).toBeNull();
    expect(shapeFromText('')).toBeNull();
    expect(parseGeometry('{"type":"Point","coordinates":[1,2]}')).toEqual({
      type: 'Point',
      coordinates: [1, 2],
    });
    expect(parseGeometry('{"type":"Point","coordinates":[1,"2"]}')).toBeNull();
    // JavaScript reads a number too small for a double as 0, which is a coordinate.
    expect(parseGeometry('{"type":"Point","coordinates":[1e-400,2]}')).not.toBeNull();
  });

  it('lays out points, then paths, then rings', () => {
    const shape = toShape({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', coordinates: [ring] },
        { type: 'Point', coordinates: [9, 9] },
        { type: 'LineString', coordinates: [ring[0], ring[1]] },
      ],
    });
    expect(shape).toEqual({
      type: 'GeometryCollection',
      xs: [9, 0, 1, 0, 1, 1, 0],
      ys: [9, 0, 0, 0, 0, 1, 0],
      points: 1,
      lineStart: [1, 3, 7],
      paths: 1,
      polyStart: [1, 2],
    });
  });
});
