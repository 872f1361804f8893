import fc from 'fast-check';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type RawBuilder,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import type { EntityName } from '../model.js';
import { compileFilter, compileOrder, type CompileContext } from './compile.js';
import type { StaSqlDialect } from './dialect.js';
import { parseFilter, parseOrderBy } from './parse.js';
import { postgresStaSql } from './postgres.js';
import { sqliteStaSql } from './sqlite.js';

const kysely = {
  sqlite: new Kysely<unknown>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

const DIALECTS: StaSqlDialect[] = [sqliteStaSql, postgresStaSql];

function context(dialect: StaSqlDialect, entity: EntityName, hidden: string[] = []): CompileContext {
  let n = 0;
  return { dialect, entity, alias: 'e', hidden, now: 1_700_000_000_000, fresh: () => `a${++n}` };
}

function compiled(dialect: StaSqlDialect, s: RawBuilder<unknown>) {
  const out = s.compile(kysely[dialect.name]);
  return { sql: out.sql, params: [...out.parameters] };
}

const filter = (dialect: StaSqlDialect, entity: EntityName, text: string, hidden: string[] = []) =>
  compiled(dialect, compileFilter(parseFilter(text), context(dialect, entity, hidden)));

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe.each(DIALECTS)('$filter on $name', (d) => {
  it('compares columns with bound values', () => {
    const out = filter(d, 'Thing', "name eq 'Station 1' and id gt 3");
    expect(out.sql).toContain('e.name =');
    expect(out.sql).toContain('e.id >');
    expect(out.params).toEqual(['Station 1', 3]);
  });

  it('compares observation times as epoch milliseconds, the start and end of intervals', () => {
    const out = filter(d, 'Observation', 'phenomenonTime lt 2024-01-01T00:00:00Z');
    expect(out.sql).toContain('e.phenomenon_time <');
    expect(out.sql).toContain('coalesce(e.phenomenon_end, e.phenomenon_time) <');
    expect(out.params).toEqual([Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-01-01T00:00:00Z')]);
  });

  it('reads the result as the number or JSON its comparison needs', () => {
    expect(filter(d, 'Observation', 'result gt 5').sql).toContain('e.result_number >');
    expect(filter(d, 'Observation', "result eq 'open'").sql).toContain('e.result_json');
    expect(filter(d, 'Observation', 'result eq null').sql).toContain('e.result_number IS NULL');
  });

  it('joins navigation paths inside EXISTS', () => {
    const out = filter(d, 'Observation', "Datastream/Thing/name eq 'x' and Datastream/id eq 3");
    expect(out.sql).toMatch(/EXISTS \(SELECT 1 FROM sensor_datastreams a1, sensor_things a2 WHERE/);
    expect(out.sql).toContain('a1.id = e.datastream_id');
    expect(out.sql).toContain('a2.id = a1.thing_id');
    expect(out.params).toEqual(['x', 3]);
  });

  it('reads JSON members by bound paths', () => {
    const out = filter(d, 'Thing', "properties/owner/name eq 'Parks'");
    expect(out.params).toContain('Parks');
    expect(out.sql).not.toContain('owner');
  });

  it('calls the geometry functions, with a bounding-box test for locations', () => {
    const out = filter(
      d,
      'Location',
      "geo.intersects(location, geography'POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))')",
    );
    expect(out.sql).toContain('plaza_intersects(');
    expect(out.sql).toContain('e.maxx >=');
    const distance = filter(d, 'Location', "geo.distance(location, geography'POINT(-117.99 33.75)') lt 1000");
    expect(distance.sql).toContain('plaza_distance(');
    expect(distance.params).toContain(-117.99);
    expect(
      filter(d, 'FeatureOfInterest', "st_within(feature, geography'POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))')").sql,
    ).toContain('plaza_within(');
  });

  it('hides the rows of hidden datasets in joins too', () => {
    const out = filter(d, 'Datastream', "Thing/name eq 'x'", ['secret']);
    expect(out.sql).toContain('dataset_id');
    expect(out.params).toContain('secret');
  });

  it('orders by columns, by single related entities, and marks keyset columns', () => {
    const terms = compileOrder(
      parseOrderBy('phenomenonTime desc, Datastream/name, result'),
      context(d, 'Observation'),
    );
    expect(terms.map((t) => [t.desc, t.keyset])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(compiled(d, terms[1]!.sql).sql).toMatch(/^\(SELECT .*a1\.name/);
  });

  it('refuses type mistakes and unknown names with what to write instead', () => {
    const cases: [EntityName, string, RegExp][] = [
      ['Thing', 'nme eq 1', /a Thing has no "nme"; it has id, name/],
      ['Thing', 'name eq 1', /Cannot compare text with a number/],
      ['Thing', 'name', /needs a condition/],
      ['Observation', 'Datastream eq 1', /is an entity/],
      ['Location', "location eq 'x'", /do not compare/],
      ['Thing', 'name gt null', /Only eq and ne/],
      ['Thing', "geo.distance(name, geography'POINT(1 2)') lt 1", /takes geometries/],
      ['Thing', 'year(name) eq 2020', /takes a date and time/],
      ['Datastream', 'unitOfMeasurement eq 1', /give one of unitOfMeasurement\/name/],
    ];
    for (const [entity, text, message] of cases) {
      const error = errorOf(() => filter(d, entity, text));
      expect(error.code, text).toBe('sta.bad_query');
      expect(error.message, text).toMatch(message);
    }
    expect(errorOf(() => filter(d, 'Location', "st_touches(location, geography'POINT(1 2)')")).code).toBe(
      'sta.unsupported',
    );
    expect(
      errorOf(() => compileOrder(parseOrderBy('Datastreams/name'), context(d, 'Thing'))).message,
    ).toMatch(/collection/);
  });

  it('never writes a literal into the SQL text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (value) => {
        const quoted = `'${value.replace(/'/g, "''")}'`;
        const out = filter(d, 'Thing', `name eq ${quoted} or substringof(${quoted}, description)`);
        expect(out.params).toContain(value);
        expect(out.sql).not.toContain(quoted);
      }),
      { numRuns: 300 },
    );
  });

  it('answers any parsable filter with SQL or a stable error', () => {
    const pieces = [
      'name',
      'result',
      'phenomenonTime',
      'resultTime',
      'Datastream/Thing/name',
      'Datastream/id',
      'properties/a',
      'parameters/x',
      'FeatureOfInterest/feature',
      'id',
      ' eq ',
      ' ne ',
      ' lt ',
      ' and ',
      ' or ',
      'not ',
      ' add ',
      ' mod ',
      '(',
      ')',
      ',',
      "'x'",
      '1',
      '2.5',
      'true',
      'null',
      '2024-01-01T00:00:00Z',
      '2024-01-01',
      '10:00:00',
      "geography'POINT(1 2)'",
      "geography'POLYGON((0 0,1 0,1 1,0 0))'",
      'substringof(',
      'geo.distance(',
      'year(',
      'st_within(',
      'round(',
      'date(',
      'now()',
      'concat(',
      'geo.intersects(',
      'st_equals(',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<EntityName>('Observation', 'Thing', 'Datastream', 'Location'),
        (parts, entity) => {
          let expr;
          try {
            expr = parseFilter(parts.join(''));
          } catch {
            return;
          }
          try {
            compiled(d, compileFilter(expr, context(d, entity, ['hidden'])));
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toMatch(/^sta\./);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
