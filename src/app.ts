import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Config } from './config.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import type { Database } from './db/database.js';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import { installAuthentication } from './access/authenticate.js';
import { accountsRoutes } from './access/accounts/accounts.routes.js';
import { developersRoutes } from './access/developers/developers.routes.js';
import { enforcementRoutes } from './access/enforcement/enforcement.routes.js';
import { grantsRoutes } from './access/grants/grants.routes.js';
import { deskRoutes } from './desk/desk.routes.js';
import { installRateLimits } from './access/limits/limits.js';
import { redisSignals } from './access/limits/redis-signals.js';
import type { RouteContext } from './access/routes-context.js';
import { staffRoutes } from './web/staff/staff.routes.js';
import { datasetAuditor } from './web/staff/audit.js';
import { pageContext } from './web/page-context.js';
import { installErrorHandler } from './http/error-handler.js';
import { createGuards } from './http/guards.js';
import { healthRoutes } from './http/health.routes.js';
import { installOpenApi } from './http/openapi.js';
import { createServices, type Services } from './services.js';
import { importsRoutes } from './tables/imports.routes.js';
import { rowsRoutes } from './tables/rows.routes.js';
import { queryRoutes } from './query/query.routes.js';
import { sodaRoutes } from './standards/soda/soda.routes.js';
import { sensorThingsRoutes } from './standards/sensorthings/sensorthings.routes.js';
import { sensorThingsWriteRoutes } from './standards/sensorthings/sensorthings-write.routes.js';
import { mqttEndpoints, writeConformance } from './standards/sensorthings/server-settings.js';
import { ingestRoutes } from './sensors/ingest.routes.js';
import { sensorReadRoutes } from './sensors/readings.routes.js';
import { installLive, type Live } from './sensors/live/live.js';
import { join } from 'node:path';
import { webRoutes } from './web/web.routes.js';
import { loadCity } from './city/city.js';
import { loadIslands } from './web/assets/islands.js';
import { themeAsset } from './web/assets/assets.routes.js';
import compress from '@fastify/compress';
import type { LatestReading } from './web/pages/latest-readings.js';
import type { LatestFeature } from './web/web-context.js';

export interface RouteInfo {
  method: string;
  url: string;
  /** Left out of the OpenAPI document on purpose (pages, assets). */
  hidden: boolean;
}

export interface App {
  http: FastifyInstance;
  services: Services;
  /** Live feeds: the hub, SSE streams and the embedded MQTT broker. */
  live: Live;
  /** Every route registered, as Fastify announced it: the OpenAPI test holds the document against it. */
  routes: readonly RouteInfo[];
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

/** What the log keeps of a request: never a credential, including an API key in the query string. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

const CREDENTIAL_PARAMETERS = new Set(['api_key', 'token', '$$app_token']);

/** A query parameter's name as the query parser reads it (`%24%24app_token` is `$$app_token`). */
function parameterName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** The URL with the values of credential parameters replaced, however their names are encoded. */
/** Path segments after these hold a private link's token (a records request's follow link). */
const TOKEN_PATHS = /(\/(?:follow|filed)\/)[^/?#]+/g;

export function redactUrl(url: string): string {
  return url
    .replace(TOKEN_PATHS, '$1[REDACTED]')
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, sep: string, name: string) =>
      CREDENTIAL_PARAMETERS.has(parameterName(name)) ? `${sep}${name}=[REDACTED]` : whole,
    );
}

/** Builds the whole HTTP app on an open, migrated database. The server and the tests both use it. */
export async function buildApp(
  config: Config,
  db: Database,
  /** `now`: the clock of services that judge time (tests set it; the real clock otherwise). */
  options: { now?: () => Date } = {},
): Promise<App> {
  const http = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.authorization',
              'req.headers["x-api-key"]',
              'req.headers["x-app-token"]',
              'req.headers["x-csrf-token"]',
              'req.headers.cookie',
            ],
            serializers: { req: serializeRequest },
          },
    bodyLimit: 10 * 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const routes: RouteInfo[] = [];
  http.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of [route.method].flat())
      routes.push({ method: method.toUpperCase(), url: route.url, hidden });
  });
  http.addSchema(ErrorSchema);
  installErrorHandler(http);
  await installOpenApi(http, config);

  // Servers share credential changes through Redis when there is one; commands keep them in-process.
  const services = createServices(config, db, http.log, {
    signals: config.redisUrl ? redisSignals(config.redisUrl, { log: http.log }) : undefined,
    now: options.now,
  });
  await services.catalog.ensureReferenceData();
  await http.register(cookie);
  await http.register(formbody);
  installAuthentication(http, {
    adminToken: config.adminToken,
    authenticator: services.access.authenticator,
    sessions: services.access.sessions,
  });
  await installRateLimits(http, { config, services });
  const guards = createGuards({ adminTokenEnabled: config.adminToken !== undefined });
  const city = loadCity(config.cityDir, {
    name: config.cityName,
    basemap: config.basemapUrl,
  });
  const islands = await loadIslands();
  const theme = themeAsset(city);
  const pages = pageContext({ city, islands, theme, publicUrl: config.publicUrl, timeZone: config.timeZone });
  // Pages and their assets travel compressed; API answers and downloads are left to the client or a proxy.
  await http.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^(text\/(html|css|javascript)|image\/svg\+xml|application\/xml)(;|$)/,
  });
  const access: RouteContext = { config, services, guards, pages };

  healthRoutes(http, db);
  const datasetAudit = datasetAuditor(services.access.audit);
  catalogRoutes(http, services.catalog, guards, datasetAudit);
  rowsRoutes(http, services.catalog, services.tables, guards);
  queryRoutes(http, services.queries, guards, config.publicUrl);
  sodaRoutes(http, services.queries, guards, config.publicUrl, { timeZone: config.timeZone });
  const mqtt = config.mqtt === 'embedded';
  sensorThingsRoutes(
    http,
    { db, catalog: services.catalog, guards },
    {
      publicUrl: config.publicUrl,
      mqttEndpoints: mqtt ? mqttEndpoints(config.publicUrl, config.mqttPort) : [],
      conformance: writeConformance({ mqtt }),
    },
  );
  sensorThingsWriteRoutes(
    http,
    {
      db,
      catalog: services.catalog,
      guards,
      ingest: services.sensors.ingest,
      devices: services.sensors.devices,
      qc: services.sensors.qc,
    },
    { publicUrl: config.publicUrl },
  );
  ingestRoutes(http, { ingest: services.sensors.ingest, devices: services.sensors.devices, guards });
  const readings = sensorReadRoutes(http, services, guards, config);
  const live = await installLive(http, { config, services, guards });
  importsRoutes(http, services.imports, guards, {
    spoolDir: join(config.dataDir, 'spool'),
    maxBytes: config.maxUploadBytes,
    catalog: services.catalog,
    audit: datasetAudit,
  });

  accountsRoutes(http, access);
  developersRoutes(http, access);
  grantsRoutes(http, access);
  deskRoutes(http, access);
  enforcementRoutes(http, access);
  staffRoutes(http, access);

  webRoutes(
    http,
    {
      config,
      services,
      guards,
      pages,
      city,
      islands,
      latest: async (id, viewer) =>
        (
          JSON.parse((await readings.latest(id, 'json', viewer)).toString('utf8')) as {
            datastreams: LatestReading[];
          }
        ).datastreams,
      latestFeatures: async (id, viewer) =>
        (
          JSON.parse((await readings.latest(id, 'geojson', viewer)).toString('utf8')) as {
            features: LatestFeature[];
          }
        ).features,
    },
    theme,
  );

  // Replaced tables are dropped once no download can still be reading them, and staging tables of imports
  // that died with their process once they are a day old: now (for what a crash left) and every five minutes.
  await services.imports
    .collectRetired()
    .catch((error: unknown) => http.log.warn({ err: error }, 'sweep failed'));
  const collector = setInterval(
    () => void services.imports.collectRetired().catch(() => undefined),
    5 * 60_000,
  );
  collector.unref();
  http.addHook('onClose', async () => clearInterval(collector));
  // Large tables get their search indexes in the background; closing waits for a build that runs.
  await services.tables.indexer
    .start((message, error) => (error ? http.log.error({ err: error }, message) : http.log.info(message)))
    .catch((error: unknown) => http.log.warn({ err: error }, 'search index check failed'));
  http.addHook('onClose', async () => services.tables.indexer.stop());
  http.addHook('onClose', async () => services.access.close());

  await http.ready();
  return { http, services, live, routes };
}
