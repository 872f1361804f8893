/** Full downloads: formats that tools read back exactly, the headers caches rely on, and who may download. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDataset,
  download,
  failure,
  getDataset,
  importBody,
  importCsv,
  parseRfc4180,
  report,
  setUpApp,
} from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const FORMATS = ['csv', 'json', 'ndjson', 'geojson'] as const;
const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** Values that CSV must quote, and values that other escapings (COPY, JSON) must carry intact. */
const TRICKY = [
  'plain',
  'comma, inside',
  'say "hello"',
  'two\nlines',
  'crlf\r\nline',
  'back\\slash and\ttab',
  '  padded  ',
  'Café 🌳',
];

/** Builds a CSV file the way a careful exporter would (every text quoted). */
function csvFile(header: string[], rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

describeDb('downloads: formats', () => {
  let t: TestApp;
  let id: string;
  let geoId: string;
  beforeAll(async () => {
    t = await setUpApp();
    id = (await createDataset(t)).id;
    const rows = TRICKY.map((text, i) => [
      String(i + 1),
      text,
      String(i * 1.5),
      i % 2 === 0 ? 'true' : 'false',
      `2024-07-0${(i % 9) + 1}`,
      `2024-07-01 0${i}:30:00`,
      (33.74 + i / 100).toFixed(2),
      (-117.99 + i / 100).toFixed(2),
    ]);
    const header = ['id', 'note', 'amount', 'open', 'day', 'seen_at', 'latitude', 'longitude'];
    report(await importCsv(t, id, csvFile(header, rows)));

    geoId = (await createDataset(t)).id;
    const ward = {
      type: 'Polygon',
      coordinates: [
        [
          [-118, 33.7],
          [-117.99, 33.7],
          [-117.99, 33.71],
          [-118, 33.7],
        ],
      ],
    };
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { ward: 1, name: 'North' }, geometry: ward },
        {
          type: 'Feature',
          properties: { ward: 2, name: 'South' },
          geometry: { type: 'Point', coordinates: [-117.98, 33.75] },
        },
      ],
    });
    report(await importBody(t, geoId, body, 'application/geo+json'));
  });
  afterAll(() => t.close());

  it('rows.csv is RFC 4180 and parses back to the same values', async () => {
    const res = await download(t, id, 'csv');
    const text = res.body;
    expect(text.endsWith('\r\n')).toBe(true);
    // Every line end outside quotes is CRLF: no bare LF once quoted fields are removed.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records = parseRfc4180(text);
    expect(records[0]).toEqual([
      'id',
      'note',
      'amount',
      'open',
      'day',
      'seen_at',
      'latitude',
      'longitude',
      'location',
    ]);
    expect(records).toHaveLength(TRICKY.length + 1);
    expect(records.slice(1).map((r) => r[1])).toEqual(TRICKY);
    expect(text).toContain('"say ""hello"""');
    expect(text).toContain('"two\nlines"');
    expect(records[1]).toEqual([
      '1',
      'plain',
      '0',
      'true',
      '2024-07-01',
      '2024-07-01T07:30:00Z',
      '33.74',
      '-117.99',
      'POINT (-117.99 33.74)',
    ]);
    for (const record of records.slice(1)) expect(record[5]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('rows.csv?bom=true starts with a byte-order mark for spreadsheets', async () => {
    const res = await t.inject(`/api/v1/datasets/${id}/rows.csv?bom=true`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.replace(/^\ufeff/, '')).toBe((await download(t, id, 'csv')).body);
  });

  it('rows.json and rows.ndjson give typed values and geometry as GeoJSON', async () => {
    const json = (await download(t, id, 'json')).json<Record<string, unknown>[]>();
    const ndjsonText = (await download(t, id, 'ndjson')).body;
    expect(ndjsonText.endsWith('\n')).toBe(true);
    const ndjson = ndjsonText
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(ndjson).toEqual(json);
    expect(json.map((r) => r.note)).toEqual(TRICKY);
    expect(json[1]).toEqual({
      id: 2,
      note: 'comma, inside',
      amount: 1.5,
      open: false,
      day: '2024-07-02',
      seen_at: '2024-07-01T08:30:00Z',
      latitude: 33.75,
      longitude: -117.98,
      location: { type: 'Point', coordinates: [-117.98, 33.75] },
    });
  });

  it('rows.geojson is a FeatureCollection whose features all have type, properties and geometry', async () => {
    const res = await download(t, geoId, 'geojson');
    const fc = res.json<{
      type: string;
      license: string;
      features: { type: string; properties: Record<string, unknown>; geometry: { type: string } }[];
    }>();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.license).toBe(LICENCE_URL);
    expect(fc.features).toHaveLength(2);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.properties).toBeTypeOf('object');
      expect(f.geometry).toBeTypeOf('object');
      expect(f.properties).not.toHaveProperty('geometry');
    }
    expect(fc.features.map((f) => [f.properties.ward, f.properties.name, f.geometry.type])).toEqual([
      [1, 'North', 'Polygon'],
      [2, 'South', 'Point'],
    ]);
    const csv = parseRfc4180((await download(t, geoId, 'csv')).body);
    expect(csv[1]).toEqual(['1', 'North', 'POLYGON ((-118 33.7, -117.99 33.7, -117.99 33.71, -118 33.7))']);
    expect(csv[2]).toEqual(['2', 'South', 'POINT (-117.98 33.75)']);
  });

  it('keeps the elevation of 3D points in every format', async () => {
    const pointsId = (await createDataset(t)).id;
    const body = [
      {
        type: 'Feature',
        properties: { n: 1 },
        geometry: { type: 'Point', coordinates: [-117.99, 33.75, 12.5] },
      },
      {
        type: 'Feature',
        properties: { n: 2 },
        geometry: { type: 'Point', coordinates: [-117.98, 33.76, 14] },
      },
    ]
      .map((f) => JSON.stringify(f))
      .join('\n');
    report(await importBody(t, pointsId, body, 'application/x-ndjson'));
    expect((await download(t, pointsId, 'json')).json<{ geometry: unknown }[]>()[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [-117.99, 33.75, 12.5],
    });
    const csv = parseRfc4180((await download(t, pointsId, 'csv')).body);
    expect(csv.slice(1).map((r) => r[1])).toEqual([
      'POINT Z (-117.99 33.75 12.5)',
      'POINT Z (-117.98 33.76 14)',
    ]);
  });

  it('rows.geojson of a dataset without geometry: 400 dataset.no_geometry', async () => {
    const plain = (await createDataset(t)).id;
    report(await importCsv(t, plain, 'a,b\n1,2\n'));
    failure(await t.inject(`/api/v1/datasets/${plain}/rows.geojson`), 400, 'dataset.no_geometry');
    const formats = async (dataset: string) =>
      (await t.inject(`/api/v1/datasets/${dataset}`))
        .json<{ distributions: { format: string }[] }>()
        .distributions.map((d) => d.format);
    expect(await formats(plain)).not.toContain('GeoJSON');
    expect(await formats(geoId)).toContain('GeoJSON');
  });

  it('sends Content-Type, Content-Disposition, ETag, Last-Modified and the licence Link', async () => {
    const types = {
      csv: 'text/csv',
      json: 'application/json',
      ndjson: 'application/x-ndjson',
      geojson: 'application/geo\\+json',
    };
    const dataUpdatedAt = (await getDataset(t, id)).data_updated_at ?? '';
    for (const format of FORMATS) {
      const res = await t.inject(`/api/v1/datasets/${id}/rows.${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(new RegExp(`^${types[format]};.*charset=utf-8`));
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${id}.${format}"`);
      expect(res.headers.etag).toMatch(/^(W\/)?".+"$/);
      expect(Date.parse(String(res.headers['last-modified']))).toBe(
        Math.floor(Date.parse(dataUpdatedAt) / 1000) * 1000,
      );
      expect(res.headers.link).toBe(`<${LICENCE_URL}>; rel="license"`);
    }
  });

  it('answers 400 request.unknown_parameter on the download endpoints', async () => {
    for (const format of FORMATS) {
      const res = await t.inject(`/api/v1/datasets/${geoId}/rows.${format}?limit=10`);
      expect(failure(res, 400, 'request.unknown_parameter').message).toContain('limit');
    }
  });
});

describeDb('downloads: conditional requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('answers 304 to If-None-Match and If-Modified-Since, 200 once the data changed', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, 'a\n1\n'));
    const url = `/api/v1/datasets/${id}/rows.csv`;
    const first = await t.inject(url);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);

    const byTag = await t.inject({ url, headers: { 'if-none-match': etag } });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    expect(byTag.headers.etag).toBe(etag);
    const byDate = await t.inject({ url, headers: { 'if-modified-since': lastModified } });
    expect(byDate.statusCode).toBe(304);
    const older = new Date(Date.parse(lastModified) - 3_600_000).toUTCString();
    expect((await t.inject({ url, headers: { 'if-modified-since': older } })).statusCode).toBe(200);
    expect((await t.inject({ url, headers: { 'if-none-match': '"something-else"' } })).statusCode).toBe(200);

    report(await importCsv(t, id, 'a\n2\n'));
    const changed = await t.inject({ url, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toBe('a\r\n2\r\n');
  });

  it('does not answer 304 for a deleted and re-created dataset that has other data', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, 'a\nold\n'));
    const url = `/api/v1/datasets/${id}/rows.csv`;
    const etag = String((await t.inject(url)).headers.etag);

    expect((await t.injectAsAdmin({ method: 'DELETE', url: `/api/v1/datasets/${id}` })).statusCode).toBe(204);
    await createDataset(t, { id });
    report(await importCsv(t, id, 'a\nnew\n'));
    const res = await t.inject({ url, headers: { 'if-none-match': etag } });
    expect(res.statusCode, 'a cache holding the old rows must not be told they are current').toBe(200);
    expect(res.body).toBe('a\r\nnew\r\n');
  });
});

describeDb('downloads: who may download what', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('a dataset without data: 404 dataset.no_data on every format', async () => {
    const { id } = await createDataset(t);
    for (const format of FORMATS) {
      failure(await t.inject(`/api/v1/datasets/${id}/rows.${format}`), 404, 'dataset.no_data');
    }
  });

  it('a restricted dataset: metadata public, rows 403 dataset.restricted, 200 for the admin', async () => {
    const { id } = await createDataset(t, { access_level: 'restricted' });
    report(await importCsv(t, id, 'name,lat,lon\nA,33.74,-117.99\n'));
    const meta = await t.inject(`/api/v1/datasets/${id}`);
    expect(meta.statusCode).toBe(200);
    expect(meta.json<{ row_count: number }>().row_count).toBe(1);
    expect((await t.inject(`/datasets/${id}`)).statusCode).toBe(200);
    for (const format of FORMATS) {
      failure(await t.inject(`/api/v1/datasets/${id}/rows.${format}`), 403, 'dataset.restricted');
      const wrongToken = await t.inject({
        url: `/api/v1/datasets/${id}/rows.${format}`,
        headers: { authorization: 'Bearer not-the-admin-token-at-all' },
      });
      expect(wrongToken.statusCode).toBe(403);
      expect((await t.injectAsAdmin(`/api/v1/datasets/${id}/rows.${format}`)).statusCode).toBe(200);
    }
  });

  it('draft, unpublished and non-public datasets are 404 to anonymous readers everywhere', async () => {
    const hidden = [{ status: 'draft' }, { status: 'unpublished' }, { access_level: 'non-public' }];
    for (const overrides of hidden) {
      const { id } = await createDataset(t, overrides);
      report(await importCsv(t, id, 'name,lat,lon\nA,33.74,-117.99\n'));
      const urls = [
        `/api/v1/datasets/${id}`,
        ...FORMATS.map((f) => `/api/v1/datasets/${id}/rows.${f}`),
        `/datasets/${id}`,
      ];
      for (const url of urls) {
        const res = await t.inject(url);
        expect(res.statusCode, `${JSON.stringify(overrides)} ${url}`).toBe(404);
        expect(res.body).not.toContain('33.74');
        expect((await t.injectAsAdmin(url)).statusCode, `admin ${url}`).toBe(200);
      }
      const listed = await t.inject('/api/v1/datasets');
      expect(listed.json<{ results: { id: string }[] }>().results.map((d) => d.id)).not.toContain(id);
    }
  });
});
