/** Global setup of the postgres project: one throwaway cluster for the whole run, or a loud skip. */
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startCluster } from './postgres-cluster.js';
import { tierUnavailable } from './skip.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const binDir = findPostgresBin();
  let reason = process.env.PLAZA_PG_BIN
    ? `PLAZA_PG_BIN=${process.env.PLAZA_PG_BIN} does not hold initdb, pg_ctl and postgres`
    : 'initdb, pg_ctl and postgres not found on PATH or in /usr/lib/postgresql/*/bin; install postgresql';
  if (binDir) {
    try {
      const cluster = await startCluster(binDir);
      project.provide('postgresAdminUrl', cluster.adminUrl);
      project.provide('postgresSkipped', null);
      return () => cluster.stop();
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  tierUnavailable('PostgreSQL tier', reason);
  project.provide('postgresAdminUrl', null);
  project.provide('postgresSkipped', reason);
  return undefined;
}
