/**
 * The developers page in every language, with this server's own rate limits and addresses, examples that run,
 * and links only to what is served; the guides of docs/ in English, with the list of guides beside them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDataset, importCsv } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const HTML = { accept: 'text/html' };
const h1 = (body: string) => /<h1>([^<]*)<\/h1>/.exec(body)?.[1];

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

describeDb('developers page and guides', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        PLAZA_LIMIT_WINDOW_SECONDS: '900',
        PLAZA_LIMIT_REQUESTS: 'anonymous=123,standard=4567,elevated=89012,partner=345678',
        PLAZA_LIMIT_DOWNLOADS: 'anonymous=3,standard=5,elevated=7,partner=11',
        PLAZA_LIMIT_LIVE: 'anonymous=6,standard=12,elevated=24,partner=48',
      },
    });
    const department = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/public-works',
      payload: { id: 'public-works', name: 'Public Works' },
    });
    expect(department.statusCode, department.body).toBe(204);
    // The first dataset the city features: the examples use it, and its own fields.
    await createDataset(t, { id: 'bldg-permits' });
    const imported = await importCsv(t, 'bldg-permits', 'permit_type,valuation\nSolar PV,42000\nRoof,9000\n');
    expect(imported.statusCode, imported.body).toBe(201);
  });
  afterAll(() => t.close());

  for (const [lang, title, requests] of [
    ['en', 'Developers', 'Requests per 15 minutes'],
    ['vi', 'Nhà phát triển', 'Số yêu cầu mỗi 15 phút'],
    ['es', 'Desarrolladores', 'Solicitudes por 15 minutos'],
  ] as const) {
    it(`is in ${lang}, without JavaScript, with the limits this server enforces`, async () => {
      const res = await t.inject({ url: `/developers?lang=${lang}`, headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(h1(res.body)).toBe(title);
      expect(res.body).toContain(`<title>${title} · `);
      expect(res.body).toContain('<a href="/developers" aria-current="page">');
      expect(res.body).not.toMatch(/<script/i);
      expect(res.body).toContain(`<th scope="col">${requests}</th>`);
      const number = (n: number) =>
        new Intl.NumberFormat(lang === 'en' ? 'en-US' : `${lang}-${lang === 'vi' ? 'VN' : 'US'}`).format(n);
      const row = (tier: string) =>
        new RegExp(`<tr data-tier="${tier}"><th scope="row">[^<]+</th>((?:<td>[^<]*</td>)+)</tr>`).exec(
          res.body,
        )?.[1];
      expect(row('anonymous')).toBe('<td>123</td><td>3</td><td>6</td>');
      expect(row('standard')).toBe(`<td>${number(4567)}</td><td>5</td><td>12</td>`);
      expect(row('elevated')).toBe(`<td>${number(89012)}</td><td>7</td><td>24</td>`);
      expect(row('partner')).toBe(`<td>${number(345678)}</td><td>11</td><td>48</td>`);
    });
  }

  it('shows how to start: a first request, a key from the sign-up, sent as X-Api-Key', async () => {
    const body = decode((await t.inject('/developers')).body);
    expect(body).toContain("curl 'http://plaza.test/api/v1/datasets/bldg-permits/query?$limit=5'");
    expect(body).toContain('href="/developers/signup"');
    expect(body).toContain('curl -H "X-Api-Key: $PLAZA_KEY"');
    expect(body).toContain('href="/docs/query-language"');
    expect(body).toContain('href="/docs/sensorthings"');
    expect(body).toContain('href="/api/docs"');
    expect(body).toContain('href="/api/openapi.json"');
    expect(body).toContain('v1.1/Datastreams({id})/Observations');
    expect(body).toContain('ws://plaza.test/mqtt');
    expect(body).toContain('from sodapy import Socrata');
    expect(body).toContain('library(RSocrata)');
  });

  it('gives a query example on the dataset’s own fields that the API answers', async () => {
    const body = decode((await t.inject('/developers')).body);
    const sample =
      /curl -G 'http:\/\/plaza\.test\/api\/v1\/datasets\/bldg-permits\/query' \\\n((?:\s+--data-urlencode '[^']*'(?: \\)?\n?)+)/.exec(
        body,
      );
    expect(sample, 'the query sample').not.toBeNull();
    const params = new URLSearchParams();
    for (const [, pair] of sample![1]!.matchAll(/--data-urlencode '([^']*)'/g)) {
      const at = pair!.indexOf('=');
      params.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    expect(params.get('$group')).toBe('permit_type');
    const res = await t.inject(`/api/v1/datasets/bldg-permits/query?${params.toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ rows: unknown[] }>().rows).toHaveLength(2);
  });

  it('links only to pages and endpoints this server answers', async () => {
    const body = (await t.inject('/developers?lang=vi')).body;
    const links = [...new Set([...body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => decode(m[1]!)))];
    expect(links.length).toBeGreaterThan(15);
    for (const link of links) {
      // The layout's own links belong to other pages of the portal, built alongside this one.
      if (['/live', '/departments', '/datasets', '/'].includes(link)) continue;
      const res = await t.inject({ url: link, headers: HTML });
      expect(res.statusCode, link).toBeLessThan(400);
    }
    // Standards whose routes this server does not register are not offered.
    for (const route of ['/data.json', '/api/3/action/package_search', '/ogc']) {
      const registered = t.app.http.hasRoute({ method: 'GET', url: route });
      expect(body.includes(`href="${route}"`), route).toBe(registered);
    }
  });

  it('serves a guide in English with the guides beside it, and says so in the visitor’s language', async () => {
    const res = await t.inject({ url: '/docs/query-language?lang=vi', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<p class="english-only" lang="vi">Trang này chỉ có bằng tiếng Anh.</p>');
    expect(h1(res.body)).toBe('Query language (SoQL)');
    expect(res.body).toMatch(/<ul class="usa-sidenav"/);
    expect(res.body).toContain('<a href="/docs/query-language" class="usa-current" aria-current="page">');
    expect(res.body).toContain('<a href="/docs/api-keys">API keys</a>');
    expect(res.body).toContain('<a href="/developers" aria-current="page">');
    // Links between guides lead to their pages.
    expect(res.body).toContain('<a href="/docs/api">');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('answers an unknown guide with a page in the visitor’s language', async () => {
    for (const name of ['no-such-guide', 'constructor', 'toString']) {
      const res = await t.inject({ url: `/docs/${name}?lang=es`, headers: HTML });
      expect(res.statusCode, name).toBe(404);
      expect(res.body).toContain('<html lang="es">');
      expect(h1(res.body)).toBe('Guía no encontrada');
    }
  });
});
