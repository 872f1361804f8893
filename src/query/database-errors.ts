/**
 * Database refusals that a query itself caused (a number past the range of doubles, a date before year 1, more
 * terms than the database allows), turned into a 400 that says what to change instead of a 500.
 */
import { AppError } from '../errors.js';

/** PostgreSQL error codes (SQLSTATE) a query's own values or size can cause. */
const POSTGRES: Record<string, string> = {
  '22003': 'a number in the query is out of range (beyond about 1.8e308)',
  '22008': 'a date or time in the query is out of range (years 1 to 9999)',
  '22007': 'a date or time in the query is out of range (years 1 to 9999)',
  '22021': 'the query holds characters the database cannot store (such as NUL)',
  '22P05': 'the query holds characters the database cannot store (such as NUL)',
  '54000': 'the query is larger than the database allows: use fewer terms',
  '54001': 'the query is larger than the database allows: use fewer terms',
  '54011': 'the query asks for more columns than the database allows',
  '54023': 'a function in the query has too many arguments',
};

/** SQLite states the same limits in its messages. */
const SQLITE = /too many (SQL variables|columns|terms)|Expression tree is too large|string or blob too big/i;

/** The 400 for a database error a query caused, or null for any other error. */
export function queryRefusal(error: unknown): AppError | null {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  const reason =
    (typeof code === 'string' ? POSTGRES[code] : undefined) ??
    (SQLITE.test(message)
      ? 'the query is larger than the database allows: use fewer terms or columns'
      : undefined);
  return reason ? new AppError('query.invalid', 400, `The database refused the query: ${reason}.`) : null;
}
