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
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Api-Key',
            description:
              'A developer API key (plaza_key_...), from your account page. Also accepted as X-App-Token (Socrata ' +
              'clients), as the api_key query parameter, or as "Authorization: Bearer plaza_key_...".',
          },
          apiKeyQuery: {
            type: 'apiKey',
            in: 'query',
            name: 'api_key',
            description:
              'The API key as a query parameter, for clients that cannot set headers (SSE in browsers).',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'plaza_session',
            description:
              'A signed-in browser session. Unsafe requests also need the X-CSRF-Token header (GET /api/v1/session).',
          },
          adminToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The automation admin token (PLAZA_ADMIN_TOKEN), an explicit opt-in for scripts.',
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
        {
          name: 'admin',
          description: 'Writes for staff: the admin role, a department steward, or the admin token',
        },
        { name: 'Account', description: 'Your developer account: API keys and their usage' },
        { name: 'Access', description: 'Access requests and data-sharing agreements' },
        { name: 'Enforcement', description: 'Suspensions and revocations of keys and accounts (admins)' },
        {
          name: 'Records',
          description:
            'Public records requests (California Public Records Act): filing, the desk, the public log',
        },
        {
          name: 'Quality reports',
          description: 'Problems with datasets and sensors: filing, following, the staff queue',
        },
        { name: 'Status', description: 'Whether every dataset and sensor feed is as current as promised' },
        { name: 'Stewardship', description: 'Corrective notices to stewards (staff)' },
        { name: 'Audit', description: 'The audit log: search, CSV export, chain verification (admins)' },
        { name: 'Staff accounts', description: 'Sign-in sessions and staff accounts' },
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
