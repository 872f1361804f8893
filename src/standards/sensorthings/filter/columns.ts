/** The value of a property path's column: plain columns, geometries, intervals, JSON members, results, objects. */
import { sql } from 'kysely';
import { QC_TESTS } from '../../../sensors/qc/qc.types.js';
import type { Column } from '../sql/entities.js';
import type { StaSqlDialect } from './dialect.js';
import { bad, type Value } from './values.js';

/** `rest` is the part of the path after the column (`properties/owner` → ['owner']); `whole` the path, for messages. */
export function columnValue(
  d: StaSqlDialect,
  column: Column,
  alias: string,
  rest: string[],
  whole: string,
): Value {
  if (
    rest.length > 0 &&
    column.kind !== 'json' &&
    column.kind !== 'object' &&
    column.kind !== 'result' &&
    column.kind !== 'quality'
  ) {
    throw bad(`"${whole}": ${whole.slice(0, whole.length - rest.join('/').length - 1)} has no members.`);
  }
  switch (column.kind) {
    case 'scalar':
      return { t: column.type, sql: column.sql(alias), nullable: column.nullable };
    case 'geometry':
      return { t: 'geometry', sql: column.sql(alias), nullable: column.nullable, box: column.box?.(alias) };
    case 'interval':
      return {
        t: 'interval',
        start: column.start(alias),
        end: column.end(alias),
        nullable: column.nullable,
      };
    case 'json': {
      const doc = column.sql(alias);
      return {
        t: 'dynamic',
        number: d.jsonNumber(doc, rest),
        text: d.jsonText(doc, rest),
        boolean: d.jsonBoolean(doc, rest),
        isNull: d.jsonIsNull(doc, rest),
        sortKey: d.jsonSortKey(doc, rest),
      };
    }
    case 'result': {
      const doc = column.json(alias);
      if (rest.length > 0) return columnValue(d, { kind: 'json', sql: column.json }, alias, rest, whole);
      const number = column.number(alias);
      return {
        t: 'dynamic',
        number,
        text: d.jsonText(doc, []),
        boolean: d.jsonBoolean(doc, []),
        isNull: sql`(${number} IS NULL AND ${d.jsonIsNull(doc, [])})`,
        sortKey: d.jsonSortKey(doc, []),
      };
    }
    case 'quality': {
      if (rest[0] === 'qartod') {
        // The outcome is stored in columns: its flag, and each test's flag (NULL for a test not run).
        if (rest.length === 2 && rest[1] === 'flag') {
          return { t: 'number', sql: column.flag(alias), nullable: true };
        }
        const test = rest.length === 3 && rest[1] === 'tests' ? column.test(alias, rest[2]!) : undefined;
        if (test) return { t: 'number', sql: test, nullable: true };
        throw bad(
          `"${whole}": of the quality control outcome, give ${whole.split('/')[0]}/qartod/flag or ${whole.split('/')[0]}/qartod/tests/<test> (${QC_TESTS.join(', ')}).`,
        );
      }
      const client = columnValue(d, { kind: 'json', sql: column.client }, alias, rest, whole);
      // The whole resultQuality is null only when the client sent none and quality control did not run.
      if (rest.length === 0 && client.t === 'dynamic') {
        return { ...client, isNull: sql`(${client.isNull} AND ${column.flag(alias)} IS NULL)` };
      }
      return client;
    }
    case 'object': {
      const member = rest[0] === undefined ? undefined : column.members[rest[0]];
      if (!member) {
        throw bad(
          `"${whole}": give one of ${Object.keys(column.members)
            .map((m) => `${whole.split('/')[0]}/${m}`)
            .join(', ')}.`,
        );
      }
      return columnValue(d, member, alias, rest.slice(1), whole);
    }
  }
}
