import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HomePage, type HomeQuery } from '../pages/home.js';
import type { WebContext } from '../web-context.js';

const PAGE_SIZE = 20;

const CatalogQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500 })),
  category: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  keyword: Type.Optional(Type.String()),
  format: Type.Optional(Type.String()),
  sort: Type.Optional(Type.String()),
  page: Type.Optional(Type.String()),
  lang: Type.Optional(Type.String()),
});

export function catalogPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  for (const path of ['/', '/datasets']) {
    app.get<{ Querystring: Record<string, string | undefined> }>(
      path,
      { schema: { hide: true, querystring: CatalogQuerySchema } },
      async (request, reply) => {
        const q = request.query;
        const page = Math.max(1, Math.min(10_000, parseInt(q.page ?? '1', 10) || 1));
        const sort =
          q.sort === 'relevance' || q.sort === 'updated' || q.sort === 'title' ? q.sort : undefined;
        const query: HomeQuery = {
          q: q.q?.trim() || undefined,
          category: q.category || undefined,
          department: q.department || undefined,
          keyword: q.keyword || undefined,
          format: q.format || undefined,
          sort,
          page,
        };
        const result = await ctx.services.catalog.list(
          { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
          ctx.guards.viewer(request),
        );
        const site = ctx.pages.site(request, { localized: true });
        return ctx.pages.sendPublic(
          reply,
          HomePage({
            site,
            query,
            total: result.total,
            pageSize: PAGE_SIZE,
            results: result.results,
            facets: result.facets,
            format: site.format,
          }),
        );
      },
    );
  }
}
