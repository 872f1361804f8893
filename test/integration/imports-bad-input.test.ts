/**
 * Files with problems: each is refused with a stable code and a message that says what to fix, and a refused
 * import leaves the data readers see exactly as it was. Some problems are not problems: BOM, CRLF, odd headers.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  createDataset,
  failure,
  getDataset,
  importBody,
  importCsv,
  problemsOf,
  report,
  rowsJson,
  setUpApp,
  snapshot,
  type DataSnapshot,
  type ErrorBody,
} from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const GOOD = 'id,name,amount\n1,Main St,10\n2,Elm Ave,20\n';

const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features }, null, 1);

describeDb('imports: refused files change nothing', () => {
  let t: TestApp;
  let id: string;
  let before: DataSnapshot;
  beforeAll(async () => {
    t = await setUpApp();
    id = (await createDataset(t)).id;
    report(await importCsv(t, id, GOOD));
    before = await snapshot(t, id);
  });
  afterAll(() => t.close());

  /** Asserts the refusal, then that readers see the same bytes, ETag, count, date, and no new tables. */
  async function refused(
    res: LightMyRequestResponse,
    status: number,
    code: string,
  ): Promise<ErrorBody['error']> {
    const error = failure(res, status, code);
    expect(await snapshot(t, id)).toEqual(before);
    return error;
  }

  it('an unbalanced quote: import.unbalanced_quote naming the line where the quote opens', async () => {
    const error = await refused(
      await importCsv(t, id, 'id,name,amount\n1,Main St,10\n2,"Elm Ave,20\n3,Oak Rd,30\n'),
      422,
      'import.unbalanced_quote',
    );
    expect(error.message).toContain('line 3');
    expect(error.details).toMatchObject({ line: 3 });
  });

  it('a ragged row: import.bad_rows whose first problem gives the line and import.ragged_row', async () => {
    const error = await refused(
      await importCsv(t, id, 'id,name,amount\n1,Main St,10\n2,Elm Ave\n3,Oak Rd,30\n'),
      422,
      'import.bad_rows',
    );
    expect(error.message).toContain('line 3');
    expect(error.message).toContain('on_error=skip');
    expect(error.details).toMatchObject({ problem_count: 1 });
    expect(problemsOf(error)[0]).toMatchObject({ line: 3, code: 'import.ragged_row' });
    expect(problemsOf(error)[0]?.message).toMatch(/2 fields but the header has 3/);
  });

  it('Latin-1 bytes: import.encoding naming the line and the way out', async () => {
    const bytes = Buffer.from('id,name,amount\n1,Café Luna,10\n', 'latin1');
    const error = await refused(await importCsv(t, id, bytes), 422, 'import.encoding');
    expect(error.message).toContain('line 2');
    expect(error.message).toContain('latin1');
  });

  it('an empty file: import.empty_file', async () => {
    await refused(await importCsv(t, id, ''), 422, 'import.empty_file');
  });

  it('a header without rows: import.no_rows', async () => {
    const error = await refused(await importCsv(t, id, 'id,name,amount\n'), 422, 'import.no_rows');
    expect(error.message).toMatch(/no data rows/);
  });

  it('GeoJSON with out-of-range coordinates: import.bad_rows with import.invalid_geometry', async () => {
    const body = collection(
      feature({ name: 'ok' }, point(-117.99, 33.75)),
      feature({ name: 'swapped' }, point(33.75, -117.99)),
    );
    const error = await refused(
      await importBody(t, id, body, 'application/geo+json'),
      422,
      'import.bad_rows',
    );
    const problem = problemsOf(error)[0];
    expect(problem).toMatchObject({ code: 'import.invalid_geometry' });
    expect(problem?.message).toMatch(/out of range/);
    expect(error.message).toContain(`line ${problem?.line}`);
  });

  it('GeoJSON with an unclosed polygon ring: import.invalid_geometry saying to close it', async () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [-118, 33.7],
          [-117.99, 33.7],
          [-117.99, 33.71],
          [-118, 33.71],
        ],
      ],
    };
    const error = await refused(
      await importBody(t, id, collection(feature({ name: 'open' }, open)), 'application/geo+json'),
      422,
      'import.bad_rows',
    );
    expect(problemsOf(error)[0]).toMatchObject({ code: 'import.invalid_geometry' });
    expect(problemsOf(error)[0]?.message).toMatch(/not closed/);
  });

  it('a feature with null or missing geometry: import.missing_geometry with its line', async () => {
    const body = [
      JSON.stringify(feature({ name: 'ok' }, point(-117.99, 33.75))),
      JSON.stringify(feature({ name: 'null' }, null)),
      JSON.stringify({ type: 'Feature', properties: { name: 'missing' } }),
    ].join('\n');
    const error = await refused(
      await importBody(t, id, body, 'application/x-ndjson'),
      422,
      'import.bad_rows',
    );
    expect(error.details).toMatchObject({ problem_count: 2 });
    expect(problemsOf(error).map((p) => [p.line, p.code])).toEqual([
      [2, 'import.missing_geometry'],
      [3, 'import.missing_geometry'],
    ]);
  });

  it('a file that is not GeoJSON: import.not_geojson', async () => {
    for (const body of [GOOD, '{"type": "Topology", "objects": {}}', '[1, 2, 3]']) {
      const error = await refused(
        await importBody(t, id, body, 'application/geo+json'),
        422,
        'import.not_geojson',
      );
      expect(error.message).toMatch(/GeoJSON/);
    }
  });

  it('an empty FeatureCollection: import.no_rows saying there are no features', async () => {
    const error = await refused(
      await importBody(t, id, collection(), 'application/geo+json'),
      422,
      'import.no_rows',
    );
    expect(error.message).toMatch(/feature|rows/i);
  });

  it('truncated JSON: import.invalid_json naming the line where it ends', async () => {
    const whole = collection(
      feature({ name: 'a' }, point(-117.99, 33.75)),
      feature({ name: 'b' }, point(-117.98, 33.76)),
    );
    const cut = whole.slice(0, whole.length - 40);
    const error = await refused(
      await importBody(t, id, cut, 'application/geo+json'),
      422,
      'import.invalid_json',
    );
    expect(error.message).toMatch(/truncated|line \d+/);
    expect(error.details).toHaveProperty('line');
  });

  it('an invalid value in a WKT column: import.bad_rows with the line and column', async () => {
    const csv =
      'site,shape\nA,POINT (-117.99 33.75)\nB,"POLYGON ((-118 33.7, -117.99 33.7, -117.99 33.71, -118 33.71))"\n';
    const error = await refused(await importCsv(t, id, csv), 422, 'import.bad_rows');
    expect(problemsOf(error)[0]).toMatchObject({ line: 3, column: 'shape', code: 'import.invalid_geometry' });
  });

  it('an unknown type in ?types: import.invalid_type_override', async () => {
    const error = await refused(
      await importCsv(t, id, GOOD, { types: 'amount=money' }),
      422,
      'import.invalid_type_override',
    );
    expect(error.message).toContain('money');
  });

  it('an override that does not fit a value: the line and the value', async () => {
    const error = await refused(
      await importCsv(t, id, 'id,name,amount\n1,Main St,ten\n', { types: 'amount=number' }),
      422,
      'import.bad_rows',
    );
    expect(problemsOf(error)[0]).toMatchObject({ line: 2, column: 'amount', code: 'import.invalid_value' });
  });

  it('an unknown query parameter: 400 request.unknown_parameter', async () => {
    await refused(await importCsv(t, id, GOOD, { on_errors: 'skip' }), 400, 'request.unknown_parameter');
  });

  it('no token (401), a wrong token (403), a wrong content type (415)', async () => {
    const post = (headers: Record<string, string>) =>
      t.inject({ method: 'POST', url: `/api/v1/datasets/${id}/imports`, headers, payload: GOOD });
    await refused(await post({ 'content-type': 'text/csv' }), 401, 'auth.required');
    await refused(
      await post({ 'content-type': 'text/csv', authorization: 'Bearer not-the-admin-token-at-all' }),
      403,
      'auth.forbidden',
    );
    await refused(await importBody(t, id, GOOD, 'text/plain'), 415, 'request.unsupported_media_type');
  });

  it('an override naming a column the file does not have: import.unknown_column listing the columns', async () => {
    const error = await refused(
      await importCsv(t, id, GOOD, { types: 'zip=text' }),
      422,
      'import.unknown_column',
    );
    expect(error.message).toContain('zip');
    expect(error.message).toContain('amount');
  });

  it('only bad rows, even with on_error=skip: import.no_rows, and the staging table is gone', async () => {
    const error = await refused(
      await importCsv(t, id, 'id,name,amount\n1,Main St\n2\n', { on_error: 'skip' }),
      422,
      'import.no_rows',
    );
    expect(error.message).toMatch(/problems/);
  });

  it('leaves no uploaded file behind in the spool folder', () => {
    const spool = join(t.config.dataDir, 'spool');
    expect(existsSync(spool) ? readdirSync(spool) : []).toEqual([]);
  });
});

describeDb('imports: problems that are not fatal', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    id = (await createDataset(t)).id;
  });

  it('a NUL character in a value is imported or refused with its line, never a server error', async () => {
    await t.app.services.imports.collectRetired(0);
    const tables = await t.app.services.db.adapter.listTables('t_');
    const res = await importCsv(t, id, 'id,name\n1,Main\u0000St\n');
    if (res.statusCode === 201) {
      expect((await rowsJson(t, id))[0]?.name).toBe('Main\u0000St');
      return;
    }
    await t.app.services.imports.collectRetired(0);
    expect(await t.app.services.db.adapter.listTables('t_')).toEqual(tables);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<ErrorBody>().error.message).toContain('line 2');
  });

  it('with on_error=skip, imports the good rows and counts the skipped ones', async () => {
    const csv = 'id,name,amount\n1,Main St,10\n2,Elm Ave\n3,Oak Rd,30\n4,x,y,z\n5,Pine Ln,50\n';
    const r = report(await importCsv(t, id, csv, { on_error: 'skip' }));
    expect(r).toMatchObject({ rows_written: 3, rows_skipped: 2, row_count: 3, problem_count: 2 });
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'import.ragged_row'],
      [5, 'import.ragged_row'],
    ]);
    expect((await rowsJson(t, id)).map((row) => row.id)).toEqual([1, 3, 5]);
    expect((await getDataset(t, id)).row_count).toBe(3);
  });

  it('with on_error=skip, skips features without geometry', async () => {
    const body = collection(feature({ name: 'a' }, point(-117.99, 33.75)), feature({ name: 'b' }, null));
    const r = report(await importBody(t, id, body, 'application/geo+json', { on_error: 'skip' }));
    expect(r).toMatchObject({ rows_written: 1, rows_skipped: 1 });
    expect(await rowsJson(t, id)).toEqual([{ name: 'a', geometry: point(-117.99, 33.75) }]);
  });

  it('a UTF-8 byte-order mark is not part of the first header', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]);
    const r = report(await importCsv(t, id, bytes));
    expect(r.columns.map((c) => c.field)).toEqual(['id', 'name', 'amount']);
    expect(r.columns[0]?.name).toBe('id');
  });

  it('CRLF line ends read like LF', async () => {
    report(await importCsv(t, id, GOOD.replace(/\n/g, '\r\n')));
    expect(await rowsJson(t, id)).toEqual([
      { id: 1, name: 'Main St', amount: 10 },
      { id: 2, name: 'Elm Ave', amount: 20 },
    ]);
  });

  it('with encoding=latin1, accented text arrives intact', async () => {
    const bytes = Buffer.from('id,name\n1,Café Luna\n2,Señor Taco\n', 'latin1');
    report(await importCsv(t, id, bytes, { encoding: 'latin1' }));
    expect((await rowsJson(t, id)).map((row) => row.name)).toEqual(['Café Luna', 'Señor Taco']);
  });

  it('duplicate and blank column names are renamed, with warnings in the report', async () => {
    const r = report(await importCsv(t, id, 'name,name,\nA,B,C\n'));
    expect(r.columns.map((c) => c.field)).toEqual(['name', 'name_2', 'column_3']);
    expect(r.warnings.map((w) => [w.column, w.code])).toEqual([
      ['name_2', 'import.duplicate_column'],
      ['column_3', 'import.blank_column'],
    ]);
    expect(r.warnings[0]?.message).toContain('rename');
    expect(await rowsJson(t, id)).toEqual([{ name: 'A', name_2: 'B', column_3: 'C' }]);
  });
});
