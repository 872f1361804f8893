/**
 * A reference evaluator for SoQL: runs a checked `QueryPlan` over rows held in memory, in plain TypeScript, with
 * no SQL anywhere, and answers with output rows as the query endpoint decodes them (`QueryResult.rows`: one array
 * per row, values in output-column order). The differential tests hold both databases to its answers.
 *
 * The semantics it spells out (and that the SQL compiler must give on SQLite and on PostgreSQL alike):
 * - SQL's three-valued logic: NULL in comparisons, AND/OR/NOT, IN with NULLs, BETWEEN, LIKE;
 * - text compares in UTF-8 byte order (code points, not UTF-16 units), timestamps as instants, dates as dates;
 * - LIKE is case-sensitive with `%` and `_` (one code point) and no escape character;
 * - arithmetic on doubles, `/` and `%` NULL when dividing by zero, `a % b` = `a - b * trunc(a / b)`;
 * - dates and timestamps truncated and taken apart in the city's time zone;
 * - geo predicates are never NULL: a row without geometry is outside every area (also under NOT);
 * - grouping, HAVING, DISTINCT, then the order asked, then the compiler's tiebreakers (the row id when rows are
 *   not grouped, the group expressions ascending with nulls last when they are, every column for DISTINCT),
 *   then `$offset` and `$limit`;
 * - `$q`: every term is, case-insensitively, a whole word of some text column of the row.
 */
import {
  convexHull,
  distanceMeters,
  extentPolygon,
  intersects,
  toShape,
  within,
  type Area,
  type Geometry,
} from '../../src/geo/index.js';
import type { JsonValue } from '../../src/query/decode.js';
import type {
  DatePart,
  OrderKey,
  QueryPlan,
  TExpr,
  Truncation,
  ValueType,
} from '../../src/query/plan/typed.js';

/** One row of a dataset: its values as the API returns them, keyed by field name, and its 1-based row id. */
export interface ReferenceRow {
  id: number;
  values: Readonly<Record<string, JsonValue>>;
}

export interface ReferenceOptions {
  /** The city's IANA time zone. */
  timeZone: string;
  /** The dataset's text columns, the ones `$q` searches. */
  textColumns: readonly string[];
}

/** The whole answer, with what an exact comparison needs to know about ties. */
export interface ReferenceResult {
  /** The rows `$offset` and `$limit` select: what the endpoint answers. */
  rows: JsonValue[][];
  /** Every row of the result before `$offset` and `$limit`, in order. */
  all: JsonValue[][];
  /**
   * For each row of `all`, the index in `all` of the first row it ties with on every ordering key the SQL has
   * (itself when it ties with none): rows of one block may come in any order, as the database pleases.
   */
  ties: number[];
}

/** The rows a plan answers over `rows` (the page `$offset` and `$limit` select). */
export function evaluatePlan(
  plan: QueryPlan,
  rows: readonly ReferenceRow[],
  options: ReferenceOptions,
): JsonValue[][] {
  return evaluatePlanDetailed(plan, rows, options).rows;
}

type Value = JsonValue;

/** What an expression is evaluated against: one row, or the rows of a group (and one of them for its keys). */
interface Scope {
  row: ReferenceRow | null;
  group: readonly ReferenceRow[] | null;
}

/** A row of the result before ordering: its output values and the values it is ordered by. */
interface Candidate {
  out: Value[];
  keys: Value[];
}

interface SortKey {
  type: ValueType;
  descending: boolean;
  nullsFirst: boolean;
}

export function evaluatePlanDetailed(
  plan: QueryPlan,
  rows: readonly ReferenceRow[],
  options: ReferenceOptions,
): ReferenceResult {
  const ev = new Evaluator(options.timeZone);
  const terms = plan.search.map(fold);
  const kept = rows.filter(
    (row) =>
      (plan.where === null || ev.eval(plan.where, { row, group: null }) === true) &&
      (terms.length === 0 || matchesSearch(row, terms, options.textColumns)),
  );

  const scopes: Scope[] = [];
  if (plan.grouped) {
    if (plan.group.length === 0) {
      // Aggregates without GROUP BY: one group, even of no rows.
      scopes.push({ row: kept[0] ?? null, group: kept });
    } else {
      const groups = new Map<string, ReferenceRow[]>();
      for (const row of kept) {
        const key = JSON.stringify(plan.group.map((g) => valueKey(ev.eval(g, { row, group: null }), g.type)));
        const members = groups.get(key);
        if (members) members.push(row);
        else groups.set(key, [row]);
      }
      for (const members of groups.values()) scopes.push({ row: members[0]!, group: members });
    }
  } else {
    for (const row of kept) scopes.push({ row, group: null });
  }
  const selected = plan.having === null ? scopes : scopes.filter((s) => ev.eval(plan.having!, s) === true);

  let candidates: Candidate[];
  let sortKeys: SortKey[];
  if (plan.distinct) {
    const seen = new Set<string>();
    candidates = [];
    for (const scope of selected) {
      const out = plan.columns.map((c) => ev.eval(c.expr, scope));
      const key = JSON.stringify(out.map((v, i) => valueKey(v, plan.columns[i]!.type)));
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ out, keys: [] });
    }
    // The keys asked (each names a selected column), then every column that is one SQL value (not an extent).
    const order: { index: number; key: SortKey }[] = plan.order.map((k) => {
      const index = plan.columns.findIndex((c) => same(c.expr, k.expr));
      if (index < 0) throw new Error('a DISTINCT query orders by a column it does not select');
      return {
        index,
        key: { type: plan.columns[index]!.type, descending: k.descending, nullsFirst: k.nullsFirst },
      };
    });
    plan.columns.forEach((c, index) => {
      if (!isExtent(c.expr))
        order.push({ index, key: { type: c.type, descending: false, nullsFirst: false } });
    });
    for (const candidate of candidates) candidate.keys = order.map((o) => candidate.out[o.index] ?? null);
    sortKeys = order.map((o) => o.key);
  } else {
    const tiebreakers: OrderKey[] = plan.grouped
      ? plan.group.map((expr) => ({ expr, descending: false, nullsFirst: false }))
      : [{ expr: { k: 'rowid', type: 'number' }, descending: false, nullsFirst: false }];
    const order = [...plan.order, ...tiebreakers];
    candidates = selected.map((scope) => ({
      out: plan.columns.map((c) => ev.eval(c.expr, scope)),
      keys: order.map((k) => ev.eval(k.expr, scope)),
    }));
    sortKeys = order.map((k) => ({ type: k.expr.type, descending: k.descending, nullsFirst: k.nullsFirst }));
  }

  const compare = (a: Candidate, b: Candidate) => compareKeys(a.keys, b.keys, sortKeys);
  // Array#sort is stable: rows that tie keep their input order, but `ties` marks them as free to move.
  const sorted = candidates.slice().sort(compare);
  const ties: number[] = [];
  sorted.forEach((c, i) => {
    ties.push(i > 0 && compare(sorted[i - 1]!, c) === 0 ? ties[i - 1]! : i);
  });
  const all = sorted.map((c) => c.out);
  const end = plan.limit === null ? all.length : plan.offset + plan.limit;
  return { rows: all.slice(plan.offset, end), all, ties };
}

const same = (a: TExpr, b: TExpr) => JSON.stringify(a) === JSON.stringify(b);

const isExtent = (e: TExpr) => e.k === 'aggregate' && e.fn === 'extent';

// ---- values ----------------------------------------------------------------------------------------------------

/** Compares two non-null values of a type: text by UTF-8 bytes, timestamps as instants, geometry by its JSON. */
export function compareValues(a: Value, b: Value, type: ValueType): number {
  switch (type) {
    case 'number':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'boolean':
      return Number(a) - Number(b);
    case 'timestamp': {
      const [sa, ua] = instant(a as string);
      const [sb, ub] = instant(b as string);
      return sa !== sb ? Math.sign(sa - sb) : Math.sign(ua - ub);
    }
    case 'point':
    case 'geometry':
      return compareBytes(JSON.stringify(a), JSON.stringify(b));
    default:
      // text, dates (YYYY-MM-DD sorts as the calendar does), and the untyped NULL
      return compareBytes(String(a), String(b));
  }
}

/** Byte order of the UTF-8 encodings, which is code point order. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** A stored timestamp (`YYYY-MM-DDTHH:MM:SS[.fff[fff]]Z`) as whole seconds since the epoch and microseconds. */
function instant(iso: string): [number, number] {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(iso);
  if (!m) throw new Error(`not a stored timestamp: ${iso}`);
  return [Date.parse(`${m[1]}Z`) / 1000, Number((m[2] ?? '').padEnd(6, '0'))];
}

/** A key equal for values SQL holds equal (GROUP BY, DISTINCT, count(DISTINCT)): NULLs are one group. */
function valueKey(v: Value, type: ValueType): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return `n${Object.is(v, -0) ? 0 : v}`;
  if (type === 'timestamp' && typeof v === 'string') return `t${instant(v).join('.')}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  return `g${JSON.stringify(v)}`;
}

function compareKeys(a: readonly Value[], b: readonly Value[], keys: readonly SortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === null && y === null) continue;
    if (x === null) return key.nullsFirst ? -1 : 1;
    if (y === null) return key.nullsFirst ? 1 : -1;
    const c = compareValues(x, y, key.type);
    if (c !== 0) return key.descending ? -c : c;
  }
  return 0;
}

// ---- full text ---------------------------------------------------------------------------------------------------

/** Words: runs of letters, decimal digits, letter numbers and spacing marks (see src/db/search-index.ts). */
const WORD = /[\p{L}\p{Nd}\p{Nl}\p{Mc}]+/gu;

const fold = (word: string) => word.toLowerCase();

function matchesSearch(row: ReferenceRow, terms: readonly string[], textColumns: readonly string[]): boolean {
  const words = new Set<string>();
  for (const field of textColumns) {
    const value = row.values[field];
    if (typeof value === 'string') for (const w of value.match(WORD) ?? []) words.add(fold(w));
  }
  return terms.every((t) => words.has(t));
}

// ---- expressions -------------------------------------------------------------------------------------------------

type Truth = boolean | null;

const not = (v: Truth): Truth => (v === null ? null : !v);

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** The type two compared operands share (one of them may be an untyped NULL). */
const sharedType = (a: TExpr, b: TExpr): ValueType => (a.type === 'null' ? b.type : a.type);

/** A LIKE pattern as a regular expression over code points: `%` any run, `_` one character, nothing escapes. */
function likePattern(pattern: string): RegExp {
  let source = '';
  for (const c of pattern) {
    source += c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'su');
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 week number of a calendar date. */
function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const dow = date.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

function bboxOf(geometry: Geometry): [number, number, number, number] | null {
  const shape = toShape(geometry);
  if (shape === null || shape.xs.length === 0) return null;
  return [Math.min(...shape.xs), Math.min(...shape.ys), Math.max(...shape.xs), Math.max(...shape.ys)];
}

class Evaluator {
  private readonly wallFormat: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.wallFormat = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The calendar fields of a date (midnight) or of a stored instant on the city's clocks. */
  private wall(value: string, type: ValueType): Wall {
    if (type === 'date') {
      const [year, month, day] = value.split('-').map(Number) as [number, number, number];
      return { year, month, day, hour: 0, minute: 0, second: 0 };
    }
    const [seconds] = instant(value);
    const parts: Record<string, number> = {};
    for (const part of this.wallFormat.formatToParts(seconds * 1000)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return {
      year: parts.year!,
      month: parts.month!,
      day: parts.day!,
      hour: parts.hour!,
      minute: parts.minute!,
      second: parts.second!,
    };
  }

  private truncate(unit: Truncation, value: string, type: ValueType): string {
    const w = this.wall(value, type);
    const month = unit === 'y' ? 1 : w.month;
    const day = unit === 'ymd' ? w.day : 1;
    return `${pad(w.year, 4)}-${pad(month)}-${pad(day)}`;
  }

  private extract(part: DatePart, value: string, type: ValueType): number {
    const w = this.wall(value, type);
    switch (part) {
      case 'y':
        return w.year;
      case 'm':
        return w.month;
      case 'd':
        return w.day;
      case 'hh':
        return w.hour;
      case 'mm':
        return w.minute;
      case 'ss':
        return w.second;
      case 'dow':
        return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
      case 'woy':
        return isoWeek(w.year, w.month, w.day);
    }
  }

  private geometry(scope: Scope, field: string): Geometry | null {
    const value = this.row(scope).values[field];
    return value === null || value === undefined ? null : (value as unknown as Geometry);
  }

  private point(scope: Scope, field: string): [number, number] | null {
    const g = this.geometry(scope, field);
    if (g === null) return null;
    if (g.type !== 'Point') throw new Error(`"${field}" holds a ${g.type}, not a point`);
    return [g.coordinates[0]!, g.coordinates[1]!];
  }

  private row(scope: Scope): ReferenceRow {
    if (scope.row === null) throw new Error('a column read outside any row (an empty group)');
    return scope.row;
  }

  private truth(e: TExpr, scope: Scope): Truth {
    return this.eval(e, scope) as Truth;
  }

  private compare(left: TExpr, right: TExpr, scope: Scope): number | null {
    const a = this.eval(left, scope);
    const b = this.eval(right, scope);
    return a === null || b === null ? null : compareValues(a, b, sharedType(left, right));
  }

  eval(e: TExpr, scope: Scope): Value {
    switch (e.k) {
      case 'column': {
        const value = this.row(scope).values[e.field];
        return value === undefined ? null : value;
      }
      case 'rowid':
        return this.row(scope).id;
      case 'literal':
        return e.value;
      case 'not':
        return not(this.truth(e.operand, scope));
      case 'negate': {
        const v = this.eval(e.operand, scope) as number | null;
        return v === null ? null : -v;
      }
      case 'logic': {
        const a = this.truth(e.left, scope);
        const b = this.truth(e.right, scope);
        return e.op === 'and' ? and(a, b) : or(a, b);
      }
      case 'compare': {
        const c = this.compare(e.left, e.right, scope);
        if (c === null) return null;
        switch (e.op) {
          case '=':
            return c === 0;
          case '!=':
            return c !== 0;
          case '<':
            return c < 0;
          case '<=':
            return c <= 0;
          case '>':
            return c > 0;
          case '>=':
            return c >= 0;
        }
        break;
      }
      case 'arith': {
        const a = this.eval(e.left, scope) as number | null;
        const b = this.eval(e.right, scope) as number | null;
        if (a === null || b === null) return null;
        switch (e.op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return b === 0 ? null : a / b;
          case '%':
            return b === 0 ? null : a - b * Math.trunc(a / b);
        }
        break;
      }
      case 'concat': {
        const a = this.eval(e.left, scope) as string | null;
        const b = this.eval(e.right, scope) as string | null;
        return a === null || b === null ? null : a + b;
      }
      case 'isNull': {
        const isNull = this.eval(e.operand, scope) === null;
        return e.negated ? !isNull : isNull;
      }
      case 'between': {
        const low = this.compare(e.low, e.operand, scope);
        const high = this.compare(e.operand, e.high, scope);
        const inside = and(low === null ? null : low <= 0, high === null ? null : high <= 0);
        return e.negated ? not(inside) : inside;
      }
      case 'in': {
        let found: Truth = false;
        for (const item of e.list) {
          const c = this.compare(e.operand, item, scope);
          if (c === 0) {
            found = true;
            break;
          }
          if (c === null) found = null;
        }
        return e.negated ? not(found) : found;
      }
      case 'like': {
        const text = this.eval(e.operand, scope) as string | null;
        const pattern = this.eval(e.pattern, scope) as string | null;
        if (text === null || pattern === null) return null;
        const matches = likePattern(pattern).test(text);
        return e.negated ? !matches : matches;
      }
      case 'upper':
      case 'lower': {
        const text = this.eval(e.operand, scope) as string | null;
        if (text === null) return null;
        return e.k === 'upper' ? text.toUpperCase() : text.toLowerCase();
      }
      case 'startsWith': {
        const text = this.eval(e.operand, scope) as string | null;
        const prefix = this.eval(e.prefix, scope) as string | null;
        return text === null || prefix === null ? null : text.startsWith(prefix);
      }
      case 'case':
        for (const w of e.whens) if (this.truth(w.when, scope) === true) return this.eval(w.then, scope);
        return null;
      case 'coalesce':
        for (const arg of e.args) {
          const v = this.eval(arg, scope);
          if (v !== null) return v;
        }
        return null;
      case 'dateTrunc': {
        const v = this.eval(e.operand, scope) as string | null;
        return v === null ? null : this.truncate(e.unit, v, e.operand.type);
      }
      case 'dateExtract': {
        const v = this.eval(e.operand, scope) as string | null;
        return v === null ? null : this.extract(e.part, v, e.operand.type);
      }
      case 'withinBox': {
        const [west, south, east, north] = e.box;
        if (e.point) {
          const p = this.point(scope, e.field);
          return p !== null && west <= p[0] && p[0] <= east && south <= p[1] && p[1] <= north;
        }
        const g = this.geometry(scope, e.field);
        const box: Geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [east, south],
              [east, north],
              [west, north],
              [west, south],
            ],
          ],
        };
        return g !== null && intersects(g, box);
      }
      case 'withinCircle': {
        const p = this.point(scope, e.field);
        return p !== null && distanceMeters(p[0], p[1], e.lon, e.lat) <= e.radius;
      }
      case 'withinPolygon': {
        const g = this.geometry(scope, e.field);
        return g !== null && within(g, e.area.geometry as Area);
      }
      case 'intersects': {
        const g = this.geometry(scope, e.field);
        return g !== null && intersects(g, e.shape.geometry as Geometry);
      }
      case 'distance': {
        const p = this.point(scope, e.field);
        return p === null ? null : distanceMeters(p[0], p[1], e.lon, e.lat);
      }
      case 'aggregate':
        return this.aggregate(e, scope);
    }
    throw new Error(`cannot evaluate ${JSON.stringify(e)}`);
  }

  private aggregate(e: Extract<TExpr, { k: 'aggregate' }>, scope: Scope): Value {
    const rows = scope.group;
    if (rows === null) throw new Error('an aggregate outside a grouped query');
    if (e.arg === null) return rows.length;
    const arg = e.arg;
    const values = rows.map((row) => this.eval(arg, { row, group: null })).filter((v) => v !== null);
    switch (e.fn) {
      case 'count':
        return e.distinct ? new Set(values.map((v) => valueKey(v, arg.type))).size : values.length;
      case 'sum':
      case 'avg': {
        if (values.length === 0) return null;
        const sum = (values as number[]).reduce((a, b) => a + b, 0);
        return e.fn === 'sum' ? sum : sum / values.length;
      }
      case 'min':
      case 'max': {
        let best: Value = null;
        for (const v of values) {
          if (best === null) best = v;
          else {
            const c = compareValues(v, best, arg.type);
            if (e.fn === 'min' ? c < 0 : c > 0) best = v;
          }
        }
        return best;
      }
      case 'extent': {
        let box: [number, number, number, number] | null = null;
        for (const v of values) {
          const b = bboxOf(v as unknown as Geometry);
          if (b === null) continue;
          box = box
            ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])]
            : b;
        }
        return box === null ? null : (extentPolygon(...box) as unknown as Value);
      }
      case 'convex_hull': {
        const points: [number, number][] = [];
        for (const v of values) {
          const shape = toShape(v);
          if (shape === null) continue;
          shape.xs.forEach((x, i) => points.push([x, shape.ys[i]!]));
        }
        return convexHull(points) as unknown as Value;
      }
    }
  }
}
