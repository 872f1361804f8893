import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

interface Operation {
  summary?: string;
  responses?: Record<string, { description?: string; content?: unknown }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

const OPERATIONS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const isOwnAsset = (url: string) =>
  url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');
/** `/api/v1/datasets/:id` -> `/api/v1/datasets/{id}`, as OpenAPI writes path parameters. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describeDb('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json<OpenApiDocument>();
  });
  afterAll(() => t.close());

  const documented = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => OPERATIONS.has(method.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );

  const routes = () => t.app.routes.filter((r) => OPERATIONS.has(r.method));

  it('is OpenAPI 3.1.0', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('saw the routes being registered', () => {
    expect(routes().map((r) => `${r.method} ${r.url}`)).toContain('GET /api/v1/datasets/:id');
  });

  it('documents every route except hidden ones and the docs themselves', () => {
    const expected = routes()
      .filter((r) => !r.hidden && !isOwnAsset(r.url))
      .map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(new Set(documented())).toEqual(new Set(expected));
  });

  it('gives every JSON API operation a summary and a declared success response', () => {
    const incomplete = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => OPERATIONS.has(method.toUpperCase()))
          .filter(([, operation]) => {
            const { summary, responses = {} } = operation as Operation;
            const declared = Object.entries(responses).some(
              ([code, response]) =>
                code === '204' || (/^2\d\d$/.test(code) && response.content !== undefined),
            );
            return !summary || !declared;
          })
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
    expect(incomplete).toEqual([]);
  });

  it('hides no route of the JSON API', () => {
    const hidden = routes().filter((r) => r.hidden && r.url.startsWith('/api/') && !isOwnAsset(r.url));
    expect(hidden).toEqual([]);
  });

  it('serves /api/docs as HTML whose scripts and styles all come from this server', async () => {
    const res = await t.inject('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;

    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1] ?? '');
    const links = [...html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1] ?? '');
    const imports = [...html.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/gi)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    expect(links.length).toBeGreaterThan(0);

    const base = new URL('/api/docs', t.config.publicUrl);
    for (const reference of [...scripts, ...links, ...imports]) {
      const url = new URL(reference, base);
      expect(url.origin, reference).toBe(base.origin);
      const asset = await t.inject(url.pathname + url.search);
      expect(asset.statusCode, reference).toBe(200);
    }
  });

  it('points the docs page at the local document', async () => {
    const res = await t.inject('/api/docs/static/swagger-initializer.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/"url"\s*:\s*"\/api\/openapi\.json"/);
  });
});
