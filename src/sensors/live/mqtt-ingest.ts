/**
 * Devices writing over MQTT. The broker asks before it handles a PUBLISH, and sends the PUBACK only after the
 * answer; the answer here comes after the observations are committed, so a PUBACK means stored, as an HTTP 200
 * does. MQTT 3.1.1 has no negative PUBACK, so:
 * - a message that is handled but refused (not JSON, a value the datastream does not take, a datastream of
 *   another Thing, too large) is acknowledged, nothing of it is stored, and the reason is published to
 *   `plaza/errors/{clientId}` (the device may subscribe to it) and logged;
 * - a publish the client may not make at all (no device token, a token revoked since it connected, a topic
 *   that is not an ingest topic) closes the connection without PUBACK, as MQTT 3.1.1 allows [MQTT-3.3.5-2];
 *   the reason is logged, and a reconnect with a revoked token is refused with CONNACK 5;
 * - when storage fails, the connection is closed without PUBACK, so the device sends the message again.
 * The device's message itself goes nowhere: subscribers get the committed observation from the live hub.
 */
import type { Aedes, Client, PublishPacket } from 'aedes';
import { AppError } from '../../errors.js';
import type { DevicesService } from '../devices.service.js';
import type { IngestService, Writer } from '../ingest.service.js';
import type { MqttIdentity, MqttLog } from './mqtt-auth.js';
import { readPayload, type Rejection } from './mqtt-payload.js';
import { errorsTopic, ingestTopic, INGESTED } from './mqtt-topics.js';

const EMPTY = Buffer.alloc(0);

/** A publish the client may not make at all: the connection is closed. */
/** How often the log repeats the same refusal of the same client. */
const LOG_EVERY_MS = 60_000;

class PublishRefused extends Error {
  override name = 'PublishRefused';
}

export function mqttIngest({
  broker,
  ingest,
  devices,
  identity,
  log,
}: {
  broker: Pick<Aedes, 'publish'>;
  ingest: Pick<IngestService, 'ingest'>;
  devices: Pick<DevicesService, 'authenticate'>;
  identity: (client: Client) => MqttIdentity;
  log: MqttLog;
}) {
  // A device with a wrong clock is refused once a message for hours: the log says so once a minute per device and
  // reason, with how many refusals it left out; the device itself hears of every one on its errors topic.
  const logged = new Map<string, { at: number; suppressed: number }>();

  /** Tells the device why (part of) a message was refused, on its errors topic, and the operators in the log. */
  function report(client: Client, packet: PublishPacket, rejected: Rejection, index?: number): void {
    const who = identity(client);
    const key = `${client.id}\u0000${rejected.code}`;
    const last = logged.get(key);
    const now = Date.now();
    if (last && now - last.at < LOG_EVERY_MS) last.suppressed++;
    else {
      if (logged.size > 10_000) logged.clear();
      logged.set(key, { at: now, suppressed: 0 });
      log.warn(
        {
          client: client.id,
          thing: who.kind === 'device' ? who.thingId : undefined,
          topic: packet.topic,
          index,
          code: rejected.code,
          reason: rejected.reason,
          suppressed: last?.suppressed ?? 0,
        },
        'MQTT observation rejected',
      );
    }
    const topic = errorsTopic(client.id);
    if (!topic) return;
    const body = {
      topic: packet.topic,
      messageId: packet.messageId ?? null,
      index: index ?? null,
      ...rejected,
    };
    broker.publish(
      {
        cmd: 'publish',
        topic,
        payload: Buffer.from(JSON.stringify(body)),
        qos: 0,
        retain: false,
        dup: false,
      },
      () => undefined,
    );
  }

  const checking = new Map<string, ReturnType<DevicesService['authenticate']>>();
  /**
   * Checks a token again, once for all the messages of a device that arrive together: when its cache entry
   * expires, a device with many messages in flight would otherwise send as many lookups to the database.
   */
  function recheck(token: string): ReturnType<DevicesService['authenticate']> {
    let pending = checking.get(token);
    if (!pending) {
      pending = devices.authenticate(token).finally(() => checking.delete(token));
      checking.set(token, pending);
    }
    return pending;
  }

  /** The writer a client publishes as, or why it may not publish at all. */
  async function writerOf(client: Client): Promise<Writer | string> {
    const who = identity(client);
    switch (who.kind) {
      case 'anonymous':
      case 'key':
        return 'publishing needs a device token as the CONNECT password';
      case 'admin':
        return { kind: 'admin' };
      case 'device':
        try {
          // The devices service forgets a revoked token at once, so this catches a revoke mid-connection.
          const device = await recheck(who.token);
          return { kind: 'device', ...device };
        } catch (error) {
          if (error instanceof AppError) return error.message;
          throw error;
        }
    }
  }

  async function handle(client: Client, packet: PublishPacket): Promise<void> {
    const topic = ingestTopic(packet.topic);
    if (!topic) {
      throw new PublishRefused(
        `devices publish to v1.1/Datastreams({id})/Observations or v1.1/CreateObservations, not "${packet.topic}"`,
      );
    }
    const writer = await writerOf(client);
    if (typeof writer === 'string') throw new PublishRefused(writer);
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const read = readPayload(topic, payload);
    if ('rejected' in read) return report(client, packet, read.rejected);
    const results = await ingest.ingest(read.items, writer);
    results.forEach((result, index) => {
      if (result.status === 'rejected')
        report(client, packet, result, read.items.length > 1 ? index : undefined);
    });
  }

  /** aedes' authorizePublish: answers after the commit, which is what delays the PUBACK until then. */
  return function authorizePublish(
    client: Client | null,
    packet: PublishPacket,
    done: (error?: Error | null) => void,
  ): void {
    // A last will would be published by the broker on the client's behalf, long after its token was checked.
    if (!client || (client as { will?: unknown }).will === packet) {
      return done(new Error('last will messages are not accepted'));
    }
    handle(client, packet).then(
      () => {
        packet.topic = INGESTED;
        packet.retain = false;
        packet.payload = EMPTY;
        done(null);
      },
      (error: unknown) => {
        if (error instanceof PublishRefused) {
          log.warn({ client: client.id, topic: packet.topic, reason: error.message }, 'MQTT publish refused');
        } else {
          log.error({ err: error, client: client.id }, 'MQTT ingest failed; the device will send again');
        }
        done(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}
