/**
 * Device tokens: the credential a Thing's device sends with its observations (HTTP bearer or MQTT password).
 * A token is shown once, stored as a SHA-256 digest (it is long and random, so a slow hash adds nothing), and
 * found by its visible prefix. Revoking takes effect at once in this process; other nodes forget a cached
 * token within {@link CACHE_MS}.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import type { DevicesRepo, DeviceTokenRow } from './devices.repo.js';

const CACHE_MS = 10_000;
const TOKEN = /^plaza_dev_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token as the admin API lists it: never the secret. */
export interface DeviceToken {
  id: string;
  thingId: number;
  prefix: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface Device {
  tokenId: string;
  thingId: number;
}

const present = (row: DeviceTokenRow): DeviceToken => ({
  id: row.id,
  thingId: Number(row.thing_id),
  prefix: row.prefix,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

export const deviceErrors = {
  thingNotFound: (id: number) =>
    new AppError('thing.not_found', 404, `No Thing ${id}; list Things at /sta/v1.1/Things.`, { id }),
  tokenNotFound: (id: string) =>
    new AppError('device_token.not_found', 404, `No device token "${id}".`, { id }),
  invalid: () =>
    new AppError(
      'auth.device_token_invalid',
      401,
      'The device token is not valid: send the token shown when it was created, as "Authorization: Bearer plaza_dev_...".',
    ),
  revoked: () =>
    new AppError(
      'auth.device_token_revoked',
      401,
      'This device token was revoked; ask the city for a new one.',
    ),
};

export function devicesService({
  repo,
  thingExists,
  now = () => new Date(),
}: {
  repo: DevicesRepo;
  thingExists: (id: number) => Promise<boolean>;
  now?: () => Date;
}) {
  const cache = new Map<string, { device: Device; until: number }>();
  const checking = new Map<string, Promise<Device>>();
  const lastTouched = new Map<string, number>();

  async function issue(thingId: number, label: string): Promise<{ token: string; device: DeviceToken }> {
    const prefix = randomBytes(6).toString('hex');
    const token = `plaza_dev_${prefix}_${randomBytes(32).toString('base64url')}`;
    const row: DeviceTokenRow = {
      id: crypto.randomUUID(),
      thing_id: thingId,
      prefix,
      hash: digest(token),
      label,
      created_at: now().toISOString(),
      revoked_at: null,
      last_used_at: null,
    };
    await repo.insert(row);
    return { token, device: present(row) };
  }

  return {
    /** Creates a token for a Thing; the plain token is in the answer and nowhere else. */
    async create(thingId: number, label = ''): Promise<{ token: string; device: DeviceToken }> {
      if (!(await thingExists(thingId))) throw deviceErrors.thingNotFound(thingId);
      return issue(thingId, label);
    },

    async list(thingId: number): Promise<DeviceToken[]> {
      if (!(await thingExists(thingId))) throw deviceErrors.thingNotFound(thingId);
      return (await repo.ofThing(thingId)).map(present);
    },

    async revoke(id: string): Promise<DeviceToken> {
      const row = await repo.byId(id);
      if (!row) throw deviceErrors.tokenNotFound(id);
      await repo.revoke(id, now().toISOString());
      for (const [key, entry] of cache) if (entry.device.tokenId === id) cache.delete(key);
      return present((await repo.byId(id))!);
    },

    /** Revokes a token and issues its replacement for the same Thing, with the same label. */
    async rotate(id: string): Promise<{ token: string; device: DeviceToken; replaced: DeviceToken }> {
      const row = await repo.byId(id);
      if (!row) throw deviceErrors.tokenNotFound(id);
      const issued = await issue(Number(row.thing_id), row.label);
      const replaced = await this.revoke(id);
      return { ...issued, replaced };
    },

    /** The device a token belongs to; throws auth.device_token_invalid or auth.device_token_revoked. */
    async authenticate(token: string): Promise<Device> {
      const hit = cache.get(token);
      if (hit && hit.until > Date.now()) return hit.device;
      // Many requests of one device arrive together when its cache entry expires: they share one lookup.
      let pending = checking.get(token);
      if (!pending) {
        pending = check(token).finally(() => checking.delete(token));
        checking.set(token, pending);
      }
      return pending;
    },
  };

  async function check(token: string): Promise<Device> {
    const at = Date.now();
    const match = TOKEN.exec(token);
    if (!match) throw deviceErrors.invalid();
    const row = await repo.byPrefix(match[1]!);
    if (!row || !timingSafeEqual(Buffer.from(row.hash), Buffer.from(digest(token))))
      throw deviceErrors.invalid();
    if (row.revoked_at !== null) throw deviceErrors.revoked();
    const device = { tokenId: row.id, thingId: Number(row.thing_id) };
    if (cache.size > 50_000) cache.clear();
    cache.set(token, { device, until: at + CACHE_MS });
    // Last use is worth knowing to the minute, not worth a write per request.
    if ((lastTouched.get(row.id) ?? 0) < at - 60_000) {
      lastTouched.set(row.id, at);
      await repo.touch(row.id, now().toISOString());
    }
    return device;
  }
}

export type DevicesService = ReturnType<typeof devicesService>;
