import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { DatasetPage } from '../pages/dataset.js';
import { ErrorPage } from '../pages/error-page.js';
import type { WebContext } from '../web-context.js';

export function datasetPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const { catalog } = ctx.services;
  app.get<{ Params: { id: string } }>('/datasets/:id', { schema: { hide: true } }, async (request, reply) => {
    const viewer = ctx.guards.viewer(request);
    const site = ctx.pages.site(request, { localized: true });
    try {
      const dataset = await catalog.get(request.params.id, viewer);
      const downloadable = catalog.mayRead(dataset, viewer);
      const latest =
        dataset.kind === 'sensor' && downloadable ? await ctx.latest(dataset.id, viewer) : undefined;
      return ctx.pages.sendPublic(
        reply,
        DatasetPage({ site, dataset, format: site.format, downloadable, latest }),
      );
    } catch (error) {
      if (error instanceof AppError && error.status === 404) {
        const t = site.t.common;
        return ctx.pages.send(
          reply,
          ErrorPage({
            site,
            status: 404,
            title: t.datasetNotFoundTitle,
            message: t.datasetNotFoundMessage(request.params.id),
          }),
          404,
        );
      }
      throw error;
    }
  });
}
