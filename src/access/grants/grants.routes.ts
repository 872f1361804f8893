/**
 * Access requests and data-sharing agreements: the JSON API, the pages, and the agreements' schedule (run at
 * start and every 15 minutes: agreements come into force, expire and send their notices).
 */
import type { FastifyInstance } from 'fastify';
import { addAccountSection } from '../developers/developers.routes.js';
import type { RouteContext } from '../routes-context.js';
import { actorOf } from './actor.js';
import { agreementsRoutes } from './agreements.routes.js';
import { agreementPages } from './agreements.web.js';
import { createGrants, type Grants } from './grants.js';
import { AccessRequestsSection } from './requests.pages.js';
import { requestsRoutes } from './requests.routes.js';
import { requestPages } from './requests.web.js';
import { AGREEMENTS_INTERVAL_MS, scheduler } from './scheduler.js';

export function grantsRoutes(app: FastifyInstance, ctx: RouteContext): Grants {
  const { config, services, guards } = ctx;
  const grants = createGrants({
    services,
    config,
    // The records desk lives in another module; notices link to it once it is there.
    recordsUrl: () =>
      app.hasRoute({ method: 'GET', url: '/records' }) ? `${config.publicUrl}/records` : undefined,
  });

  requestsRoutes(app, grants.requests, guards);
  agreementsRoutes(app, grants.agreements, guards);
  requestPages(app, grants.requests, ctx);
  agreementPages(app, grants.agreements, services.catalog, ctx);

  // The developer's requests, as a section of their account page (in the visitor's language, as the page is).
  addAccountSection(app, async ({ request }) => {
    const site = ctx.pages.site(request, { localized: true });
    return AccessRequestsSection({
      requests: await grants.requests.mine(actorOf(guards.principal(request), request.ip)),
      format: site.format,
      t: site.t.account,
    });
  });

  const schedule = scheduler(() => grants.agreements.sweep(), {
    intervalMs: AGREEMENTS_INTERVAL_MS,
    onError: (error) => app.log.error({ err: error }, 'agreements schedule failed'),
  });
  app.addHook('onReady', async () => schedule.start());
  app.addHook('onClose', async () => schedule.stop());
  return grants;
}
