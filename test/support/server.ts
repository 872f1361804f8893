/** A real Plaza HTTP server on 127.0.0.1 for browser tests (SQLite in a temp folder). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { track } from './cleanup.js';
import { freePort } from './ports.js';
import { testEnv } from './test-app.js';

export interface StartServerOptions {
  /** Puts data in place before the server listens (the database is empty otherwise). */
  seed?: (app: App) => Promise<void>;
  env?: Record<string, string | undefined>;
  config?: Partial<Config>;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT`, also the app's public URL so that absolute links stay on this server. */
  baseUrl: string;
  app: App;
  config: Config;
  close(): Promise<void>;
}

/** Builds the app on a fresh SQLite database and listens on a free port of 127.0.0.1. */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plaza-server-'));
  // The public URL must be known before the app is built, so the port is chosen first.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    {
      ...testEnv(dataDir),
      PLAZA_PUBLIC_URL: baseUrl,
      PLAZA_HOST: '127.0.0.1',
      PLAZA_PORT: String(port),
      ...options.env,
    },
    options.config,
  );
  const db = openDatabase(config);
  let app: App | undefined;
  const close = async () => {
    await app?.http.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(db);
    app = await buildApp(config, db);
    await options.seed?.(app);
    await app.http.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await close();
    throw error;
  }
  return { baseUrl, app, config, close: track(close) };
}
