/**
 * The records desk's public pages, in the visitor's language and usable without JavaScript: the page with the
 * law and the request form (/records), the acknowledgement and the requester's private pages
 * (/records/filed/{token}, /records/follow/{token}), the public log (/records/log, /records/log/{number}) and
 * the public numbers (/records/numbers).
 */
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../access/routes-context.js';
import { attachmentSpool, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './public-attachments.js';
import { installDeskErrors } from './public-errors.js';
import { followRoutes } from './public-follow.routes.js';
import { requestFormRoutes } from './public-form.routes.js';
import { logRoutes } from './public-log.routes.js';

export function recordsPublicPages(app: FastifyInstance, ctx: RouteContext): void {
  const spool = attachmentSpool(join(ctx.config.dataDir, 'spool', 'records'));
  app.register(async (scope) => {
    // Attachments stream to the spool part by part; a file over the limit is cut and reported, not an error.
    await scope.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS * 4, fields: 60, parts: 100 },
      throwFileSizeLimit: false,
    });
    installDeskErrors(scope, ctx.pages);
    requestFormRoutes(scope, ctx, spool);
    followRoutes(scope, ctx);
    logRoutes(scope, ctx);
  });
}
