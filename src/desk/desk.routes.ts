/**
 * The desk: public records requests, quality reports, the status board and the stewardship watches (the JSON
 * APIs, the public pages, the staff pages and their schedules). Each part installs its own routes.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../access/routes-context.js';
import { recordsPublicPages } from './pages/public.routes.js';
import { recordsStaffPages } from './pages/staff.routes.js';
import { recordsApiRoutes } from './records/records.routes.js';
import { reportsPublicPages } from './reports/pages/public.routes.js';
import { reportsStaffPages } from './reports/pages/staff.routes.js';
import { reportsApiRoutes } from './reports/reports.routes.js';
import { statusRoutes } from './status/status.routes.js';
import { stewardshipRoutes } from './stewardship/stewardship.routes.js';

export function deskRoutes(app: FastifyInstance, ctx: RouteContext): void {
  recordsApiRoutes(app, ctx);
  recordsPublicPages(app, ctx);
  recordsStaffPages(app, ctx);
  reportsApiRoutes(app, ctx);
  reportsPublicPages(app, ctx);
  reportsStaffPages(app, ctx);
  statusRoutes(app, ctx);
  stewardshipRoutes(app, ctx);
}
