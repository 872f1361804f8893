import { resolve } from 'node:path';

/** The whole configuration of a Plaza process, read once at start and passed in. */
export interface Config {
  /** TCP port of the HTTP server. */
  port: number;
  host: string;
  /** Public base URL used in links (downloads, OpenAPI servers, `next` pages). */
  publicUrl: string;
  /** Folder for the embedded database, upload spool and other local state. */
  dataDir: string;
  /** `postgres://...` switches storage to PostgreSQL; absent means SQLite under dataDir. */
  databaseUrl: string | undefined;
  /** Bootstrap admin token for the admin API until staff accounts exist; absent disables admin HTTP writes. */
  adminToken: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Seed the Westminster demo on first start of `serve`. */
  seedDemo: boolean;
  /** Largest accepted upload for the import endpoint, in bytes. */
  maxUploadBytes: number;
  /** Time zone of the city, for display and legal deadlines. */
  timeZone: string;
  cityName: string;
  /** Longest a query may run before it is answered with `query.timeout`. */
  queryTimeoutMs: number;
  /** The embedded MQTT broker (TCP and WebSocket `/mqtt`), or off. */
  mqtt: 'embedded' | 'off';
  /** TCP port of the embedded MQTT broker; 0 lets the system choose a free one (tests). */
  mqttPort: number;
  /** Run the demo's simulated sensor devices inside `serve` (when the demo network is seeded). */
  simulate: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

/** Reads `PLAZA_*` variables into a validated Config; throws ConfigError naming the variable to fix. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const port = integer(env, 'PLAZA_PORT', 8080, 0, 65535);
  const host = env.PLAZA_HOST || '0.0.0.0';
  const databaseUrl = env.PLAZA_DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'PLAZA_DATABASE_URL must start with postgres:// (leave it unset for embedded SQLite)',
    );
  }
  const logLevel = (env.PLAZA_LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`PLAZA_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const adminToken = env.PLAZA_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new ConfigError('PLAZA_ADMIN_TOKEN must be at least 16 characters');
  }
  const publicUrl = (env.PLAZA_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PLAZA_PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  return {
    port,
    host,
    publicUrl,
    dataDir: resolve(env.PLAZA_DATA_DIR || './data'),
    databaseUrl,
    adminToken,
    logLevel,
    seedDemo: boolean(env, 'PLAZA_SEED_DEMO', true),
    maxUploadBytes: integer(env, 'PLAZA_MAX_UPLOAD_MB', 2048, 1, 1_000_000) * 1024 * 1024,
    timeZone: env.PLAZA_TIME_ZONE || 'America/Los_Angeles',
    cityName: env.PLAZA_CITY_NAME || 'City of Westminster',
    queryTimeoutMs: integer(env, 'PLAZA_QUERY_TIMEOUT_MS', 20_000, 100, 3_600_000),
    mqtt: boolean(env, 'PLAZA_MQTT', true) ? 'embedded' : 'off',
    mqttPort: integer(env, 'PLAZA_MQTT_PORT', 1883, 0, 65535),
    simulate: boolean(env, 'PLAZA_SIMULATE', true),
    ...overrides,
  };
}
