/**
 * What search engines read: the sitemap names every page and every dataset an anonymous visitor can open (with
 * their language versions and last change, as absolute addresses), whoever asks for it; robots.txt keeps
 * crawlers out of staff and account pages.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDataset, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('sitemap and robots.txt', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await setUpApp();
    const police = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/police',
      payload: { id: 'police', name: 'Police' },
    });
    expect(police.statusCode).toBe(204);
    await createDataset(t, { id: 'street-trees' });
    await createDataset(t, { id: 'crime-reports', department: 'police', access_level: 'restricted' });
    await createDataset(t, { id: 'np-ledger', department: 'police', access_level: 'non-public' });
    await createDataset(t, { id: 'draft-plan', status: 'draft' });
  });
  afterAll(() => t.close());

  it('lists the portal’s pages, the departments and the datasets anyone can open, in every language', async () => {
    const res = await t.inject('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const path of [
      '/',
      '/datasets',
      '/departments',
      '/live',
      '/developers',
      '/about',
      '/terms',
      '/licences',
      '/privacy',
      '/faq',
    ])
      expect(locs).toContain(`http://plaza.test${path}`);
    expect(locs).toContain('http://plaza.test/departments/public-works');
    expect(locs).toContain('http://plaza.test/departments/police');
    expect(locs).toContain('http://plaza.test/datasets/street-trees');
    expect(locs).toContain('http://plaza.test/datasets/crime-reports');
    expect(res.body).toMatch(
      /<loc>http:\/\/plaza\.test\/datasets\/street-trees<\/loc><lastmod>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/lastmod>/,
    );
    for (const lang of ['en', 'vi', 'es'])
      expect(res.body).toContain(
        `<xhtml:link rel="alternate" hreflang="${lang}" href="http://plaza.test/datasets/street-trees?lang=${lang}"/>`,
      );
    expect(res.body).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  });

  it('never names a non-public or unpublished dataset, even when staff ask for it', async () => {
    for (const res of [await t.inject('/sitemap.xml'), await t.injectAsAdmin('/sitemap.xml')]) {
      expect(res.body).not.toContain('np-ledger');
      expect(res.body).not.toContain('draft-plan');
    }
  });

  it('keeps crawlers out of staff and account pages and points them to the sitemap', async () => {
    const res = await t.inject('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const lines = res.body.split('\n');
    for (const line of [
      'User-agent: *',
      'Allow: /',
      'Disallow: /staff',
      'Disallow: /account',
      'Disallow: /api/v1/account',
    ])
      expect(lines).toContain(line);
    expect(lines).toContain('Sitemap: http://plaza.test/sitemap.xml');
  });
});
