/** Helpers of the SoQL parser's tests: syntax trees without their spans, and the nodes they are compared with. */
import { expect } from 'vitest';
import type { AppError } from '../../src/errors.js';
import type { BinaryOperator } from '../../src/query/soql/ast.js';
import { failure } from './soql-plans.js';

/** A copy of a parse result without its spans, to compare shapes. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'span')
      .map(([key, inner]) => [key, shape(inner)]),
  );
}

export const col = (name: string) => ({ kind: 'column', name });
export const num = (value: number, text = String(value)) => ({ kind: 'number', value, text });
export const str = (value: string) => ({ kind: 'string', value });
export const bin = (op: BinaryOperator, left: unknown, right: unknown) => ({
  kind: 'binary',
  op,
  left,
  right,
});
export const not = (operand: unknown) => ({ kind: 'unary', op: 'not', operand });
export const call = (name: string, args: unknown[], distinct = false) => ({
  kind: 'call',
  name,
  args,
  distinct,
});

/** The 400 query error that `run` throws, with its code, part of its message and (if given) its position. */
export function expectParseError(
  run: () => unknown,
  code: string,
  message: string,
  position?: number,
): AppError {
  const error = failure(run);
  expect(error.code).toBe(code);
  expect(error.status).toBe(400);
  expect(error.message).toContain(message);
  if (position !== undefined) expect(error.details?.position).toBe(position);
  return error;
}
