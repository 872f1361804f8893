/**
 * An aggregate that collects a column into one JSON array text built by the database. Thousands of small values
 * cost far less this way than one by one through the driver, which makes a JavaScript value of each. Numbers keep
 * their exact value (both databases print the shortest text that reads back as the same double).
 */
import { sql, type RawBuilder } from 'kysely';
import type { DialectAdapter } from './dialect.js';

/**
 * `value` of every row, in `orderBy` order, as JSON array text (`[]` for no rows). PostgreSQL is given the
 * order; SQLite folds the rows in the order its plan visits them, since an ORDER BY inside the aggregate makes
 * it sort rows that an index range scan already yields in order: callers that read one range of an index
 * get that order, and should check it when it matters.
 */
export function jsonArrayAgg(
  adapter: Pick<DialectAdapter, 'name'>,
  value: RawBuilder<unknown>,
  orderBy: RawBuilder<unknown>,
): RawBuilder<string> {
  return adapter.name === 'postgres'
    ? sql<string>`coalesce(json_agg(${value} ORDER BY ${orderBy}), '[]')::text`
    : sql<string>`json_group_array(${value})`;
}
