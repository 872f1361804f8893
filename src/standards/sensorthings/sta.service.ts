/**
 * Answers SensorThings 1.1 read requests: resolves the resource path one entity at a time (each must exist
 * and be visible to the viewer), then shows an entity, a property, references, or a page of a collection with
 * its options. The rules about who sees what are the catalog's: a Thing is shown when the viewer may read the
 * data of its dataset.
 */
import type { CatalogService, Viewer } from '../../catalog/catalog.service.js';
import { errors } from '../../errors.js';
import { Budget, expand, orderText, readPage, type Page } from './collection.js';
import { ENTITIES, type EntityName, type EntityType } from './model.js';
import { checkOptions, parseQueryOptions, type QueryOptions } from './options.js';
import { encodeSkipToken, linkWith } from './paging.js';
import { parsePath, type PathStep } from './path.js';
import {
  DATA_ARRAY_COMPONENTS,
  dataArrays,
  DEFAULT_COMPONENTS,
  propertyValue,
  renderEntity,
  selfLink,
  type Links,
} from './render.js';
import { FOREIGN_KEYS } from './sql/entities.js';
import { NO_DATASET } from './sql/visibility.js';
import type { Row, StaRepo } from './sta.repo.js';

export type StaResponse =
  | { kind: 'json'; body: unknown }
  /** `/$value` of a text, number or boolean property. */
  | { kind: 'text'; body: string }
  /** `/$value` of a property without a value. */
  | { kind: 'empty' };

export interface StaServiceOptions {
  repo: StaRepo;
  catalog: Pick<CatalogService, 'readableIds'>;
  /** `https://city.example`: selfLinks are absolute. */
  publicUrl: string;
}

/** The path prefix of the API, after the public URL. */
export const STA_PREFIX = '/sta/v1.1';

export function sensorThingsService({ repo, catalog, publicUrl }: StaServiceOptions) {
  const links: Links = { base: `${publicUrl}${STA_PREFIX}` };

  /** Datasets that hold Things whose data the viewer may not read (and the Things outside the catalog). */
  async function hiddenDatasets(viewer: Viewer): Promise<string[]> {
    if (viewer.admin) return [];
    const [used, readable] = await Promise.all([repo.datasetIds(), catalog.readableIds(viewer)]);
    return [NO_DATASET, ...used.filter((id) => !readable.has(id))];
  }

  async function one(
    entity: EntityName,
    hidden: readonly string[],
    id: number,
    parent?: { entity: EntityName; nav: string; id: number },
  ): Promise<Row | undefined> {
    const { rows } = await repo.list({ entity, ids: [id], parent, orderBy: [], limit: 1, offset: 0, hidden });
    return rows[0];
  }

  /** The entity each single step addresses; the last step's parent for a collection. */
  async function resolve(steps: PathStep[], hidden: readonly string[]) {
    let row: Row | undefined;
    let previous: PathStep | undefined;
    for (const step of steps) {
      if (!step.single) {
        const parent =
          previous && row ? { entity: previous.entity.name, nav: step.nav!, id: Number(row.id) } : undefined;
        return { row: undefined, parent };
      }
      const before = row;
      if (!previous || !before) {
        row = await one(step.entity.name, hidden, step.id!);
        if (!row)
          throw errors.staNotFound(`There is no ${step.entity.name} ${step.id} (or it is not public).`);
      } else if (step.id !== undefined) {
        row = await one(step.entity.name, hidden, step.id, {
          entity: previous.entity.name,
          nav: step.nav!,
          id: Number(before.id),
        });
        if (!row)
          throw errors.staNotFound(`${previous.entity.name} ${before.id} has no ${step.nav} ${step.id}.`);
      } else {
        const key = before[FOREIGN_KEYS[previous.entity.name]![step.nav!]!];
        row =
          key === null || key === undefined ? undefined : await one(step.entity.name, hidden, Number(key));
        if (!row) throw errors.staNotFound(`${previous.entity.name} ${before.id} has no ${step.nav}.`);
      }
      previous = step;
    }
    return { row, parent: undefined };
  }

  function collectionBody(
    page: Page,
    base: string,
    pairs: [string, string][],
    options: QueryOptions,
    value: unknown,
  ) {
    let next: string | undefined;
    if (page.more) {
      const last = page.keys?.at(-1);
      next = last
        ? linkWith(base, pairs, { $skip: undefined, $skiptoken: encodeSkipToken(last, orderText(options)) })
        : linkWith(base, pairs, { $skiptoken: undefined, $skip: String(page.skip + page.top) });
    }
    return {
      ...(page.count !== undefined && { '@iot.count': page.count }),
      ...(next !== undefined && { '@iot.nextLink': next }),
      value,
    };
  }

  return {
    links,

    /** Answers `GET /sta/v1.1/{path}?{query}`; `pairs` are the query string's name/value pairs in order. */
    async read(path: string, pairs: [string, string][], viewer: Viewer): Promise<StaResponse> {
      const resource = parsePath(path);
      const options = parseQueryOptions(pairs);
      const target: EntityType = resource.steps.at(-1)!.entity;
      checkOptions(target, options);
      const single = resource.steps.at(-1)!.single;
      if (
        options.resultFormat &&
        (single || target.name !== 'Observation' || resource.property || resource.ref)
      ) {
        throw errors.staBadQuery('$resultFormat=dataArray applies to collections of Observations only.');
      }
      const hidden = await hiddenDatasets(viewer);
      const { row, parent } = await resolve(resource.steps, hidden);

      if (row && resource.property) {
        const value = propertyValue(target.name, row, resource.property);
        if (!resource.value) return { kind: 'json', body: { [resource.property]: value } };
        if (value === null || value === undefined) return { kind: 'empty' };
        return { kind: 'text', body: typeof value === 'string' ? value : JSON.stringify(value) };
      }
      if (row && resource.ref)
        return { kind: 'json', body: { '@iot.selfLink': selfLink(links, target, row.id) } };
      if (row) {
        const expanded = await expand(repo, target, [row], options.expand, hidden, links, new Budget());
        return { kind: 'json', body: renderEntity(target, row, links, options.select, expanded.get(row)) };
      }

      const base = `${links.base}/${path.replace(/\/+$/, '')}`;
      const page = await readPage(repo, { entity: target, parent, options, hidden });
      if (resource.ref) {
        const value = page.rows.map((r) => ({ '@iot.selfLink': selfLink(links, target, r.id) }));
        return { kind: 'json', body: collectionBody(page, base, pairs, options, value) };
      }
      if (options.resultFormat === 'dataArray') {
        const components = (options.select ?? DEFAULT_COMPONENTS).map((c) => (c === '@iot.id' ? 'id' : c));
        const wrong = components.filter((c) => !DATA_ARRAY_COMPONENTS.includes(c));
        if (wrong.length > 0) {
          throw errors.staBadQuery(
            `dataArray components are ${DATA_ARRAY_COMPONENTS.join(', ')}; not ${wrong.join(', ')}.`,
          );
        }
        const value = dataArrays(page.rows, components, links, ENTITIES.Datastream);
        return { kind: 'json', body: collectionBody(page, base, pairs, options, value) };
      }
      const expanded = await expand(repo, target, page.rows, options.expand, hidden, links, new Budget());
      const value = page.rows.map((r) => renderEntity(target, r, links, options.select, expanded.get(r)));
      return { kind: 'json', body: collectionBody(page, base, pairs, options, value) };
    },
  };
}

export type SensorThingsService = ReturnType<typeof sensorThingsService>;
