import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CatalogService, Viewer } from '../catalog/catalog.service.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Guards } from '../http/guards.js';
import { STYLESHEET } from './assets/stylesheet.js';
import { formatter } from './format.js';
import { renderDocument, type SafeHtml } from './html.js';
import { DatasetPage, ErrorPage } from './pages/dataset.js';
import type { LatestReading } from './pages/latest-readings.js';
import { HomePage, type HomeQuery } from './pages/home.js';
import { GuidePage } from './pages/guide.js';
import { readGuide } from './guides.js';
import { pageContext } from './page-context.js';

const PAGE_SIZE = 20;

const HomeQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500 })),
  category: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  keyword: Type.Optional(Type.String()),
  format: Type.Optional(Type.String()),
  sort: Type.Optional(Type.String()),
  page: Type.Optional(Type.String()),
});

/** The minimal server-rendered portal: catalog search and dataset pages. */
export interface WebSources {
  /** The latest readings of a sensor dataset, as its `latest` API gives them. */
  latest?: (datasetId: string, viewer: Viewer) => Promise<readonly LatestReading[]>;
}

export function webRoutes(
  app: FastifyInstance,
  catalog: CatalogService,
  guards: Guards,
  config: Config,
  sources: WebSources = {},
): void {
  const pages = pageContext(config);
  const format = formatter(config.timeZone);
  // A signed-in page names its account and holds a CSRF token: never stored by a shared cache.
  const html = (reply: FastifyReply, page: SafeHtml, status = 200) =>
    reply.request.session
      ? pages.send(reply, page, status)
      : reply.status(status).type('text/html; charset=utf-8').send(renderDocument(page));

  app.get('/assets/plaza.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(STYLESHEET),
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/',
    { schema: { hide: true, querystring: HomeQuerySchema } },
    async (request, reply) => {
      const q = request.query;
      const page = Math.max(1, Math.min(10_000, parseInt(q.page ?? '1', 10) || 1));
      const sort = q.sort === 'relevance' || q.sort === 'updated' || q.sort === 'title' ? q.sort : undefined;
      const query: HomeQuery = {
        q: q.q?.trim() || undefined,
        category: q.category || undefined,
        department: q.department || undefined,
        keyword: q.keyword || undefined,
        format: q.format || undefined,
        sort,
        page,
      };
      const result = await catalog.list(
        { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        guards.viewer(request),
      );
      return html(
        reply,
        HomePage({
          site: pages.site(request),
          query,
          total: result.total,
          pageSize: PAGE_SIZE,
          results: result.results,
          facets: result.facets,
          format,
        }),
      );
    },
  );

  app.get<{ Params: { id: string } }>('/datasets/:id', { schema: { hide: true } }, async (request, reply) => {
    const viewer = guards.viewer(request);
    try {
      const dataset = await catalog.get(request.params.id, viewer);
      const downloadable = catalog.mayRead(dataset, viewer);
      const latest =
        dataset.kind === 'sensor' && downloadable && sources.latest
          ? await sources.latest(dataset.id, viewer)
          : undefined;
      return html(reply, DatasetPage({ site: pages.site(request), dataset, format, downloadable, latest }));
    } catch (error) {
      if (error instanceof AppError && error.status === 404) {
        return html(
          reply,
          ErrorPage({
            site: pages.site(request),
            status: 404,
            title: 'Dataset not found',
            message: `There is no dataset "${request.params.id}". It may have been renamed or unpublished.`,
          }),
          404,
        );
      }
      throw error;
    }
  });

  app.get<{ Params: { name: string } }>('/docs/:name', { schema: { hide: true } }, async (request, reply) => {
    const guide = readGuide(request.params.name);
    if (!guide) {
      return html(
        reply,
        ErrorPage({
          site: pages.site(request),
          status: 404,
          title: 'Guide not found',
          message: 'There is no guide at this address.',
        }),
        404,
      );
    }
    const page = GuidePage({ site: pages.site(request), ...guide });
    return html(request.session ? reply : reply.header('Cache-Control', 'public, max-age=300'), page);
  });
}
