/**
 * One page of a collection (an entity set, or the entities a to-many navigation property leads to), with the
 * options that shape it, and the expansion of navigation properties inside the entities of a page.
 */
import { errors } from '../../errors.js';
import { ENTITIES, type EntityName, type EntityType } from './model.js';
import { DEFAULT_TOP, MAX_TOP, type ExpandItem, type QueryOptions } from './options.js';
import { decodeSkipToken, linkWith } from './paging.js';
import { renderEntity, selfLink, type Links } from './render.js';
import { FOREIGN_KEYS } from './sql/entities.js';
import type { Row, StaRepo } from './sta.repo.js';

/** The most entities that expansions may add to one response. */
export const MAX_EXPANDED = 50_000;

export interface CollectionSource {
  entity: EntityType;
  parent?: { entity: EntityName; nav: string; id: number };
  options: QueryOptions;
  hidden: readonly string[];
}

export interface Page {
  rows: Row[];
  /** Order keys of the rows when the order allows keyset continuation; else null. */
  keys: unknown[][] | null;
  more: boolean;
  top: number;
  skip: number;
  count?: number;
}

/** The `$orderby` as written (the skiptoken is bound to it). */
export const orderText = (options: QueryOptions) =>
  options.raw.find(([name]) => name.toLowerCase() === '$orderby')?.[1] ?? '';

export async function readPage(repo: StaRepo, source: CollectionSource): Promise<Page> {
  const { entity, parent, options, hidden } = source;
  const top = Math.min(options.top ?? DEFAULT_TOP, MAX_TOP);
  const skip = options.skip ?? 0;
  // Observations of one Datastream come in time order unless asked otherwise: the order of their index.
  const byTime = entity.name === 'Observation' && parent?.entity === 'Datastream';
  const orderBy =
    options.orderBy ??
    (byTime ? [{ expr: { kind: 'path' as const, segments: ['phenomenonTime'], pos: 0 }, desc: false }] : []);
  const after =
    options.skipToken === undefined ? undefined : decodeSkipToken(options.skipToken, orderText(options));
  const query = { entity: entity.name, parent, filter: options.filter, orderBy, after, hidden };
  const [result, count] = await Promise.all([
    top === 0 ? { rows: [], keys: null } : repo.list({ ...query, limit: top + 1, offset: skip }),
    options.count ? repo.count(query) : undefined,
  ]);
  return {
    rows: result.rows.slice(0, top),
    keys: result.keys?.slice(0, top) ?? null,
    more: result.rows.length > top,
    top,
    skip,
    count,
  };
}

/** Counts the entities expansions add to one response, to refuse ones that would not fit in memory. */
export class Budget {
  private used = 0;
  spend(n: number): void {
    this.used += n;
    if (this.used > MAX_EXPANDED) {
      throw errors.staBadQuery(
        `$expand would add more than ${MAX_EXPANDED} entities to the response; lower $top inside $expand or page the collection.`,
      );
    }
  }
}

/** The expanded members of each row: `Datastreams`, `Datastreams@iot.count`, `Datastreams@iot.nextLink`... */
export type Expanded = Map<Row, Record<string, unknown>>;

export async function expand(
  repo: StaRepo,
  entity: EntityType,
  rows: Row[],
  items: readonly ExpandItem[],
  hidden: readonly string[],
  links: Links,
  budget: Budget,
): Promise<Expanded> {
  const out: Expanded = new Map(rows.map((r) => [r, {}]));
  for (const item of items) {
    const nav = entity.navigation[item.nav]!;
    const target = ENTITIES[nav.target];
    const render = async (children: Row[]) => {
      const inner = await expand(repo, target, children, item.options.expand, hidden, links, budget);
      return new Map(
        children.map((c) => [c, renderEntity(target, c, links, item.options.select, inner.get(c))]),
      );
    };
    if (!nav.many) {
      const column = FOREIGN_KEYS[entity.name]![item.nav]!;
      const ids = [
        ...new Set(
          rows
            .map((r) => r[column])
            .filter((id) => id !== null && id !== undefined)
            .map(Number),
        ),
      ];
      const { rows: children } = ids.length
        ? await repo.list({ entity: target.name, ids, orderBy: [], limit: ids.length, offset: 0, hidden })
        : { rows: [] };
      budget.spend(children.length);
      const rendered = await render(children);
      const byId = new Map(children.map((c) => [Number(c.id), rendered.get(c)]));
      for (const row of rows) {
        const child = byId.get(Number(row[column]));
        if (child) out.get(row)![item.nav] = child;
      }
      continue;
    }
    const pages = new Map<Row, Page>();
    for (const row of rows) {
      const parent = { entity: entity.name, nav: item.nav, id: Number(row.id) };
      const page = await readPage(repo, { entity: target, parent, options: item.options, hidden });
      budget.spend(page.rows.length);
      pages.set(row, page);
    }
    const rendered = await render([...pages.values()].flatMap((p) => p.rows));
    for (const [row, page] of pages) {
      const members = out.get(row)!;
      if (page.count !== undefined) members[`${item.nav}@iot.count`] = page.count;
      if (page.more) {
        const base = `${selfLink(links, entity, row.id)}/${item.nav}`;
        members[`${item.nav}@iot.nextLink`] = linkWith(base, item.options.raw, {
          $top: String(page.top),
          $skip: String(page.skip + page.top),
        });
      }
      members[item.nav] = page.rows.map((c) => rendered.get(c));
    }
  }
  return out;
}
