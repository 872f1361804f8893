/**
 * Builds the search indexes of large dataset tables in the background, after their data is published: an
 * import of a million rows is not held up by some ten seconds of index building, and queries are right meanwhile,
 * only slower (the query compiler reads the table directly until the indexes exist). Small tables are indexed
 * by the import itself before it publishes.
 *
 * A build holds the dataset's import lock (so no append or upsert writes the table meanwhile), with a heartbeat,
 * and the indexes become visible all at once (SQLite: the triggers come last; PostgreSQL: CREATE INDEX).
 * Only a server builds: `start()` enables it and schedules every table that lacks its indexes; `plaza import`
 * leaves them to the server, which also schedules a table that a query finds without them.
 */
import { randomBytes } from 'node:crypto';
import type { Column } from '../catalog/catalog.schema.js';
import type { PhysicalColumn, StorageType } from '../db/dialect.js';
import type { DataTableRepo } from './data-table.repo.js';
import type { TablesRepo } from './tables.repo.js';

/** Rows up to which an import builds the indexes itself, before publishing (well under a second). */
export const INLINE_INDEX_ROWS = 50_000;

/** An import lock without a heartbeat for this long belongs to a process that died (as imports judge it). */
const LOCK_STALE_MS = 5 * 60_000;
const HEARTBEAT_MS = 30_000;
/** When another import holds the dataset, try again after this long. */
const RETRY_MS = 30_000;

export function physicalColumns(columnsJson: string): PhysicalColumn[] {
  return (JSON.parse(columnsJson) as Column[]).map((c) => ({ name: c.field, type: c.type as StorageType }));
}

export function searchIndexer(deps: {
  repo: TablesRepo;
  tables: DataTableRepo;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}) {
  const { repo, tables } = deps;
  let log = deps.log;
  const now = deps.now ?? (() => new Date());
  const running = new Map<string, Promise<void>>();
  const retries = new Map<string, NodeJS.Timeout>();
  let enabled = false;

  /** One look at the database's catalog (well under a millisecond): never a stale answer. */
  const isIndexed = (table: string, physical: PhysicalColumn[]): Promise<boolean> =>
    tables.hasSearchIndexes(table, physical);

  /** Builds a dataset's missing indexes under its import lock; 'busy' when another import holds it. */
  async function build(datasetId: string): Promise<'built' | 'present' | 'busy' | 'gone'> {
    const row = await repo.findData(datasetId);
    if (!row) return 'gone';
    if (await isIndexed(row.data_table, physicalColumns(row.columns))) return 'present';
    const owner = `search_${randomBytes(8).toString('hex')}`;
    const staleBefore = new Date(now().getTime() - LOCK_STALE_MS).toISOString();
    if (!(await repo.lockImport(datasetId, owner, now().toISOString(), staleBefore))) return 'busy';
    const heartbeat = setInterval(() => {
      void repo.heartbeatImport(datasetId, owner, now().toISOString()).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      // The live table may have changed between the look above and the lock.
      const current = await repo.findData(datasetId);
      if (!current) return 'gone';
      const physical = physicalColumns(current.columns);
      if (await isIndexed(current.data_table, physical)) return 'present';
      const started = Date.now();
      await tables.buildSearchIndexes(current.data_table, physical);
      log?.(`Built the search indexes of ${datasetId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 'built';
    } finally {
      clearInterval(heartbeat);
      await repo.unlockImport(datasetId, owner).catch(() => undefined);
    }
  }

  function schedule(datasetId: string): void {
    if (!enabled || running.has(datasetId) || retries.has(datasetId)) return;
    const job = build(datasetId)
      .then((outcome) => {
        if (outcome !== 'busy' || !enabled) return;
        const timer = setTimeout(() => {
          retries.delete(datasetId);
          schedule(datasetId);
        }, RETRY_MS);
        timer.unref();
        retries.set(datasetId, timer);
      })
      .catch((error: unknown) => log?.(`Building the search indexes of ${datasetId} failed`, error))
      .finally(() => running.delete(datasetId));
    running.set(datasetId, job);
  }

  return {
    isIndexed,

    /** Builds in the background from now on, starting with every table that lacks its indexes. */
    async start(logger?: (message: string, error?: unknown) => void): Promise<void> {
      if (logger) log = logger;
      enabled = true;
      for (const row of await repo.listData()) {
        if (!(await isIndexed(row.data_table, physicalColumns(row.columns)))) schedule(row.dataset_id);
      }
    },

    /** Asks for a dataset's indexes to be built in the background (nothing when they exist or before start). */
    schedule,

    /** Resolves when no build is running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },

    /** Stops scheduling and waits for the builds that run. */
    async stop(): Promise<void> {
      enabled = false;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
      await this.idle();
    },
  };
}

export type SearchIndexer = ReturnType<typeof searchIndexer>;
