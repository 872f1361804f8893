/**
 * The records desk: public records requests (the JSON API, the public pages, the staff pages) and its daily
 * reminders. Each part installs its own routes.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../access/routes-context.js';
import { recordsPublicPages } from './pages/public.routes.js';
import { recordsStaffPages } from './pages/staff.routes.js';
import { recordsApiRoutes } from './records/records.routes.js';

export function deskRoutes(app: FastifyInstance, ctx: RouteContext): void {
  recordsApiRoutes(app, ctx);
  recordsPublicPages(app, ctx);
  recordsStaffPages(app, ctx);
}
