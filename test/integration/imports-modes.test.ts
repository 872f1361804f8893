/** Import modes: replace, append and upsert, and that a refused import changes nothing readers see. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDataset,
  download,
  failure,
  getDataset,
  importCsv,
  problemsOf,
  report,
  rowsJson,
  setUpApp,
  snapshot,
} from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const PERMITS = 'permit_id,amount,status\nP-1,100,open\nP-2,200,open\nP-3,300,closed\n';

describeDb('imports: replace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('replaces schema and rows, increments the version and changes the ETag', async () => {
    const { id } = await createDataset(t);
    const first = report(await importCsv(t, id, PERMITS));
    expect(first).toMatchObject({ mode: 'replace', data_version: 1, row_count: 3 });
    const before = await snapshot(t, id);

    const second = report(await importCsv(t, id, 'tree,height\nOak,12.5\n', { mode: 'replace' }));
    expect(second).toMatchObject({ mode: 'replace', data_version: 2, row_count: 1 });
    const after = await snapshot(t, id);

    expect(after.columns.map((c) => [c.field, c.type])).toEqual([
      ['tree', 'text'],
      ['height', 'number'],
    ]);
    expect(after.rowCount).toBe(1);
    expect(after.etag).toBeDefined();
    expect(after.etag).not.toBe(before.etag);
    expect(after.csv).toBe('tree,height\r\nOak,12.5\r\n');
    // The replaced table is dropped once retired: one table per dataset remains.
    expect(after.tables).toHaveLength(before.tables.length);
    expect(after.tables).not.toEqual(before.tables);
  });

  it('keeps the descriptions and units of columns that survive a replace', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const patched = await t.injectAsAdmin({
      method: 'PATCH',
      url: `/api/v1/datasets/${id}`,
      payload: { columns: [{ field: 'amount', description: 'Fee paid', unit: 'USD' }] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    report(await importCsv(t, id, 'permit_id,amount\nP-9,900\n'));
    expect((await getDataset(t, id)).columns).toEqual([
      { field: 'permit_id', name: 'permit_id', type: 'text', description: '', unit: null },
      { field: 'amount', name: 'amount', type: 'number', description: 'Fee paid', unit: 'USD' },
    ]);
  });

  it('lets a download that started before a replace finish with the old rows', async () => {
    const { id } = await createDataset(t);
    const lines = Array.from({ length: 5000 }, (_v, i) => `${i},old`);
    report(await importCsv(t, id, `n,version\n${lines.join('\n')}\n`));

    const rows = await t.app.services.tables.openRows(id);
    const iterator = rows.batches[Symbol.asyncIterator]();
    let count = 0;
    const versions = new Set<unknown>();
    let next = await iterator.next();
    // The read has begun; the replace publishes while it is under way.
    report(await importCsv(t, id, 'n,version\n1,new\n'));
    for (; !next.done; next = await iterator.next()) {
      count += next.value.length;
      for (const r of next.value) versions.add(r[1]);
    }
    expect(count).toBe(5000);
    expect([...versions]).toEqual(['old']);
    expect((await rowsJson(t, id)).map((r) => r.version)).toEqual(['new']);
  });
});

describeDb('imports: append', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('adds rows after the existing ones and counts them all', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const r = report(
      await importCsv(t, id, 'permit_id,amount,status\nP-4,400,open\nP-5,,open\n', { mode: 'append' }),
    );
    expect(r).toMatchObject({ mode: 'append', rows_written: 2, row_count: 5, data_version: 2 });

    const after = await snapshot(t, id);
    expect(after.rowCount).toBe(5);
    expect(after.etag).not.toBe(before.etag);
    expect(after.tables).toEqual(before.tables);
    const rows = await rowsJson(t, id);
    expect(rows.map((row) => row.permit_id)).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'P-5']);
    expect(rows[4]).toEqual({ permit_id: 'P-5', amount: null, status: 'open' });
  });

  it('appends points to a dataset with a location built from latitude and longitude', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, 'name,lat,lon\nA,33.74,-117.99\n'));
    report(await importCsv(t, id, 'name,lat,lon\nB,33.75,-117.98\n', { mode: 'append' }));
    expect(await rowsJson(t, id)).toEqual([
      { name: 'A', lat: 33.74, lon: -117.99, location: { type: 'Point', coordinates: [-117.99, 33.74] } },
      { name: 'B', lat: 33.75, lon: -117.98, location: { type: 'Point', coordinates: [-117.98, 33.75] } },
    ]);
    expect((await getDataset(t, id)).row_count).toBe(2);
  });

  it('matches columns by name, whatever their order in the file', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    report(await importCsv(t, id, 'status,amount,permit_id\nopen,400,P-4\n', { mode: 'append' }));
    expect((await rowsJson(t, id)).at(-1)).toEqual({ permit_id: 'P-4', amount: 400, status: 'open' });
  });

  it('refuses a column the dataset does not have (422 import.unknown_column) and changes nothing', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const error = failure(
      await importCsv(t, id, 'permit_id,amount,colour\nP-9,900,red\n', { mode: 'append' }),
      422,
      'import.unknown_column',
    );
    expect(error.message).toContain('colour');
    expect(await snapshot(t, id)).toEqual(before);
  });

  it('refuses a value of the wrong type with its line and column, and changes nothing', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const error = failure(
      await importCsv(t, id, 'permit_id,amount,status\nP-4,400,open\nP-5,lots,open\n', { mode: 'append' }),
      422,
      'import.bad_rows',
    );
    expect(error.message).toContain('line 3');
    expect(problemsOf(error)[0]).toMatchObject({ line: 3, column: 'amount', code: 'import.invalid_value' });
    expect(problemsOf(error)[0]?.message).toContain('lots');
    expect(await snapshot(t, id)).toEqual(before);
  });

  it('refuses to append to a dataset that has no data yet', async () => {
    const { id } = await createDataset(t);
    const error = failure(await importCsv(t, id, PERMITS, { mode: 'append' }), 422, 'import.format');
    expect(error.message).toContain('replace');
    expect((await getDataset(t, id)).row_count).toBeNull();
  });
});

describeDb('imports: upsert', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('updates rows whose key exists and inserts the others', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const r = report(
      await importCsv(t, id, 'permit_id,amount,status\nP-2,250,closed\nP-4,400,open\n', {
        mode: 'upsert',
        key: 'permit_id',
      }),
    );
    expect(r).toMatchObject({ mode: 'upsert', rows_written: 2, row_count: 4, data_version: 2 });

    const after = await snapshot(t, id);
    expect(after.rowCount).toBe(4);
    expect(after.etag).not.toBe(before.etag);
    const rows = await rowsJson(t, id);
    const byKey = Object.fromEntries(rows.map((row) => [row.permit_id, row]));
    expect(rows).toHaveLength(4);
    expect(byKey).toEqual({
      'P-1': { permit_id: 'P-1', amount: 100, status: 'open' },
      'P-2': { permit_id: 'P-2', amount: 250, status: 'closed' },
      'P-3': { permit_id: 'P-3', amount: 300, status: 'closed' },
      'P-4': { permit_id: 'P-4', amount: 400, status: 'open' },
    });
    const csvLines = (await download(t, id, 'csv')).body.trimEnd().split('\r\n');
    expect(csvLines).toHaveLength(5);

    // A second upsert on the same key still matches (the key index already exists).
    const again = report(
      await importCsv(t, id, 'permit_id,amount,status\nP-1,101,open\n', { mode: 'upsert', key: 'permit_id' }),
    );
    expect(again).toMatchObject({ row_count: 4, data_version: 3 });
    expect((await rowsJson(t, id)).find((row) => row.permit_id === 'P-1')?.amount).toBe(101);
  });

  it('leaves the columns a partial file does not have as they were', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const r = report(
      await importCsv(t, id, 'permit_id,status\nP-1,closed\nP-4,open\n', {
        mode: 'upsert',
        key: 'permit_id',
      }),
    );
    expect(r.row_count).toBe(4);
    const byKey = Object.fromEntries((await rowsJson(t, id)).map((row) => [row.permit_id, row]));
    // P-1 had amount 100: a file of status fixes must not erase it.
    expect(byKey['P-1']).toEqual({ permit_id: 'P-1', amount: 100, status: 'closed' });
    expect(byKey['P-4']).toEqual({ permit_id: 'P-4', amount: null, status: 'open' });
  });

  it('refuses a key repeated in the file (422 import.duplicate_key) and changes nothing', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const error = failure(
      await importCsv(t, id, 'permit_id,amount,status\nP-7,1,open\nP-7,2,open\n', {
        mode: 'upsert',
        key: 'permit_id',
      }),
      422,
      'import.duplicate_key',
    );
    expect(error.message).toContain('P-7');
    expect(await snapshot(t, id)).toEqual(before);
  });

  it('needs a key: without one, 422 import.key_not_found', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const error = failure(await importCsv(t, id, PERMITS, { mode: 'upsert' }), 422, 'import.key_not_found');
    expect(error.message).toContain('key');
    expect(await snapshot(t, id)).toEqual(before);
  });

  it('refuses a key that is not a column, naming the columns, and changes nothing', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, PERMITS));
    const before = await snapshot(t, id);
    const error = failure(
      await importCsv(t, id, PERMITS, { mode: 'upsert', key: 'permit_number' }),
      422,
      'import.key_not_found',
    );
    expect(error.message).toContain('permit_number');
    expect(error.message).toContain('permit_id');
    expect(await snapshot(t, id)).toEqual(before);
  });
});
