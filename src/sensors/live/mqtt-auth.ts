/**
 * Who an MQTT client is and what it may read. The password of CONNECT says it: a device token (the username
 * may be anything), a developer's API key, the admin token, or nothing for an anonymous reader. Anonymous
 * readers may follow the datastreams of public datasets and `v1.1/Observations`, where only public data reaches
 * them; a key's holder also what their account may read (granted datasets), and publishes nothing; the admin
 * may follow anything. Every other topic filter, wildcards included, is refused (SUBACK 0x80). A key that is
 * rotated or revoked, or an account that is suspended, is disconnected when the access module says so.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthenticateError, Client, Subscription } from 'aedes';
import { viewerOf, type Principal } from '../../access/principal.js';
import type { Viewer } from '../../catalog/visibility.js';
import { AppError } from '../../errors.js';
import type { DevicesService } from '../devices.service.js';
import type { ModelService } from '../model.service.js';
import { ACCESS_TTL_MS, type LiveAccess } from './live-access.js';
import type { MqttPublisher } from './mqtt-publisher.js';
import { subscribeTopic } from './mqtt-topics.js';

export type MqttIdentity =
  | { kind: 'anonymous' }
  | { kind: 'admin' }
  | { kind: 'device'; token: string; thingId: number; tokenId: string }
  | KeyReader;

/** A developer connected with an API key: reads what their account may read. */
export interface KeyReader {
  kind: 'key';
  secret: string;
  keyId: string;
  userId: string;
  viewer: Viewer;
  /** Whether the account may read a dataset that is not public, asked at most every ACCESS_TTL_MS. */
  reads: Map<string, { open: boolean; until: number }>;
  /** The live-connection slot the connection holds (rate limits), released when it goes. */
  slot?: { release(): void };
}

/** Developers' API keys: the access module's authenticator, and its news of changed credentials. */
export interface MqttKeys {
  principalForKey(secret: string): Promise<Principal>;
  /** Takes one of the principal's live-connection slots; undefined when all are in use. */
  acquireLive?(principal: Principal): Promise<{ release(): void } | undefined>;
  onForget(listener: (message: { userId?: string; keyId?: string }) => void): void;
}

export interface MqttLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

const ANONYMOUS: MqttIdentity = { kind: 'anonymous' };
// CONNACK return codes of MQTT 3.1.1.
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;
/** Credentials that are real but may not be used now: CONNACK 5 rather than 4. */
const STOPPED = new Set([
  'auth.device_token_revoked',
  'auth.key_revoked',
  'auth.key_suspended',
  'auth.account_suspended',
  'rate_limit.live_connections',
]);

const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();

function refusal(returnCode: number, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export function mqttAuth({
  devices,
  model,
  access,
  publisher,
  adminToken,
  keys,
  log,
  now = () => Date.now(),
}: {
  devices: Pick<DevicesService, 'authenticate'>;
  model: Pick<ModelService, 'datastreams'>;
  access: Pick<LiveAccess, 'isPublic' | 'isPublicNow' | 'stillAllowed'>;
  publisher: Pick<MqttPublisher, 'datasetOf' | 'prime' | 'follow'>;
  adminToken: string | undefined;
  keys?: MqttKeys;
  log: MqttLog;
  now?: () => number;
}) {
  const identities = new WeakMap<Client, MqttIdentity>();
  /** Clients connected with an API key, to check again when credentials change. */
  const readers = new Map<Client, KeyReader>();
  const admin = adminToken === undefined ? undefined : digest(adminToken);
  const identity = (client: Client | null): MqttIdentity => (client && identities.get(client)) || ANONYMOUS;

  async function identify(password: Buffer | undefined): Promise<MqttIdentity> {
    if (!password || password.length === 0) return ANONYMOUS;
    const secret = password.toString('utf8');
    if (secret.startsWith('plaza_dev_')) {
      const device = await devices.authenticate(secret);
      return { kind: 'device', token: secret, ...device };
    }
    if (keys && secret.startsWith('plaza_key_')) {
      const principal = await keys.principalForKey(secret);
      const { keyId, user } = principal;
      if (!keyId || !user) throw new AppError('auth.key_invalid', 401, 'The API key is not valid.');
      const slot = keys.acquireLive ? await keys.acquireLive(principal) : undefined;
      if (keys.acquireLive && !slot) {
        throw new AppError(
          'rate_limit.live_connections',
          429,
          'All the live connections this key may hold at once are open; close one and connect again.',
        );
      }
      return {
        kind: 'key',
        secret,
        keyId,
        userId: user.id,
        viewer: viewerOf(principal),
        reads: new Map(),
        ...(slot && { slot }),
      };
    }
    if (admin && timingSafeEqual(digest(password), admin)) return { kind: 'admin' };
    throw new AppError(
      'auth.forbidden',
      401,
      'The password is neither a device token, an API key nor the admin token.',
    );
  }

  /** Checks a key again (it may have been rotated or revoked): a key that stopped working disconnects. */
  async function recheck(client: Client, reader: KeyReader): Promise<boolean> {
    try {
      reader.viewer = viewerOf(await keys!.principalForKey(reader.secret));
      return true;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      log.info({ client: client.id, code: error.code }, 'MQTT key no longer valid; disconnected');
      readers.delete(client);
      client.close();
      return false;
    }
  }

  /** Asks again whether a key's holder may read a dataset, checking the key again first. */
  async function ask(client: Client, reader: KeyReader, datasetId: string): Promise<boolean> {
    if (!(await recheck(client, reader))) return false;
    const open = await access.stillAllowed({ datasets: [datasetId], datastreams: [] }, reader.viewer);
    reader.reads.set(datasetId, { open, until: now() + ACCESS_TTL_MS });
    return open;
  }

  /** Whether a key's holder may read a dataset, without waiting: a stale answer is used while it is asked again. */
  function readsNow(client: Client, reader: KeyReader, datasetId: string): boolean {
    const hit = reader.reads.get(datasetId);
    if (!hit || hit.until <= now()) {
      reader.reads.set(datasetId, { open: hit?.open ?? false, until: now() + ACCESS_TTL_MS });
      void ask(client, reader, datasetId).catch((error: unknown) =>
        log.error({ err: error, client: client.id }, 'MQTT access check failed'),
      );
    }
    return hit?.open ?? false;
  }

  // A key rotated or revoked, an account suspended or a grant changed: check the clients concerned again.
  keys?.onForget(({ userId, keyId }) => {
    for (const [client, reader] of readers) {
      if (reader.keyId !== keyId && reader.userId !== userId) continue;
      const datasets = [...reader.reads.keys()];
      reader.reads.clear();
      void recheck(client, reader)
        .then(async (valid) => {
          if (valid) await Promise.all(datasets.map((id) => ask(client, reader, id)));
        })
        .catch((error: unknown) => log.error({ err: error, client: client.id }, 'MQTT access check failed'));
    }
  });

  /** Whether the client may follow a datastream's topic; primes its retained message when it may. */
  async function mayFollow(client: Client, datastreamId: number): Promise<boolean> {
    const info = (await model.datastreams([datastreamId])).get(datastreamId);
    if (!info) return false;
    const who = identity(client);
    const allowed =
      who.kind === 'admin' ||
      (info.datasetId !== null &&
        ((await access.isPublic(info.datasetId)) ||
          (who.kind === 'key' && (await ask(client, who, info.datasetId)))));
    if (allowed) await publisher.prime(datastreamId, info.datasetId);
    return allowed;
  }

  return {
    identity,

    authenticate(
      client: Client,
      _username: Readonly<string | undefined>,
      password: Readonly<Buffer | undefined>,
      done: (error: AuthenticateError | null, success: boolean | null) => void,
    ): void {
      identify(password).then(
        (who) => {
          identities.set(client, who);
          if (who.kind === 'key') readers.set(client, who);
          done(null, true);
        },
        (error: unknown) => {
          const code = error instanceof AppError ? error.code : 'internal';
          log.warn({ client: client.id, code }, 'MQTT connection refused');
          if (!(error instanceof AppError)) {
            log.error({ err: error }, 'MQTT authentication failed');
            return done(refusal(SERVER_UNAVAILABLE, 'authentication is unavailable'), false);
          }
          const stopped = STOPPED.has(error.code);
          done(refusal(stopped ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD, error.message), false);
        },
      );
    },

    /** Forgets a client that disconnected. */
    disconnected(client: Client): void {
      readers.get(client)?.slot?.release();
      readers.delete(client);
    },

    authorizeSubscribe(
      client: Client,
      sub: Subscription,
      done: (error: Error | null, subscription?: Subscription | null) => void,
    ): void {
      const topic = subscribeTopic(sub.topic);
      const refuse = (why: string) => {
        log.info({ client: client.id, topic: sub.topic, why }, 'MQTT subscription refused');
        done(null, null);
      };
      switch (topic?.kind) {
        case undefined:
          return refuse(
            'follow v1.1/Datastreams({id})/Observations or v1.1/Observations; wildcards are not served',
          );
        case 'errors':
          return topic.clientId === client.id ? done(null, sub) : refuse("another client's errors");
        case 'all': {
          const who = identity(client);
          if (who.kind !== 'key') {
            publisher.follow(client, sub.topic);
            return done(null, sub);
          }
          // The datasets granted to the account are asked about first, so that none of their messages is held
          // back while the first answer is on its way.
          return void Promise.all([...(who.viewer.grants ?? [])].map((id) => ask(client, who, id))).then(
            () => {
              publisher.follow(client, sub.topic);
              done(null, sub);
            },
            (error: unknown) => {
              log.error({ err: error, client: client.id }, 'MQTT subscription check failed');
              refuse('the check failed');
            },
          );
        }
        case 'datastream':
          mayFollow(client, topic.id).then(
            (allowed) => {
              if (!allowed)
                return refuse('no such datastream, or its data is not readable with these credentials');
              publisher.follow(client, sub.topic);
              done(null, sub);
            },
            (error: unknown) => {
              log.error({ err: error, client: client.id }, 'MQTT subscription check failed');
              refuse('the check failed');
            },
          );
      }
    },

    /** Holds back device messages as they came, and restricted data from clients that may not see it. */
    authorizeForward<P extends { topic: string; payload: Buffer | string }>(
      client: Client,
      packet: P,
    ): P | null {
      if (packet.topic.charCodeAt(0) === 36 /* $ */ && packet.topic.startsWith('$plaza/')) return null;
      const who = identity(client);
      if (!packet.topic.startsWith('v1.1/') || who.kind === 'admin') return packet;
      const dataset = typeof packet.payload === 'string' ? undefined : publisher.datasetOf(packet.payload);
      if (typeof dataset !== 'string') return null;
      if (access.isPublicNow(dataset)) return packet;
      return who.kind === 'key' && readsNow(client, who, dataset) ? packet : null;
    },
  };
}

export type MqttAuth = ReturnType<typeof mqttAuth>;
