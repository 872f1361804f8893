import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** OpenAPI 3.1 generated from the route schemas, and the interactive reference served from our own assets. */
export async function installOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Plaza API',
        version: '1',
        description:
          `Open data of the ${config.cityName}: catalog, downloads and queries. ` +
          `Guides: [API guide](/docs/api), [query language (SoQL)](/docs/query-language), [importing data](/docs/importing).`,
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          adminToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The bootstrap admin token (PLAZA_ADMIN_TOKEN).',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A device token (plaza_dev_...) for its own Thing, or the admin token.',
          },
        },
      },
      tags: [
        { name: 'catalog', description: 'Datasets, departments, categories and licences' },
        { name: 'data', description: 'Downloads and imports of the data behind datasets' },
        { name: 'query', description: 'SoQL queries over a dataset: filters, aggregates, geo and full text' },
        { name: 'soda', description: 'SODA 2.1-compatible endpoints for existing Socrata clients' },
        {
          name: 'sensors',
          description: 'Sensor observations: ingest, pages, series, latest values, downloads',
        },
        {
          name: 'sensorthings',
          description:
            'OGC SensorThings API 1.1 at /sta/v1.1: sensors and observations for SensorThings clients (guide: /docs/sensorthings)',
        },
        { name: 'admin', description: 'Writes that need the admin token' },
        { name: 'operations', description: 'Health and readiness' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, url: '/api/openapi.json' },
    // Everything the reference needs is served from here: no other origin is allowed.
    staticCSP:
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
  });
}
