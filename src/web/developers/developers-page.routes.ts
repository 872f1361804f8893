import type { FastifyInstance } from 'fastify';
import { readGuide } from '../guides.js';
import { ErrorPage } from '../pages/error-page.js';
import { GuidePage } from '../pages/guide.js';
import type { WebContext } from '../web-context.js';

export function developerPageRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { name: string } }>('/docs/:name', { schema: { hide: true } }, async (request, reply) => {
    const guide = readGuide(request.params.name);
    const site = ctx.pages.site(request);
    if (!guide) {
      return ctx.pages.send(
        reply,
        ErrorPage({
          site,
          status: 404,
          title: 'Guide not found',
          message: 'There is no guide at this address.',
        }),
        404,
      );
    }
    return ctx.pages.sendPublic(reply, GuidePage({ site, ...guide }), { maxAge: 300 });
  });
}
