/**
 * How simulated devices reach Plaza. Over MQTT, each Thing has its own connection, authenticated with its own
 * device token, and publishes each Observation with QoS 1 to `v1.1/Datastreams({id})/Observations`: the
 * PUBACK comes once the observation is committed. Without a broker (PLAZA_MQTT=off), the in-process simulator
 * hands each message to ingest as the device it comes from, after the same token check.
 */
import { connect, type MqttClient } from 'mqtt';
import type { Delivery } from '../../demo/sensors/deliveries.js';
import type { DevicesService } from '../devices.service.js';
import type { IngestService } from '../ingest.service.js';
import { observationOf } from './backfill.js';
import type { DeviceCredentials } from './tokens.js';

export interface DeviceLink {
  /** Sends one message of a device; resolves when it is acknowledged. */
  publish(device: DeviceCredentials, datastreamId: number, delivery: Delivery): Promise<void>;
  close(): Promise<void>;
}

export interface LinkLog {
  warn(details: Record<string, unknown>, message: string): void;
}

/** The SensorThings MQTT payload of a delivery: an Observation without its Datastream (the topic names it). */
export const payloadOf = (delivery: Delivery): string =>
  JSON.stringify({
    phenomenonTime: delivery.phenomenonTime,
    resultTime: delivery.resultTime,
    result: delivery.result,
  });

// CONNACK codes of MQTT 3.1.1 that no retry will change.
const BAD_CREDENTIALS = 4;
const NOT_AUTHORIZED = 5;

/** A message not acknowledged in this time counts as failed (the client still sends it when it can). */
const ACK_TIMEOUT = 60_000;

export function mqttLink({
  url,
  log,
  ackTimeout = ACK_TIMEOUT,
}: {
  url: string;
  log: LinkLog;
  ackTimeout?: number;
}): DeviceLink {
  const clients = new Map<string, MqttClient>();
  const refused = new Set<string>();
  /** How to fail the messages of each device still waiting for their PUBACK. */
  const waiting = new Map<string, Set<(error: Error) => void>>();
  let closed = false;
  // A client id is one connection: two simulators (or a restart before the broker noticed) must not take over
  // each other's sessions.
  const instance = Math.random().toString(36).slice(2, 8);

  const abandon = (device: string, error: Error) => {
    for (const fail of waiting.get(device) ?? []) fail(error);
    waiting.delete(device);
  };

  function clientOf(device: DeviceCredentials): MqttClient {
    let client = clients.get(device.device);
    if (client) return client;
    client = connect(url, {
      clientId: `plaza-sim-${device.device}-${instance}`,
      username: device.device,
      password: device.token,
      protocolVersion: 4,
      clean: true,
      keepalive: 60,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    });
    let warned = false;
    client.on('error', (error: Error & { code?: number | string }) => {
      if (error.code === BAD_CREDENTIALS || error.code === NOT_AUTHORIZED) {
        refused.add(device.device);
        log.warn({ device: device.device, reason: error.message }, 'simulated device refused by the broker');
        abandon(
          device.device,
          new Error(`device ${device.device} was refused by the broker: ${error.message}`),
        );
        client!.end(true);
        return;
      }
      // A broker restarting or unreachable: the client reconnects and sends its unacknowledged messages again.
      if (!warned) {
        log.warn({ device: device.device, reason: error.message }, 'simulated device connection failed');
      }
      warned = true;
    });
    client.on('connect', () => (warned = false));
    clients.set(device.device, client);
    return client;
  }

  return {
    async publish(device, datastreamId, delivery) {
      if (closed) throw new Error('the simulated devices are disconnected');
      if (refused.has(device.device)) throw new Error(`device ${device.device} was refused by the broker`);
      const acknowledged = clientOf(device).publishAsync(
        `v1.1/Datastreams(${datastreamId})/Observations`,
        payloadOf(delivery),
        { qos: 1 },
      );
      // Settled either way, even when the message is given up on first.
      acknowledged.catch(() => undefined);
      let fail: (error: Error) => void = () => undefined;
      const given = new Promise<never>((_, reject) => (fail = reject));
      const timer = setTimeout(
        () => fail(new Error(`no PUBACK from ${url} in ${ackTimeout / 1000} s`)),
        ackTimeout,
      );
      let set = waiting.get(device.device);
      if (!set) waiting.set(device.device, (set = new Set()));
      set.add(fail);
      try {
        await Promise.race([acknowledged, given]);
      } finally {
        clearTimeout(timer);
        set.delete(fail);
      }
    },
    async close() {
      closed = true;
      for (const device of [...waiting.keys()])
        abandon(device, new Error('the simulated devices disconnected'));
      await Promise.all([...clients.values()].map((c) => c.endAsync(true)));
      clients.clear();
    },
  };
}

/** Straight to ingest as each device (no broker): the token is checked as the broker would. */
export function ingestLink({
  ingest,
  devices,
}: {
  ingest: Pick<IngestService, 'ingest'>;
  devices: Pick<DevicesService, 'authenticate'>;
}): DeviceLink {
  return {
    async publish(device, datastreamId, delivery) {
      const { thingId, tokenId } = await devices.authenticate(device.token);
      await ingest.ingest([observationOf(delivery, datastreamId)], { kind: 'device', thingId, tokenId });
    },
    async close() {},
  };
}
