/**
 * The public portal: every page a resident, researcher or developer reads, in their language. Each feature
 * installs its own routes; this file only puts them together with the assets they share.
 */
import type { FastifyInstance } from 'fastify';
import { assetRoutes, type ThemeAsset } from './assets/assets.routes.js';
import { catalogPageRoutes } from './catalog/catalog-pages.routes.js';
import { contentRoutes } from './content/content.routes.js';
import { datasetPageRoutes } from './dataset/dataset-page.routes.js';
import { departmentRoutes } from './departments/departments.routes.js';
import { developerPageRoutes } from './developers/developers-page.routes.js';
import { homeRoutes } from './home/home.routes.js';
import { livePageRoutes } from './live/live-page.routes.js';
import { seoRoutes } from './seo/seo.routes.js';
import type { WebContext } from './web-context.js';

export function webRoutes(app: FastifyInstance, ctx: WebContext, theme: ThemeAsset): void {
  assetRoutes(app, { city: ctx.city, islands: ctx.islands, theme });
  homeRoutes(app, ctx);
  catalogPageRoutes(app, ctx);
  departmentRoutes(app, ctx);
  datasetPageRoutes(app, ctx);
  livePageRoutes(app, ctx);
  developerPageRoutes(app, ctx);
  contentRoutes(app, ctx);
  seoRoutes(app, ctx);
}
