/**
 * Reading GeoJSON into a flat "shape" that the planar predicates and the hull work on, with one definition of
 * what is malformed. The PostgreSQL functions of migration 0005 mirror this file step by step (plaza__shape,
 * plaza__positions): change one, change the other, and keep `src/geo/sql-functions.int.test.ts` passing.
 *
 * A geometry is malformed (the SQL functions return NULL) unless:
 * - it is a JSON object whose `type` is Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or
 *   GeometryCollection (nested at most {@link MAX_COLLECTION_DEPTH} deep), with `coordinates` (or `geometries`)
 *   an array of the right nesting; Multi* and collections may be empty;
 * - every position is an array of at least two numbers; its first two are the coordinates, anything after them
 *   (elevation) is ignored, and each coordinate is 0 or has a magnitude within
 *   [{@link MIN_MAGNITUDE}, {@link MAX_MAGNITUDE}] (which keeps every product of the orientation test finite and
 *   nonzero, so PostgreSQL never raises a float overflow or underflow);
 * - a LineString has at least 2 positions, a Polygon at least one ring, and each ring at least 4 positions with
 *   the last equal to the first (in x and y).
 */
import type { Geometry } from './types.js';

/** The smallest nonzero coordinate magnitude accepted. */
export const MIN_MAGNITUDE = 1e-50;
/** The largest coordinate magnitude accepted. */
export const MAX_MAGNITUDE = 1e50;
/** A GeometryCollection deeper than this (the top level is depth 0) is malformed. */
export const MAX_COLLECTION_DEPTH = 8;

/**
 * A geometry flattened into vertices and polylines. Indices are 0-based; the SQL mirror uses the same layout
 * 1-based.
 */
export interface Shape {
  /** The top-level GeoJSON type. */
  type: string;
  /** Vertex coordinates: isolated points first, then the vertices of the paths, then those of the rings. */
  xs: number[];
  ys: number[];
  /** How many isolated points (Point, MultiPoint members) start the vertex list. */
  points: number;
  /**
   * Where each polyline starts in the vertex list, plus a final entry equal to the vertex count. A polyline's
   * segments join consecutive vertices. Paths (LineString members) come first, then polygon rings.
   */
  lineStart: number[];
  /** How many of the polylines are paths; the others are rings. */
  paths: number;
  /**
   * The polyline index of each polygon's exterior ring (its holes follow it), plus a final entry equal to the
   * number of polylines.
   */
  polyStart: number[];
}

/** Thrown while reading; never escapes this module. */
class Malformed extends Error {}

/** True for a number accepted as a coordinate (see the module comment). */
export function isCoordinate(value: unknown): value is number {
  if (typeof value !== 'number') return false;
  const m = Math.abs(value);
  return value === 0 || (m >= MIN_MAGNITUDE && m <= MAX_MAGNITUDE);
}

interface Vertices {
  xs: number[];
  ys: number[];
}

function readPosition(p: unknown, into: Vertices): void {
  if (!Array.isArray(p) || p.length < 2) throw new Malformed();
  const x: unknown = p[0];
  const y: unknown = p[1];
  if (!isCoordinate(x) || !isCoordinate(y)) throw new Malformed();
  into.xs.push(x);
  into.ys.push(y);
}

function readPositions(list: unknown, min: number): Vertices {
  if (!Array.isArray(list) || list.length < min) throw new Malformed();
  const into: Vertices = { xs: [], ys: [] };
  for (const p of list) readPosition(p, into);
  return into;
}

function readRing(list: unknown): Vertices {
  const ring = readPositions(list, 4);
  const n = ring.xs.length - 1;
  if (ring.xs[0] !== ring.xs[n] || ring.ys[0] !== ring.ys[n]) throw new Malformed();
  return ring;
}

function readPolygon(list: unknown): Vertices[] {
  if (!Array.isArray(list) || list.length < 1) throw new Malformed();
  return list.map(readRing);
}

function array(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Malformed();
  return value;
}

interface Parts {
  points: Vertices;
  paths: Vertices[];
  polygons: Vertices[][];
}

function walk(value: unknown, depth: number, parts: Parts): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Malformed();
  const g = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      readPosition(c, parts.points);
      return;
    case 'MultiPoint':
      for (const p of array(c)) readPosition(p, parts.points);
      return;
    case 'LineString':
      parts.paths.push(readPositions(c, 2));
      return;
    case 'MultiLineString':
      for (const line of array(c)) parts.paths.push(readPositions(line, 2));
      return;
    case 'Polygon':
      parts.polygons.push(readPolygon(c));
      return;
    case 'MultiPolygon':
      for (const polygon of array(c)) parts.polygons.push(readPolygon(polygon));
      return;
    case 'GeometryCollection':
      if (depth > MAX_COLLECTION_DEPTH) throw new Malformed();
      for (const member of array(g.geometries)) walk(member, depth + 1, parts);
      return;
    default:
      throw new Malformed();
  }
}

/** Flattens a parsed GeoJSON geometry; null when it is malformed. */
export function toShape(value: unknown): Shape | null {
  const parts: Parts = { points: { xs: [], ys: [] }, paths: [], polygons: [] };
  try {
    walk(value, 0, parts);
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
  const xs = parts.points.xs;
  const ys = parts.points.ys;
  const lineStart: number[] = [];
  const add = (line: Vertices) => {
    lineStart.push(xs.length);
    for (let i = 0; i < line.xs.length; i++) {
      xs.push(line.xs[i]!);
      ys.push(line.ys[i]!);
    }
  };
  const points = xs.length;
  for (const path of parts.paths) add(path);
  const polyStart: number[] = [];
  for (const polygon of parts.polygons) {
    polyStart.push(lineStart.length);
    for (const ring of polygon) add(ring);
  }
  lineStart.push(xs.length);
  polyStart.push(lineStart.length - 1);
  return {
    type: (value as { type: string }).type,
    xs,
    ys,
    points,
    lineStart,
    paths: parts.paths.length,
    polyStart,
  };
}

/** Parses and flattens GeoJSON text; null when it is not JSON or is malformed. */
export function shapeFromText(text: string): Shape | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return toShape(value);
}

/** The value as a geometry when it is a well-formed one (by the rules above), else null. */
export function readGeometry(value: unknown): Geometry | null {
  return toShape(value) === null ? null : (value as Geometry);
}

/** Parses GeoJSON text into a well-formed geometry, or null (not JSON, or malformed): what SQL treats as NULL. */
export function parseGeometry(text: string): Geometry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return readGeometry(value);
}

/** Flattens a geometry the caller vouches for; throws a TypeError when it is malformed. */
export function shapeOf(geometry: unknown): Shape {
  const shape = toShape(geometry);
  if (shape === null) throw new TypeError('malformed GeoJSON geometry');
  return shape;
}

/**
 * The orientation test, in the exact order of operations the SQL mirrors: positive when c lies left of the
 * directed line a→b, negative when right, zero when the three points are collinear (as doubles round).
 */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
