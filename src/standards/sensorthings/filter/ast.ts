/** The syntax tree of a SensorThings `$filter` (and of `$orderby` keys): OData's expression language, as STA 1.1 uses it. */

export type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Arithmetic = 'add' | 'sub' | 'mul' | 'div' | 'mod';
export type Logical = 'and' | 'or';

/** A GeoJSON geometry written as WKT in a `geography'...'` or `geometry'...'` literal. */
export interface GeometryValue {
  type: string;
  [key: string]: unknown;
}

export type Literal =
  | { kind: 'literal'; type: 'number'; value: number; pos: number }
  | { kind: 'literal'; type: 'string'; value: string; pos: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean; pos: number }
  | { kind: 'literal'; type: 'null'; value: null; pos: number }
  /** An instant, as epoch milliseconds. */
  | { kind: 'literal'; type: 'datetime'; value: number; pos: number }
  /** A calendar date, `YYYY-MM-DD`. */
  | { kind: 'literal'; type: 'date'; value: string; pos: number }
  /** A time of day, `HH:MM:SS.sss`. */
  | { kind: 'literal'; type: 'time'; value: string; pos: number }
  | { kind: 'literal'; type: 'geometry'; value: GeometryValue; pos: number };

export interface PathNode {
  kind: 'path';
  /** `Datastream/Thing/name` → ['Datastream', 'Thing', 'name']. */
  segments: string[];
  pos: number;
}

export interface CallNode {
  kind: 'call';
  /** Lower case, as written: `substringof`, `geo.intersects`, `st_within`. */
  name: string;
  args: Expr[];
  pos: number;
}

export interface NotNode {
  kind: 'not';
  arg: Expr;
  pos: number;
}

export interface NegateNode {
  kind: 'negate';
  arg: Expr;
  pos: number;
}

export interface BinaryNode {
  kind: 'binary';
  op: Comparison | Arithmetic | Logical;
  left: Expr;
  right: Expr;
  pos: number;
}

export type Expr = Literal | PathNode | CallNode | NotNode | NegateNode | BinaryNode;

export const COMPARISONS: readonly Comparison[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
export const ARITHMETIC: readonly Arithmetic[] = ['add', 'sub', 'mul', 'div', 'mod'];
