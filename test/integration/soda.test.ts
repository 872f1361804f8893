/**
 * The SODA 2.1-compatible endpoint, called the way sodapy, RSocrata and soda-js call Socrata: rendering, headers,
 * the default limit, paging by $offset, caching, tokens and errors, on both databases.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logSafeUrl } from '../../src/standards/soda/soda.routes.js';
import { createDataset, importCsv, parseRfc4180, report, setUpApp } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const PERMITS = [
  'permit_no,kind,valuation,issued,final,name,inspected_at,latitude,longitude',
  'P-1,Residential,1200.5,2024-01-15,true,Phở Hòa remodel,2024-01-15T09:30:00,33.7592,-117.9897',
  'P-2,Commercial,56000,2024-01-20,false,Bolsa mall signage,2024-07-04T19:00:00.250Z,33.7450,-117.9560',
  'P-3,Residential,800,2024-02-02,true,Garage door,,33.7400,-118.0100',
  'P-4,Solar,15000,2024-02-10,,Roof solar array,2024-02-11T23:45:00,33.7600,-117.9900',
  'P-5,Commercial,,2024-03-01,false,"Kitchen, hood vent",,33.7700,-117.9700',
  'P-6,Residential,2500,2024-03-05,true,Bánh mì shop patio,,33.7595,-117.9895',
  'P-7,Solar,9000,,true,Carport solar,,,',
].join('\n');

const FIELDS = [
  'permit_no',
  'kind',
  'valuation',
  'issued',
  'final',
  'name',
  'inspected_at',
  'latitude',
  'longitude',
  'location',
];
const TYPES = [
  'text',
  'text',
  'number',
  'floating_timestamp',
  'boolean',
  'text',
  'floating_timestamp',
  'number',
  'number',
  'point',
];

const P1 = {
  permit_no: 'P-1',
  kind: 'Residential',
  valuation: '1200.5',
  issued: '2024-01-15T00:00:00.000',
  final: true,
  name: 'Phở Hòa remodel',
  inspected_at: '2024-01-15T09:30:00.000',
  latitude: '33.7592',
  longitude: '-117.9897',
  location: { type: 'Point', coordinates: [-117.9897, 33.7592] },
};

interface SodaErrorBody {
  code: string;
  error: boolean;
  message: string;
  errorCode: string;
  data: Record<string, unknown>;
}

/** Asserts a SODA error with the status and Socrata code; returns the body. */
function sodaFailure(res: LightMyRequestResponse, status: number, code: string): SodaErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<SodaErrorBody>();
  expect(body).toMatchObject({ code, error: true, errorCode: code });
  expect(body.message.length).toBeGreaterThan(20);
  return body;
}

describeDb('SODA 2.1 endpoint', () => {
  let t: TestApp;
  let id: string;
  let big: string;
  const get = (path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const search = new URLSearchParams(params).toString();
    return t.inject({ url: `/resource/${path}${search ? `?${search}` : ''}`, headers });
  };
  const rows = async (params: Record<string, string>, path = `${id}.json`) => {
    const res = await get(path, params);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Record<string, unknown>[]>();
  };

  beforeAll(async () => {
    t = await setUpApp();
    id = (await createDataset(t)).id;
    report(await importCsv(t, id, PERMITS));
    big = (await createDataset(t)).id;
    const lines = ['n,label'];
    for (let i = 1; i <= 1005; i++) lines.push(`${i},row ${i}`);
    report(await importCsv(t, big, lines.join('\n')));
  });
  afterAll(() => t.close());

  it('answers an array of rows: numbers as strings, floating timestamps, GeoJSON points, no nulls', async () => {
    const body = await rows({});
    expect(body).toHaveLength(7);
    expect(body[0]).toEqual(P1);
    // Timestamps are the city's wall-clock time (America/Los_Angeles): 19:00Z on July 4 is noon, PDT.
    expect(body[1]).toMatchObject({
      valuation: '56000',
      final: false,
      inspected_at: '2024-07-04T12:00:00.250',
    });
    // P-4 has no `final`, P-5 no valuation, P-7 no date, no inspection and no location: the keys are left out.
    expect(Object.keys(body[3]!)).not.toContain('final');
    expect(Object.keys(body[4]!)).not.toContain('valuation');
    expect(body[6]).toEqual({
      permit_no: 'P-7',
      kind: 'Solar',
      valuation: '9000',
      final: true,
      name: 'Carport solar',
    });
  });

  it('filters, orders, limits and offsets as sodapy asks', async () => {
    const body = await rows({
      $select: 'permit_no, valuation',
      $where: "kind = 'Residential' AND valuation > 1000",
      $order: 'valuation DESC',
      $limit: '1',
      $offset: '1',
    });
    expect(body).toEqual([{ permit_no: 'P-1', valuation: '1200.5' }]);
    expect(await rows({ $select: 'permit_no', $where: 'issued IS NULL' })).toEqual([{ permit_no: 'P-7' }]);
  });

  it('answers aggregates as strings, with Socrata default names', async () => {
    expect(await rows({ $select: 'count(*)' })).toEqual([{ count: '7' }]);
    expect(
      await rows({
        $select: 'kind, count(*) AS n, sum(valuation) AS total, max(issued)',
        $group: 'kind',
        $order: 'n DESC, kind',
      }),
    ).toEqual([
      { kind: 'Residential', n: '3', total: '4500.5', max_issued: '2024-03-05T00:00:00.000' },
      { kind: 'Commercial', n: '2', total: '56000', max_issued: '2024-03-01T00:00:00.000' },
      { kind: 'Solar', n: '2', total: '24000', max_issued: '2024-02-10T00:00:00.000' },
    ]);
    const res = await get(`${id}.json`, { $select: 'kind, count(*) AS n', $group: 'kind' });
    expect(JSON.parse(res.headers['x-soda2-fields'] as string)).toEqual(['kind', 'n']);
    expect(JSON.parse(res.headers['x-soda2-types'] as string)).toEqual(['text', 'number']);
  });

  it('takes $q, simple column filters, a whole $query, and :id', async () => {
    expect(await rows({ $select: 'permit_no', $q: 'phở' })).toEqual([{ permit_no: 'P-1' }]);
    expect(await rows({ kind: 'Solar', $select: 'permit_no' })).toEqual([
      { permit_no: 'P-4' },
      { permit_no: 'P-7' },
    ]);
    expect(
      await rows({ $query: 'SELECT permit_no WHERE final = true ORDER BY permit_no DESC LIMIT 2' }),
    ).toEqual([{ permit_no: 'P-7' }, { permit_no: 'P-6' }]);
    const res = await get(`${id}.json`, { $select: ':id, *', $limit: '1' });
    expect(res.statusCode, res.body).toBe(200);
    const [first] = res.json<Record<string, unknown>[]>();
    expect(first).toEqual({ ':id': expect.stringMatching(/^\d+$/), ...P1 });
    expect(JSON.parse(res.headers['x-soda2-types'] as string)).toEqual(['row_identifier', ...TYPES]);
  });

  it('reads a rendered date back in $where as the same date', async () => {
    expect(await rows({ $select: 'permit_no', $where: "issued = '2024-01-15T00:00:00.000'" })).toEqual([
      { permit_no: 'P-1' },
    ]);
  });

  it('reads a rendered timestamp back in $where as the same instant', async () => {
    expect(await rows({ $select: 'permit_no', $where: "inspected_at = '2024-07-04T12:00:00.250'" })).toEqual([
      { permit_no: 'P-2' },
    ]);
    expect(
      await rows({
        $select: 'permit_no',
        $where: "inspected_at >= '2024-01-15T09:30:00.000'",
        $order: ':id',
      }),
    ).toEqual([{ permit_no: 'P-1' }, { permit_no: 'P-2' }, { permit_no: 'P-4' }]);
  });

  it('sends the SODA 2.1 headers and the cache validators', async () => {
    const res = await get(`${id}.json`, {}, { 'x-app-token': 'app-token-123' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.headers['x-soda2-fields'] as string)).toEqual(FIELDS);
    expect(JSON.parse(res.headers['x-soda2-types'] as string)).toEqual(TYPES);
    // A 2.1 endpoint: Socrata sends X-SODA2-Legacy-Types only on legacy 2.0 endpoints.
    expect(res.headers['x-soda2-legacy-types']).toBeUndefined();
    const lastModified = res.headers['last-modified'] as string;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(res.headers['x-soda2-truth-last-modified']).toBe(lastModified);
    expect(res.headers['x-soda2-data-out-of-date']).toBe('false');
    expect(res.headers.etag).toMatch(/^".+"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.stringify(res.headers)).not.toContain('app-token-123');
  });

  it('answers 304 to a matching If-None-Match, per format', async () => {
    const first = await get(`${id}.json`, { kind: 'Solar' });
    const etag = first.headers.etag as string;
    const again = await get(`${id}.json`, { kind: 'Solar' }, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const csv = await get(`${id}.csv`, { kind: 'Solar' }, { 'if-none-match': etag });
    expect(csv.statusCode).toBe(200);
    const native = await t.inject(`/api/v1/datasets/${id}/query?kind=Solar`);
    expect(native.headers.etag).not.toBe(etag);
  });

  it('streams CSV with Socrata values', async () => {
    const res = await get(`${id}.csv`, {
      $select: 'permit_no, valuation, issued, final, name, inspected_at, location',
      $where: "permit_no IN ('P-1', 'P-5', 'P-7')",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(JSON.parse(res.headers['x-soda2-fields'] as string)).toEqual([
      'permit_no',
      'valuation',
      'issued',
      'final',
      'name',
      'inspected_at',
      'location',
    ]);
    expect(parseRfc4180(res.body)).toEqual([
      ['permit_no', 'valuation', 'issued', 'final', 'name', 'inspected_at', 'location'],
      [
        'P-1',
        '1200.5',
        '2024-01-15T00:00:00.000',
        'true',
        'Phở Hòa remodel',
        '2024-01-15T09:30:00.000',
        'POINT (-117.9897 33.7592)',
      ],
      ['P-5', '', '2024-03-01T00:00:00.000', 'false', 'Kitchen, hood vent', '', 'POINT (-117.97 33.77)'],
      ['P-7', '9000', '', 'true', 'Carport solar', '', ''],
    ]);
  });

  it('streams GeoJSON with the point as geometry and Socrata values as properties', async () => {
    const res = await get(`${id}.geojson`, {
      $select: 'permit_no, valuation, final, location',
      $where: "kind = 'Commercial'",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.geo+json; charset=utf-8');
    expect(res.json()).toEqual({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-117.956, 33.745] },
          properties: { permit_no: 'P-2', valuation: '56000', final: false },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-117.97, 33.77] },
          properties: { permit_no: 'P-5', valuation: null, final: false },
        },
      ],
    });
    const counted = await get(`${id}.geojson`, { $select: 'count(*)' });
    expect(counted.json()).toMatchObject({ features: [{ geometry: null, properties: { count: '7' } }] });
  });

  it('answers /resource/{id} as JSON, or in the format Accept asks for', async () => {
    const json = await get(id, { $select: 'permit_no', $limit: '1' });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual([{ permit_no: 'P-1' }]);
    const csv = await get(id, { $select: 'permit_no', $limit: '1' }, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parseRfc4180(csv.body)).toEqual([['permit_no'], ['P-1']]);
    expect(csv.headers.vary).toBe('Authorization, Accept');
    expect(csv.headers.etag).not.toBe(json.headers.etag);
    sodaFailure(await get(`${id}.xml`), 404, 'not_found');
  });

  describe('limits and paging', () => {
    it('answers 1000 rows when no $limit is given, on every format', async () => {
      const body = await rows({ $select: 'n' }, `${big}.json`);
      expect(body).toHaveLength(1000);
      expect(body[999]).toEqual({ n: '1000' });
      const csv = await get(`${big}.csv`);
      expect(parseRfc4180(csv.body)).toHaveLength(1001);
      const geojson = await get(`${big}.geojson`);
      expect(geojson.json<{ features: unknown[] }>().features).toHaveLength(1000);
    });

    it('covers every row once when paged by $offset, as sodapy get_all does', async () => {
      const seen: unknown[] = [];
      const limit = 400;
      for (let offset = 0; ; offset += limit) {
        const page = await rows(
          { $select: 'n', $order: ':id', $limit: String(limit), $offset: String(offset) },
          `${big}.json`,
        );
        seen.push(...page.map((r) => r.n));
        if (page.length < limit) break;
      }
      expect(seen).toEqual(Array.from({ length: 1005 }, (_, i) => String(i + 1)));
      // The default page, then the rest.
      expect(await rows({ $select: 'n', $offset: '1000' }, `${big}.json`)).toEqual(
        ['1001', '1002', '1003', '1004', '1005'].map((n) => ({ n })),
      );
    });

    it('takes a large $limit: JSON pages are capped and linked, CSV streams everything', async () => {
      const res = await get(`${big}.json`, {
        $select: 'n',
        $limit: '60000',
        $$app_token: 'secret-token-xyz',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<unknown[]>()).toHaveLength(1005);
      expect(res.headers['x-plaza-limit-capped']).toBe('1005');
      const csv = await get(`${big}.csv`, { $select: 'n', $limit: '60000' });
      expect(parseRfc4180(csv.body)).toHaveLength(1006);
    });

    it('links the next page without echoing the app token', async () => {
      const res = await get(`${big}.json`, { $select: 'n', $$app_token: 'secret-token-xyz' });
      const link = res.headers.link as string;
      expect(link).toMatch(/^<http:\/\/plaza\.test\/resource\/.+\.json\?.*%24%24cursor=.+>; rel="next"$/);
      expect(link).not.toContain('secret-token-xyz');
      expect(link).not.toContain('app_token');
      const next = new URL(link.slice(1, link.indexOf('>')));
      const rest = await t.inject(next.pathname + next.search);
      expect(rest.statusCode, rest.body).toBe(200);
      expect(rest.json()).toEqual(['1001', '1002', '1003', '1004', '1005'].map((n) => ({ n })));
      expect(rest.headers.link).toBeUndefined();
    });

    it('counts the whole result on request', async () => {
      const res = await get(`${big}.json`, { $select: 'n', $limit: '1', $$count: 'true' });
      expect(res.headers['x-plaza-total']).toBe('1005');
    });

    it('accepts the $$ options Socrata clients send', async () => {
      const body = await rows(
        { $select: 'n', $limit: '1', $$exclude_system_fields: 'false', $$version: '2.1' },
        `${big}.json`,
      );
      expect(body).toEqual([{ n: '1' }]);
    });
  });

  describe('errors, in the Socrata shape', () => {
    it('reports a syntax error with its place, keeping the Plaza code', async () => {
      const body = sodaFailure(
        await get(`${id}.json`, { $where: "kind = 'Solar' AND" }),
        400,
        'query.compiler.malformed',
      );
      expect(body.message).toMatch(/^\$where, column \d+: /);
      expect(body.data).toMatchObject({
        plaza_code: 'query.syntax',
        clause: '$where',
        query: "kind = 'Solar' AND",
      });
      expect(body.data.position).toEqual(expect.any(Number));
      expect(body.data.request_id).toEqual(expect.any(String));
    });

    it('names an unknown column', async () => {
      const body = sodaFailure(
        await get(`${id}.json`, { $where: 'valuatoin > 5' }),
        400,
        'query.soql.no-such-column',
      );
      expect(body.message).toContain('"valuation"');
      expect(body.data).toMatchObject({ plaza_code: 'query.unknown_column', column: 'valuatoin' });
      sodaFailure(await get(`${id}.json`, { nope: '1' }), 400, 'query.soql.no-such-column');
    });

    it('maps type errors, unknown functions, invalid queries and unknown parameters', async () => {
      const type = sodaFailure(
        await get(`${id}.json`, { $where: "valuation > 'lots'" }),
        400,
        'query.soql.type-mismatch',
      );
      expect(type.data.plaza_code).toBe('query.type');
      const fn = sodaFailure(
        await get(`${id}.json`, { $select: 'frobnicate(kind)' }),
        400,
        'query.soql.no-such-function',
      );
      expect(fn.data.plaza_code).toBe('query.unknown_function');
      const invalid = sodaFailure(
        await get(`${id}.json`, { $select: 'kind, count(*)' }),
        400,
        'query.compiler.malformed',
      );
      expect(invalid.data.plaza_code).toBe('query.invalid');
      const limit = sodaFailure(await get(`${id}.csv`, { $limit: '-1' }), 400, 'query.compiler.malformed');
      expect(limit.data.plaza_code).toBe('query.invalid');
      const unknown = sodaFailure(await get(`${id}.json`, { $selct: 'kind' }), 400, 'invalid_request');
      expect(unknown.data.plaza_code).toBe('request.unknown_parameter');
      const repeated = sodaFailure(
        await t.inject(`/resource/${id}.json?$where=final&$where=final`),
        400,
        'invalid_request',
      );
      expect(repeated.data.plaza_code).toBe('request.invalid');
    });

    it('answers 404 for a dataset that does not exist or is a draft', async () => {
      const body = sodaFailure(await get('no-such-data.json'), 404, 'not_found');
      expect(body.data.plaza_code).toBe('dataset.not_found');
      const draft = (await createDataset(t, { status: 'draft' })).id;
      sodaFailure(await get(`${draft}.json`), 404, 'not_found');
    });

    it('answers 403 for a restricted dataset, on every format, and serves the admin', async () => {
      const restricted = (await createDataset(t, { access_level: 'restricted' })).id;
      report(await importCsv(t, restricted, 'a\n1\n'));
      for (const format of ['json', 'csv', 'geojson']) {
        const body = sodaFailure(await get(`${restricted}.${format}`), 403, 'permission_denied');
        expect(body.data).toMatchObject({ plaza_code: 'dataset.restricted', id: restricted });
      }
      const admin = await t.injectAsAdmin(`/resource/${restricted}.json`);
      expect(admin.statusCode).toBe(200);
      expect(admin.json()).toEqual([{ a: '1' }]);
      expect(admin.headers['cache-control']).toBe('private, no-store');
    });

    it('keeps Plaza errors on the native API', async () => {
      const res = await t.inject(`/api/v1/datasets/${id}/query?$where=nope`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('query.unknown_column');
    });
  });
});

describeDb('SODA 2.1 endpoint: logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { logLevel: 'info' } });
  });
  afterAll(() => t.close());

  it('never writes the $$app_token value to the log', async () => {
    // Capture what the app's logger writes (pino keeps its destination under a private symbol).
    const logger = t.app.http.log as unknown as Record<symbol, { write(line: string): unknown }>;
    let owner: object | null = logger;
    let symbol: symbol | undefined;
    while (owner && !symbol) {
      symbol = Object.getOwnPropertySymbols(owner).find((s) => s.description === 'pino.stream');
      owner = Object.getPrototypeOf(owner) as object | null;
    }
    expect(symbol).toBeDefined();
    const stream = logger[symbol!]!;
    const write = stream.write;
    const lines: string[] = [];
    stream.write = (line: string) => lines.push(line);
    try {
      for (const url of [
        '/resource/some-data.json?$where=a%3D1&$$app_token=secret-token-xyz',
        '/resource/some-data.csv?%24%24app_token=secret-token-xyz&$limit=5',
      ]) {
        expect((await t.inject(url)).statusCode).toBe(404);
      }
    } finally {
      stream.write = write;
    }
    const text = lines.join('');
    expect(text).toContain('/resource/some-data.json');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('secret-token-xyz');
  });
});

describe('logSafeUrl', () => {
  it('hides the value of $$app_token, however it is written', () => {
    expect(logSafeUrl('/resource/a.json?$$app_token=abc&$limit=5')).toBe(
      '/resource/a.json?$$app_token=[redacted]&$limit=5',
    );
    expect(logSafeUrl('/resource/a.json?$limit=5&%24%24app_token=abc')).toBe(
      '/resource/a.json?$limit=5&%24%24app_token=[redacted]',
    );
    expect(logSafeUrl('/resource/a.json?$where=x%3D1')).toBe('/resource/a.json?$where=x%3D1');
  });
});
