/** The native query endpoint: answers, paging, errors, formats, caching and access, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, importCsv, parseRfc4180, report, setUpApp } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

interface Page {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  next: string | null;
  total?: number;
}

const PERMITS = [
  'permit_no,kind,valuation,issued,final,name,latitude,longitude',
  'P-1,Residential,1200.5,2024-01-15,true,Phở Hòa remodel,33.7592,-117.9897',
  'P-2,Commercial,56000,2024-01-20,false,Bolsa mall signage,33.7450,-117.9560',
  'P-3,Residential,800,2024-02-02,true,Garage door,33.7400,-118.0100',
  'P-4,Solar,15000,2024-02-10,,Roof solar array,33.7600,-117.9900',
  'P-5,Commercial,,2024-03-01,false,"Kitchen, hood vent",33.7700,-117.9700',
  'P-6,Residential,2500,2024-03-05,true,Bánh mì shop patio,33.7595,-117.9895',
  'P-7,Solar,9000,,true,Carport solar,,',
].join('\n');

describeDb('query: the native endpoint', () => {
  let t: TestApp;
  let id: string;
  const q = async (params: Record<string, string>, path = 'query') => {
    const res = await t.inject(`/api/v1/datasets/${id}/${path}?${new URLSearchParams(params).toString()}`);
    return res;
  };
  const page = async (params: Record<string, string>) => {
    const res = await q(params);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    t = await setUpApp();
    id = (await createDataset(t)).id;
    report(await importCsv(t, id, PERMITS));
  });
  afterAll(() => t.close());

  it('filters, orders and limits, with typed values', async () => {
    const body = await page({
      $where: "kind = 'Residential' AND valuation > 1000",
      $order: 'valuation DESC',
    });
    expect(body.rows.map((r) => r.permit_no)).toEqual(['P-6', 'P-1']);
    expect(body.rows[0]).toMatchObject({ valuation: 2500, final: true, issued: '2024-03-05' });
    expect(body.rows[0]!.location).toEqual({ type: 'Point', coordinates: [-117.9895, 33.7595] });
    expect(body.columns.find((c) => c.name === 'valuation')?.type).toBe('number');
    expect(body.next).toBeNull();
  });

  it('aggregates per group, in a stable order', async () => {
    const body = await page({
      $select: 'kind, count(*) AS n, sum(valuation) AS total, max(issued)',
      $group: 'kind',
      $order: 'n DESC',
    });
    expect(body.rows).toEqual([
      { kind: 'Residential', n: 3, total: 4500.5, max_issued: '2024-03-05' },
      { kind: 'Commercial', n: 2, total: 56000, max_issued: '2024-03-01' },
      { kind: 'Solar', n: 2, total: 24000, max_issued: '2024-02-10' },
    ]);
  });

  it('truncates dates to months and counts per month', async () => {
    const body = await page({
      $select: 'date_trunc_ym(issued) AS month, count(*) AS n',
      $group: 'month',
      $where: 'issued IS NOT NULL',
    });
    expect(body.rows).toEqual([
      { month: '2024-01-01', n: 2 },
      { month: '2024-02-01', n: 2 },
      { month: '2024-03-01', n: 2 },
    ]);
  });

  it('takes a whole $query statement and simple column filters', async () => {
    const statement = await page({
      $query: 'SELECT permit_no WHERE final = true ORDER BY permit_no DESC LIMIT 2',
    });
    expect(statement.rows).toEqual([{ permit_no: 'P-7' }, { permit_no: 'P-6' }]);
    const filtered = await page({ kind: 'Solar', $select: 'permit_no' });
    expect(filtered.rows).toEqual([{ permit_no: 'P-4' }, { permit_no: 'P-7' }]);
  });

  it('pages through every row once with next links, and counts them', async () => {
    const seen: unknown[] = [];
    let body = await page({ $select: 'permit_no', $limit: '3', $$count: 'true' });
    expect(body.total).toBe(7);
    seen.push(...body.rows.map((r) => r.permit_no));
    while (body.next) {
      const url = new URL(body.next);
      const res = await t.inject(url.pathname + url.search);
      expect(res.statusCode, res.body).toBe(200);
      body = res.json<Page>();
      seen.push(...body.rows.map((r) => r.permit_no));
    }
    expect(seen).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7']);
  });

  it('pages an ordered query by offset, and says when a page is cut', async () => {
    const first = await page({ $select: 'permit_no', $order: 'valuation DESC', $limit: '4' });
    expect(first.rows.map((r) => r.permit_no)).toEqual(['P-5', 'P-2', 'P-4', 'P-7']);
    const res = await q({ $select: 'permit_no', $order: 'valuation DESC', $limit: '4' });
    expect(res.headers.link).toContain('rel="next"');
    const url = new URL(first.next!);
    const second = (await t.inject(url.pathname + url.search)).json<Page>();
    expect(second.rows.map((r) => r.permit_no)).toEqual(['P-6', 'P-1', 'P-3']);
    expect(second.next).toBeNull();
    const capped = await q({ $select: 'permit_no', $limit: '60000' });
    expect(capped.headers['x-plaza-limit-capped']).toBe('7');
  });

  it('answers $limit=0 with the columns alone', async () => {
    const body = await page({ $select: 'permit_no, valuation', $limit: '0' });
    expect(body.rows).toEqual([]);
    expect(body.next).toBeNull();
    expect(body.columns.map((c) => c.name)).toEqual(['permit_no', 'valuation']);
  });

  it('groups by a geo predicate and by a condition (inside or outside a circle)', async () => {
    const body = await page({
      $select:
        'within_circle(location, 33.7593, -117.9896, 50) AS near, count(*) AS n, upper(min(name)) AS first',
      $group: 'near',
      $having: '(near AND n > 0) OR n > 3',
      $order: 'n DESC',
    });
    expect(body.rows).toEqual([
      { near: false, n: 5, first: 'BOLSA MALL SIGNAGE' },
      { near: true, n: 2, first: 'BÁNH MÌ SHOP PATIO' },
    ]);
  });

  it('finds points near a place, in a box, in a polygon, and measures distance', async () => {
    const circle = await page({
      $select: 'permit_no',
      $where: 'within_circle(location, 33.7593, -117.9896, 50)',
    });
    expect(circle.rows.map((r) => r.permit_no)).toEqual(['P-1', 'P-6']);
    const box = await page({
      $select: 'permit_no',
      $where: 'within_box(location, 33.765, -118.0, 33.75, -117.98)',
    });
    expect(box.rows.map((r) => r.permit_no)).toEqual(['P-1', 'P-4', 'P-6']);
    const polygon = await page({
      $select: 'permit_no',
      $where:
        "within_polygon(location, 'MULTIPOLYGON (((-118.02 33.73, -117.95 33.73, -117.95 33.75, -118.02 33.75, -118.02 33.73)))')",
    });
    expect(polygon.rows.map((r) => r.permit_no)).toEqual(['P-2', 'P-3']);
    const outside = await page({
      $select: 'permit_no',
      $where: 'NOT within_box(location, 33.765, -118.0, 33.75, -117.98)',
    });
    expect(outside.rows.map((r) => r.permit_no)).toEqual(['P-2', 'P-3', 'P-5', 'P-7']);
    const distance = await page({
      $select: "permit_no, distance_in_meters(location, 'POINT (-117.9897 33.7592)') AS m",
      $where: "permit_no IN ('P-1', 'P-7')",
    });
    expect(distance.rows).toEqual([
      { permit_no: 'P-1', m: 0 },
      { permit_no: 'P-7', m: null },
    ]);
  });

  it('searches words in text columns, with diacritics', async () => {
    const body = await page({ $select: 'permit_no', $q: 'phở' });
    expect(body.rows).toEqual([{ permit_no: 'P-1' }]);
    const two = await page({ $select: 'permit_no', $q: 'solar roof' });
    expect(two.rows).toEqual([{ permit_no: 'P-4' }]);
  });

  it('streams CSV and GeoJSON of a query', async () => {
    const csv = await q({ $select: 'permit_no, name, location', $where: "kind = 'Commercial'" }, 'query.csv');
    expect(csv.statusCode).toBe(200);
    expect(parseRfc4180(csv.body)).toEqual([
      ['permit_no', 'name', 'location'],
      ['P-2', 'Bolsa mall signage', 'POINT (-117.956 33.745)'],
      ['P-5', 'Kitchen, hood vent', 'POINT (-117.97 33.77)'],
    ]);
    const geo = await q({ $select: 'permit_no, location', $where: "kind = 'Commercial'" }, 'query.geojson');
    expect(geo.statusCode).toBe(200);
    const collection = geo.json<{ features: { geometry: unknown; properties: unknown }[] }>();
    expect(collection.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-117.956, 33.745] },
      properties: { permit_no: 'P-2' },
    });
    const noGeometry = await q({ $select: 'permit_no' }, 'query.geojson');
    expect(noGeometry.json<{ error: { code: string } }>().error.code).toBe('query.no_geometry');
  });

  it('prints CSV of every row exactly as the full download does', async () => {
    const all = await q({}, 'query.csv');
    const download = await t.inject(`/api/v1/datasets/${id}/rows.csv`);
    expect(all.body).toBe(download.body);
    const some = await q(
      { $select: 'valuation, final, issued, location', $offset: '2', $limit: '3' },
      'query.csv',
    );
    expect(parseRfc4180(some.body)).toEqual([
      ['valuation', 'final', 'issued', 'location'],
      ['800', 'true', '2024-02-02', 'POINT (-118.01 33.74)'],
      ['15000', '', '2024-02-10', 'POINT (-117.99 33.76)'],
      ['', 'false', '2024-03-01', 'POINT (-117.97 33.77)'],
    ]);
  });

  it('answers a repeated request with 304 until the data changes', async () => {
    const first = await q({ $where: "kind = 'Solar'" });
    const etag = first.headers.etag as string;
    expect(first.headers['cache-control']).toContain('public');
    const again = await t.inject({
      url: `/api/v1/datasets/${id}/query?$where=${encodeURIComponent("kind = 'Solar'")}`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('takes long queries in a POST body', async () => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/datasets/${id}/query`,
      payload: { $select: 'permit_no', $where: "kind IN ('Solar')" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Page>().rows).toEqual([{ permit_no: 'P-4' }, { permit_no: 'P-7' }]);
  });

  describe('errors', () => {
    const error = async (params: Record<string, string>, status = 400) => {
      const res = await q(params);
      expect(res.statusCode, res.body).toBe(status);
      return res.json<{ error: { code: string; message: string; details: Record<string, unknown> } }>().error;
    };

    it('points at the place of a syntax error', async () => {
      const e = await error({ $where: "kind = 'Solar' AND" });
      expect(e.code).toBe('query.syntax');
      expect(e.message).toMatch(/^\$where, column \d+: /);
      expect(e.details.clause).toBe('$where');
    });

    it('names unknown columns and suggests the nearest', async () => {
      const e = await error({ $where: 'valuatoin > 5' });
      expect(e.code).toBe('query.unknown_column');
      expect(e.message).toContain('"valuation"');
      expect((await error({ nope: '1' })).code).toBe('query.unknown_column');
    });

    it('refuses wrong types and unknown parameters', async () => {
      expect((await error({ $where: "valuation > 'lots'" })).code).toBe('query.type');
      expect((await error({ $where: 'name + 1 > 2' })).code).toBe('query.type');
      expect((await error({ $selct: 'kind' })).code).toBe('request.unknown_parameter');
      expect((await error({ $select: 'kind, count(*)' })).code).toBe('query.invalid');
      expect((await error({ $$cursor: 'garbage' })).code).toBe('query.cursor_invalid');
    });

    it('expires a cursor when the data is replaced', async () => {
      const other = (await createDataset(t)).id;
      report(await importCsv(t, other, 'a\n1\n2\n3\n'));
      const res = await t.inject(`/api/v1/datasets/${other}/query?$limit=1`);
      const next = new URL(res.json<Page>().next!);
      report(await importCsv(t, other, 'a\n4\n5\n'));
      const stale = await t.inject(next.pathname + next.search);
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ error: { code: string } }>().error.code).toBe('query.cursor_expired');
    });
  });

  it('keeps restricted rows restricted and drafts hidden', async () => {
    const restricted = (await createDataset(t, { access_level: 'restricted' })).id;
    report(await importCsv(t, restricted, 'a\n1\n'));
    const res = await t.inject(`/api/v1/datasets/${restricted}/query`);
    expect(res.statusCode).toBe(403);
    expect((await t.injectAsAdmin({ url: `/api/v1/datasets/${restricted}/query` })).statusCode).toBe(200);
    const draft = (await createDataset(t, { status: 'draft' })).id;
    expect((await t.inject(`/api/v1/datasets/${draft}/query`)).statusCode).toBe(404);
  });
});

describeDb('query: the time limit', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp({ config: { queryTimeoutMs: 1 } });
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    id = (await createDataset(t)).id;
    const lines = ['n,label'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},label number ${i % 977}`);
    report(await importCsv(t, id, lines.join('\n')));
  });
  afterAll(() => t.close());

  it('stops a query past PLAZA_QUERY_TIMEOUT_MS with a clear error, and goes on serving', async () => {
    const heavy = `/api/v1/datasets/${id}/query?${new URLSearchParams({
      $select: 'upper(label) AS u, count(*) AS c',
      $group: 'u',
      $order: 'c DESC, u',
    }).toString()}`;
    for (let i = 0; i < 2; i++) {
      const res = await t.inject(heavy);
      expect(res.statusCode, res.body).toBe(504);
      expect(res.json<{ error: { code: string; message: string } }>().error.code).toBe('query.timeout');
    }
    expect((await t.inject('/healthz')).statusCode).toBe(200);
  });
});
