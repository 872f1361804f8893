import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Config } from '../config.js';
import type { DialectAdapter } from './dialect.js';
import { postgresRunner, sqliteRunner, type QueryRunner } from './query-runner.js';
import { postgresAdapter, createPgPool } from './postgres-dialect.js';
import type { ObservationStore } from './observation-store.js';
import { postgresObservationStore } from './postgres-observations.js';
import type { Schema } from './schema.js';
import { sqliteObservationWriter } from './sqlite-observation-writer.js';
import { openSqlite, sqliteAdapter } from './sqlite-dialect.js';

/** Plaza's handle on its store: Kysely for its own tables, the dialect adapter for dataset tables. */
export interface Database {
  kysely: Kysely<Schema>;
  adapter: DialectAdapter;
  /** Read queries under a time limit (the query API). */
  queries: QueryRunner;
  /** Batched, transactional writes of sensor observations with their rollups. */
  observations: ObservationStore;
  /** Where the store is, for logs (never includes a password). */
  description: string;
  close(): Promise<void>;
}

/** Opens SQLite under the data folder, or PostgreSQL when a database URL is configured. */
export function openDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Database {
  if (config.databaseUrl) {
    const pool = createPgPool(config.databaseUrl);
    const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(config.databaseUrl);
    return {
      kysely,
      adapter: postgresAdapter(pool),
      queries: postgresRunner(pool),
      observations: postgresObservationStore(pool),
      description: `postgres://${url.host}${url.pathname}`,
      // Kysely ends the pool it was given.
      close: () => kysely.destroy(),
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'plaza.sqlite');
  const sqlite = openSqlite(file);
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  const adapter = sqliteAdapter(sqlite, file);
  const queries = sqliteRunner(file, (query) => adapter.queryArrays(query));
  const observations = sqliteObservationWriter(file);
  return {
    kysely,
    adapter,
    queries,
    observations,
    description: `sqlite:${file}`,
    close: async () => {
      await observations.close();
      await queries.close();
      await kysely.destroy();
    },
  };
}
