/**
 * The city's content pages: /about, /licences, /privacy and /faq from the Markdown in its folder (the terms of
 * use are /terms, served with their version by the developer sign-up). Also installs the portal's page for
 * browsers that ask for an address nothing answers.
 */
import type { FastifyInstance } from 'fastify';
import { installNotFoundPage } from '../not-found.js';
import type { WebContext } from '../web-context.js';
import { CONTENT_PAGES, readContent, type ContentName } from './content-files.js';
import { ContentPage } from './content-page.js';
import { NotFoundPage } from './not-found-page.js';

/** The pages this installer serves (the terms have a route of their own). */
const PAGES = CONTENT_PAGES.filter((name): name is Exclude<ContentName, 'terms'> => name !== 'terms');

export function contentRoutes(app: FastifyInstance, ctx: WebContext): void {
  const dir = ctx.city.dir;
  const missing = CONTENT_PAGES.filter((name) => !readContent(dir, name, 'en'));
  if (missing.length > 0) {
    app.log.warn(`the city folder has no English text for ${missing.join(', ')} (content/<name>.en.md)`);
  }

  for (const name of PAGES) {
    app.get(`/${name}`, { schema: { hide: true } }, async (request, reply) => {
      const site = ctx.pages.site(request, { localized: true });
      const doc = readContent(dir, name, site.lang);
      if (!doc) return ctx.pages.send(reply, NotFoundPage({ site }), 404);
      return ctx.pages.sendPublic(reply, ContentPage({ site, name, doc }), { maxAge: 300 });
    });
  }

  installNotFoundPage(app, ctx);
}
