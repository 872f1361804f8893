import { AppError } from '../../errors.js';
import type { Clause, Span } from './ast.js';

/**
 * Stable codes of query errors:
 * - `query.syntax`: the text is not SoQL (unexpected character or token, unclosed string or parenthesis);
 * - `query.unknown_column`, `query.unknown_function`: a name that the dataset or the language does not have;
 * - `query.type`: an operator or function given a value of the wrong type (also a malformed WKT constant);
 * - `query.invalid`: well-formed but not allowed (an aggregate in `$where`, a bad `$limit`).
 */
export type QueryErrorCode =
  'query.syntax' | 'query.unknown_column' | 'query.unknown_function' | 'query.type' | 'query.invalid';

/**
 * A 400 error pointing at a place in a clause: the message starts with the clause and the 1-based column,
 * as in `$where, column 17: expected a value after "=", found end of input`, and the details carry both.
 */
export function soqlError(
  code: QueryErrorCode,
  message: string,
  at: { clause: Clause; text: string; span?: Span },
): AppError {
  const position = at.span ? at.span.start + 1 : undefined;
  const where = position !== undefined ? `${at.clause}, column ${position}` : at.clause;
  return new AppError(code, 400, `${where}: ${message}`, {
    clause: at.clause,
    ...(position !== undefined && { position }),
    ...(at.span && { near: at.text.slice(at.span.start, Math.min(at.span.end, at.span.start + 40)) }),
  });
}
