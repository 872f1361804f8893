/** What search engines read: `/sitemap.xml` (what an anonymous visitor can see) and `/robots.txt`. */
import type { FastifyInstance } from 'fastify';
import { PUBLIC_VIEWER } from '../../catalog/catalog.service.js';
import { lastUpdated } from '../catalog/dataset-card.js';
import type { WebContext } from '../web-context.js';
import { robotsTxt, sitemapXml, type SitemapEntry } from './sitemap.js';

/** The portal's own pages, besides datasets and departments. */
const PAGES = [
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
];

export function seoRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    // Always as an anonymous visitor: a sitemap names only what anyone may open.
    const datasets = await ctx.services.catalog.all(PUBLIC_VIEWER);
    const departments = [...new Set(datasets.map((d) => d.department.id))].sort();
    const entries: SitemapEntry[] = [
      ...PAGES.map((path) => ({ path })),
      ...departments.map((id) => ({ path: `/departments/${encodeURIComponent(id)}` })),
      ...[...datasets]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((d) => ({ path: `/datasets/${encodeURIComponent(d.id)}`, lastmod: lastUpdated(d) })),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('Cache-Control', 'public, max-age=600')
      .send(sitemapXml(ctx.config.publicUrl, entries));
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .send(robotsTxt(ctx.config.publicUrl)),
  );
}
