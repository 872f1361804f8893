/**
 * What the developers page shows that depends on this installation: the addresses, a public dataset to put in
 * the examples (with a query on its real fields), the rate limits as configured, the MQTT broker when it runs,
 * and the standards whose routes are actually registered.
 */
import type { FastifyInstance } from 'fastify';
import type { Column } from '../../catalog/catalog.schema.js';
import { PUBLIC_VIEWER } from '../../catalog/visibility.js';
import type { RateLimitConfig } from '../../config.js';
import { mqttEndpoints } from '../../standards/sensorthings/server-settings.js';
import type { WebContext } from '../web-context.js';

export interface QueryExample {
  /** SoQL parameters in order, as `--data-urlencode` takes them. */
  params: readonly [string, string][];
}

export interface DevelopersModel {
  /** The portal's public base URL, without a trailing slash. */
  base: string;
  /** A public table dataset for the examples. */
  dataset: string;
  query: QueryExample;
  /** A sensor dataset for the live examples. */
  sensorDataset: string;
  limits: RateLimitConfig;
  /** Broker addresses; empty when this server runs no broker. */
  mqtt: readonly string[];
  standards: { dcat: boolean; ckan: boolean; ogc: boolean };
}

/** Text columns that name a category are worth counting by; those that name one record (ids, numbers) are not. */
const CATEGORY = /(^|_)(type|kind|status|category|class|district|zone|department|species|use)(_|$)/;
const IDENTIFIER = /(^|_)(id|number|no|code|key|name|address)$/;

/** A query on a dataset's own fields: counts by a category, or its largest values, or five rows. */
export function queryExample(columns: readonly Column[]): QueryExample {
  const texts = columns.filter((c) => c.type === 'text');
  const text = texts.find((c) => CATEGORY.test(c.field)) ?? texts.find((c) => !IDENTIFIER.test(c.field));
  if (text) {
    return {
      params: [
        ['$select', `${text.field}, count(*) AS n`],
        ['$group', text.field],
        ['$order', 'n DESC'],
        ['$limit', '5'],
      ],
    };
  }
  const number = columns.find((c) => c.type === 'number');
  if (number) {
    return {
      params: [
        ['$where', `${number.field} > 0`],
        ['$order', `${number.field} DESC`],
        ['$limit', '5'],
      ],
    };
  }
  return { params: [['$limit', '5']] };
}

const EXAMPLE_TTL_MS = 60_000;

/** Builds the model; the example dataset is looked up (as an anonymous visitor) at most once a minute. */
export function developersModel(app: FastifyInstance, ctx: WebContext): () => Promise<DevelopersModel> {
  const { city, config, services } = ctx;
  let example: { at: number; dataset: string; query: QueryExample } | undefined;
  let standards: DevelopersModel['standards'] | undefined;

  const findExample = async () => {
    if (example && Date.now() - example.at < EXAMPLE_TTL_MS) return example;
    let found = { at: Date.now(), dataset: city.featured[0] ?? 'DATASET_ID', query: queryExample([]) };
    for (const id of city.featured.slice(0, 6)) {
      const dataset = await services.catalog.get(id, PUBLIC_VIEWER).catch(() => undefined);
      if (!dataset || dataset.kind === 'sensor' || !services.catalog.mayRead(dataset, PUBLIC_VIEWER)) {
        continue;
      }
      found = { at: Date.now(), dataset: dataset.id, query: queryExample(dataset.columns) };
      break;
    }
    return (example = found);
  };

  return async () => {
    // Every route is registered before the first request: ask then, not while routes are still being added.
    standards ??= {
      dcat: app.hasRoute({ method: 'GET', url: '/data.json' }),
      ckan: app.hasRoute({ method: 'GET', url: '/api/3/action/package_search' }),
      ogc:
        app.hasRoute({ method: 'GET', url: '/ogc' }) ||
        app.hasRoute({ method: 'GET', url: '/ogc/collections' }),
    };
    const { dataset, query } = await findExample();
    return {
      base: config.publicUrl.replace(/\/+$/, ''),
      dataset,
      query,
      sensorDataset: city.live.airQuality?.dataset ?? city.live.parking?.dataset ?? 'SENSOR_DATASET_ID',
      limits: config.limits,
      mqtt: config.mqtt === 'embedded' ? mqttEndpoints(config.publicUrl, config.mqttPort) : [],
      standards,
    };
  };
}
