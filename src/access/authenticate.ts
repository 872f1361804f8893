/**
 * Resolves every request's credentials into a Principal (request.principal), once, before routing to a handler:
 *
 * 1. `Authorization: Bearer <admin token>`: the automation token, when the server was given one.
 * 2. An API key in `X-Api-Key`, `X-App-Token` or `$$app_token` (Socrata clients), the `api_key` query parameter, or
 *    `Authorization: Bearer plaza_key_...`. A bad, revoked or suspended key is refused (401/403) rather than
 *    served as anonymous, so that a client learns at once that its key stopped working.
 * 3. The session cookie of a signed-in browser.
 * 4. Otherwise anonymous, counted by client address.
 *
 * Keys and standings are cached for {@link CACHE_MS}; enforcement calls `forget`, here and (through the signals
 * port) on the other nodes, so that a suspension takes effect on the next request.
 *
 * Unsafe requests that a session authenticates must carry the session's CSRF token (`_csrf` form field or
 * `X-CSRF-Token` header); routes that parse their own bodies (uploads) set `config: { csrf: 'manual' }` and call
 * `checkCsrf` themselves.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { KeysService } from './keys/keys.service.js';
import { ADMIN_TOKEN_PRINCIPAL, anonymous, type Principal } from './principal.js';
import {
  csrfMatches,
  SESSION_COOKIE,
  type Session,
  type SessionsService,
} from './sessions/sessions.service.js';
import type { Standing, UsersService } from './users/users.service.js';

const CACHE_MS = 2_000;
/** API keys whose principal is cached at once, at most. */
const MAX_CACHED_KEYS = 10_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking (src/access/authenticate.ts). */
    principal: Principal;
    /** The browser session behind the request, when a session authenticated it. */
    session: Session | undefined;
  }
  interface FastifyContextConfig {
    /**
     * `manual`: the route checks the CSRF token itself (bodies the global hook cannot read, such as uploads).
     * `read-only`: a POST that changes nothing (a query with its parameters in the body): no token needed.
     */
    csrf?: 'manual' | 'read-only';
  }
}

export const authErrors = {
  accountSuspended: (until: string | null) =>
    new AppError(
      'auth.account_suspended',
      403,
      `This account is suspended${until ? ` until ${until}` : ''} or closed. The notice sent to its email address ` +
        'says why and how to ask for a review.',
      { until },
    ),
  csrf: () =>
    new AppError(
      'auth.csrf',
      403,
      'The form is missing its security token or it has expired; reload the page and send the form again.',
    ),
};

/** Cross-node messages about credentials that changed; in-process unless Redis is configured. */
export interface AccessSignals {
  publish(message: ForgetMessage): void;
  subscribe(listener: (message: ForgetMessage) => void): void;
}

export interface ForgetMessage {
  userId?: string;
  keyId?: string;
}

export function localSignals(): AccessSignals {
  const listeners = new Set<(message: ForgetMessage) => void>();
  return {
    publish: (message) => listeners.forEach((l) => l(message)),
    subscribe: (listener) => void listeners.add(listener),
  };
}

export interface Authenticator {
  /** The principal of a raw credential set (used by MQTT and other non-HTTP surfaces too). */
  principalForKey(secret: string): Promise<Principal>;
  principalForSession(session: Session, ip: string): Promise<Principal | undefined>;
  /** Drops cached credentials of a user or key on this node. */
  forget(message: ForgetMessage): void;
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  return /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const PLAZA_KEY = 'plaza_key_';

/**
 * The API key a request carries, from any of the places clients put one. Socrata app tokens
 * (`X-App-Token`, `$$app_token`) count only when they are Plaza keys: a client configured for another portal
 * keeps working, anonymously.
 */
export function keyOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = firstHeader(request.headers['x-api-key']) ?? stringOf(query?.api_key);
  if (explicit) return explicit.trim();
  const socrata = firstHeader(request.headers['x-app-token']) ?? stringOf(query?.$$app_token);
  if (socrata?.trim().startsWith(PLAZA_KEY)) return socrata.trim();
  const token = bearer(request);
  return token?.startsWith(PLAZA_KEY) ? token : undefined;
}

const stringOf = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

export function createAuthenticator({
  users,
  keys,
  now = () => Date.now(),
}: {
  users: Pick<UsersService, 'get' | 'standing'>;
  keys: Pick<KeysService, 'authenticate'>;
  now?: () => number;
}): Authenticator {
  const keyCache = new Map<string, { principal: Principal; until: number }>();
  const standingCache = new Map<
    string,
    {
      standing: Standing | undefined;
      user: { email: string; name: string; kind: 'staff' | 'developer' };
      until: number;
    }
  >();

  async function standingOf(userId: string) {
    const hit = standingCache.get(userId);
    if (hit && hit.until > now()) return hit;
    const user = await users.get(userId);
    const entry = {
      standing: await users.standing(userId),
      user: { email: user.email, name: user.name, kind: user.kind },
      until: now() + CACHE_MS,
    };
    standingCache.set(userId, entry);
    return entry;
  }

  function toPrincipal(
    userId: string,
    entry: Awaited<ReturnType<typeof standingOf>>,
    via: Principal['via'],
    extra: Partial<Principal>,
  ): Principal | undefined {
    const standing = entry.standing;
    if (!standing) return undefined;
    const staff = entry.user.kind === 'staff';
    return {
      via,
      user: { id: userId, ...entry.user },
      roles: staff ? standing.roles : [],
      departments: staff ? standing.departments : [],
      grants: standing.grants,
      tier: staff ? 'partner' : standing.tier,
      subject: extra.keyId ? `key:${extra.keyId}` : `user:${userId}`,
      ...extra,
    };
  }

  return {
    async principalForKey(secret) {
      // Keyed by the secret itself: a digest on every request cost more than the rest of authentication. The
      // map keeps entries in the order they expire and drops them as they do (and the oldest past
      // MAX_CACHED_KEYS), so that a secret stays in memory hardly longer than CACHE_MS after its last lookup.
      const t = now();
      for (const [cached, entry] of keyCache) {
        if (entry.until > t) break;
        keyCache.delete(cached);
      }
      const hit = keyCache.get(secret);
      if (hit && hit.until > t) return hit.principal;
      const row = await keys.authenticate(secret);
      const entry = await standingOf(row.user_id);
      const principal = toPrincipal(row.user_id, entry, 'api_key', { keyId: row.id });
      if (!principal) throw authErrors.accountSuspended(null);
      keyCache.delete(secret);
      keyCache.set(secret, { principal, until: now() + CACHE_MS });
      if (keyCache.size > MAX_CACHED_KEYS) keyCache.delete(keyCache.keys().next().value!);
      return principal;
    },

    async principalForSession(session, _ip) {
      return toPrincipal(session.userId, await standingOf(session.userId), 'session', {
        sessionId: session.id,
      });
    },

    forget({ userId, keyId }) {
      if (userId) standingCache.delete(userId);
      for (const [secret, entry] of keyCache)
        if ((userId && entry.principal.user?.id === userId) || (keyId && entry.principal.keyId === keyId))
          keyCache.delete(secret);
    },
  };
}

/** Installs the authentication and CSRF hooks on the app. */
export function installAuthentication(
  http: FastifyInstance,
  {
    adminToken,
    authenticator,
    sessions,
  }: {
    adminToken: string | undefined;
    authenticator: Authenticator;
    sessions: Pick<SessionsService, 'resolve'>;
  },
): void {
  const expected = adminToken ? createHash('sha256').update(adminToken).digest() : undefined;
  const isAdminToken = (token: string) =>
    expected !== undefined && timingSafeEqual(createHash('sha256').update(token).digest(), expected);

  http.decorateRequest('principal', undefined as unknown as Principal);
  http.decorateRequest('session', undefined);

  http.addHook('onRequest', async (request) => {
    request.principal = anonymous(request.ip);
    const token = bearer(request);
    if (token && isAdminToken(token)) {
      request.principal = ADMIN_TOKEN_PRINCIPAL;
      return;
    }
    const key = keyOf(request);
    const query = request.query as Record<string, unknown> | undefined;
    if (query) {
      delete query.api_key;
      delete query.$$app_token;
    }
    if (key) {
      request.principal = await authenticator.principalForKey(key);
      return;
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const session = await sessions.resolve(cookie);
      const principal = session && (await authenticator.principalForSession(session, request.ip));
      if (session && principal) {
        request.session = session;
        request.principal = principal;
      }
    }
  });

  http.addHook('preHandler', async (request) => {
    if (!request.session || !UNSAFE.has(request.method)) return;
    if (request.routeOptions.config?.csrf) return;
    const body = request.body as Record<string, unknown> | undefined;
    const token =
      firstHeader(request.headers['x-csrf-token']) ??
      (body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : undefined);
    if (!csrfMatches(request.session, token)) throw authErrors.csrf();
  });
}

/** For routes with `config: { csrf: 'manual' }`: throws auth.csrf unless the token is the session's. */
export function checkCsrf(request: FastifyRequest, token: string | undefined): void {
  if (request.session && !csrfMatches(request.session, token)) throw authErrors.csrf();
}
