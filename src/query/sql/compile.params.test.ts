/**
 * Every value of a request reaches the SQL through parameters: for representative queries on both dialects,
 * each statement (page, count, CSV batch) is one SELECT over the dataset table, no constant of the query is in
 * its text, the constants are in its parameters, and its placeholders match the values exactly.
 */
import { SCHEMA, TZ } from '../../../test/support/soql-plans.js';
import { describe, expect, it } from 'vitest';
import type { RawQuery } from '../../db/dialect.js';
import { planQuery } from '../plan/plan.js';

import { buildQuery, type QueryParams } from '../soql/parser.js';
import { compileQuery, type PageRequest } from './compile.js';
import { postgresSql } from './postgres-sql.js';
import type { QuerySqlDialect } from './sql-dialect.js';
import { sqliteSql } from './sqlite-sql.js';

const TABLE = 'ds_permits';

/** Marker constants of the queries: text, numbers, coordinates, a year. */
const M = 'zq7marker';
const CONSTANTS = [M, '123456.789', '987654.321', '33.123457', '117.654321', '4321.5', '2031'];
/** The paging values of the requests below, which come from the caller rather than the plan. */
const MARKERS = [...CONSTANTS, '424242', '434343', '454545'];
const POLYGON = `'POLYGON ((-117.654321 33.123457, -117.5 33.123457, -117.5 33.2, -117.654321 33.123457))'`;

/**
 * Checks one statement: (a) a single SELECT over the table (its R*Tree and FTS tables as conditions), (b) no
 * marker in the SQL text (the zone only on PostgreSQL, where it is a server setting), (c) placeholders and values
 * in step.
 */
function checkStatement(d: QuerySqlDialect, { sql, params }: RawQuery): void {
  expect(sql.startsWith('SELECT ')).toBe(true);
  expect(sql).not.toContain(';');
  expect(sql).not.toMatch(/\b(JOIN|UNION|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|ATTACH|COPY)\b/i);
  const sources = [...sql.matchAll(/ FROM (\(|"[^"]*")/g)].map((m) => m[1]);
  expect(sources).toContain(`"${TABLE}"`);
  for (const source of sources)
    expect(['(', `"${TABLE}"`, `"${TABLE}_rtree"`, `"${TABLE}_fts"`]).toContain(source);

  for (const marker of MARKERS) expect(sql).not.toContain(marker);

  if (d.name === 'sqlite') {
    expect(sql).not.toContain(TZ);
    expect(params).toHaveLength(1);
    const bound = params[0] as Record<string, unknown>;
    const used = new Set([...sql.matchAll(/@(p\d+)\b/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual(Object.keys(bound).sort());
    for (const value of Object.values(bound)) expect(['string', 'number']).toContain(typeof value);
  } else {
    expect(sql).not.toMatch(/\$\d+(?!\d|::)/);
    const uses = [...sql.matchAll(/\$(\d+)::(double precision|bigint|boolean|date|timestamptz|text)\b/g)];
    const numbers = new Set(uses.map((m) => Number(m[1])));
    expect(Math.max(0, ...numbers)).toBe(params.length);
    expect(numbers.size).toBe(params.length);
    // One type per parameter; LIMIT and OFFSET read a number as bigint.
    const types = new Map<number, Set<string>>();
    for (const [, n, type] of uses) {
      const set = types.get(Number(n)) ?? new Set<string>();
      set.add(type === 'bigint' ? 'double precision' : type!);
      types.set(Number(n), set);
    }
    for (const set of types.values()) expect(set.size).toBe(1);
    for (const value of params) expect(['string', 'number', 'boolean']).toContain(typeof value);
  }
}

/** (b) the other way: each marker written in the query is among the parameter values. */
function checkMarkersBound(query: string, { params }: RawQuery): void {
  const values = JSON.stringify(params);
  for (const marker of CONSTANTS) if (query.includes(marker)) expect(values).toContain(marker);
}

const CASES: [string, QueryParams, Record<string, string>?][] = [
  [
    'filter, order and limit',
    {
      select: 'name, valuation',
      where: `name = '${M}1' AND valuation > 123456.789`,
      order: 'valuation DESC',
      limit: '424242',
    },
  ],
  [
    'group by with aggregates',
    {
      select: `zip, count(*) AS n, sum(valuation) AS total, max(name || '${M}2') AS top, min(created_at) AS first`,
      where: 'valuation < 987654.321',
      group: 'zip',
      having: 'sum(valuation) > 123456.789',
      order: 'n DESC, top',
    },
  ],
  ['distinct with order', { select: `DISTINCT zip, upper(name) || '${M}3' AS label`, order: 'label DESC' }],
  ['within_box', { where: 'within_box(location, 33.123457, -117.654321, 33.2, -117.5)' }],
  [
    'within_box, corners swapped',
    { where: 'NOT within_box(location, 33.2, -117.5, 33.123457, -117.654321)' },
  ],
  ['within_circle', { where: 'within_circle(location, 33.123457, -117.654321, 4321.5)' }],
  ['within_polygon', { where: `within_polygon(location, ${POLYGON})` }],
  ['intersects', { where: `intersects(location, 'LINESTRING (-117.654321 33.123457, -117.5 33.2)')` }],
  [
    'distance_in_meters',
    {
      select: `name, distance_in_meters(location, 'POINT (-117.654321 33.123457)') AS metres`,
      order: 'metres',
    },
  ],
  ['extent and convex_hull', { select: 'extent(location), convex_hull(location)', where: `name != '${M}4'` }],
  ['$q', { q: `${M}5 ${M}6`, where: `zip = '${M}7'` }],
  [
    'date functions on dates and timestamps',
    {
      select:
        'date_trunc_ym(created_at) AS m, date_trunc_y(issued) AS y, date_extract_dow(created_at) AS d, date_extract_woy(issued) AS w',
      where:
        "created_at >= '2031-05-17T13:45:12' AND issued < '2031-05-18' AND created_at < '2031-06-01T00:00:00.123456Z'",
    },
  ],
  ['LIKE', { where: `name LIKE '${M}%_[x]*?' AND zip NOT LIKE upper('${M}8%')` }],
  ['/ and %', { select: 'valuation / 123456.789 AS a, valuation % 987654.321 AS b, -valuation * 2031 AS c' }],
  [
    'CASE, coalesce, IN, BETWEEN, starts_with, booleans',
    {
      select: `case(active, '${M}9', true, coalesce(name, zip)) AS c`,
      where: `valuation IN (123456.789, '987654.321') AND issued BETWEEN '2031-01-01' AND '2031-12-31' AND starts_with(zip, '${M}') AND active = true`,
    },
  ],
  [
    'simple filters with $where',
    { where: 'valuation > 123456.789' },
    { name: `${M}f`, issued: '2031-05-17' },
  ],
  [
    'a whole $query',
    { query: `SELECT name WHERE zip = '${M}q' ORDER BY name SEARCH '${M}s' LIMIT 424242 OFFSET 434343` },
  ],
];

const REQUESTS: PageRequest[] = [
  { limit: 424242, offset: 0 },
  { limit: 424242, offset: 434343 },
  { limit: null, offset: 0, afterId: 454545 },
];

describe.each([
  ['sqlite', sqliteSql(TZ)],
  ['postgres', postgresSql(TZ)],
] as const)('compileQuery parameters on %s', (_name, d) => {
  it.each(CASES)('%s', (_case, params, filters) => {
    const plan = planQuery(buildQuery(params), SCHEMA, { timeZone: TZ, ...(filters && { filters }) });
    const compiled = compileQuery(plan, { table: TABLE, textColumns: ['name', 'zip'] }, d);
    const written = JSON.stringify([params, filters ?? {}]);
    for (const request of REQUESTS) {
      if (request.afterId !== undefined && !compiled.keyset) continue;
      const page = compiled.page(request);
      checkStatement(d, page);
      checkMarkersBound(written, page);
      const values = JSON.stringify(page.params);
      if (request.limit !== null) expect(values).toContain(String(request.limit));
      if (request.offset > 0) expect(values).toContain(String(request.offset));
      if (request.afterId) expect(values).toContain(String(request.afterId));
    }
    checkStatement(d, compiled.count());
    if (compiled.csvBatch) {
      expect(d.name).toBe('sqlite');
      checkStatement(d, compiled.csvBatch(454545, 424242, 0));
      checkStatement(d, compiled.csvBatch(null, 424242, 434343));
    }
  });

  it('puts the time zone in a parameter on SQLite and in the text on PostgreSQL', () => {
    const plan = planQuery(buildQuery({ select: 'date_extract_hh(created_at)' }), SCHEMA, { timeZone: TZ });
    const page = compileQuery(plan, { table: TABLE, textColumns: [] }, d).page({ limit: 1, offset: 0 });
    if (d.name === 'sqlite') {
      expect(page.sql).not.toContain(TZ);
      expect(Object.values(page.params[0] as object)).toContain(TZ);
    } else {
      expect(page.sql).toContain(`AT TIME ZONE '${TZ}'`);
      expect(page.params).not.toContain(TZ);
    }
  });
});
