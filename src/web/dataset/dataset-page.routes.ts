/**
 * `GET /datasets/{id}`: a dataset's page, its table preview's state in the query string. The filter form's
 * fields are answered with a redirect to the same state in its canonical form (`?filter=field:op:value`).
 * `GET /datasets/{id}/table`: the table preview alone, as an HTML fragment for the table island; like the data
 * APIs it answers 404 for a dataset the caller may not see and 403 dataset.restricted for rows they may not read.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, errors } from '../../errors.js';
import { ErrorPage } from '../pages/error-page.js';
import type { WebContext } from '../web-context.js';
import { DatasetPage } from './dataset-page.js';
import { hasTable, loadDatasetView } from './dataset-model.js';
import { loadTablePreview } from './table-query.js';
import { readTableState, tableSearch, type QueryValues } from './table-state.js';
import { TableView } from './table-view.js';
import { WithdrawnPage } from './withdrawn-page.js';

type Request = { Params: { id: string }; Querystring: QueryValues };

export function datasetPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const { catalog, queries } = ctx.services;

  app.get<Request>('/datasets/:id', { schema: { hide: true } }, async (request, reply) => {
    const { id } = request.params;
    const { state, fromForm } = readTableState(request.query);
    if (fromForm)
      return reply.redirect(`/datasets/${encodeURIComponent(id)}${tableSearch(state)}#table`, 303);
    const site = ctx.pages.site(request, { localized: true });
    try {
      const view = await loadDatasetView(ctx, id, ctx.guards.viewer(request), state);
      const indexable = Object.keys(request.query).every((name) => name === 'lang');
      return ctx.pages.sendPublic(reply, DatasetPage({ site, ...view, indexable }));
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
      // A dataset the stewardship watch withdrew until its metadata is complete: gone for now, with a note.
      const note = await ctx.services.stewardship.withdrawal(id);
      if (note) return ctx.pages.send(reply, WithdrawnPage({ site, note }), 410);
      const t = site.t.common;
      return ctx.pages.send(
        reply,
        ErrorPage({
          site,
          status: 404,
          title: t.datasetNotFoundTitle,
          message: t.datasetNotFoundMessage(id),
        }),
        404,
      );
    }
  });

  app.get<Request>(
    '/datasets/:id/table',
    { schema: { hide: true } },
    async (request, reply: FastifyReply) => {
      const viewer = ctx.guards.viewer(request);
      const dataset = await catalog.get(request.params.id, viewer);
      if (!catalog.mayRead(dataset, viewer)) throw errors.datasetRestricted(dataset.id);
      if (!hasTable(dataset)) throw errors.datasetNoData(dataset.id);
      const { state } = readTableState(request.query);
      const site = ctx.pages.site(request, { localized: true });
      const preview = await loadTablePreview(queries, dataset, viewer, state);
      return reply
        .type('text/html; charset=utf-8')
        .header('Content-Language', site.lang)
        .header('Vary', 'Cookie, Accept-Language')
        .header('X-Robots-Tag', 'noindex')
        .header(
          'Cache-Control',
          request.session || dataset.access_level !== 'public' ? 'private, no-store' : 'public, max-age=60',
        )
        .send(TableView({ site, dataset, preview }).html);
    },
  );
}
