/** The departments that publish data: `/departments` and `/departments/:id`. */
import type { FastifyInstance } from 'fastify';
import { ErrorPage } from '../pages/error-page.js';
import { MAX_PAGE } from '../catalog/catalog-query.js';
import { sendListing } from '../catalog/send-listing.js';
import type { WebContext } from '../web-context.js';
import { stewardsOf } from './contact.js';
import { DepartmentPage } from './department-page.js';
import { DepartmentsPage } from './departments-page.js';

const PAGE_SIZE = 20;

export function departmentRoutes(app: FastifyInstance, ctx: WebContext): void {
  const { catalog } = ctx.services;

  app.get('/departments', { schema: { hide: true } }, async (request, reply) => {
    const site = ctx.pages.site(request, { localized: true });
    // Counts follow the viewer's visibility: a department with nothing the viewer may see is left out.
    const departments = (await catalog.departments(ctx.guards.viewer(request))).filter(
      (d) => d.dataset_count > 0,
    );
    return sendListing(ctx, request, reply, DepartmentsPage({ site, departments }));
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/departments/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const viewer = ctx.guards.viewer(request);
      const site = ctx.pages.site(request, { localized: true });
      const [departments, datasets] = await Promise.all([catalog.departments(viewer), catalog.all(viewer)]);
      const department = departments.find((d) => d.id === request.params.id);
      if (!department) {
        const t = site.t.departments;
        return ctx.pages.send(
          reply,
          ErrorPage({
            site,
            status: 404,
            title: t.notFoundTitle,
            message: t.notFoundMessage(request.params.id),
          }),
          404,
        );
      }
      const own = datasets
        .filter((d) => d.department.id === department.id)
        .sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }));
      const pages = Math.max(1, Math.ceil(own.length / PAGE_SIZE));
      const asked = Number.parseInt(String(request.query.page ?? '1'), 10);
      const page = Number.isFinite(asked) ? Math.min(MAX_PAGE, Math.max(1, asked)) : 1;
      return sendListing(
        ctx,
        request,
        reply,
        DepartmentPage({
          site,
          department,
          datasets: own.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
          page,
          pages,
          stewards: stewardsOf(own),
        }),
      );
    },
  );
}
