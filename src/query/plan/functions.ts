/**
 * The SoQL functions Plaza knows, with their argument rules. Geo functions take lat, lon in SoQL's order
 * (`within_circle(location, 33.75, -117.99, 500)`) while WKT constants are lon lat, as the standard writes them.
 */
import type { Expr } from '../soql/ast.js';
import type { ExprChecker } from './check-expr.js';
import { LiteralError, toGeometry, toNumber, toPoint } from './literals.js';
import type { AggregateFn, ConstGeometry, DatePart, TExpr, Truncation, ValueType } from './typed.js';

type Call = Extract<Expr, { kind: 'call' }>;

const TRUNCATIONS: Record<string, Truncation> = {
  date_trunc_y: 'y',
  date_trunc_ym: 'ym',
  date_trunc_ymd: 'ymd',
};
const PARTS: Record<string, DatePart> = {
  date_extract_y: 'y',
  date_extract_m: 'm',
  date_extract_d: 'd',
  date_extract_hh: 'hh',
  date_extract_mm: 'mm',
  date_extract_ss: 'ss',
  date_extract_dow: 'dow',
  date_extract_woy: 'woy',
};
const AGGREGATES: ReadonlySet<string> = new Set([
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'extent',
  'convex_hull',
]);
const SCALARS = [
  'upper',
  'lower',
  'starts_with',
  'case',
  'coalesce',
  'within_box',
  'within_circle',
  'within_polygon',
  'intersects',
  'distance_in_meters',
  ...Object.keys(TRUNCATIONS),
  ...Object.keys(PARTS),
];

/** Every function name, for messages and docs. */
export const FUNCTION_NAMES: readonly string[] = [...AGGREGATES, ...SCALARS].sort();

function arity(c: ExprChecker, call: Call, min: number, max = min): void {
  const n = call.args.length;
  if (n >= min && n <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  c.fail(
    'query.invalid',
    `${call.name}() takes ${expected} argument${min === 1 && max === 1 ? '' : 's'}, got ${n}`,
    call.span,
  );
}

/** A numeric constant argument (a number, a negated number, or a numeric string). */
function constant(c: ExprChecker, expr: Expr, what: string): number {
  if (expr.kind === 'number') return expr.value;
  if (expr.kind === 'unary' && expr.op === '-' && expr.operand.kind === 'number') return -expr.operand.value;
  if (expr.kind === 'string') {
    try {
      return toNumber(expr.value);
    } catch {
      // fall through to the message below
    }
  }
  return c.fail('query.type', `${what} must be a number written in the query`, expr.span);
}

function geoColumn(c: ExprChecker, expr: Expr, fn: string, pointsOnly: boolean): string {
  const checked = c.check(expr);
  if (checked.k === 'column' && (checked.type === 'point' || (!pointsOnly && checked.type === 'geometry'))) {
    return checked.field;
  }
  if (checked.k === 'column' && checked.type === 'geometry') {
    c.fail('query.type', `${fn}() works on point columns; "${checked.field}" holds other shapes`, expr.span);
  }
  return c.fail('query.type', `the first argument of ${fn}() must be a geometry column`, expr.span);
}

function wkt(c: ExprChecker, expr: Expr, fn: string, allowed?: readonly string[]): ConstGeometry {
  if (expr.kind !== 'string') {
    return c.fail('query.type', `${fn}() takes its shape as WKT text in quotes`, expr.span);
  }
  try {
    return toGeometry(expr.value, allowed);
  } catch (error) {
    if (error instanceof LiteralError) return c.fail('query.type', error.message, expr.span);
    throw error;
  }
}

function latitude(c: ExprChecker, expr: Expr): number {
  const value = constant(c, expr, 'a latitude');
  if (value < -90 || value > 90) c.fail('query.invalid', `latitude ${value} is outside -90..90`, expr.span);
  return value;
}

function longitude(c: ExprChecker, expr: Expr): number {
  const value = constant(c, expr, 'a longitude');
  if (value < -180 || value > 180)
    c.fail('query.invalid', `longitude ${value} is outside -180..180`, expr.span);
  return value;
}

function aggregate(c: ExprChecker, call: Call): TExpr {
  const fn = call.name as AggregateFn;
  if (call.distinct && fn !== 'count') {
    c.fail('query.invalid', `DISTINCT is allowed only in count(DISTINCT ...)`, call.span);
  }
  arity(c, call, 1);
  const argument = call.args[0]!;
  if (fn === 'count' && argument.kind === 'star') {
    if (call.distinct) c.fail('query.invalid', 'count(DISTINCT *) is not allowed', call.span);
    c.aggregateArgument({ kind: 'null', span: call.span }, fn, call.span);
    return { k: 'aggregate', fn, arg: null, distinct: false, type: 'number' };
  }
  let arg = c.aggregateArgument(argument, fn, call.span);
  let type: ValueType;
  switch (fn) {
    case 'count':
      type = 'number';
      break;
    case 'sum':
    case 'avg':
      arg = c.expectChecked(arg, 'number', argument.span);
      type = 'number';
      break;
    case 'min':
    case 'max':
      if (!['text', 'number', 'date', 'timestamp'].includes(arg.type)) {
        c.fail(
          'query.type',
          `${fn}() needs text, numbers, dates or timestamps, not ${arg.type}`,
          argument.span,
        );
      }
      type = arg.type;
      break;
    case 'extent':
    case 'convex_hull':
      if (arg.k !== 'column' || (arg.type !== 'point' && arg.type !== 'geometry')) {
        c.fail('query.type', `${fn}() takes a geometry column`, argument.span);
      }
      type = 'geometry';
      break;
  }
  return { k: 'aggregate', fn, arg, distinct: call.distinct, type };
}

/** Types a function call, or fails with `query.unknown_function` naming the functions that exist. */
export function checkCall(c: ExprChecker, call: Call): TExpr {
  const name = call.name;
  if (AGGREGATES.has(name)) return aggregate(c, call);
  if (call.distinct) c.fail('query.invalid', `DISTINCT is allowed only in count(DISTINCT ...)`, call.span);
  const a = call.args;
  switch (name) {
    case 'upper':
    case 'lower':
      arity(c, call, 1);
      return { k: name, operand: c.text(a[0]!), type: 'text' };
    case 'starts_with':
      arity(c, call, 2);
      return { k: 'startsWith', operand: c.text(a[0]!), prefix: c.text(a[1]!), type: 'boolean' };
    case 'coalesce': {
      arity(c, call, 1, Infinity);
      let args = a.map((e) => c.check(e));
      const type =
        args.find((e) => e.type !== 'null' && e.k !== 'literal')?.type ??
        args.find((e) => e.type !== 'null')?.type ??
        'null';
      args = args.map((e, i) => c.expectChecked(e, type, a[i]!.span));
      return { k: 'coalesce', args, type };
    }
    case 'case': {
      if (a.length < 2 || a.length % 2 !== 0) {
        c.fail(
          'query.invalid',
          'case() takes pairs: case(condition, value, condition, value, ...)',
          call.span,
        );
      }
      const whens: { when: TExpr; then: TExpr }[] = [];
      for (let i = 0; i < a.length; i += 2) whens.push({ when: c.boolean(a[i]!), then: c.check(a[i + 1]!) });
      const type =
        whens.find((w) => w.then.type !== 'null' && w.then.k !== 'literal')?.then.type ??
        whens.find((w) => w.then.type !== 'null')?.then.type ??
        'null';
      const typed = whens.map((w, i) => ({
        when: w.when,
        then: c.expectChecked(w.then, type, a[i * 2 + 1]!.span),
      }));
      return { k: 'case', whens: typed, type };
    }
    case 'within_box': {
      arity(c, call, 5);
      const field = geoColumn(c, a[0]!, name, false);
      const north = latitude(c, a[1]!);
      const west = longitude(c, a[2]!);
      const south = latitude(c, a[3]!);
      const east = longitude(c, a[4]!);
      const box: [number, number, number, number] = [
        Math.min(west, east),
        Math.min(north, south),
        Math.max(west, east),
        Math.max(north, south),
      ];
      const point = c.check(a[0]!).type === 'point';
      return { k: 'withinBox', field, box, point, type: 'boolean' };
    }
    case 'within_circle': {
      arity(c, call, 4);
      const field = geoColumn(c, a[0]!, name, true);
      const lat = latitude(c, a[1]!);
      const lon = longitude(c, a[2]!);
      const radius = constant(c, a[3]!, 'the radius in metres');
      if (radius < 0) c.fail('query.invalid', 'the radius must not be negative', a[3]!.span);
      return { k: 'withinCircle', field, lat, lon, radius, type: 'boolean' };
    }
    case 'within_polygon': {
      arity(c, call, 2);
      const field = geoColumn(c, a[0]!, name, false);
      const area = wkt(c, a[1]!, name, ['Polygon', 'MultiPolygon']);
      return { k: 'withinPolygon', field, area, type: 'boolean' };
    }
    case 'intersects': {
      arity(c, call, 2);
      const field = geoColumn(c, a[0]!, name, false);
      return { k: 'intersects', field, shape: wkt(c, a[1]!, name), type: 'boolean' };
    }
    case 'distance_in_meters': {
      arity(c, call, 2);
      const field = geoColumn(c, a[0]!, name, true);
      const target = a[1]!;
      if (target.kind !== 'string')
        c.fail('query.type', "the second argument is a point: 'POINT (lon lat)'", target.span);
      let lon = 0;
      let lat = 0;
      try {
        [lon, lat] = toPoint(target.value);
      } catch (error) {
        if (error instanceof LiteralError) c.fail('query.type', error.message, target.span);
        throw error;
      }
      return { k: 'distance', field, lon, lat, type: 'number' };
    }
  }
  const unit = TRUNCATIONS[name];
  const part = PARTS[name];
  if (unit || part) {
    arity(c, call, 1);
    const operand = c.check(a[0]!);
    if (operand.type !== 'date' && operand.type !== 'timestamp') {
      c.fail('query.type', `${name}() takes a date or timestamp, not ${operand.type}`, a[0]!.span);
    }
    return unit
      ? { k: 'dateTrunc', unit, operand, type: 'date' }
      : { k: 'dateExtract', part: part!, operand, type: 'number' };
  }
  return c.fail(
    'query.unknown_function',
    `unknown function ${name}(); functions: ${FUNCTION_NAMES.join(', ')}`,
    call.span,
  );
}
