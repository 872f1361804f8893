/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1): plain TCP on PLAZA_MQTT_PORT and WebSocket at `/mqtt` on the
 * HTTP server. Devices publish observations (see mqtt-ingest.ts), readers subscribe (mqtt-auth.ts), and
 * committed observations are published by mqtt-publisher.ts.
 */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { DevicesService } from '../devices.service.js';
import type { IngestService } from '../ingest.service.js';
import type { ModelService } from '../model.service.js';
import type { LiveAccess } from './live-access.js';
import type { LiveHub } from './live-hub.js';
import type { LiveRepo } from './live.repo.js';
import { mqttAuth, type MqttKeys, type MqttLog } from './mqtt-auth.js';
import { mqttIngest } from './mqtt-ingest.js';
import { mqttPublisher } from './mqtt-publisher.js';
import { errorsTopic } from './mqtt-topics.js';

/** Bytes a connection may send towards one packet before it is cut off (messages over 256 KiB are refused). */
export const MAX_PACKET_BYTES = 1024 * 1024;
/** The path of MQTT over WebSocket on the HTTP server. */
export const WEBSOCKET_PATH = '/mqtt';

export interface MqttBrokerOptions {
  port: number;
  host: string;
  hub: LiveHub;
  access: LiveAccess;
  ingest: Pick<IngestService, 'ingest'>;
  devices: Pick<DevicesService, 'authenticate'>;
  model: Pick<ModelService, 'datastreams'>;
  repo: LiveRepo;
  adminToken: string | undefined;
  /** Developers' API keys, for subscribers who connect with one. */
  keys?: MqttKeys;
  publicUrl: string;
  log: MqttLog;
}

/**
 * Cuts a TCP connection whose unfinished packet grows past the limit, before it is buffered whole. aedes reads
 * through mqtt-packet's parser, which keeps the unparsed bytes in `_list`; should that change, the guard does
 * nothing and the 256 KiB check on each message still applies.
 */
function limitPacketSize(client: unknown, socket: Socket, log: MqttLog): void {
  const parser = (client as { _parser?: { parse?: (b: Buffer) => number; _list?: { length: number } } })
    ._parser;
  if (!parser?.parse || !parser._list) return;
  const parse = parser.parse.bind(parser);
  parser.parse = (buffer: Buffer) => {
    const left = parse(buffer);
    if ((parser._list?.length ?? 0) > MAX_PACKET_BYTES) {
      log.warn(
        { remote: socket.remoteAddress, limit: MAX_PACKET_BYTES },
        'MQTT packet too large; disconnected',
      );
      socket.destroy();
    }
    return left;
  };
}

export async function createMqttBroker(options: MqttBrokerOptions) {
  const { log } = options;
  const broker = await Aedes.createBroker({
    // A subscriber that stops reading is cut off rather than left to stall delivery to everyone else.
    drainTimeout: 30_000,
    concurrency: 1000,
  });
  // Its typings list only client errors, but the broker emits 'error' for persistence failures too.
  (broker as EventEmitter).on('error', (error: Error) => log.error({ err: error }, 'MQTT broker error'));
  const publisher = mqttPublisher({
    broker,
    hub: options.hub,
    access: options.access,
    repo: options.repo,
    publicUrl: options.publicUrl,
    onError: (error) => log.error({ err: error }, 'MQTT publish of committed observations failed'),
  });
  const auth = mqttAuth({
    devices: options.devices,
    model: options.model,
    access: options.access,
    publisher,
    adminToken: options.adminToken,
    ...(options.keys && { keys: options.keys }),
    log,
  });
  broker.on('clientDisconnect', auth.disconnected);
  broker.authenticate = auth.authenticate;
  broker.authorizeSubscribe = auth.authorizeSubscribe;
  broker.authorizeForward = auth.authorizeForward;
  broker.authorizePublish = mqttIngest({
    broker,
    ingest: options.ingest,
    devices: options.devices,
    identity: auth.identity,
    log,
  });

  const tcp: Server = createServer((socket) => limitPacketSize(broker.handle(socket), socket, log));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PACKET_BYTES });
  wss.on('connection', (ws, request: IncomingMessage) => {
    const stream = createWebSocketStream(ws);
    stream.on('error', () => stream.destroy());
    broker.handle(stream, request);
  });
  let listening: Promise<number> | undefined;

  // Enforcement (src/access/enforcement, through live-holders.ts): the connected clients, to close those that
  // hold a suspended or revoked key or account.
  const connected = new Set<Client>();
  broker.on('client', (client: Client) => connected.add(client));
  broker.on('clientDisconnect', (client: Client) => connected.delete(client));

  return {
    broker,
    publisher,

    /**
     * Disconnects the clients connected with an API key of this holder (a key, or any key of an account),
     * telling each why on its errors topic first; returns how many.
     */
    disconnect(holder: { keyId?: string; userId?: string }, why: { code: string; message: string }): number {
      let closed = 0;
      for (const client of [...connected]) {
        const who = auth.identity(client);
        if (who.kind !== 'key') continue;
        if (who.keyId !== holder.keyId && who.userId !== holder.userId) continue;
        connected.delete(client);
        closed++;
        const topic = errorsTopic(client.id);
        const close = () => client.close();
        if (!topic) {
          close();
          continue;
        }
        const payload = Buffer.from(JSON.stringify({ ...why, disconnected: true }));
        broker.publish({ cmd: 'publish', topic, payload, qos: 0, retain: false, dup: false }, close);
      }
      return closed;
    },

    /** Handles an HTTP upgrade when it is for `/mqtt`; false for any other path. */
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = (request.url ?? '').split('?')[0];
      if (path !== WEBSOCKET_PATH) return false;
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
      return true;
    },

    /** Starts the TCP listener (once); resolves with its port. */
    listen(): Promise<number> {
      listening ??= new Promise<number>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(options.port, options.host, () => {
          tcp.off('error', reject);
          resolve((tcp.address() as AddressInfo).port);
        });
      });
      return listening;
    },

    /** Disconnects every client and stops listening. */
    async close(): Promise<void> {
      publisher.stop();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => (tcp.listening ? tcp.close(() => resolve()) : resolve()));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type MqttBroker = Awaited<ReturnType<typeof createMqttBroker>>;
