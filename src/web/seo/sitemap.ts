/**
 * The sitemap (sitemaps.org 0.9) with each page's language versions as `xhtml:link rel="alternate"`
 * (the same address with `?lang=`), and robots.txt. Pure: the route gives the paths.
 */
import { LANGS } from '../i18n/lang.js';

export interface SitemapEntry {
  /** The page's path, starting with `/`. */
  path: string;
  /** When its content last changed (ISO 8601). */
  lastmod?: string;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

const withLang = (url: string, lang: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

export function sitemapXml(publicUrl: string, entries: readonly SitemapEntry[]): string {
  const base = publicUrl.replace(/\/+$/, '');
  const urls = entries.map((entry) => {
    const loc = `${base}${entry.path}`;
    const alternates = [
      ...LANGS.map(
        (lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${xml(withLang(loc, lang))}"/>`,
      ),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${xml(loc)}"/>`,
    ];
    return [
      '<url>',
      `<loc>${xml(loc)}</loc>`,
      ...(entry.lastmod ? [`<lastmod>${xml(entry.lastmod)}</lastmod>`] : []),
      ...alternates,
      '</url>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** Crawlers may read the portal, not the staff console or anyone's account; the sitemap says what there is. */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /staff',
    'Disallow: /account',
    'Disallow: /api/v1/account',
    '',
    `Sitemap: ${publicUrl.replace(/\/+$/, '')}/sitemap.xml`,
    '',
  ].join('\n');
}
