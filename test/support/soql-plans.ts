/**
 * Fixtures of the query checker and compiler unit tests: a dataset of every type, a dataset of shapes, planning
 * a query over one of them, and expectations on positioned query errors.
 */
import { expect } from 'vitest';
import { AppError } from '../../src/errors.js';
import { planQuery } from '../../src/query/plan/plan.js';
import type { QueryPlan, QuerySchema, TExpr, ValueType } from '../../src/query/plan/typed.js';
import { buildQuery, type QueryParams } from '../../src/query/soql/parser.js';

export const TZ = 'America/Los_Angeles';

/** A point dataset with a column of every type. */
export const SCHEMA: QuerySchema = {
  columns: [
    { field: 'name', type: 'text' },
    { field: 'zip', type: 'text' },
    { field: 'valuation', type: 'number' },
    { field: 'active', type: 'boolean' },
    { field: 'issued', type: 'date' },
    { field: 'created_at', type: 'timestamp' },
    { field: 'location', type: 'point' },
  ],
};

/** A dataset of shapes: its geometry column is not a point column. */
export const SHAPES: QuerySchema = {
  columns: [
    { field: 'district', type: 'text' },
    { field: 'boundary', type: 'geometry' },
  ],
};

export function plan(params: QueryParams, filters?: Record<string, string>, schema = SCHEMA): QueryPlan {
  return planQuery(buildQuery(params), schema, { timeZone: TZ, ...(filters && { filters }) });
}

/** The AppError that `run` throws; fails the test on success or on any other error. */
export function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a query error');
}

export interface ExpectedError {
  code: string;
  clause: string;
  /** 1-based column of the offending part; null when the error names no place; unchecked when absent. */
  position?: number | null;
  near?: string;
  message?: string | RegExp;
}

export function expectError(run: () => unknown, expected: ExpectedError): AppError {
  const error = failure(run);
  expect(error.code).toBe(expected.code);
  expect(error.status).toBe(400);
  expect(error.details?.clause).toBe(expected.clause);
  if (expected.position === null) {
    expect(error.details?.position).toBeUndefined();
    expect(error.message.startsWith(`${expected.clause}: `)).toBe(true);
  } else if (expected.position !== undefined) {
    expect(error.details?.position).toBe(expected.position);
    expect(error.message.startsWith(`${expected.clause}, column ${expected.position}: `)).toBe(true);
  }
  if (expected.near !== undefined) expect(error.details?.near).toBe(expected.near);
  if (expected.message !== undefined) expect(error.message).toMatch(expected.message);
  return error;
}

export const inWhere = (text: string, rest: Omit<ExpectedError, 'clause'>) =>
  expectError(() => plan({ where: text }), { clause: '$where', ...rest });
export const inSelect = (text: string, rest: Omit<ExpectedError, 'clause'>) =>
  expectError(() => plan({ select: text }), { clause: '$select', ...rest });

/** The checked form of one expression written in `$select` (aggregates allowed). */
export function selected(text: string): TExpr {
  return plan({ select: `${text} AS x` }).columns[0]!.expr;
}

/** The checked `$where`. */
export function checkedWhere(text: string): TExpr {
  const checked = plan({ where: text }).where;
  if (!checked) throw new Error('no $where in the plan');
  return checked;
}

export const column = (field: string, type: ValueType): TExpr => ({ k: 'column', field, type });
export const literal = (value: string | number | boolean | null, type: ValueType): TExpr => ({
  k: 'literal',
  value,
  type,
});
export const compare = (op: string, left: TExpr, right: TExpr) => ({
  k: 'compare',
  op,
  left,
  right,
  type: 'boolean',
});

/** Columns of SCHEMA as checked expressions. */
export const NAME = column('name', 'text');
export const ZIP = column('zip', 'text');
export const VALUATION = column('valuation', 'number');
export const ACTIVE = column('active', 'boolean');
export const ISSUED = column('issued', 'date');
export const CREATED = column('created_at', 'timestamp');
