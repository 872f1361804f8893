/**
 * The checked form of a query: every expression typed against the dataset's schema, names resolved, literals
 * coerced to the type they are compared with. The SQL compiler and the reference evaluator both start here,
 * so nothing past this point can meet an unknown column or a type error.
 */
import type { Geometry } from '../../tables/import/geometry.js';

/** Types of SoQL values. `point` is a geometry column of a point dataset; `geometry` any other geometry. */
export type ValueType = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'point' | 'geometry' | 'null';

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type Arithmetic = '+' | '-' | '*' | '/' | '%';

export type DatePart = 'y' | 'm' | 'd' | 'hh' | 'mm' | 'ss' | 'dow' | 'woy';
export type Truncation = 'y' | 'ym' | 'ymd';

/** A constant geometry given as WKT in the query, with its bounding box for the spatial index. */
export interface ConstGeometry {
  geometry: Geometry;
  bbox: [number, number, number, number];
}

export type TExpr =
  | { k: 'column'; field: string; type: ValueType }
  /** The row id (`:id`). */
  | { k: 'rowid'; type: 'number' }
  /** A constant: numbers, text, booleans, null; dates as `YYYY-MM-DD`, timestamps as ISO UTC with `Z`. */
  | { k: 'literal'; value: string | number | boolean | null; type: ValueType }
  | { k: 'not'; operand: TExpr; type: 'boolean' }
  | { k: 'negate'; operand: TExpr; type: 'number' }
  | { k: 'logic'; op: 'and' | 'or'; left: TExpr; right: TExpr; type: 'boolean' }
  /** Both sides of the same comparable type (or one side null). */
  | { k: 'compare'; op: Comparison; left: TExpr; right: TExpr; type: 'boolean' }
  | { k: 'arith'; op: Arithmetic; left: TExpr; right: TExpr; type: 'number' }
  | { k: 'concat'; left: TExpr; right: TExpr; type: 'text' }
  | { k: 'isNull'; operand: TExpr; negated: boolean; type: 'boolean' }
  | { k: 'between'; operand: TExpr; low: TExpr; high: TExpr; negated: boolean; type: 'boolean' }
  | { k: 'in'; operand: TExpr; list: TExpr[]; negated: boolean; type: 'boolean' }
  /** `%` and `_` are the only wildcards; case-sensitive; no escape character. */
  | { k: 'like'; operand: TExpr; pattern: TExpr; negated: boolean; type: 'boolean' }
  | { k: 'upper' | 'lower'; operand: TExpr; type: 'text' }
  | { k: 'startsWith'; operand: TExpr; prefix: TExpr; type: 'boolean' }
  | { k: 'case'; whens: { when: TExpr; then: TExpr }[]; type: ValueType }
  | { k: 'coalesce'; args: TExpr[]; type: ValueType }
  /** Calendar truncation in the city's time zone; the result is a date. */
  | { k: 'dateTrunc'; unit: Truncation; operand: TExpr; type: 'date' }
  /** A calendar field in the city's time zone (`dow`: 0 = Sunday; `woy`: ISO 8601 week). */
  | { k: 'dateExtract'; part: DatePart; operand: TExpr; type: 'number' }
  /** Points only: the box from its corners, exact. */
  | { k: 'withinBox'; field: string; box: [number, number, number, number]; point: boolean; type: 'boolean' }
  /** Points only: great-circle distance from the centre at most `radius` metres. */
  | { k: 'withinCircle'; field: string; lon: number; lat: number; radius: number; type: 'boolean' }
  | { k: 'withinPolygon'; field: string; area: ConstGeometry; type: 'boolean' }
  | { k: 'intersects'; field: string; shape: ConstGeometry; type: 'boolean' }
  /** Points only: metres on the sphere to a constant point; null for a row without geometry. */
  | { k: 'distance'; field: string; lon: number; lat: number; type: 'number' }
  | { k: 'aggregate'; fn: AggregateFn; arg: TExpr | null; distinct: boolean; type: ValueType };

export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'extent' | 'convex_hull';

/** One column of the result. */
export interface OutputColumn {
  name: string;
  type: ValueType;
  expr: TExpr;
}

export interface OrderKey {
  expr: TExpr;
  descending: boolean;
  /** Resolved: true when nulls sort before other values. */
  nullsFirst: boolean;
}

/** A whole checked query. */
export interface QueryPlan {
  columns: OutputColumn[];
  distinct: boolean;
  where: TExpr | null;
  /** Full-text terms of `$q`, already split; empty when there is no search. */
  search: string[];
  group: TExpr[];
  having: TExpr | null;
  /** As asked, without the row-id tiebreaker the compiler adds. */
  order: OrderKey[];
  /** True when the result has one row per group (GROUP BY or aggregates). */
  grouped: boolean;
  limit: number | null;
  offset: number;
}

/** A dataset's columns as the query sees them. */
export interface QuerySchema {
  columns: { field: string; type: ValueType }[];
}
