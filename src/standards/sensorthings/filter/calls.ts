/** The functions of `$filter`: text, time, arithmetic and geometry (the geometry ones on Plaza's SQL functions). */
import { sql } from 'kysely';
import { toShape } from '../../../geo/shape.js';
import type { CallNode, GeometryValue } from './ast.js';
import type { Compiler } from './compile.js';
import type { Sql } from './dialect.js';
import { FUNCTIONS } from './functions.js';
import { asInstant, asNumber, asText, bad, describe, FALSE, literal, type Value } from './values.js';
import { errors } from '../../../errors.js';

/** OData's smallest and largest instants: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z. */
const MIN_DATETIME = -62135596800000;
const MAX_DATETIME = 253402300799999;

const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

type Geometry = Extract<Value, { t: 'geometry' }>;

function boxOf(g: GeometryValue): [number, number, number, number] | null {
  const shape = toShape(g);
  if (!shape || shape.xs.length === 0) return null;
  return [Math.min(...shape.xs), Math.min(...shape.ys), Math.max(...shape.xs), Math.max(...shape.ys)];
}

export function callValue(c: Compiler, e: CallNode): Value {
  const d = c.ctx.dialect;
  const info = FUNCTIONS[e.name];
  if (info?.unsupported) throw errors.staUnsupported(`${info.unsupported}.`);
  const args = e.args.map((a) => c.value(a));
  const text = (i: number) => asText(args[i]!, `${e.name}()`);
  const num = (i: number) => asNumber(args[i]!, `${e.name}()`);
  const instant = (i: number) => asInstant(d, args[i]!, `${e.name}()`);
  const geometry = (i: number): Geometry => {
    const v = args[i]!;
    if (v.t !== 'geometry') {
      throw bad(
        `${e.name}() takes geometries such as location or geography'POINT(-117.99 33.75)', not ${describe(v)}.`,
      );
    }
    return v;
  };
  const geomSql = (g: Geometry) => (g.literal ? g.sql : d.geometry(g.sql));
  const bool = (s: Sql, nullable = true): Value => ({ t: 'boolean', sql: s, nullable });
  const number = (s: Sql, nullable: boolean): Value => ({ t: 'number', sql: s, nullable });
  const string = (s: Sql, nullable: boolean): Value => ({ t: 'string', sql: s, nullable });

  /** Boxes that must overlap for the predicate to hold: lets a table's bounding-box columns skip most rows. */
  const overlap = (column: Geometry, area: Geometry): Sql | null => {
    if (!column.box || !area.literal) return null;
    const box = boxOf(area.literal);
    if (!box) return null;
    const [minx, miny, maxx, maxy] = column.box;
    return sql`(${maxx} >= ${d.number(box[0])} AND ${minx} <= ${d.number(box[2])} AND ${maxy} >= ${d.number(box[1])} AND ${miny} <= ${d.number(box[3])})`;
  };
  const withBox = (predicate: Sql, a: Geometry, b: Geometry): Sql => {
    const box = overlap(a, b) ?? overlap(b, a);
    return box ? sql`(${box} AND ${predicate})` : predicate;
  };
  const intersects = (a: Geometry, b: Geometry) =>
    withBox(sql`plaza_intersects(${geomSql(a)}, ${geomSql(b)})`, a, b);
  const within = (a: Geometry, b: Geometry) => withBox(sql`plaza_within(${geomSql(a)}, ${geomSql(b)})`, a, b);
  /** [x, y] of a point geometry (NULLs for other types). */
  const point = (g: Geometry): [Sql, Sql] => {
    if (g.literal) {
      if (g.literal.type !== 'Point') throw bad(`${e.name}() takes points; ${g.literal.type} is not one.`);
      const [x, y] = g.literal.coordinates as number[];
      return [d.number(x!), d.number(y!)];
    }
    if (g.box) {
      const [minx, miny, maxx, maxy] = g.box;
      const isPoint = sql`${minx} = ${maxx} AND ${miny} = ${maxy}`;
      return [sql`(CASE WHEN ${isPoint} THEN ${minx} END)`, sql`(CASE WHEN ${isPoint} THEN ${miny} END)`];
    }
    const s = d.geometry(g.sql);
    return [d.pointX(s), d.pointY(s)];
  };

  switch (e.name) {
    case 'substringof':
      return bool(d.contains(text(1).sql, text(0).sql));
    case 'contains':
      return bool(d.contains(text(0).sql, text(1).sql));
    case 'startswith': {
      const [s, p] = [text(0).sql, text(1).sql];
      return bool(sql`(substr(${s}, 1, length(${p})) = ${p})`);
    }
    case 'endswith': {
      const [s, p] = [text(0).sql, text(1).sql];
      return bool(
        sql`(CASE WHEN length(${p}) > length(${s}) THEN ${FALSE} ELSE substr(${s}, length(${s}) - length(${p}) + 1) = ${p} END)`,
      );
    }
    case 'length':
      return number(sql`length(${text(0).sql})`, text(0).nullable);
    case 'indexof':
      return number(d.indexOf(text(0).sql, text(1).sql), true);
    case 'substring':
      return string(d.substring(text(0).sql, num(1).sql, args.length > 2 ? num(2).sql : null), true);
    case 'tolower':
      return string(d.lower(text(0).sql), text(0).nullable);
    case 'toupper':
      return string(d.upper(text(0).sql), text(0).nullable);
    case 'trim':
      return string(sql`trim(${text(0).sql})`, text(0).nullable);
    case 'concat':
      return string(sql`(${text(0).sql} || ${text(1).sql})`, text(0).nullable || text(1).nullable);
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'minute':
    case 'second': {
      const part = DATE_PARTS.find((p) => p === e.name)!;
      return number(d.datePart(part, instant(0).sql), instant(0).nullable);
    }
    case 'fractionalseconds':
      return number(d.divide(d.remainder(instant(0).sql, d.number(1000)), d.number(1000)), true);
    case 'date':
      return { t: 'date', sql: d.dateText(instant(0).sql), nullable: instant(0).nullable };
    case 'time':
      return { t: 'time', sql: d.timeText(instant(0).sql), nullable: instant(0).nullable };
    case 'totaloffsetminutes':
      instant(0);
      return literal(d, 'number', 0);
    case 'now':
      return literal(d, 'datetime', c.ctx.now);
    case 'mindatetime':
      return literal(d, 'datetime', MIN_DATETIME);
    case 'maxdatetime':
      return literal(d, 'datetime', MAX_DATETIME);
    case 'round':
      return number(d.round(num(0).sql), num(0).nullable);
    case 'floor':
      return number(sql`floor(${num(0).sql})`, num(0).nullable);
    case 'ceiling':
      return number(sql`ceil(${num(0).sql})`, num(0).nullable);
    case 'geo.distance': {
      const [[x1, y1], [x2, y2]] = [point(geometry(0)), point(geometry(1))];
      return number(sql`plaza_distance(${x1}, ${y1}, ${x2}, ${y2})`, true);
    }
    case 'geo.intersects':
    case 'st_intersects':
      return bool(intersects(geometry(0), geometry(1)));
    case 'st_disjoint':
      return bool(sql`(NOT plaza_intersects(${geomSql(geometry(0))}, ${geomSql(geometry(1))}))`);
    case 'st_within':
      return bool(within(geometry(0), geometry(1)));
    case 'st_contains':
      return bool(within(geometry(1), geometry(0)));
    case 'st_equals': {
      const [a, b] = [geometry(0), geometry(1)];
      if (a.literal?.type === 'Point' || b.literal?.type === 'Point') {
        const [[x1, y1], [x2, y2]] = [point(a), point(b)];
        return bool(sql`(${x1} = ${x2} AND ${y1} = ${y2})`);
      }
      return bool(
        sql`(plaza_within(${geomSql(a)}, ${geomSql(b)}) AND plaza_within(${geomSql(b)}, ${geomSql(a)}))`,
      );
    }
    default:
      throw bad(`Unknown function "${e.name}".`);
  }
}
