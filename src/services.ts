import type { Config } from './config.js';
import { catalogRepo } from './catalog/catalog.repo.js';
import { catalogService } from './catalog/catalog.service.js';
import type { DataStateSource } from './catalog/data-state.js';
import type { Database } from './db/database.js';

/** Wires the modules' services together: the one place that knows who depends on whom. */
export function createServices(config: Config, db: Database) {
  const noData: DataStateSource = {
    get: async () => undefined,
    all: async () => new Map(),
    describeColumns: async () => undefined,
    remove: async () => undefined,
  };
  const catalog = catalogService({ repo: catalogRepo(db), data: noData, publicUrl: config.publicUrl });
  return { db, catalog };
}

export type Services = ReturnType<typeof createServices>;
