import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-catalog.js';
import * as m0002 from './migrations/0002-app-state.js';
import * as m0003 from './migrations/0003-staging-tables.js';
import * as m0004 from './migrations/0004-import-locks.js';
import * as m0005 from './migrations/0005-query-functions.js';
import * as m0006 from './migrations/0006-sensors.js';
import * as m0007 from './migrations/0007-access.js';
import * as m0008 from './migrations/0008-desk.js';
import * as m0009 from './migrations/0009-sensor-qc.js';
import * as m0010 from './migrations/0010-quality-reports.js';
import * as m0011 from './migrations/0011-stewardship.js';

/** Migrations are listed in code (not read from a folder) so that they run the same from sources and from a build. */
const migrations: Record<string, Migration> = {
  '0001-catalog': m0001,
  '0002-app-state': m0002,
  '0003-staging-tables': m0003,
  '0004-import-locks': m0004,
  '0005-query-functions': m0005,
  '0006-sensors': m0006,
  '0007-access': m0007,
  '0008-desk': m0008,
  '0009-sensor-qc': m0009,
  '0010-quality-reports': m0010,
  '0011-stewardship': m0011,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; safe to run on every start. Returns the names applied now. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
