/**
 * Reading reports without an account: GET /reports/follow/{token} (the reporter's private page: never cached,
 * never indexed, no Referer), GET /reports/{number} (a report's public status page: not found unless the public
 * may read its dataset's data) and GET /reports (the public list).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteContext } from '../../../access/routes-context.js';
import { PUBLIC_VIEWER } from '../../../catalog/catalog.service.js';
import { AppError } from '../../../errors.js';
import type { ReportView } from '../reports.types.js';
import { privatePage, sendNotFound } from './report-errors.js';
import { LIST_FILTERS, ListPage, type ListFilter } from './report-list-page.js';
import { FollowPage, StatusPage } from './report-view-pages.js';

export const PAGE_SIZE = 25;

const one = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

export function reportViewRoutes(scope: FastifyInstance, ctx: RouteContext): void {
  const { pages, services } = ctx;
  const hide = { schema: { hide: true } };

  /** The public view of a report, or undefined when it has none (its dataset's data is not public). */
  const publicOf = async (number: string): Promise<ReportView | undefined> => {
    try {
      return await services.reports.publicView(number);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return undefined;
      throw error;
    }
  };

  scope.get<{ Params: { token: string } }>('/reports/follow/:token', hide, async (request, reply) => {
    privatePage(reply);
    const report = await services.reports.byFollowToken(request.params.token);
    if (!report) return sendNotFound(pages, request, reply);
    const shared = await publicOf(report.number);
    const site = pages.site(request, { localized: true });
    return pages.send(
      reply,
      FollowPage({
        site,
        report,
        publicUrl: shared ? `/reports/${encodeURIComponent(report.number)}` : null,
      }),
    );
  });

  scope.get('/reports', hide, async (request: FastifyRequest, reply) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const asked = one(q.status);
    const status: ListFilter = (LIST_FILTERS as readonly string[]).includes(asked)
      ? (asked as ListFilter)
      : 'open';
    const datasetId = one(q.dataset).trim().slice(0, 200);
    const page = Math.max(1, Number.parseInt(one(q.page), 10) || 1);
    const found = await services.reports.publicList({
      ...(datasetId ? { datasetId } : {}),
      ...(status === 'all' ? {} : { status }),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    let dataset: { id: string; title: string } | null = null;
    if (datasetId) {
      const title = found.results[0]?.dataset.title ?? (await titleOf(datasetId));
      dataset = { id: datasetId, title: title ?? datasetId };
    }
    const site = pages.site(request, { localized: true });
    const pages_ = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    return pages.sendPublic(
      reply,
      ListPage({ site, status, dataset, results: found.results, total: found.total, page, pages: pages_ }),
      { maxAge: 60 },
    );

    async function titleOf(id: string): Promise<string | undefined> {
      try {
        return (await services.catalog.get(id, PUBLIC_VIEWER)).title;
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return undefined;
        throw error;
      }
    }
  });

  scope.get<{ Params: { number: string } }>('/reports/:number', hide, async (request, reply) => {
    const report = await publicOf(request.params.number);
    if (!report) return sendNotFound(pages, request, reply);
    const site = pages.site(request, { localized: true });
    return pages.sendPublic(reply, StatusPage({ site, report }), { maxAge: 60 });
  });
}
