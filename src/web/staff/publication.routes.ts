/** Unpublishing (with a reason, after a confirmation page) and publishing or republishing a dataset. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { actorOf } from './audit.js';
import { UnpublishPage } from './pages/dataset-overview.js';
import type { StaffRouteDeps } from './staff.routes.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const reasonOf = (body: unknown): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).reason : undefined;
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
};

export function publicationRoutes(scope: FastifyInstance, { ctx, pages, datasets }: StaffRouteDeps): void {
  const publishers = pages.only('steward');
  const overview = (id: string) => `/staff/datasets/${encodeURIComponent(id)}`;

  scope.get(
    '/staff/datasets/:id/unpublish',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.editable(request.params.id, ctx.guards.viewer(request));
      if (dataset.status !== 'published') return pages.seeOther(reply, overview(dataset.id));
      return pages.send(reply, UnpublishPage({ staff: pages.info(request, reply), dataset, reason: '' }));
    },
  );

  scope.post(
    '/staff/datasets/:id/unpublish',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const viewer = ctx.guards.viewer(request);
      const dataset = await datasets.editable(request.params.id, viewer);
      const reason = reasonOf(request.body);
      try {
        await datasets.unpublish(dataset.id, reason, viewer, actorOf(request));
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'metadata.invalid')) throw error;
        const problems = (error.details?.problems ?? []) as { message: string }[];
        const page = UnpublishPage({
          staff: pages.info(request, reply),
          dataset,
          reason,
          error: problems[0]?.message ?? error.message,
        });
        return pages.send(reply, page, 422);
      }
      return pages.seeOther(reply, overview(dataset.id), 'unpublished');
    },
  );

  scope.post(
    '/staff/datasets/:id/publish',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.publish(request.params.id, ctx.guards.viewer(request), actorOf(request));
      return pages.seeOther(reply, overview(dataset.id), 'published');
    },
  );
}
