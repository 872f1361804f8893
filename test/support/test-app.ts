/** A fresh Plaza app on a fresh database for each integration test that asks for one. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { track } from './cleanup.js';
import { dialectName, postgresAdminUrl, type Dialect } from './tier.js';

/** The bootstrap admin token of every test app. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Headers that authenticate as the admin. */
export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` } as const;

export interface TestAppOptions {
  /** Defaults to the tier's database (PLAZA_TEST_DB). */
  dialect?: Dialect;
  /** Extra or replaced PLAZA_* variables, read by loadConfig like the real process does. */
  env?: Record<string, string | undefined>;
  /** Fields set on the Config after it is loaded (applied last). */
  config?: Partial<Config>;
  /** The clock of services that judge time when no instant is given (the real clock by default). */
  now?: () => Date;
}

export interface TestApp {
  app: App;
  config: Config;
  db: Database;
  dialect: Dialect;
  /** `app.http.inject`, as anyone. */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
  /** `app.http.inject` with the admin token. */
  injectAsAdmin(options: InjectOptions | string): Promise<LightMyRequestResponse>;
  /** Closes the app and the database, then deletes the database and the data folder. Safe to call twice. */
  close(): Promise<void>;
}

/** The environment every test app starts from: quiet, no demo seed, a known admin token and public URL. */
export function testEnv(dataDir: string): Record<string, string> {
  return {
    PLAZA_DATA_DIR: dataDir,
    PLAZA_LOG_LEVEL: 'silent',
    PLAZA_ADMIN_TOKEN: ADMIN_TOKEN,
    PLAZA_SEED_DEMO: 'false',
    PLAZA_PUBLIC_URL: 'http://plaza.test',
    // The MQTT broker listens only while the HTTP server does; on a free port, so test servers never collide.
    PLAZA_MQTT_PORT: '0',
    // Rate limits stay on, with budgets no functional test reaches; the rate-limit tests set their own.
    PLAZA_LIMIT_REQUESTS: 'anonymous=1000000,standard=1000000,elevated=1000000,partner=1000000',
    PLAZA_LIMIT_DOWNLOADS: 'anonymous=1000,standard=1000,elevated=1000,partner=1000',
    PLAZA_LIMIT_LIVE: 'anonymous=1000,standard=1000,elevated=1000,partner=1000',
    // Tests never reach the network: map tiles come from an address that refuses at once, as an offline
    // basemap would, and maps must still draw their features.
    PLAZA_BASEMAP_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png',
  };
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the throwaway cluster; returns its URL and how to drop it. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = postgresAdminUrl();
  const name = `plaza_t_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(adminUrl, async (c) => {
        // pg's Pool.end() resolves before the server has seen its clients go. Terminating them with FORCE would
        // surface in this process as an uncaught "terminating connection" error, so wait for them first.
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          const { rows } = await c.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/**
 * Builds the real app (migrated, no demo data) on a database of its own: a temp folder for SQLite, a new
 * database on the throwaway cluster for PostgreSQL. Close it in afterAll/afterEach.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dialect = options.dialect ?? dialectName();
  const dataDir = mkdtempSync(join(tmpdir(), 'plaza-test-'));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  try {
    const env: Record<string, string | undefined> = { ...testEnv(dataDir) };
    if (dialect === 'postgres') {
      const database = await createPostgresDatabase();
      cleanups.push(database.drop);
      env.PLAZA_DATABASE_URL = database.url;
    }
    const config = loadConfig({ ...env, ...options.env }, options.config);
    const db = openDatabase(config);
    cleanups.push(() => db.close());
    await migrateToLatest(db);
    const app = await buildApp(config, db, { now: options.now });
    cleanups.push(() => app.http.close());
    return {
      app,
      config,
      db,
      dialect,
      inject: (request) => app.http.inject(request),
      injectAsAdmin: (request) => {
        const base: InjectOptions = typeof request === 'string' ? { url: request } : request;
        return app.http.inject({ ...base, headers: { ...base.headers, ...adminHeaders } });
      },
      close: track(cleanUp),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
