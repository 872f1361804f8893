/** Imports that succeed: geometry from every source format, inferred types, field names, and the HTTP contract. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDataset,
  failure,
  getDataset,
  importBody,
  importCsv,
  multipartBody,
  report,
  rowsJson,
  setUpApp,
} from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const typeOf = (columns: { field: string; type: string }[]) =>
  Object.fromEntries(columns.map((c) => [c.field, c.type]));

describeDb('imports: geometry from CSV, GeoJSON, NDJSON and WKT', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('builds a Point column "location" from latitude and longitude columns', async () => {
    const { id } = await createDataset(t);
    const csv = 'name,latitude,longitude\nSigler Park,33.745,-117.9951\nBolsa Chica Tree,33.7596,-117.9881\n';
    const r = report(await importCsv(t, id, csv));
    expect(r).toMatchObject({ status: 'succeeded', rows_written: 2, row_count: 2, format: 'csv' });

    const dataset = await getDataset(t, id);
    expect(dataset.geometry_type).toBe('Point');
    expect(typeOf(dataset.columns)).toEqual({
      name: 'text',
      latitude: 'number',
      longitude: 'number',
      location: 'geometry',
    });
    expect(await rowsJson(t, id)).toEqual([
      {
        name: 'Sigler Park',
        latitude: 33.745,
        longitude: -117.9951,
        location: { type: 'Point', coordinates: [-117.9951, 33.745] },
      },
      {
        name: 'Bolsa Chica Tree',
        latitude: 33.7596,
        longitude: -117.9881,
        location: { type: 'Point', coordinates: [-117.9881, 33.7596] },
      },
    ]);
  });

  it('imports a GeoJSON FeatureCollection of polygons with their properties', async () => {
    const { id } = await createDataset(t);
    const square = [
      [
        [-118.0, 33.7],
        [-117.99, 33.7],
        [-117.99, 33.71],
        [-118.0, 33.71],
        [-118.0, 33.7],
      ],
    ];
    const triangle = [
      [
        [-117.98, 33.75],
        [-117.97, 33.75],
        [-117.975, 33.76],
        [-117.98, 33.75],
      ],
    ];
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Ward 1', acres: 120.5 },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { name: 'Ward 2', acres: 80 },
          geometry: { type: 'Polygon', coordinates: triangle },
        },
      ],
    };
    const r = report(await importBody(t, id, JSON.stringify(collection, null, 2), 'application/geo+json'));
    expect(r).toMatchObject({ format: 'geojson', rows_written: 2 });

    const dataset = await getDataset(t, id);
    expect(dataset.geometry_type).toBe('Polygon');
    expect(typeOf(dataset.columns)).toEqual({ name: 'text', acres: 'number', geometry: 'geometry' });
    expect(await rowsJson(t, id)).toEqual([
      { name: 'Ward 1', acres: 120.5, geometry: { type: 'Polygon', coordinates: square } },
      { name: 'Ward 2', acres: 80, geometry: { type: 'Polygon', coordinates: triangle } },
    ]);
  });

  it('imports newline-delimited GeoJSON features', async () => {
    const { id } = await createDataset(t);
    const lines = [
      {
        type: 'Feature',
        properties: { tree: 'Oak', dbh: 12 },
        geometry: { type: 'Point', coordinates: [-117.99, 33.75] },
      },
      {
        type: 'Feature',
        properties: { tree: 'Palm', dbh: 8 },
        geometry: { type: 'Point', coordinates: [-117.98, 33.76] },
      },
      {
        type: 'Feature',
        properties: { tree: 'Elm', dbh: 20 },
        geometry: { type: 'Point', coordinates: [-117.97, 33.77] },
      },
    ];
    const body = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const r = report(await importBody(t, id, body, 'application/x-ndjson'));
    expect(r).toMatchObject({ format: 'ndjson', rows_written: 3, row_count: 3 });
    const rows = await rowsJson(t, id);
    expect(rows.map((row) => row.tree)).toEqual(['Oak', 'Palm', 'Elm']);
    expect(rows[2]).toEqual({
      tree: 'Elm',
      dbh: 20,
      geometry: { type: 'Point', coordinates: [-117.97, 33.77] },
    });
  });

  it('imports features that have geometry but no properties', async () => {
    const { id } = await createDataset(t);
    const lines = [
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-117.99, 33.75] } },
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [-117.98, 33.76] } },
    ];
    const r = report(
      await importBody(t, id, lines.map((l) => JSON.stringify(l)).join('\n'), 'application/x-ndjson'),
    );
    expect(r).toMatchObject({ rows_written: 2, row_count: 2 });
    expect(await rowsJson(t, id)).toEqual([
      { geometry: { type: 'Point', coordinates: [-117.99, 33.75] } },
      { geometry: { type: 'Point', coordinates: [-117.98, 33.76] } },
    ]);
  });

  it('turns a column whose every value is WKT into a geometry column', async () => {
    const { id } = await createDataset(t);
    const csv =
      'site,footprint\n' +
      'Library,"POLYGON ((-118 33.7, -117.99 33.7, -117.99 33.71, -118 33.7))"\n' +
      'Pool,"POLYGON ((-117.98 33.75, -117.97 33.75, -117.97 33.76, -117.98 33.75))"\n';
    report(await importCsv(t, id, csv));
    const dataset = await getDataset(t, id);
    expect(typeOf(dataset.columns)).toEqual({ site: 'text', footprint: 'geometry' });
    expect(dataset.geometry_type).toBe('Polygon');
    const rows = await rowsJson(t, id);
    expect(rows[0]).toEqual({
      site: 'Library',
      footprint: {
        type: 'Polygon',
        coordinates: [
          [
            [-118, 33.7],
            [-117.99, 33.7],
            [-117.99, 33.71],
            [-118, 33.7],
          ],
        ],
      },
    });
  });
});

describeDb('imports: inferred types and field names', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('infers numbers, booleans, dates and timestamps; keeps ZIPs and parcel numbers as text', async () => {
    const { id } = await createDataset(t);
    const csv = [
      'permit_id,amount,active,issued,issued_us,inspected_at,zip,parcel,score',
      'P-1,1200.50,true,2024-07-01,7/4/2024,2024-07-01 08:00:00,02134,0012345678,N/A',
      'P-2,300,false,2024-01-15,12/25/2023,2024-01-15 08:00:00,92683,0098765432,7.5',
      'P-3,-12.25,TRUE,2023-12-31,1/2/2024,2024-03-10 12:30:00,92844,1234567890,3',
    ].join('\n');
    report(await importCsv(t, id, csv));

    expect(typeOf((await getDataset(t, id)).columns)).toEqual({
      permit_id: 'text',
      amount: 'number',
      active: 'boolean',
      issued: 'date',
      issued_us: 'date',
      inspected_at: 'timestamp',
      zip: 'text',
      parcel: 'text',
      score: 'number',
    });
    expect(await rowsJson(t, id)).toEqual([
      {
        permit_id: 'P-1',
        amount: 1200.5,
        active: true,
        issued: '2024-07-01',
        issued_us: '2024-07-04',
        // Local times are Pacific: daylight time in July, standard time in January.
        inspected_at: '2024-07-01T15:00:00Z',
        zip: '02134',
        parcel: '0012345678',
        score: null,
      },
      {
        permit_id: 'P-2',
        amount: 300,
        active: false,
        issued: '2024-01-15',
        issued_us: '2023-12-25',
        inspected_at: '2024-01-15T16:00:00Z',
        zip: '92683',
        parcel: '0098765432',
        score: 7.5,
      },
      {
        permit_id: 'P-3',
        amount: -12.25,
        active: true,
        issued: '2023-12-31',
        issued_us: '2024-01-02',
        inspected_at: '2024-03-10T19:30:00Z',
        zip: '92844',
        parcel: '1234567890',
        score: 3,
      },
    ]);
  });

  it('keeps fractions of seconds, as milliseconds or microseconds, whatever the database', async () => {
    const { id } = await createDataset(t);
    const csv =
      'n,at\n1,2024-07-01 08:00:00.5\n2,2024-07-01T08:00:00.1234-07:00\n3,2024-07-01T15:00:00.25Z\n';
    report(await importCsv(t, id, csv));
    expect((await rowsJson(t, id)).map((row) => row.at)).toEqual([
      '2024-07-01T15:00:00.500Z',
      '2024-07-01T15:00:00.123400Z',
      '2024-07-01T15:00:00.250Z',
    ]);
  });

  it('applies type overrides given as ?types=zip=text,amount=number', async () => {
    const { id } = await createDataset(t);
    const csv = 'zip,amount\n92683,007\n92844,12\n';
    const r = report(await importCsv(t, id, csv, { types: 'zip=text,amount=number' }));
    expect(typeOf(r.columns)).toEqual({ zip: 'text', amount: 'number' });
    expect(await rowsJson(t, id)).toEqual([
      { zip: '92683', amount: 7 },
      { zip: '92844', amount: 12 },
    ]);
  });

  it('applies type overrides through the import service too', async () => {
    const { id } = await createDataset(t);
    const dir = mkdtempSync(join(tmpdir(), 'plaza-import-'));
    try {
      const file = join(dir, 'budget.csv');
      writeFileSync(file, 'zip,amount\n92683,007\n');
      const r = await t.app.services.imports.importFile({
        datasetId: id,
        file,
        types: 'zip=text,amount=number',
      });
      expect(r).toMatchObject({ status: 'succeeded', file_name: 'budget.csv', row_count: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await rowsJson(t, id)).toEqual([{ zip: '92683', amount: 7 }]);
  });

  it('makes safe field names from headers with spaces and accents, keeping the header as display name', async () => {
    const { id } = await createDataset(t);
    const csv = 'Permit Number,Café Name,Año,  Fee (USD) \nA-1,Café Luna,2024,12\n';
    report(await importCsv(t, id, csv));
    const columns = (await getDataset(t, id)).columns;
    expect(columns.map((c) => [c.field, c.name])).toEqual([
      ['permit_number', 'Permit Number'],
      ['cafe_name', 'Café Name'],
      ['ano', 'Año'],
      ['fee_usd', 'Fee (USD)'],
    ]);
    expect(await rowsJson(t, id)).toEqual([
      { permit_number: 'A-1', cafe_name: 'Café Luna', ano: 2024, fee_usd: 12 },
    ]);
  });

  it('sets data_updated_at and row_count when an import succeeds', async () => {
    const { id } = await createDataset(t);
    const before = await getDataset(t, id);
    expect(before).toMatchObject({ row_count: null, data_updated_at: null, columns: [] });

    const started = Date.now();
    report(await importCsv(t, id, 'a,b\n1,2\n3,4\n5,6\n'));
    const after = await getDataset(t, id);
    expect(after.row_count).toBe(3);
    expect(after.data_updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const at = Date.parse(after.data_updated_at ?? '');
    expect(at).toBeGreaterThanOrEqual(started - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describeDb('imports: the HTTP contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('accepts a multipart upload, with options as form fields', async () => {
    const { id } = await createDataset(t);
    const boundary = '----plaza-test-7MA4YWxkTrZu0gW';
    const body = multipartBody(
      boundary,
      { types: 'zip=text' },
      {
        field: 'file',
        name: 'permits.csv',
        type: 'text/csv',
        content: 'permit,zip\r\nA-1,92683\r\nA-2,92844\r\n',
      },
    );
    const res = await t.injectAsAdmin({
      method: 'POST',
      url: `/api/v1/datasets/${id}/imports`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    const r = report(res);
    expect(r).toMatchObject({ format: 'csv', rows_written: 2, file_name: 'permits.csv' });
    expect(await rowsJson(t, id)).toEqual([
      { permit: 'A-1', zip: '92683' },
      { permit: 'A-2', zip: '92844' },
    ]);
  });

  it('answers 400 import.no_file for a multipart form without a file', async () => {
    const { id } = await createDataset(t);
    const boundary = 'plaza-boundary-42';
    const res = await t.injectAsAdmin({
      method: 'POST',
      url: `/api/v1/datasets/${id}/imports`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nreplace\r\n--${boundary}--\r\n`,
    });
    expect(failure(res, 400, 'import.no_file').message).toContain('"file"');
  });

  it('answers 404 dataset.not_found for an unknown dataset', async () => {
    const error = failure(await importCsv(t, 'no-such-dataset', 'a\n1\n'), 404, 'dataset.not_found');
    expect(error.message).toContain('no-such-dataset');
  });

  it('answers 400 request.unknown_parameter for an unknown query parameter', async () => {
    const { id } = await createDataset(t);
    const error = failure(
      await importCsv(t, id, 'a\n1\n', { mood: 'replace' }),
      400,
      'request.unknown_parameter',
    );
    expect(error.message).toContain('mood');
    expect(error.details).toMatchObject({ unknown: ['mood'] });
    expect((await getDataset(t, id)).row_count).toBeNull();
  });

  it('lists the imports of a dataset, failed ones with their error', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, 'a\n1\n'));
    failure(await importCsv(t, id, ''), 422, 'import.empty_file');
    const res = await t.injectAsAdmin(`/api/v1/datasets/${id}/imports`);
    expect(res.statusCode).toBe(200);
    const { results } = res.json<{ results: { status: string; report: { error?: { code: string } } }[] }>();
    expect(results.map((r) => r.status).sort()).toEqual(['failed', 'succeeded']);
    expect(results.find((r) => r.status === 'failed')?.report.error?.code).toBe('import.empty_file');
  });
});
