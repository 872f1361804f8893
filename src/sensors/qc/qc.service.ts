/**
 * Quality control of sensor observations, as the rest of Plaza sees it: which configuration applies to a
 * datastream (its own `properties.qc`, else its ObservedProperty's, else the defaults for the demo's
 * properties), which datastreams are silent past their gap limit, and who hears of faults. Ingest judges the
 * observations with `qc-ingest.ts`, on the configurations cached here.
 */
import { formatInstant } from '../time.js';
import { parseQcConfig } from './qc-config.js';
import { defaultQcConfig } from './qc-defaults.js';
import type { QcDatastreamRow, QcRepo } from './qc.repo.js';
import type { QcConfig, QcConfigSource, SensorFault, SensorQc, SilentStream } from './qc.types.js';

/** A datastream's configuration and the facts its faults are told with. */
export interface DatastreamQc {
  config: QcConfig;
  source: QcConfigSource;
  name: string;
  datasetId: string | null;
  unitSymbol: string | null;
}

/** `properties.qc` of an entity's properties JSON, when it is there and valid. */
function configIn(properties: string | null): QcConfig | undefined {
  if (properties === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(properties);
  } catch {
    return undefined;
  }
  const qc = (parsed as { qc?: unknown } | null)?.qc;
  if (qc === undefined || qc === null) return undefined;
  // Written through SensorThings it was validated; a seed or an older row may hold anything: skip it then.
  const result = parseQcConfig(qc);
  return 'config' in result ? result.config : undefined;
}

function resolve(row: QcDatastreamRow): DatastreamQc {
  const facts = { name: row.name, datasetId: row.datasetId, unitSymbol: row.unitSymbol };
  const own = configIn(row.properties);
  if (own) return { config: own, source: 'datastream', ...facts };
  const shared = configIn(row.propertyProperties);
  if (shared) return { config: shared, source: 'observed_property', ...facts };
  const fallback = defaultQcConfig({ name: row.propertyName, definition: row.propertyDefinition });
  if (fallback) return { config: fallback, source: 'default', ...facts };
  return { config: {}, source: 'none', ...facts };
}

export interface SensorQcService extends SensorQc {
  /** Tells the listeners of a fault (ingest calls it). */
  emit(fault: SensorFault): void;
  /** The configurations of these datastreams, from memory after the first look; unknown ids left out. */
  configs(ids: Iterable<number>): Promise<Map<number, DatastreamQc>>;
  /**
   * Forgets cached configurations (and, through `onInvalidate`, the judging state built on them): after a
   * Datastream's properties change (its id), or an ObservedProperty's (every datastream: `undefined`).
   */
  invalidate(datastreamId?: number): void;
  /** Hears of invalidations (the ingest's judging state). */
  onInvalidate(listener: (datastreamId?: number) => void): void;
}

export function sensorQc({ enabled, repo }: { enabled: boolean; repo: QcRepo }): SensorQcService {
  const listeners = new Set<(fault: SensorFault) => void>();
  const invalidated = new Set<(datastreamId?: number) => void>();
  const cache = new Map<number, DatastreamQc>();
  // Bumped by every invalidation: a read that started before one must not fill the cache with old facts.
  let generation = 0;

  async function configs(ids: Iterable<number>): Promise<Map<number, DatastreamQc>> {
    const found = new Map<number, DatastreamQc>();
    const missing: number[] = [];
    for (const id of ids) {
      const hit = cache.get(id);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const started = generation;
    for (const row of await repo.datastreams(missing)) {
      const qc = resolve(row);
      found.set(row.id, qc);
      if (started === generation) cache.set(row.id, qc);
    }
    return found;
  }

  return {
    enabled,
    onFault(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(fault) {
      for (const listener of listeners) listener(fault);
    },
    configs,
    invalidate(datastreamId) {
      generation++;
      if (datastreamId === undefined) cache.clear();
      else cache.delete(datastreamId);
      for (const listener of invalidated) listener(datastreamId);
    },
    onInvalidate(listener) {
      invalidated.add(listener);
    },

    async configOf(datastreamId) {
      const qc = (await configs([datastreamId])).get(datastreamId);
      return qc ? { config: qc.config, source: qc.source } : { config: {}, source: 'none' };
    },

    async silentStreams(now) {
      const latest = await repo.latest();
      const byId = await configs(latest.map((l) => l.id));
      const silent: SilentStream[] = [];
      for (const { id, latest: last } of latest) {
        const qc = byId.get(id);
        const gapMs = qc?.config.timing?.gapMs;
        // A datastream that never reported is not in service yet: nothing says since when it should have.
        if (!qc || gapMs === undefined || last === null || now - last <= gapMs) continue;
        silent.push({
          datastreamId: id,
          datasetId: qc.datasetId,
          name: qc.name,
          lastObservation: formatInstant(last),
          gapMs,
        });
      }
      return silent;
    },
  };
}
