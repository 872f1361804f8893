/** The catalog page: `/datasets` with its whole state in the query string. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../web-context.js';
import { CatalogPage } from './catalog-page.js';
import { parseCatalogQuery } from './catalog-query.js';
import { sendListing } from './send-listing.js';

export const PAGE_SIZE = 20;

export function catalogPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get('/datasets', { schema: { hide: true } }, async (request, reply) => {
    const query = parseCatalogQuery(request.query as Record<string, unknown>);
    const { q, category, department, keyword, format, sort, page } = query;
    const result = await ctx.services.catalog.list(
      { q, category, department, keyword, format, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      ctx.guards.viewer(request),
    );
    const site = ctx.pages.site(request, { localized: true });
    return sendListing(
      ctx,
      request,
      reply,
      CatalogPage({
        site,
        query,
        total: result.total,
        pageSize: PAGE_SIZE,
        results: result.results,
        facets: result.facets,
      }),
    );
  });
}
