/**
 * Reporting a problem without an account: GET /datasets/{id}/report (the form, prefilled from the chart's and the
 * live map's links), POST /datasets/{id}/report (checked here, then filed with the desk; a refusal shows the form
 * again with every value kept and nothing stored), GET /reports/filed/{token} (the acknowledgement with the
 * number and the private link). A dataset the visitor may not see is not found.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkFormToken, formToken } from '../../../access/form-token.js';
import type { RouteContext } from '../../../access/routes-context.js';
import { PUBLIC_VIEWER } from '../../../catalog/catalog.service.js';
import type { Dataset } from '../../../catalog/catalog.schema.js';
import { AppError } from '../../../errors.js';
import { datastreamsOf } from './datastreams.js';
import { privatePage, sendNotFound } from './report-errors.js';
import { FiledPage } from './report-filed-page.js';
import {
  checkReportForm,
  prefill,
  readReportForm,
  toNewReport,
  type ReportFormValues,
  type ReportProblem,
} from './report-form.js';
import { ReportFormPage } from './report-form-page.js';

type DatasetRequest = FastifyRequest<{ Params: { id: string } }>;

const FIELDS = new Set(['kind', 'description', 'email', 'rowRef', 'timeFrom', 'timeTo']);

/** The desk's own refusal of a form this page found acceptable, field by field (its words, in English). */
function deskProblems(error: unknown): ReportProblem[] | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'report.rate_limited') return [{ field: 'description', code: 'rate_limited' }];
  if (error.code === 'report.unknown_datastream') return [{ field: 'datastream', code: 'datastream' }];
  if (error.code !== 'report.invalid' && error.code !== 'request.invalid') return undefined;
  const problems = (error.details?.problems ?? []) as { field: string; message: string }[];
  if (problems.length === 0) return [{ field: 'description', code: 'invalid', message: error.message }];
  return problems.map((p) => ({
    field: (FIELDS.has(p.field)
      ? p.field
      : p.field === 'datastreamId'
        ? 'datastream'
        : 'description') as ReportProblem['field'],
    code: 'invalid',
    message: p.message,
  }));
}

/** The private link of a report, as the reporter keeps it. */
export const followPath = (token: string) => `/reports/follow/${encodeURIComponent(token)}`;

export function reportFormRoutes(scope: FastifyInstance, ctx: RouteContext): void {
  const { pages, services, config, guards } = ctx;
  const hide = { schema: { hide: true } };

  /** The dataset as the visitor may see it (404 otherwise) and the sensors they may choose from. */
  async function load(request: DatasetRequest) {
    const viewer = guards.viewer(request);
    const dataset = await services.catalog.get(request.params.id, viewer);
    const streams =
      dataset.kind === 'sensor' && services.catalog.mayRead(dataset, viewer)
        ? await datastreamsOf(scope, request, dataset.id)
        : [];
    return { dataset, streams };
  }

  const show = (
    request: DatasetRequest,
    reply: FastifyReply,
    state: {
      dataset: Dataset;
      streams: readonly { id: number; name: string }[];
      values: ReportFormValues;
      problems?: ReportProblem[];
    },
    status = 200,
  ) => {
    const site = pages.site(request, { localized: true });
    const { dataset } = state;
    return pages.send(
      reply,
      ReportFormPage({
        model: {
          site,
          csrf: formToken(request, reply, config.publicUrl),
          dataset: {
            id: dataset.id,
            title: dataset.title,
            department: dataset.department.name,
            sensor: dataset.kind === 'sensor',
          },
          publicReports: services.catalog.mayRead(dataset, PUBLIC_VIEWER) && dataset.status === 'published',
          datastreams: state.streams,
          values: state.values,
          problems: state.problems ?? [],
          timeZone: config.timeZone,
        },
      }),
      status,
    );
  };

  scope.get('/datasets/:id/report', hide, async (request: DatasetRequest, reply) => {
    const { dataset, streams } = await load(request);
    const values = prefill(request.query, config.timeZone, new Set(streams.map((s) => s.id)));
    return show(request, reply, { dataset, streams, values });
  });

  scope.post(
    '/datasets/:id/report',
    { ...hide, config: { csrf: 'manual' } },
    async (request: DatasetRequest, reply) => {
      const form = readReportForm(request.body);
      checkFormToken(request, form.csrf);
      const { dataset, streams } = await load(request);
      const { values } = form;
      const problems = checkReportForm(values, {
        datastreams: new Set(streams.map((s) => s.id)),
        timeZone: config.timeZone,
        honeypot: form.honeypot,
      });
      if (problems.length > 0) return show(request, reply, { dataset, streams, values, problems }, 422);
      const site = pages.site(request, { localized: true });
      let filed;
      try {
        filed = await services.reports.file(
          toNewReport(dataset.id, values, {
            timeZone: config.timeZone,
            lang: site.lang,
            ip: request.ip,
            userId: request.principal?.user?.id ?? null,
          }),
        );
      } catch (error) {
        const refused = deskProblems(error);
        if (!refused) throw error;
        const status = error instanceof AppError && error.status === 429 ? 429 : 422;
        return show(request, reply, { dataset, streams, values, problems: refused }, status);
      }
      // Whether the acknowledgement went by mail (the public view of a report never holds the address).
      const emailed = values.email ? '?emailed=1' : '';
      return reply.redirect(`/reports/filed/${encodeURIComponent(filed.followToken)}${emailed}`, 303);
    },
  );

  scope.get<{ Params: { token: string }; Querystring: { emailed?: string } }>(
    '/reports/filed/:token',
    hide,
    async (request, reply) => {
      privatePage(reply);
      const report = await services.reports.byFollowToken(request.params.token);
      if (!report) return sendNotFound(pages, request, reply);
      const site = pages.site(request, { localized: true });
      return pages.send(
        reply,
        FiledPage({
          site,
          report,
          followUrl: `${config.publicUrl}${followPath(request.params.token)}`,
          emailed: request.query.emailed === '1',
        }),
      );
    },
  );
}
