/**
 * Where the two dialects differ so that they answer alike: PostgreSQL compares and sorts text under
 * `COLLATE "C"`, types every parameter and shares equal ones; SQLite compares timestamps through their padded
 * key, turns LIKE into GLOB and binds named parameters as one object.
 */
import fc from 'fast-check';
import { SCHEMA, TZ } from '../../../test/support/soql-plans.js';
import { describe, expect, it } from 'vitest';
import { planQuery } from '../plan/plan.js';

import { buildQuery, type QueryParams } from '../soql/parser.js';
import { compileQuery, type PageRequest } from './compile.js';
import { postgresSql } from './postgres-sql.js';
import type { QuerySqlDialect } from './sql-dialect.js';
import { likeToGlob, sqliteSql, sqliteTimestampKey } from './sqlite-sql.js';

const FIRST: PageRequest = { limit: 10, offset: 0 };
const sqlite = sqliteSql(TZ);
const postgres = postgresSql(TZ);

function page(params: QueryParams, d: QuerySqlDialect, request = FIRST) {
  const plan = planQuery(buildQuery(params), SCHEMA, { timeZone: TZ });
  return compileQuery(plan, { table: 'ds_permits', textColumns: ['name', 'zip'] }, d).page(request);
}

describe('PostgreSQL', () => {
  it('compares text under COLLATE "C", in =, IN and BETWEEN, and not numbers or dates', () => {
    const { sql } = page(
      {
        where:
          "name = 'x' AND zip IN ('a', 'b') AND name BETWEEN 'a' AND 'm' AND issued > '2024-01-01' AND valuation < 3",
      },
      postgres,
    );
    expect(sql).toContain('(("name" COLLATE "C") = ($1::text COLLATE "C"))');
    expect(sql).toContain('(("zip" COLLATE "C") IN (($2::text COLLATE "C"), ($3::text COLLATE "C")))');
    expect(sql).toContain('(("name" COLLATE "C") BETWEEN ($2::text COLLATE "C") AND ($4::text COLLATE "C"))');
    expect(sql).toContain('("issued" > $5::date)');
    expect(sql).toContain('("valuation" < $6::double precision)');
  });

  it('sorts text under COLLATE "C", in ORDER BY and in min/max', () => {
    expect(page({ select: 'name, valuation', order: 'name, valuation DESC' }, postgres).sql).toContain(
      ' ORDER BY ("name" COLLATE "C") ASC NULLS LAST, "valuation" DESC NULLS FIRST, "_id" ASC LIMIT',
    );
    expect(
      page({ select: 'min(name) AS a, max(zip) AS b, min(valuation) AS c, max(created_at) AS d' }, postgres)
        .sql,
    ).toMatch(
      // The result goes back to the database's collation, so that upper() and lower() of it map every letter.
      /^SELECT \(min\(\("name" COLLATE "C"\)\) COLLATE "default"\), \(max\(\("zip" COLLATE "C"\)\) COLLATE "default"\), min\("valuation"\), max\("created_at"\) FROM/,
    );
  });

  it('keeps AND/OR whole outside WHERE in grouped queries, and plain in WHERE', () => {
    const q = page(
      { select: '(active AND valuation > 1) AS a, count(*)', group: 'a', where: 'active OR valuation > 2' },
      postgres,
    );
    expect(q.sql).toMatch(/^SELECT coalesce\(\("active" AND/);
    expect(q.sql).toContain(' WHERE ("active" OR ');
    expect(q.sql).toMatch(/GROUP BY coalesce\(\("active" AND/);
  });

  it("writes LIKE with ESCAPE '', the pattern as given", () => {
    const q = page({ where: "name LIKE 'J_n%' AND zip NOT LIKE name" }, postgres);
    expect(q.sql).toContain(`(("name" LIKE $1::text ESCAPE '') AND ("zip" NOT LIKE "name" ESCAPE ''))`);
    expect(q.params[0]).toBe('J_n%');
  });

  it('types every parameter and shares equal values of one type', () => {
    const q = page(
      {
        where: "active = true AND valuation IN (1, 1) AND zip = '1' AND created_at > '2024-01-01T00:00:00Z'",
      },
      postgres,
    );
    expect(q.sql).toContain('("active" = $1::boolean)');
    expect(q.sql).toContain('("valuation" IN ($2::double precision, $2::double precision))');
    expect(q.sql).toContain('(("zip" COLLATE "C") = ($3::text COLLATE "C"))');
    expect(q.sql).toContain('("created_at" > $4::timestamptz)');
    expect(q.params).toEqual([true, 1, '1', '2024-01-01T00:00:00Z', 10]);
  });

  it('writes a grouped expression with a constant as the same text in SELECT, GROUP BY and ORDER BY', () => {
    const { sql } = page({ select: "name || '-' AS k, count(*)", group: 'k', order: 'k' }, postgres);
    expect(sql).toBe(
      'SELECT ("name" || $1::text), count(*) FROM "ds_permits" GROUP BY ("name" || $1::text) ORDER BY (("name" || $1::text) COLLATE "C") ASC NULLS LAST, (("name" || $1::text) COLLATE "C") ASC NULLS LAST LIMIT $2::bigint',
    );
  });

  it('reads timestamps in the configured zone (a server setting, inlined), dates as they are', () => {
    const { sql, params } = page(
      {
        select:
          'date_trunc_ym(created_at) AS a, date_trunc_y(issued) AS b, date_extract_hh(issued) AS c, date_extract_dow(created_at) AS d, date_extract_ss(created_at) AS e',
      },
      postgres,
    );
    expect(sql).toBe(
      `SELECT CAST(date_trunc('month', ("created_at" AT TIME ZONE 'America/Los_Angeles')) AS date), CAST(date_trunc('year', CAST("issued" AS timestamp)) AS date), CAST(extract(hour from CAST("issued" AS timestamp)) AS double precision), CAST(extract(dow from ("created_at" AT TIME ZONE 'America/Los_Angeles')) AS double precision), floor(CAST(extract(second from ("created_at" AT TIME ZONE 'America/Los_Angeles')) AS double precision)), "_id" FROM "ds_permits" ORDER BY "_id" ASC LIMIT $1::bigint`,
    );
    expect(params).toEqual([10]);
    const quoted = compileQuery(
      planQuery(buildQuery({ select: 'date_extract_woy(created_at)' }), SCHEMA, { timeZone: TZ }),
      { table: 't', textColumns: [] },
      postgresSql("Zone/O'Hare"),
    );
    expect(quoted.page(FIRST).sql).toContain(`AT TIME ZONE 'Zone/O''Hare'`);
  });

  it('limits and offsets with bigint parameters', () => {
    expect(page({ order: 'name' }, postgres, { limit: 5, offset: 15 }).sql).toMatch(
      / LIMIT \$1::bigint OFFSET \$2::bigint$/,
    );
    expect(page({ order: 'name' }, postgres, { limit: null, offset: 15 }).sql).toMatch(
      / LIMIT ALL OFFSET \$1::bigint$/,
    );
  });
});

describe('SQLite', () => {
  const key = sqliteTimestampKey;

  it('compares and sorts timestamps through their padded key, on both sides', () => {
    const { sql } = page(
      {
        where:
          "created_at > '2024-01-01T00:00:00Z' AND created_at IN ('2024-01-02T00:00:00Z') AND created_at BETWEEN '2024-01-01' AND '2024-02-01'",
        order: 'created_at',
      },
      sqlite,
    );
    const c = key('"created_at"');
    expect(sql).toContain(`(${c} > ${key('@p1')})`);
    expect(sql).toContain(`(${c} IN (${key('@p2')}))`);
    expect(sql).toContain(`(${c} BETWEEN ${key('@p3')} AND ${key('@p4')})`);
    expect(sql).toContain(` ORDER BY ${c} ASC NULLS LAST, "_id" ASC `);
    expect(page({ select: 'max(created_at)' }, sqlite).sql).toContain(`max(${c})`);
    expect(page({ where: "issued > '2024-01-01'", order: 'issued' }, sqlite).sql).toContain(
      'WHERE ("issued" > @p1) ORDER BY "issued" ASC NULLS LAST',
    );
  });

  it('pads the stored fractions of 0, 3 and 6 digits to microseconds', () => {
    expect(key('x')).toBe(
      "(substr(x, 1, 19) || CASE length(x) WHEN 20 THEN '.000000' WHEN 24 THEN substr(x, 20, 4) || '000' ELSE substr(x, 20, 7) END)",
    );
  });

  it('turns LIKE into GLOB: a constant pattern translated, any other translated in SQL', () => {
    const q = page({ where: "name LIKE 'J_n%[*?' AND zip NOT LIKE name" }, sqlite);
    expect(q.sql).toContain(
      `(("name" GLOB @p1) AND ("zip" NOT GLOB replace(replace(replace(replace(replace("name", '[', '[[]'), '*', '[*]'), '?', '[?]'), '%', '*'), '_', '?')))`,
    );
    expect(q.params[0]).toMatchObject({ p1: 'J?n*[[][*][?]' });
  });

  it('binds named parameters as one object, a repeated value by its one name', () => {
    const q = page({ where: "starts_with(name, 'Jo') AND active = true AND active != false" }, sqlite);
    expect(q.sql).toContain(
      '((substr("name", 1, length(@p1)) = @p1) AND ("active" = @p2)) AND ("active" <> @p3)',
    );
    expect(q.params).toEqual([{ p1: 'Jo', p2: 1, p3: 0, p4: 10 }]);
  });

  it('reads timestamps in the zone through plaza_local, the zone a parameter; dates as they are', () => {
    const q = page(
      {
        select:
          'date_trunc_ym(created_at) AS a, date_trunc_y(issued) AS b, date_extract_hh(issued) AS c, date_extract_dow(created_at) AS d, date_extract_ss(created_at) AS e',
      },
      sqlite,
    );
    expect(q.sql).toBe(
      `SELECT (substr(plaza_local("created_at", @p1), 1, 7) || '-01'), (substr("issued", 1, 4) || '-01-01'), (CASE WHEN "issued" IS NULL THEN NULL ELSE 0 END), CAST(strftime('%w', substr(plaza_local("created_at", @p2), 1, 10)) AS INTEGER), CAST(substr(plaza_local("created_at", @p3), 18, 2) AS INTEGER), "_id" FROM "ds_permits" ORDER BY "_id" ASC LIMIT CAST(@p4 AS INTEGER)`,
    );
    expect(q.params).toEqual([{ p1: TZ, p2: TZ, p3: TZ, p4: 10 }]);
  });

  it('maps upper and lower to the Unicode-aware plaza_ functions', () => {
    expect(page({ select: 'upper(name) AS u, lower(zip) AS l' }, sqlite).sql).toMatch(
      /^SELECT plaza_upper\("name"\), plaza_lower\("zip"\), "_id" FROM/,
    );
  });

  it('limits and offsets with integer parameters, -1 for no limit', () => {
    expect(page({ order: 'name' }, sqlite, { limit: 5, offset: 15 }).sql).toMatch(
      / LIMIT CAST\(@p1 AS INTEGER\) OFFSET CAST\(@p2 AS INTEGER\)$/,
    );
    expect(page({ order: 'name' }, sqlite, { limit: null, offset: 15 }).sql).toMatch(
      / LIMIT -1 OFFSET CAST\(@p1 AS INTEGER\)$/,
    );
  });
});

/** Whether `text` matches a LIKE pattern: `%` any run, `_` one character, everything else itself. */
function likeMatches(pattern: string, text: string): boolean {
  const body = [...pattern]
    .map((c) =>
      c === '%' ? '[\\s\\S]*' : c === '_' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`, 'u').test(text);
}

/** Whether `text` matches a GLOB pattern as SQLite reads it: `*`, `?` and `[...]` classes (`^` negates). */
function globMatches(pattern: string, text: string): boolean {
  const chars = [...pattern];
  let body = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') body += '[\\s\\S]*';
    else if (c === '?') body += '[\\s\\S]';
    else if (c === '[') {
      let j = i + 1;
      const negate = chars[j] === '^';
      if (negate) j++;
      const members: string[] = [];
      // A ']' right after '[' or '[^' is a member, not the end.
      if (chars[j] === ']') members.push(chars[j++]!);
      while (j < chars.length && chars[j] !== ']') members.push(chars[j++]!);
      if (j >= chars.length) return false; // an unclosed class matches nothing
      const set = members.map((m) => m.replace(/[\]\\^-]/g, '\\$&')).join('');
      body += negate ? `[^${set}]` : `[${set}]`;
      i = j;
    } else body += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${body}$`, 'u').test(text);
}

describe('likeToGlob', () => {
  it.each([
    ['', ''],
    ['abc', 'abc'],
    ['%', '*'],
    ['_', '?'],
    ['a%b_c', 'a*b?c'],
    ['[', '[[]'],
    ['*', '[*]'],
    ['?', '[?]'],
    [']', ']'],
    ['^', '^'],
    ['100%_[x]*?', '100*?[[]x][*][?]'],
    ['phở%', 'phở*'],
  ])('turns %j into %j', (like, glob) => {
    expect(likeToGlob(like)).toBe(glob);
  });

  it('matches what LIKE matches, case-sensitively (property)', () => {
    const char = fc.constantFrom('a', 'A', 'b', '%', '_', '[', ']', '*', '?', '^', '\\', 'é', '😀', '\n');
    const word = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(word, word, (pattern, text) => {
        expect(globMatches(likeToGlob(pattern), text)).toBe(likeMatches(pattern, text));
      }),
      { numRuns: 3000 },
    );
    // Checks of the matchers themselves.
    expect(likeMatches('a%', 'abc')).toBe(true);
    expect(likeMatches('a_', 'A1')).toBe(false);
    expect(globMatches('[[]a', '[a')).toBe(true);
    expect(globMatches('[^a]', 'b')).toBe(true);
    expect(globMatches('a*', 'abc')).toBe(true);
  });

  it('agrees with the SQL that translates a pattern that is not a constant', () => {
    // The replace() calls SQLite applies, innermost first, read from the compiled SQL.
    const { sql } = page({ where: 'zip LIKE name' }, sqlite);
    const steps = [...sql.matchAll(/, '([^']*)', '([^']*)'\)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(steps).toHaveLength(5);
    const inSql = (p: string) => steps.reduce((text, [from, to]) => text.replaceAll(from, to), p);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '%', '_', '[', ']', '*', '?', '^') }), (p) => {
        expect(inSql(p)).toBe(likeToGlob(p));
      }),
    );
  });
});
