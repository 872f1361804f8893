import { resolve } from 'node:path';
import { loadCity } from './city/city.js';

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
  /** The city's folder (city.json, seal, content pages); undefined means the shipped Westminster demo. */
  cityDir: string | undefined;
  /** Map tile URL template overriding the city's; "" for no basemap. */
  basemapUrl: string | undefined;
  /** Longest a query may run before it is answered with `query.timeout`. */
  queryTimeoutMs: number;
  /** The embedded MQTT broker (TCP and WebSocket `/mqtt`), or off. */
  mqtt: 'embedded' | 'off';
  /** TCP port of the embedded MQTT broker; 0 lets the system choose a free one (tests). */
  mqttPort: number;
  /** Run the demo's simulated sensor devices inside `serve` (when the demo network is seeded). */
  simulate: boolean;
  /** Quality control (IOOS QARTOD) of every observation on ingest; off stores observations without flags. */
  qc: boolean;
  /** `smtp://user:pass@host:port` (or `smtps://`): deliver the mail outbox; absent keeps mail in the outbox. */
  smtpUrl: string | undefined;
  /** The From address of every message. */
  mailFrom: string;
  /** `redis://host:port`: rate-limit counters and credential changes shared by every node. */
  redisUrl: string | undefined;
  /** Rate limits per tier (src/access/limits). */
  limits: RateLimitConfig;
  /** Sign-in through the city's identity provider (OpenID Connect), when configured. */
  oidc: OidcConfig | undefined;
  /** The version of the terms of use that developers accept at sign-up. */
  termsVersion: string;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), for rate limits, sign-in slow-down
   * and the audit log: false (none), true (any: only behind a proxy that sets the header), or addresses/CIDRs.
   */
  trustProxy: boolean | string;
}

export type LimitTier = 'anonymous' | 'standard' | 'elevated' | 'partner';

export interface RateLimitConfig {
  enabled: boolean;
  /** Length of the request window, in seconds. */
  windowSeconds: number;
  /** Requests per window, by tier. */
  requests: Record<LimitTier, number>;
  /** Downloads (full files and exports) running at once, by tier. */
  downloads: Record<LimitTier, number>;
  /** Open live connections (SSE, MQTT subscribers), by tier. */
  live: Record<LimitTier, number>;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's label: "Sign in with <label>". */
  label: string;
  /** The role a staff member gets on first sign-in through the provider (admins grant more). */
  defaultRole: 'viewer' | 'clerk';
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

const TIER_NAMES: readonly LimitTier[] = ['anonymous', 'standard', 'elevated', 'partner'];

/** `anonymous=300,standard=1000,...`: the tiers given replace the defaults. */
function perTier(env: Env, key: string, fallback: Record<LimitTier, number>): Record<LimitTier, number> {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const result = { ...fallback };
  for (const part of raw.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!TIER_NAMES.includes(name as LimitTier) || !Number.isInteger(n) || n < 0) {
      throw new ConfigError(
        `${key} must look like "anonymous=300,standard=1000,elevated=10000,partner=100000", got "${raw}"`,
      );
    }
    result[name as LimitTier] = n;
  }
  return result;
}

function oidc(env: Env): OidcConfig | undefined {
  const issuer = env.PLAZA_OIDC_ISSUER || undefined;
  if (!issuer) return undefined;
  const clientId = env.PLAZA_OIDC_CLIENT_ID;
  const clientSecret = env.PLAZA_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new ConfigError(
      'PLAZA_OIDC_ISSUER needs PLAZA_OIDC_CLIENT_ID and PLAZA_OIDC_CLIENT_SECRET as well',
    );
  }
  try {
    new URL(issuer);
  } catch {
    throw new ConfigError(`PLAZA_OIDC_ISSUER must be an absolute URL, got "${issuer}"`);
  }
  const defaultRole = env.PLAZA_OIDC_DEFAULT_ROLE || 'viewer';
  if (defaultRole !== 'viewer' && defaultRole !== 'clerk') {
    throw new ConfigError('PLAZA_OIDC_DEFAULT_ROLE must be viewer or clerk');
  }
  return { issuer, clientId, clientSecret, label: env.PLAZA_OIDC_LABEL || 'the city account', defaultRole };
}

function serviceUrl(env: Env, key: string, schemes: RegExp, example: string): string | undefined {
  const raw = env[key] || undefined;
  if (raw !== undefined && !schemes.test(raw)) throw new ConfigError(`${key} must look like ${example}`);
  return raw;
}

function trustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  const parts = raw.split(',').map((s) => s.trim());
  const address = /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i;
  if (parts.some((p) => !address.test(p))) {
    throw new ConfigError(
      `PLAZA_TRUST_PROXY must be true, false, or addresses/CIDRs such as "127.0.0.1,10.0.0.0/8", got "${raw}"`,
    );
  }
  return parts.join(',');
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
  const cityDir = env.PLAZA_CITY_DIR ? resolve(env.PLAZA_CITY_DIR) : undefined;
  let cityName: string;
  try {
    cityName = env.PLAZA_CITY_NAME || loadCity(cityDir).name;
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
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
    cityName,
    cityDir,
    basemapUrl: env.PLAZA_BASEMAP_URL,
    queryTimeoutMs: integer(env, 'PLAZA_QUERY_TIMEOUT_MS', 20_000, 100, 3_600_000),
    mqtt: boolean(env, 'PLAZA_MQTT', true) ? 'embedded' : 'off',
    mqttPort: integer(env, 'PLAZA_MQTT_PORT', 1883, 0, 65535),
    simulate: boolean(env, 'PLAZA_SIMULATE', true),
    qc: boolean(env, 'PLAZA_QC', true),
    smtpUrl: serviceUrl(env, 'PLAZA_SMTP_URL', /^smtps?:\/\//, 'smtp://user:password@host:587'),
    mailFrom: env.PLAZA_MAIL_FROM || 'Open Data Portal <opendata@localhost>',
    redisUrl: serviceUrl(env, 'PLAZA_REDIS_URL', /^rediss?:\/\//, 'redis://host:6379'),
    limits: {
      enabled: boolean(env, 'PLAZA_RATE_LIMITS', true),
      windowSeconds: integer(env, 'PLAZA_LIMIT_WINDOW_SECONDS', 3600, 1, 86_400),
      requests: perTier(env, 'PLAZA_LIMIT_REQUESTS', {
        anonymous: 300,
        standard: 1000,
        elevated: 10_000,
        partner: 100_000,
      }),
      downloads: perTier(env, 'PLAZA_LIMIT_DOWNLOADS', {
        anonymous: 2,
        standard: 4,
        elevated: 8,
        partner: 16,
      }),
      live: perTier(env, 'PLAZA_LIMIT_LIVE', { anonymous: 5, standard: 10, elevated: 50, partner: 200 }),
    },
    oidc: oidc(env),
    termsVersion: env.PLAZA_TERMS_VERSION || '2026-11',
    trustProxy: trustProxy(env.PLAZA_TRUST_PROXY),
    ...overrides,
  };
}
