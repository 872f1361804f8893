/** `GET /live`: the live sensor map, with the readings of every layer the visitor may read. */
import type { FastifyInstance } from 'fastify';
import type { Dataset } from '../../catalog/catalog.schema.js';
import { AppError } from '../../errors.js';
import type { WebContext } from '../web-context.js';
import { liveLayers } from './live-layers.js';
import { layerView, type LiveLayerView } from './live-model.js';
import { LivePage } from './live-page.js';

export function livePageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const { catalog } = ctx.services;

  app.get('/live', { schema: { hide: true } }, async (request, reply) => {
    const viewer = ctx.guards.viewer(request);
    const site = ctx.pages.site(request, { localized: true });

    /** The layer's dataset when it exists as a sensor dataset this visitor may read; undefined otherwise. */
    const readable = async (id: string): Promise<Dataset | undefined> => {
      try {
        const dataset = await catalog.get(id, viewer);
        return dataset.kind === 'sensor' && catalog.mayRead(dataset, viewer) ? dataset : undefined;
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return undefined;
        throw error;
      }
    };

    const views: LiveLayerView[] = [];
    for (const layer of liveLayers(ctx.city)) {
      const dataset = await readable(layer.dataset);
      if (!dataset) continue;
      views.push(layerView(layer, dataset, await ctx.latest(dataset.id, viewer)));
    }
    const page = LivePage({
      site,
      layers: views,
      timeZone: ctx.config.timeZone,
      now: new Date().toISOString(),
    });
    // Live readings go stale in seconds; a page that shows data not everyone may read is never shared.
    if (views.some((v) => v.dataset.access_level !== 'public' || v.dataset.status !== 'published')) {
      return ctx.pages.send(reply, page);
    }
    return ctx.pages.sendPublic(reply, page, { maxAge: 15 });
  });
}
