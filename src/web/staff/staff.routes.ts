/**
 * The staff console's dataset pages: the dashboard at /staff, publishing a dataset from the browser (metadata
 * form, upload with a preview, publish), editing, replacing data, unpublishing and republishing. The other
 * staff pages (access requests, agreements, developers, audit, mailbox) are installed by their own modules.
 */
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../access/routes-context.js';
import { formatter, type Formatter } from '../format.js';
import { datasetRecorder } from './audit.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { datasetFormRoutes } from './dataset-form.routes.js';
import { publicationRoutes } from './publication.routes.js';
import { staffDatasets, type StaffDatasets } from './staff-datasets.service.js';
import { staffPages, type StaffPages } from './staff-pages.js';
import { uploadRoutes } from './upload.routes.js';
import { uploadSpool, type UploadSpool } from './upload/spool.js';

/** What the staff console's route files share. */
export interface StaffRouteDeps {
  ctx: RouteContext;
  pages: StaffPages;
  datasets: StaffDatasets;
  spool: UploadSpool;
  format: Formatter;
}

export function staffRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const datasets = staffDatasets({
    catalog: ctx.services.catalog,
    imports: ctx.services.imports,
    record: datasetRecorder(ctx.services.access.audit),
  });
  const spool = uploadSpool(join(ctx.config.dataDir, 'spool', 'staff'));
  const format = formatter(ctx.config.timeZone);
  app.register(async (scope) => {
    // Uploads stream to the spool file part by part (see upload.routes.ts); one file per form.
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 10 },
    });
    const deps: StaffRouteDeps = { ctx, pages: staffPages(scope, ctx), datasets, spool, format };
    dashboardRoutes(scope, deps);
    datasetFormRoutes(scope, deps);
    uploadRoutes(scope, deps);
    publicationRoutes(scope, deps);
  });
}
