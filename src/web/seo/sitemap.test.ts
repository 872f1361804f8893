import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from './sitemap.js';

describe('sitemap and robots.txt', () => {
  it('lists absolute addresses with their language versions and last change', () => {
    const xml = sitemapXml('https://data.city.example/', [
      { path: '/' },
      { path: '/datasets/a&b', lastmod: '2026-03-01T20:00:00.000Z' },
    ]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /);
    expect(xml).toContain('<loc>https://data.city.example/</loc>');
    expect(xml).toContain(
      '<url><loc>https://data.city.example/datasets/a&amp;b</loc><lastmod>2026-03-01T20:00:00.000Z</lastmod>',
    );
    for (const lang of ['en', 'vi', 'es'])
      expect(xml).toContain(
        `<xhtml:link rel="alternate" hreflang="${lang}" href="https://data.city.example/datasets/a&amp;b?lang=${lang}"/>`,
      );
    expect(xml).toContain('hreflang="x-default" href="https://data.city.example/"');
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });

  it('keeps crawlers out of staff and account pages and points them to the sitemap', () => {
    const text = robotsTxt('https://data.city.example');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Disallow: /staff',
        'Disallow: /account',
        'Disallow: /api/v1/account',
        'Sitemap: https://data.city.example/sitemap.xml',
      ]),
    );
  });
});
