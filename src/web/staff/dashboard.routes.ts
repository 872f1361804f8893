/** GET /staff: the console's home for every member of staff. */
import type { FastifyInstance } from 'fastify';
import type { StaffRouteDeps } from './staff.routes.js';
import { canPublish } from './pages/frame.js';
import { DashboardPage } from './pages/dashboard.js';

export function dashboardRoutes(
  scope: FastifyInstance,
  { ctx, pages, datasets, format }: StaffRouteDeps,
): void {
  scope.get('/staff', { schema: { hide: true }, onRequest: pages.only() }, async (request, reply) => {
    const viewer = ctx.guards.viewer(request);
    const staff = pages.info(request, reply);
    const list = canPublish(staff.roles)
      ? await datasets.listEditable(viewer)
      : await datasets.listPublished(viewer);
    return pages.send(reply, DashboardPage({ staff, datasets: list, format, notice: pages.notice(request) }));
  });
}
