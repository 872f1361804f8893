/** The functions of SensorThings 1.1 `$filter` (its table 9.x, from OData 4), with their arity and whether Plaza serves them. */

export interface FunctionInfo {
  min: number;
  max: number;
  /** Why the function is refused, when it is: the message says what to use instead. */
  unsupported?: string;
}

const f = (min: number, max = min, unsupported?: string): FunctionInfo => ({ min, max, unsupported });

const NO_TOPOLOGY = 'only intersects, disjoint, within, contains and equals are served';

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = {
  // Strings.
  substringof: f(2),
  contains: f(2),
  endswith: f(2),
  startswith: f(2),
  length: f(1),
  indexof: f(2),
  substring: f(2, 3),
  tolower: f(1),
  toupper: f(1),
  trim: f(1),
  concat: f(2),
  // Dates and times (UTC).
  year: f(1),
  month: f(1),
  day: f(1),
  hour: f(1),
  minute: f(1),
  second: f(1),
  fractionalseconds: f(1),
  date: f(1),
  time: f(1),
  totaloffsetminutes: f(1),
  now: f(0),
  mindatetime: f(0),
  maxdatetime: f(0),
  // Arithmetic.
  round: f(1),
  floor: f(1),
  ceiling: f(1),
  // Geometry.
  'geo.distance': f(2),
  'geo.length': f(1, 1, 'geo.length is not served; compare geo.distance between points instead'),
  'geo.intersects': f(2),
  st_equals: f(2),
  st_disjoint: f(2),
  st_touches: f(2, 2, `st_touches is not served: ${NO_TOPOLOGY}`),
  st_within: f(2),
  st_overlaps: f(2, 2, `st_overlaps is not served: ${NO_TOPOLOGY}`),
  st_crosses: f(2, 2, `st_crosses is not served: ${NO_TOPOLOGY}`),
  st_intersects: f(2),
  st_contains: f(2),
  st_relate: f(3, 3, `st_relate is not served: ${NO_TOPOLOGY}`),
};

export const FUNCTION_NAMES = Object.keys(FUNCTIONS);
