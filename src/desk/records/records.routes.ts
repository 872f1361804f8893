/**
 * The records desk's JSON API (public and staff routes, uploads through the desk's own multipart scope) and the
 * daily reminders to the people working on requests due soon or overdue.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { scheduler } from '../../access/grants/scheduler.js';
import type { RouteContext } from '../../access/routes-context.js';
import { recordsPublicRoutes } from './records-public.routes.js';
import { recordsStaffRoutes } from './records-staff.routes.js';
import { deskFileStore } from './records.service.js';

export const REMINDERS_INTERVAL_MS = 24 * 3_600_000;

export function recordsApiRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const store = deskFileStore(ctx.config);
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: store.maxBytes, files: 10, fields: 30, fieldSize: 64 * 1024 },
    });
    recordsPublicRoutes(scope, ctx, store);
    recordsStaffRoutes(scope, ctx, store);
  });

  // Reminders at start and once a day; each request reminds at most once a local day, however often this runs.
  const reminders = scheduler(() => ctx.services.desk.sendReminders(), {
    intervalMs: REMINDERS_INTERVAL_MS,
    onError: (error) => app.log.error({ err: error }, 'records reminders failed'),
  });
  app.addHook('onReady', async () => reminders.start());
  app.addHook('onClose', async () => reminders.stop());
}
