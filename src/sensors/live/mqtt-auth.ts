/**
 * Who an MQTT client is and what it may read. The password of CONNECT says it: a device token (the username
 * may be anything), the admin token, or nothing for an anonymous reader. Anonymous readers may follow the
 * datastreams of public datasets and `v1.1/Observations`, where only public data reaches them; the admin may
 * follow anything. Every other topic filter, wildcards included, is refused (SUBACK 0x80).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthenticateError, Client, Subscription } from 'aedes';
import { AppError } from '../../errors.js';
import type { DevicesService } from '../devices.service.js';
import type { ModelService } from '../model.service.js';
import type { LiveAccess } from './live-access.js';
import type { MqttPublisher } from './mqtt-publisher.js';
import { subscribeTopic } from './mqtt-topics.js';

export type MqttIdentity =
  | { kind: 'anonymous' }
  | { kind: 'admin' }
  | { kind: 'device'; token: string; thingId: number; tokenId: string };

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
  log,
}: {
  devices: Pick<DevicesService, 'authenticate'>;
  model: Pick<ModelService, 'datastreams'>;
  access: Pick<LiveAccess, 'isPublic' | 'isPublicNow'>;
  publisher: Pick<MqttPublisher, 'datasetOf' | 'prime' | 'follow'>;
  adminToken: string | undefined;
  log: MqttLog;
}) {
  const identities = new WeakMap<Client, MqttIdentity>();
  const admin = adminToken === undefined ? undefined : digest(adminToken);
  const identity = (client: Client | null): MqttIdentity => (client && identities.get(client)) || ANONYMOUS;

  async function identify(password: Buffer | undefined): Promise<MqttIdentity> {
    if (!password || password.length === 0) return ANONYMOUS;
    const secret = password.toString('utf8');
    if (secret.startsWith('plaza_dev_')) {
      const device = await devices.authenticate(secret);
      return { kind: 'device', token: secret, ...device };
    }
    if (admin && timingSafeEqual(digest(password), admin)) return { kind: 'admin' };
    throw new AppError('auth.forbidden', 401, 'The password is neither a device token nor the admin token.');
  }

  /** Whether the client may follow a datastream's topic; primes its retained message when it may. */
  async function mayFollow(client: Client, datastreamId: number): Promise<boolean> {
    const info = (await model.datastreams([datastreamId])).get(datastreamId);
    if (!info) return false;
    const allowed =
      identity(client).kind === 'admin' ||
      (info.datasetId !== null && (await access.isPublic(info.datasetId)));
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
          done(null, true);
        },
        (error: unknown) => {
          const code = error instanceof AppError ? error.code : 'internal';
          log.warn({ client: client.id, code }, 'MQTT connection refused');
          if (!(error instanceof AppError)) {
            log.error({ err: error }, 'MQTT authentication failed');
            return done(refusal(SERVER_UNAVAILABLE, 'authentication is unavailable'), false);
          }
          const revoked = error.code === 'auth.device_token_revoked';
          done(refusal(revoked ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD, error.message), false);
        },
      );
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
        case 'all':
          publisher.follow(client, sub.topic);
          return done(null, sub);
        case 'datastream':
          mayFollow(client, topic.id).then(
            (allowed) => {
              if (!allowed) return refuse('no such datastream, or its data is not public');
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
      if (!packet.topic.startsWith('v1.1/') || identity(client).kind === 'admin') return packet;
      const dataset = typeof packet.payload === 'string' ? undefined : publisher.datasetOf(packet.payload);
      return typeof dataset === 'string' && access.isPublicNow(dataset) ? packet : null;
    },
  };
}

export type MqttAuth = ReturnType<typeof mqttAuth>;
