/**
 * The public side of the desk's record: GET /records/log (published requests, filtered and paged by the URL),
 * GET /records/log/{number} (one published request) and GET /records/numbers. What they show is the same for
 * everyone (published requests, public documents, public datasets), so shared caches may keep them briefly.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../access/routes-context.js';
import { PUBLIC_VIEWER } from '../../catalog/catalog.service.js';
import { AppError } from '../../errors.js';
import type { RequestDetail } from '../records/records.types.js';
import { EntryPage } from './public-entry-page.js';
import { sendNotFound } from './public-errors.js';
import { LOG_PAGE_SIZE, parseLogQuery, toLogQuery } from './public-log-query.js';
import { LogPage } from './public-log-page.js';
import { NumbersPage } from './public-numbers-page.js';

const PUBLIC = { kind: 'public' } as const;
const NUMBER = /^R\d{2}-\d{4,}$/i;

export function logRoutes(scope: FastifyInstance, ctx: RouteContext): void {
  const { pages, services } = ctx;
  const desk = services.desk;
  const hide = { schema: { hide: true } };

  const departments = async () =>
    (await services.catalog.departments(PUBLIC_VIEWER))
      .map((d) => ({ id: d.id, name: d.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));

  scope.get('/records/log', hide, async (request, reply) => {
    const query = parseLogQuery(request.query as Record<string, unknown>);
    const [result, list] = await Promise.all([desk.log(toLogQuery(query)), departments()]);
    const site = pages.site(request, { localized: true });
    const page = LogPage({
      model: {
        site,
        query,
        total: result.total,
        pageSize: LOG_PAGE_SIZE,
        // The log lists published requests only, whatever the desk answers.
        results: result.results.filter((r) => r.published),
        departments: list,
      },
    });
    return pages.sendPublic(reply, page);
  });

  /** The published request with this number, as the public sees it; undefined when there is none. */
  async function published(number: string): Promise<RequestDetail | undefined> {
    if (!NUMBER.test(number)) return undefined;
    try {
      // The desk finds a request by its number as well as by its id.
      const detail = await desk.get(number.toUpperCase(), PUBLIC);
      return detail.published ? detail : undefined;
    } catch (error) {
      if (error instanceof AppError && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  }

  scope.get<{ Params: { number: string } }>('/records/log/:number', hide, async (request, reply) => {
    const detail = await published(request.params.number);
    if (!detail) return sendNotFound(pages, request, reply);
    const visible = new Set((await services.catalog.all(PUBLIC_VIEWER)).map((d) => d.id));
    const site = pages.site(request, { localized: true });
    const page = EntryPage({
      site,
      request: detail,
      publicDatasets: visible,
    });
    return pages.sendPublic(reply, page);
  });

  scope.get('/records/numbers', hide, async (request, reply) => {
    const numbers = await desk.numbers(PUBLIC);
    const site = pages.site(request, { localized: true });
    return pages.sendPublic(reply, NumbersPage({ site, numbers }));
  });
}
