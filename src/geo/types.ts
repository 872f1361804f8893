/**
 * GeoJSON geometry objects (RFC 7946) as Plaza stores them: WGS 84 positions `[longitude, latitude]`, with an
 * optional elevation that every geometry function here ignores.
 */

/** `[longitude, latitude]` or `[longitude, latitude, elevation]`. */
export type Position = number[];

export interface Point {
  type: 'Point';
  coordinates: Position;
}

export interface MultiPoint {
  type: 'MultiPoint';
  coordinates: Position[];
}

export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}

export interface MultiLineString {
  type: 'MultiLineString';
  coordinates: Position[][];
}

/** The first ring is the exterior, the others are holes; every ring is closed (first position = last). */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export interface GeometryCollection {
  type: 'GeometryCollection';
  geometries: Geometry[];
}

/** Any GeoJSON geometry object. */
export type Geometry =
  Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon | GeometryCollection;

/** A geometry that encloses an area: the second argument of `within`. */
export type Area = Polygon | MultiPolygon;
