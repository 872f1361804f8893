import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Config } from './config.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import type { Database } from './db/database.js';
import { installErrorHandler } from './http/error-handler.js';
import { createGuards } from './http/guards.js';
import { healthRoutes } from './http/health.routes.js';
import { installOpenApi } from './http/openapi.js';
import { createServices, type Services } from './services.js';

export interface App {
  http: FastifyInstance;
  services: Services;
}

const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine code, such as dataset.not_found.' }),
      message: Type.String({ description: 'What went wrong and what to fix.' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'Error' },
);

/** Builds the whole HTTP app on an open, migrated database. The server and the tests both use it. */
export async function buildApp(config: Config, db: Database): Promise<App> {
  const http = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers["x-api-key"]'] },
    bodyLimit: 10 * 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  http.addSchema(ErrorSchema);
  installErrorHandler(http);
  await installOpenApi(http, config);

  const services = createServices(config, db);
  await services.catalog.ensureReferenceData();
  const guards = createGuards(config.adminToken);

  healthRoutes(http, db);
  catalogRoutes(http, services.catalog, guards);

  await http.ready();
  return { http, services };
}
