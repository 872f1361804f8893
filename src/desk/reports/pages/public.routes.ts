/**
 * The public pages of quality reports, in the visitor's language and usable without JavaScript: the form of a
 * dataset (/datasets/{id}/report), the acknowledgement and the reporter's private page (/reports/filed/{token},
 * /reports/follow/{token}), a report's public status page (/reports/{number}) and the public list (/reports).
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../../access/routes-context.js';
import { installReportErrors } from './report-errors.js';
import { reportFormRoutes } from './report-form.routes.js';
import { reportViewRoutes } from './report-view.routes.js';

export function reportsPublicPages(app: FastifyInstance, ctx: RouteContext): void {
  app.register(async (scope) => {
    installReportErrors(scope, ctx.pages);
    reportFormRoutes(scope, ctx);
    reportViewRoutes(scope, ctx);
  });
}
