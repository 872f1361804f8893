/**
 * Who may follow what live: the same rules as the catalog and the data endpoints. A dataset the public cannot
 * see (non-public or unpublished) answers 404 exactly as the catalog does; a restricted one (metadata public,
 * data by permission) answers 403 like its rows; a datastream is judged by the dataset of its Thing, and one
 * that belongs to no dataset is the admin's only. MQTT needs the answer while forwarding a message, which
 * cannot wait for the database, so the public verdict per dataset is also cached for {@link ACCESS_TTL_MS}.
 */
import type { CatalogService, Viewer } from '../../catalog/catalog.service.js';
import { AppError, errors } from '../../errors.js';
import type { ModelService } from '../model.service.js';
import type { LiveFilter } from './live-hub.js';

/** How long a dataset's public verdict is trusted before it is asked again (a change of access shows within it). */
export const ACCESS_TTL_MS = 10_000;

export const liveErrors = {
  noFilter: () =>
    errors.badRequest(
      'live.no_filter',
      'Name what to follow: ?dataset={id}, or one or more ?datastream={id} (up to 1000).',
    ),
  busy: (limit: number) =>
    new AppError(
      'live.busy',
      503,
      `This server already serves ${limit} live streams; retry in a minute, or use MQTT.`,
      { limit },
    ),
  datastreamNotFound: (id: number) =>
    new AppError(
      'datastream.not_found',
      404,
      `No datastream ${id}; list datastreams at /sta/v1.1/Datastreams.`,
      { id },
    ),
};

const isNotFound = (error: unknown) => error instanceof AppError && error.status === 404;

export function liveAccess({
  catalog,
  model,
  now = () => Date.now(),
}: {
  catalog: Pick<CatalogService, 'accessOf'>;
  model: Pick<ModelService, 'datastreams'>;
  now?: () => number;
}) {
  const verdicts = new Map<string, { open: boolean; until: number }>();
  const asking = new Map<string, Promise<boolean>>();

  /** Whether the public may read the data of a dataset, from the catalog. */
  async function ask(datasetId: string): Promise<boolean> {
    let open: boolean;
    try {
      open = (await catalog.accessOf(datasetId)).access === 'public';
    } catch (error) {
      if (!isNotFound(error)) throw error;
      open = false;
    }
    verdicts.set(datasetId, { open, until: now() + ACCESS_TTL_MS });
    return open;
  }

  function refresh(datasetId: string): Promise<boolean> {
    let pending = asking.get(datasetId);
    if (!pending) {
      pending = ask(datasetId).finally(() => asking.delete(datasetId));
      asking.set(datasetId, pending);
    }
    return pending;
  }

  /** Throws the catalog's answer when the viewer may not read the dataset's data; returns its canonical id. */
  async function requireReadable(datasetId: string, viewer: Viewer): Promise<string> {
    const { id, readable } = await catalog.accessOf(datasetId, viewer);
    if (!readable) throw errors.datasetRestricted(id);
    return id;
  }

  return {
    /**
     * Checks a request to follow datasets and datastreams and returns the filter in canonical ids. Throws
     * dataset.not_found, dataset.restricted or datastream.not_found as the data endpoints would.
     */
    async resolve(
      request: { datasets: readonly string[]; datastreams: readonly number[] },
      viewer: Viewer,
    ): Promise<LiveFilter> {
      if (request.datasets.length === 0 && request.datastreams.length === 0) throw liveErrors.noFilter();
      const datasets: string[] = [];
      for (const id of new Set(request.datasets)) datasets.push(await requireReadable(id, viewer));
      const ids = [...new Set(request.datastreams)];
      const infos = await model.datastreams(ids);
      const checked = new Map<string, string>();
      for (const id of ids) {
        const info = infos.get(id);
        if (!info || (info.datasetId === null && !viewer.admin)) throw liveErrors.datastreamNotFound(id);
        if (info.datasetId === null || checked.has(info.datasetId)) continue;
        try {
          checked.set(info.datasetId, await requireReadable(info.datasetId, viewer));
        } catch (error) {
          // A datastream of a dataset the viewer cannot see does not exist for them either.
          throw isNotFound(error) ? liveErrors.datastreamNotFound(id) : error;
        }
      }
      return { datasets: [...new Set(datasets)], datastreams: ids };
    },

    /** Whether a filter resolved earlier is still allowed (access can change while a stream is open). */
    async stillAllowed(filter: LiveFilter, viewer: Viewer): Promise<boolean> {
      if (viewer.admin) return true;
      const infos = await model.datastreams(filter.datastreams);
      const datasets = new Set(filter.datasets);
      for (const info of infos.values()) {
        if (info.datasetId === null) return false;
        datasets.add(info.datasetId);
      }
      for (const id of datasets) {
        if (await this.isPublic(id)) continue;
        // Staff, stewards and grantees: asked afresh, since a grant can end while the stream is open.
        const privileged =
          viewer.staff === true || (viewer.departments?.length ?? 0) > 0 || (viewer.grants?.size ?? 0) > 0;
        if (!privileged) return false;
        try {
          if (!(await catalog.accessOf(id, viewer)).readable) return false;
        } catch (error) {
          if (isNotFound(error)) return false;
          throw error;
        }
      }
      return true;
    },

    /** Whether the public may read a dataset's data, cached for ACCESS_TTL_MS. */
    async isPublic(datasetId: string): Promise<boolean> {
      const hit = verdicts.get(datasetId);
      if (hit && hit.until > now()) return hit.open;
      return refresh(datasetId);
    },

    /** Whether a verdict on the dataset is cached, fresh or stale. */
    known: (datasetId: string) => verdicts.has(datasetId),

    /**
     * The cached verdict, without waiting: a stale one is used while it is asked again, an unknown dataset is
     * closed until asked. For MQTT forwarding, which must decide at once.
     */
    isPublicNow(datasetId: string): boolean {
      const hit = verdicts.get(datasetId);
      if (!hit || hit.until <= now()) void refresh(datasetId).catch(() => undefined);
      return hit?.open ?? false;
    },
  };
}

export type LiveAccess = ReturnType<typeof liveAccess>;
