/** Plaza's geometry toolkit for SoQL: planar predicates, hulls and extents, distances on the sphere. */
export { convexHull, extentPolygon, shapeVertices } from './hull.js';
export { intersects, shapesIntersect, shapeWithin, within } from './predicates.js';
export {
  isCoordinate,
  MAX_COLLECTION_DEPTH,
  MAX_MAGNITUDE,
  MIN_MAGNITUDE,
  parseGeometry,
  readGeometry,
  shapeFromText,
  toShape,
  type Shape,
} from './shape.js';
export { circleBox, distanceMeters, EARTH_RADIUS_M, RADIANS_PER_DEGREE } from './sphere.js';
export type * from './types.js';
