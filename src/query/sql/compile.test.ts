/**
 * The SQL compiler on the shapes that decide identical answers on both databases: tie-breaking ORDER BY,
 * keyset paging by row id, DISTINCT ordered outside, the count around the body, NULL-safe division, geo and
 * full-text conditions, and the SQLite CSV batch. Dialect details are in `compile.dialects.test.ts`, parameter
 * hygiene in `compile.params.test.ts` and `compile.property.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA, SHAPES, TZ } from '../../../test/support/soql-plans.js';
import { planQuery } from '../plan/plan.js';
import { buildQuery, type QueryParams } from '../soql/parser.js';
import { localWallTime } from '../../db/sqlite-query-functions.js';
import { compileQuery, type CompiledQuery, type PageRequest, type TableRef } from './compile.js';
import { postgresSql } from './postgres-sql.js';
import type { QuerySqlDialect } from './sql-dialect.js';
import { sqliteSql, sqliteTimestampKey } from './sqlite-sql.js';

const TABLE: TableRef = { table: 'ds_permits', textColumns: ['name', 'zip'] };
const sqlite = sqliteSql(TZ);
const postgres = postgresSql(TZ);
const DIALECTS: [string, QuerySqlDialect][] = [
  ['sqlite', sqlite],
  ['postgres', postgres],
];

function compile(params: QueryParams, d: QuerySqlDialect, schema = SCHEMA, table = TABLE): CompiledQuery {
  return compileQuery(planQuery(buildQuery(params), schema, { timeZone: TZ }), table, d);
}

const FIRST: PageRequest = { limit: 10, offset: 0 };

/** A placeholder of either dialect: `@pN`, or `$N::type`. */
const PLACEHOLDER = '(?:@p\\d+|\\$\\d+::(?:double precision|bigint|boolean|date|timestamptz|text))';

/** A pattern matching `sql` as written, `#` standing for any placeholder. */
function pattern(sql: string): RegExp {
  return new RegExp(sql.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/#/g, PLACEHOLDER));
}

/** A pattern matching the whole of `sql`, `#` standing for any placeholder. */
function exactly(sql: string): RegExp {
  return new RegExp(`^${pattern(sql).source}$`);
}

describe('compileQuery: whole statements', () => {
  it('writes a filtered, ordered, limited page', () => {
    const params = { select: 'name, valuation', where: 'valuation > 1000', order: 'valuation DESC' };
    expect(compile(params, sqlite).page(FIRST)).toEqual({
      sql: 'SELECT "name", "valuation" FROM "ds_permits" WHERE ("valuation" > @p1) ORDER BY "valuation" DESC NULLS FIRST, "_id" ASC LIMIT CAST(@p2 AS INTEGER)',
      params: [{ p1: 1000, p2: 10 }],
    });
    expect(compile(params, postgres).page(FIRST)).toEqual({
      sql: 'SELECT "name", "valuation" FROM "ds_permits" WHERE ("valuation" > $1::double precision) ORDER BY "valuation" DESC NULLS FIRST, "_id" ASC LIMIT $2::bigint',
      params: [1000, 10],
    });
  });

  it('writes a grouped page ordered by the asked keys, then by the groups', () => {
    const params = {
      select: 'zip, count(*) AS n',
      where: 'active',
      group: 'zip',
      having: 'n > 1',
      order: 'n DESC',
    };
    expect(compile(params, sqlite).page(FIRST).sql).toBe(
      'SELECT "zip", count(*) FROM "ds_permits" WHERE "active" GROUP BY "zip" HAVING (count(*) > @p1) ORDER BY count(*) DESC NULLS FIRST, "zip" ASC NULLS LAST LIMIT CAST(@p2 AS INTEGER)',
    );
    expect(compile(params, postgres).page(FIRST).sql).toBe(
      'SELECT "zip", count(*) FROM "ds_permits" WHERE "active" GROUP BY "zip" HAVING (count(*) > $1::double precision) ORDER BY count(*) DESC NULLS FIRST, ("zip" COLLATE "C") ASC NULLS LAST LIMIT $2::bigint',
    );
  });

  it('orders DISTINCT rows outside, by the asked keys and then every selected column', () => {
    const params = { select: 'DISTINCT name, zip', order: 'zip DESC' };
    expect(compile(params, sqlite).page(FIRST).sql).toBe(
      'SELECT * FROM (SELECT DISTINCT "name" AS c0, "zip" AS c1 FROM "ds_permits") q ORDER BY c1 DESC NULLS FIRST, c0 ASC NULLS LAST, c1 ASC NULLS LAST LIMIT CAST(@p1 AS INTEGER)',
    );
    expect(compile(params, postgres).page(FIRST).sql).toBe(
      'SELECT * FROM (SELECT DISTINCT "name" AS c0, "zip" AS c1 FROM "ds_permits") q ORDER BY (c1 COLLATE "C") DESC NULLS FIRST, (c0 COLLATE "C") ASC NULLS LAST, (c1 COLLATE "C") ASC NULLS LAST LIMIT $1::bigint',
    );
  });

  it('leaves a single-group aggregate unordered', () => {
    for (const [, d] of DIALECTS)
      expect(compile({ select: 'count(*)' }, d).page(FIRST).sql).not.toContain('ORDER BY');
  });

  it('orders DISTINCT rows by the SQL column of each output, after an extent', () => {
    const params = { select: 'DISTINCT extent(location), name', group: 'name', order: 'name' };
    expect(compile(params, postgres).page(FIRST).sql).toMatch(
      / q ORDER BY \(c4 COLLATE "C"\) ASC NULLS LAST, \(c4 COLLATE "C"\) ASC NULLS LAST LIMIT /,
    );
  });
});

describe.each(DIALECTS)('compileQuery on %s', (_name, d) => {
  const id = '"_id"';

  it('ends the ORDER BY of ungrouped rows with the row id', () => {
    for (const order of ['valuation', 'name DESC, created_at', ':id DESC']) {
      expect(compile({ order }, d).page(FIRST).sql).toMatch(/ ORDER BY .+, "_id" ASC LIMIT /);
    }
    expect(compile({ select: 'zip, count(*)', group: 'zip' }, d).page(FIRST).sql).not.toContain(id);
    expect(compile({ select: 'DISTINCT zip', order: 'zip' }, d).page(FIRST).sql).not.toContain(id);
  });

  it('pages rows in row order by keyset: the row id selected last, "_id" > the cursor', () => {
    const compiled = compile({ select: 'name, valuation', where: 'active' }, d);
    expect(compiled.keyset).toBe(true);
    const first = compiled.page({ limit: 10, offset: 0 });
    expect(first.sql).toMatch(
      /^SELECT "name", "valuation", "_id" FROM "ds_permits" WHERE "active" ORDER BY "_id" ASC /,
    );
    expect(first.sql).not.toContain(`${id} >`);
    const next = compiled.page({ limit: 10, offset: 0, afterId: 4321 });
    expect(next.sql).toMatch(/ WHERE "active" AND "_id" > (@p1|\$1::double precision) ORDER BY "_id" ASC /);
    expect(JSON.stringify(next.params)).toContain('4321');
    expect(compile({}, d).page({ limit: 5, offset: 0, afterId: 7 }).sql).toMatch(
      /^SELECT "name", .*"location", "_id" FROM "ds_permits" WHERE "_id" > /,
    );
  });

  it('pages other orders by offset, without the row id in the select', () => {
    for (const params of [
      { order: 'valuation' },
      { select: 'zip, count(*)', group: 'zip' },
      { select: 'DISTINCT zip' },
      { select: 'max(valuation)' },
    ]) {
      const compiled = compile(params, d);
      expect(compiled.keyset).toBe(false);
      expect(compiled.page(FIRST).sql).not.toMatch(/, "_id" FROM/);
    }
    const sql = compile({ order: 'valuation' }, d).page({ limit: 10, offset: 30 }).sql;
    expect(sql).toMatch(d.name === 'sqlite' ? / OFFSET CAST\(@p\d+ AS INTEGER\)$/ : / OFFSET \$\d+::bigint$/);
  });

  it('writes no LIMIT value when there is no limit', () => {
    const sql = compile({}, d).page({ limit: null, offset: 0 }).sql;
    expect(sql.endsWith(d.name === 'sqlite' ? ' LIMIT -1' : ' LIMIT ALL')).toBe(true);
  });

  it('counts around the body, without order, limit or row id', () => {
    const rows = compile({ where: 'active', order: 'valuation' }, d).count();
    expect(rows.sql).toBe('SELECT count(*) FROM (SELECT 1 FROM "ds_permits" WHERE "active") q');
    expect(rows.params).toEqual(d.name === 'sqlite' ? [{}] : []);
    const groups = compile(
      { select: 'zip, count(*) AS n', group: 'zip', having: 'n > 2', order: 'n' },
      d,
    ).count();
    expect(groups.sql).toMatch(
      exactly(
        'SELECT count(*) FROM (SELECT "zip", count(*) FROM "ds_permits" GROUP BY "zip" HAVING (count(*) > #)) q',
      ),
    );
    const distinct = compile({ select: 'DISTINCT zip', q: 'roof' }, d).count().sql;
    expect(distinct).toMatch(
      /^SELECT count\(\*\) FROM \(SELECT DISTINCT "zip" AS c0 FROM "ds_permits" WHERE .+\) q$/,
    );
  });

  it('divides and takes remainders as floating point, NULL when dividing by zero', () => {
    const sql = compile({ select: 'valuation / 4 AS a, valuation % 3 AS b' }, d).page(FIRST).sql;
    const f = (x: string) => `CAST(${x} AS ${d.name === 'sqlite' ? 'REAL' : 'double precision'})`;
    const [v, p] = [f('"valuation"'), f('#')];
    expect(sql).toMatch(
      pattern(`SELECT (${v} / NULLIF(${p}, 0)), (${v} - ${p} * trunc(${v} / NULLIF(${p}, 0))), "_id"`),
    );
  });

  it('gives extent() four SQL columns, the box', () => {
    const compiled = compile({ select: 'extent(location), count(*)' }, d);
    expect(compiled.widths).toEqual([4, 1]);
    expect(compiled.page(FIRST).sql).toMatch(
      /^SELECT min\("_minx"\), min\("_miny"\), max\("_maxx"\), max\("_maxy"\), count\(\*\) FROM "ds_permits" /,
    );
    expect(compile({ select: 'convex_hull(location)' }, d).page(FIRST).sql).toContain(
      'plaza_hull("location")',
    );
  });

  it('tests geo predicates through the spatial index, then exactly, never NULL', () => {
    const box = compile({ where: 'within_box(location, 34, -118, 33, -117)' }, d).page(FIRST);
    const prefilter =
      d.name === 'sqlite'
        ? pattern(
            '("_id" IN (SELECT id FROM "ds_permits_rtree" WHERE maxx >= # AND maxy >= # AND minx <= # AND miny <= #) AND coalesce(',
          )
        : pattern(
            '(box(point("_minx", "_miny"), point("_maxx", "_maxy")) && box(point(#, #), point(#, #)) AND coalesce(',
          );
    expect(box.sql).toMatch(prefilter);
    expect(box.sql).toMatch(
      pattern('coalesce(("_minx" BETWEEN # AND # AND "_miny" BETWEEN # AND #), 1 = 0))'),
    );
    const circle = compile({ where: 'within_circle(location, 33.75, -117.99, 500)' }, d).page(FIRST).sql;
    expect(circle).toMatch(prefilter);
    expect(circle).toMatch(pattern('coalesce((plaza_distance("_minx", "_miny", #, #) <= #), 1 = 0)'));
    const polygon = compile({ where: "within_polygon(location, 'POLYGON ((0 0, 1 0, 1 1, 0 0))')" }, d).page(
      FIRST,
    );
    expect(polygon.sql).toMatch(pattern('coalesce(plaza_within("location", #), 1 = 0)'));
    expect(JSON.stringify(polygon.params)).toContain(
      JSON.stringify(
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        }),
      ),
    );
    const shape = compile({ where: "intersects(location, 'POINT (1 2)')" }, d).page(FIRST).sql;
    expect(shape).toMatch(pattern('coalesce(plaza_intersects("location", #), 1 = 0)'));
    // Shapes in a box: the box as a polygon.
    const region = compile({ where: 'within_box(boundary, 34, -118, 33, -117)' }, d, SHAPES).page(FIRST);
    expect(region.sql).toMatch(pattern('coalesce(plaza_intersects("boundary", #), 1 = 0)'));
    expect(JSON.stringify(region.params)).toContain(
      JSON.stringify(
        JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [-118, 33],
              [-117, 33],
              [-117, 34],
              [-118, 34],
              [-118, 33],
            ],
          ],
        }),
      ),
    );
  });

  it('measures distance_in_meters from the bbox corner of the point, longitude first', () => {
    const q = compile({ select: "distance_in_meters(location, 'POINT (-117.25 33.5)') AS m" }, d).page(FIRST);
    expect(q.sql).toMatch(
      /^SELECT plaza_distance\("_minx", "_miny", (@p1|\$1::double precision), (@p2|\$2::double precision)\)/,
    );
    const values = d.name === 'sqlite' ? Object.values(q.params[0] as object) : q.params;
    expect(values.slice(0, 2)).toEqual([-117.25, 33.5]);
  });

  it('searches $q through the full-text index', () => {
    const q = compile({ q: 'solar roof' }, d).page(FIRST);
    if (d.name === 'sqlite') {
      expect(q.sql).toContain(
        'WHERE "_id" IN (SELECT rowid FROM "ds_permits_fts" WHERE "ds_permits_fts" MATCH @p1)',
      );
      expect(q.params[0]).toMatchObject({ p1: '"solar" "roof"' });
    } else {
      expect(q.sql).toContain("@@ to_tsquery('simple'::regconfig, $1::text)");
      expect(q.sql).toContain("coalesce(\"name\", '') || ' ' || coalesce(\"zip\", '')");
      expect(q.params[0]).toBe("'solar' & 'roof'");
    }
    const none = compile({ q: 'solar' }, d, SCHEMA, { table: 'ds_permits', textColumns: [] }).page(FIRST).sql;
    expect(none).toMatch(/WHERE \(\(?(@p1|\$1::text)\)?(::text)? IS NULL AND (0|false)\)/);
    expect(compile({ q: '...' }, d).page(FIRST).sql).not.toContain('WHERE');
  });
});

describe('compileQuery: CSV batches (SQLite)', () => {
  it('builds CSV lines for keyset queries whose columns are printable', () => {
    const compiled = compile(
      { select: 'name, valuation, active, issued, created_at, location', where: 'active' },
      sqlite,
    );
    expect(compiled.csvBatch).not.toBeNull();
    const batch = compiled.csvBatch!(4321, 500, 0);
    expect(batch.sql).toMatch(
      /^SELECT CAST\(string_agg\(line, char\(13, 10\) ORDER BY rid\) \|\| char\(13, 10\) AS BLOB\), max\(rid\), count\(\*\) FROM \(SELECT concat_ws\(',', .+\) AS line, "_id" AS rid FROM "ds_permits" WHERE "active" AND "_id" > @p\d+ ORDER BY "_id" LIMIT CAST\(@p\d+ AS INTEGER\)\)$/,
    );
    expect(Object.values(batch.params[0] as object)).toEqual([4321, 500]);
    const first = compiled.csvBatch!(null, 500, 20).sql;
    expect(first).not.toContain('"_id" >');
    expect(first).toMatch(/LIMIT CAST\(@p1 AS INTEGER\) OFFSET CAST\(@p2 AS INTEGER\)\)$/);
    expect(compile({ select: 'upper(name) AS u, valuation / 2 AS half' }, sqlite).csvBatch).not.toBeNull();
  });

  it('has none on PostgreSQL, for other orders, or when a column is not printable', () => {
    expect(compile({}, postgres).csvBatch).toBeNull();
    expect(compile({}, sqlite).csvBatch).not.toBeNull();
    for (const params of [
      { order: 'name' },
      { select: 'zip, count(*)', group: 'zip' },
      { select: 'DISTINCT zip' },
      { select: 'name, case(active, location) AS maybe' },
    ]) {
      expect(compile(params, sqlite).csvBatch).toBeNull();
    }
    expect(compile({}, sqlite, SHAPES).csvBatch).toBeNull();
    expect(compile({ select: 'district' }, sqlite, SHAPES).csvBatch).not.toBeNull();
  });
});

describe('compileQuery: aggregated timestamps on SQLite', () => {
  // min()/max() of a timestamp are computed on SQLite over the sort key ('YYYY-MM-DDTHH:MM:SS.ffffff', no Z);
  // date_trunc_*/date_extract_* hand that key to plaza_local, which must read it as UTC whatever the process TZ.
  it('reads the sort key of an aggregated timestamp as UTC in plaza_local', () => {
    const sql = compile({ select: 'date_extract_hh(min(created_at)) AS h' }, sqlite).page(FIRST).sql;
    expect(sql).toContain(`plaza_local(min(${sqliteTimestampKey('"created_at"')})`);
    expect(localWallTime('2024-01-15T17:45:30.250000', 'America/Los_Angeles')).toBe('2024-01-15T09:45:30');
    expect(localWallTime('2024-01-15T17:45:30.250Z', 'America/Los_Angeles')).toBe('2024-01-15T09:45:30');
  });
});
