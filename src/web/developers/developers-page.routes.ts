/**
 * /developers (how to use the data from code, in the visitor's language) and the guides of `docs/` at
 * /docs/:name (English only: the Layout tells visitors of other languages so, in theirs).
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundPage } from '../content/not-found-page.js';
import { readGuide } from '../guides.js';
import type { WebContext } from '../web-context.js';
import { developersModel } from './developers-model.js';
import { DevelopersPage } from './developers-page.js';
import { GuidePage } from './guide-page.js';

export function developerPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const model = developersModel(app, ctx);

  app.get('/developers', { schema: { hide: true } }, async (request, reply) => {
    const site = ctx.pages.site(request, { localized: true });
    return ctx.pages.sendPublic(reply, DevelopersPage({ site, model: await model() }), { maxAge: 300 });
  });

  app.get<{ Params: { name: string } }>('/docs/:name', { schema: { hide: true } }, async (request, reply) => {
    const name = request.params.name;
    const guide = readGuide(name);
    if (!guide) {
      const site = ctx.pages.site(request, { localized: true });
      const t = site.t.developers;
      return ctx.pages.send(
        reply,
        NotFoundPage({ site, title: t.guideNotFoundTitle, message: t.guideNotFoundMessage }),
        404,
      );
    }
    const site = ctx.pages.site(request);
    return ctx.pages.sendPublic(reply, GuidePage({ site, name, ...guide }), { maxAge: 300 });
  });
}
