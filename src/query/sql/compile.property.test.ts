/**
 * Property: any valid query over the schema compiles on both dialects into statements whose placeholders match
 * their values and whose text holds none of the query's constants. Queries are random SoQL text, built from a
 * generator of expressions by type; every constant in them carries a marker.
 */
import fc from 'fast-check';
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

const MARK = 'zq7marker';
const NUMBER_MARKS = ['123456.789', '987654.321', '-555555.125'];
const LAT = '33.123457';
const LON = '-117.654321';
const DATE_MARK = '2031-05-17';

type Scalar = 'text' | 'number' | 'boolean' | 'date' | 'timestamp';
const ORDERED: Scalar[] = ['text', 'number', 'date', 'timestamp'];
const soqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

const textLiteral = fc
  .tuple(fc.nat({ max: 99 }), fc.constantFrom('', "'", '%', '_', '[a]', '*', '?', ' two words', '"'))
  .map(([n, suffix]) => soqlString(`${MARK}${n}${suffix}`));
const numberLiteral = fc.constantFrom(...NUMBER_MARKS);
const dateLiteral = fc.constantFrom(`'${DATE_MARK}'`, `'${DATE_MARK}T00:00:00.000'`);
const timestampLiteral = fc.constantFrom(
  `'${DATE_MARK}T13:45:12'`,
  `'${DATE_MARK}T13:45:12.250Z'`,
  `'${DATE_MARK}T13:45:12.123456-07:00'`,
  `'${DATE_MARK}'`,
);
const POINT_WKT = `'POINT (${LON} ${LAT})'`;
const POLYGON_WKT = `'POLYGON ((${LON} ${LAT}, -117.5 ${LAT}, -117.5 33.2, ${LON} ${LAT}))'`;

/** SoQL expressions by type, each composite in parentheses; every constant carries a marker. */
const exprs = fc.letrec<Record<Scalar, string>>((tie) => {
  const bin = (t: Scalar, ops: string[]) =>
    fc.tuple(tie(t), fc.constantFrom(...ops), tie(t)).map(([a, op, b]) => `(${a} ${op} ${b})`);
  const pick = <T>(arbs: fc.Arbitrary<T>[]) => fc.oneof({ depthSize: 'small', maxDepth: 4 }, ...arbs);
  const caseOf = (t: Scalar) =>
    fc.tuple(tie('boolean'), tie(t), tie(t)).map(([c, a, b]) => `case(${c}, ${a}, true, ${b})`);
  const anyScalar = fc.constantFrom(...(['text', 'number', 'boolean', 'date', 'timestamp'] as Scalar[]));
  const compare = anyScalar.chain((t) =>
    fc
      .tuple(
        tie(t),
        fc.constantFrom(...(ORDERED.includes(t) ? ['=', '!=', '<>', '<', '<=', '>', '>='] : ['=', '!='])),
        tie(t),
      )
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
  );
  const orderedType = fc.constantFrom(...ORDERED);
  const temporal = fc.constantFrom<Scalar>('date', 'timestamp').chain((t) => tie(t));
  return {
    number: pick([
      fc.constantFrom('valuation', ':id'),
      numberLiteral,
      bin('number', ['+', '-', '*', '/', '%']),
      tie('number').map((a) => `(- ${a})`),
      fc
        .tuple(fc.constantFrom('y', 'm', 'd', 'hh', 'mm', 'ss', 'dow', 'woy'), temporal)
        .map(([part, a]) => `date_extract_${part}(${a})`),
      fc.constant(`distance_in_meters(location, ${POINT_WKT})`),
      fc.tuple(tie('number'), tie('number')).map(([a, b]) => `coalesce(${a}, ${b})`),
      caseOf('number'),
    ]),
    text: pick([
      fc.constantFrom('name', 'zip'),
      textLiteral,
      bin('text', ['||']),
      fc.tuple(fc.constantFrom('upper', 'lower'), tie('text')).map(([f, a]) => `${f}(${a})`),
      fc.tuple(tie('text'), tie('text')).map(([a, b]) => `coalesce(${a}, ${b})`),
      caseOf('text'),
    ]),
    boolean: pick([
      fc.constantFrom('active', 'true', 'false'),
      bin('boolean', ['AND', 'OR']),
      tie('boolean').map((a) => `(NOT ${a})`),
      compare,
      orderedType.chain((t) =>
        fc
          .tuple(tie(t), fc.boolean(), fc.array(tie(t), { minLength: 1, maxLength: 3 }))
          .map(([a, not, list]) => `(${a} ${not ? 'NOT ' : ''}IN (${list.join(', ')}))`),
      ),
      orderedType.chain((t) =>
        fc
          .tuple(tie(t), fc.boolean(), tie(t), tie(t))
          .map(([a, not, lo, hi]) => `(${a} ${not ? 'NOT ' : ''}BETWEEN ${lo} AND ${hi})`),
      ),
      fc
        .tuple(tie('text'), fc.boolean(), tie('text'))
        .map(([a, not, p]) => `(${a} ${not ? 'NOT ' : ''}LIKE ${p})`),
      fc
        .tuple(
          fc.oneof(
            anyScalar.chain((t) => tie(t)),
            fc.constant('location'),
          ),
          fc.boolean(),
        )
        .map(([a, not]) => `(${a} IS ${not ? 'NOT ' : ''}NULL)`),
      fc
        .tuple(
          orderedType.chain((t) => tie(t)),
          fc.boolean(),
        )
        .map(([a, left]) => (left ? `(NULL < ${a})` : `(${a} = NULL)`)),
      fc.tuple(tie('text'), tie('text')).map(([a, b]) => `starts_with(${a}, ${b})`),
      fc.constantFrom(
        `within_box(location, ${LAT}, ${LON}, 33.2, -117.5)`,
        `within_box(location, 33.2, -117.5, ${LAT}, ${LON})`,
        `within_circle(location, ${LAT}, ${LON}, 4321.5)`,
        `within_polygon(location, ${POLYGON_WKT})`,
        `intersects(location, ${POINT_WKT})`,
        `intersects(location, ${POLYGON_WKT})`,
      ),
    ]),
    date: pick([
      fc.constant('issued'),
      fc.tuple(fc.constantFrom('y', 'ym', 'ymd'), temporal).map(([unit, a]) => `date_trunc_${unit}(${a})`),
      // A literal alone would be text: one side is always typed.
      fc
        .tuple(dateLiteral, fc.boolean())
        .map(([d, first]) => (first ? `coalesce(issued, ${d})` : `coalesce(${d}, issued)`)),
    ]),
    timestamp: pick([
      fc.constant('created_at'),
      fc
        .tuple(timestampLiteral, fc.boolean())
        .map(([t, first]) => (first ? `coalesce(created_at, ${t})` : `coalesce(${t}, created_at)`)),
    ]),
  };
});

const ofType = (t: Scalar) => exprs[t];
const orderedExpr = fc.constantFrom(...ORDERED).chain(ofType);
const anyExpr = fc.constantFrom<Scalar>('text', 'number', 'boolean', 'date', 'timestamp').chain(ofType);
const direction = fc.constantFrom('', ' ASC', ' DESC', ' DESC NULLS LAST', ' NULLS FIRST');
const where = fc.option(exprs.boolean, { nil: undefined });
const search = fc.option(fc.constantFrom(`${MARK}`, `${MARK}a ${MARK}b`), { nil: undefined });
const limitText = fc.option(fc.constantFrom('5', '100'), { nil: undefined });

/** Ungrouped queries: expressions of any type, optionally ordered. */
const rows: fc.Arbitrary<QueryParams> = fc
  .record({
    select: fc.option(fc.array(fc.oneof(anyExpr, fc.constant('location')), { minLength: 1, maxLength: 4 }), {
      nil: undefined,
    }),
    where,
    order: fc.array(fc.tuple(orderedExpr, direction), { maxLength: 2 }),
    q: search,
    limit: limitText,
  })
  .map(({ select, order, ...rest }) => ({
    ...rest,
    ...(select && { select: select.map((e, i) => `${e} AS c${i}`).join(', ') }),
    ...(order.length > 0 && { order: order.map(([e, d]) => `${e}${d}`).join(', ') }),
  }));

/** Aggregates over row expressions, with whether they can be ordered. */
const aggregate: fc.Arbitrary<[string, boolean]> = fc.oneof(
  fc.constant<[string, boolean]>(['count(*)', true]),
  anyExpr.map((e): [string, boolean] => [`count(${e})`, true]),
  anyExpr.map((e): [string, boolean] => [`count(DISTINCT ${e})`, true]),
  fc
    .tuple(fc.constantFrom('sum', 'avg'), exprs.number)
    .map(([f, e]): [string, boolean] => [`${f}(${e})`, true]),
  fc
    .tuple(fc.constantFrom('min', 'max'), orderedExpr)
    .map(([f, e]): [string, boolean] => [`${f}(${e})`, true]),
  fc.constantFrom<[string, boolean]>(['extent(location)', false], ['convex_hull(location)', false]),
);

const numericAggregate = fc.oneof(
  fc.constant('count(*)'),
  anyExpr.map((e) => `count(DISTINCT ${e})`),
  fc.tuple(fc.constantFrom('sum', 'avg', 'min', 'max'), exprs.number).map(([f, e]) => `${f}(${e})`),
);

/** Grouped queries: groups by alias, aggregates, HAVING, order by aliases. */
const grouped: fc.Arbitrary<QueryParams> = fc
  .record({
    keys: fc.array(
      fc.oneof(
        orderedExpr.map((e): [string, boolean] => [e, true]),
        exprs.boolean.map((e): [string, boolean] => [e, false]),
      ),
      { maxLength: 2 },
    ),
    aggregates: fc.array(aggregate, { minLength: 1, maxLength: 3 }),
    having: fc.option(fc.tuple(numericAggregate, numberLiteral), { nil: undefined }),
    where,
    q: search,
    order: fc.array(fc.tuple(fc.nat(), direction), { maxLength: 2 }),
    distinct: fc.boolean(),
    limit: limitText,
  })
  .map(({ keys, aggregates, having, order, distinct, ...rest }) => {
    const items = [...keys.map(([e], i) => `${e} AS g${i}`), ...aggregates.map(([e], i) => `${e} AS a${i}`)];
    const orderable = [
      ...keys.flatMap(([, orderable], i) => (orderable ? [`g${i}`] : [])),
      ...aggregates.flatMap(([, orderable], i) => (orderable ? [`a${i}`] : [])),
    ];
    const keysOrder = order
      .filter(() => orderable.length > 0)
      .map(([n, d]) => `${orderable[n % orderable.length]}${d}`);
    return {
      ...rest,
      select: `${distinct ? 'DISTINCT ' : ''}${items.join(', ')}`,
      ...(keys.length > 0 && { group: keys.map((_k, i) => `g${i}`).join(', ') }),
      ...(having && { having: `(${having[0]} > ${having[1]})` }),
      ...(keysOrder.length > 0 && { order: keysOrder.join(', ') }),
    };
  });

/** DISTINCT rows, ordered by selected columns only. */
const distinct: fc.Arbitrary<QueryParams> = fc
  .record({
    items: fc.array(orderedExpr, { minLength: 1, maxLength: 3 }),
    where,
    order: fc.array(fc.tuple(fc.nat(), direction), { maxLength: 2 }),
    limit: limitText,
  })
  .map(({ items, order, ...rest }) => ({
    ...rest,
    select: `DISTINCT ${items.map((e, i) => `${e} AS c${i}`).join(', ')}`,
    ...(order.length > 0 && { order: order.map(([n, d]) => `c${n % items.length}${d}`).join(', ') }),
  }));

const queries = fc.oneof(rows, grouped, distinct);

const filters = fc.option(
  fc.constantFrom<Record<string, string>>(
    { name: `${MARK}f` },
    { valuation: NUMBER_MARKS[0]! },
    { issued: DATE_MARK, zip: `${MARK}z` },
  ),
  { nil: undefined },
);

/** Paging values: markers too. */
const PAGING = ['424242', '434343', '454545'];
const request = fc.record({
  limit: fc.constantFrom(424242, null),
  offset: fc.constantFrom(0, 434343),
  afterId: fc.constantFrom(454545, null),
});

/** Text that must never be in the SQL: the constants of the generator, and the paging values. */
const MARKERS = [
  MARK,
  ...NUMBER_MARKS.map((n) => n.replace('-', '')),
  LAT,
  LON.replace('-', ''),
  '4321.5',
  '2031',
  ...PAGING,
];

/** One SELECT over the table; no marker in the text; placeholders and values in step. */
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

const DIALECTS: QuerySqlDialect[] = [sqliteSql(TZ), postgresSql(TZ)];

describe('compileQuery (property)', () => {
  it('catches the faults it looks for', () => {
    const [sqlite, postgres] = DIALECTS as [QuerySqlDialect, QuerySqlDialect];
    const ok = (d: QuerySqlDialect, sql: string, params: unknown[]) => checkStatement(d, { sql, params });
    ok(sqlite, `SELECT "a" FROM "${TABLE}" WHERE "a" = @p1`, [{ p1: 1 }]);
    ok(postgres, `SELECT "a" FROM "${TABLE}" WHERE "a" = $1::text AND "b" = $1::text LIMIT $2::bigint`, [
      'x',
      3,
    ]);
    expect(() => ok(sqlite, `SELECT "a" FROM "${TABLE}" WHERE "a" = '${MARK}'`, [{}])).toThrow();
    expect(() => ok(sqlite, `SELECT "a" FROM "${TABLE}" WHERE "a" = @p1`, [{ p1: 1, p2: 2 }])).toThrow();
    expect(() => ok(sqlite, `SELECT "a" FROM "${TABLE}" WHERE "a" = @p2`, [{ p1: 1 }])).toThrow();
    expect(() => ok(postgres, `SELECT "a" FROM "${TABLE}" WHERE "a" = $2::text`, ['x'])).toThrow();
    expect(() => ok(postgres, `SELECT "a" FROM "${TABLE}" WHERE "a" = $1::text`, ['x', 'y'])).toThrow();
    expect(() => ok(postgres, `SELECT "a" FROM "${TABLE}" WHERE "a" = $1`, ['x'])).toThrow();
    expect(() => ok(postgres, `SELECT "a" FROM "${TABLE}" WHERE $1::text = $1::date`, ['x'])).toThrow();
    expect(() => ok(postgres, `SELECT "a" FROM "other"`, [])).toThrow();
  });

  it('compiles every valid query on both dialects, every value a parameter', () => {
    fc.assert(
      fc.property(queries, filters, request, (params: QueryParams, given, paging) => {
        const plan = planQuery(buildQuery(params), SCHEMA, {
          timeZone: TZ,
          ...(given && { filters: given }),
        });
        const written = JSON.stringify([params, given ?? {}]);
        for (const d of DIALECTS) {
          const compiled = compileQuery(plan, { table: TABLE, textColumns: ['name', 'zip'] }, d);
          const page: PageRequest = { ...paging, afterId: compiled.keyset ? paging.afterId : null };
          const q = compiled.page(page);
          checkStatement(d, q);
          // Every constant written reaches the statement, as a parameter.
          const values = JSON.stringify(q.params);
          for (const marker of [MARK, ...NUMBER_MARKS, LAT, LON])
            if (written.includes(marker)) expect(values).toContain(marker);
          // Ties broken by row id in row queries; keyset pages select it last.
          if (!plan.grouped && !plan.distinct) expect(q.sql).toMatch(/ ORDER BY (.+, )?"_id" ASC LIMIT /);
          if (compiled.keyset) expect(q.sql).toContain(', "_id" FROM');
          checkStatement(d, compiled.count());
          if (compiled.csvBatch) {
            expect([d.name, compiled.keyset]).toEqual(['sqlite', true]);
            checkStatement(d, compiled.csvBatch(454545, 424242, 434343));
          }
          expect(compiled.widths).toHaveLength(plan.columns.length);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
