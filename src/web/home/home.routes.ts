/**
 * The home page `/`. The catalog search used to live here: an address with search parameters is moved for
 * good to `/datasets` with the same query, so that old links and bookmarks keep working.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { Dataset } from '../../catalog/catalog.schema.js';
import type { Viewer } from '../../catalog/catalog.service.js';
import { CATEGORIES } from '../../catalog/vocabulary.js';
import { hasSearchParams } from '../catalog/catalog-query.js';
import { lastUpdated } from '../catalog/dataset-card.js';
import { sendListing } from '../catalog/send-listing.js';
import type { WebContext } from '../web-context.js';
import { HomePage, type HomeModel } from './home-page.js';
import { airFigures, parkingFigures } from './live-figures.js';
import { latestFeatures, type LatestFeatures } from './live-source.js';
import type { LiveStripModel } from './live-strip.js';

const RECENT = 5;

export function homeRoutes(app: FastifyInstance, ctx: WebContext): void {
  const features = latestFeatures(ctx);

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (hasSearchParams(query)) {
      const search = request.url.slice(request.url.indexOf('?'));
      return reply.redirect(`/datasets${search}`, 301);
    }
    const viewer = ctx.guards.viewer(request);
    const site = ctx.pages.site(request, { localized: true });
    const datasets = await ctx.services.catalog.all(viewer);
    const lang = site.lang;
    const live = await liveStrip(
      ctx,
      features,
      datasets,
      viewer,
      request.log,
      (area) => area[lang] ?? area.en,
    );
    return sendListing(ctx, request, reply, HomePage({ site, ...overview(ctx, datasets), live }), 30);
  });
}

/** Counts per category, featured datasets in the city's order, and the latest changes, from one catalog read. */
function overview(ctx: WebContext, datasets: Dataset[]): Omit<HomeModel, 'site' | 'live'> {
  const byId = new Map(datasets.map((d) => [d.id, d]));
  const counts = new Map<string, number>();
  for (const d of datasets) counts.set(d.category.id, (counts.get(d.category.id) ?? 0) + 1);
  return {
    total: datasets.length,
    categories: CATEGORIES.filter((c) => counts.has(c.id)).map((c) => ({
      id: c.id,
      title: c.title,
      count: counts.get(c.id) ?? 0,
    })),
    featured: ctx.city.featured.flatMap((id) => byId.get(id) ?? []),
    recent: [...datasets]
      .sort((a, b) => lastUpdated(b).localeCompare(lastUpdated(a)) || a.title.localeCompare(b.title))
      .slice(0, RECENT),
  };
}

/** A live dataset of the strip, when it exists, is a sensor dataset, and the viewer may read its data. */
function readable(ctx: WebContext, datasets: Dataset[], id: string | undefined, viewer: Viewer) {
  const dataset = id === undefined ? undefined : datasets.find((d) => d.id === id);
  if (!dataset || dataset.kind !== 'sensor' || !ctx.services.catalog.mayRead(dataset, viewer))
    return undefined;
  return dataset;
}

/**
 * The latest features of a dataset; none when they cannot be read (the strip then leaves the card out, and the
 * rest of the page is still served).
 */
async function read(features: LatestFeatures, id: string, viewer: Viewer, log: FastifyBaseLogger) {
  try {
    return await features(id, viewer);
  } catch (error) {
    if (!(error instanceof AppError))
      log.warn({ err: error }, `home page: the latest readings of ${id} failed`);
    return undefined;
  }
}

async function liveStrip(
  ctx: WebContext,
  features: LatestFeatures,
  datasets: Dataset[],
  viewer: Viewer,
  log: FastifyBaseLogger,
  local: (area: { en: string; vi?: string; es?: string }) => string,
): Promise<LiveStripModel> {
  const { parking, airQuality } = ctx.city.live;
  const parkingSet = readable(ctx, datasets, parking?.dataset, viewer);
  const airSet = readable(ctx, datasets, airQuality?.dataset, viewer);
  const [parkingFeatures, airFeatures] = await Promise.all([
    parkingSet && read(features, parkingSet.id, viewer, log),
    airSet && read(features, airSet.id, viewer, log),
  ]);
  const strip: LiveStripModel = {};
  if (parking && parkingSet && parkingFeatures) {
    strip.parking = {
      dataset: parkingSet,
      area: local(parking.area),
      figures: parkingFigures(parkingFeatures, parking.bbox),
    };
  }
  if (airQuality && airSet && airFeatures) {
    strip.air = {
      dataset: airSet,
      figures: airFigures(airFeatures, airQuality.observedProperty, Date.now()),
    };
  }
  return strip;
}
