/**
 * Live feeds, wired into the app: the hub, the SSE route, and the embedded MQTT broker. The broker's TCP
 * listener opens when the HTTP server starts listening, so that commands that build the app without serving
 * it (seed, imports) never take the MQTT port; WebSocket `/mqtt` rides on the HTTP server. Closing the app
 * ends SSE streams and MQTT connections first, since neither would end by itself.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Guards } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { liveAccess } from './live-access.js';
import { liveHolders, type LiveHolders } from './live-holders.js';
import { createLiveHub, type LiveHub } from './live-hub.js';
import { liveRepo } from './live.repo.js';
import { createMqttBroker, type MqttBroker } from './mqtt-broker.js';
import { liveRoutes } from './sse.routes.js';
import { liveStreams, type LiveStreams } from './sse-streams.js';

export interface Live {
  hub: LiveHub;
  streams: LiveStreams;
  /** The embedded broker; undefined with PLAZA_MQTT=off. */
  mqtt: MqttBroker | undefined;
  /**
   * Closes the SSE streams and MQTT connections of an API key or an account, saying why (enforcement does it
   * through the access signals; this is the same step, for callers on this node).
   */
  disconnect: LiveHolders['disconnect'];
}

export async function installLive(
  http: FastifyInstance,
  { config, services, guards }: { config: Config; services: Services; guards: Guards },
): Promise<Live> {
  const { sensors, catalog } = services;
  const onError = (error: unknown) => http.log.error({ err: error }, 'live feed error');
  const hub = createLiveHub({ ingest: sensors.ingest, onError });
  const access = liveAccess({ catalog, model: sensors.model });
  const streams = liveStreams({ hub, access, onError });
  liveRoutes(http, { access, streams, guards });

  let mqtt: MqttBroker | undefined;
  if (config.mqtt === 'embedded') {
    const broker = await createMqttBroker({
      port: config.mqttPort,
      host: config.host,
      hub,
      access,
      ingest: sensors.ingest,
      devices: sensors.devices,
      model: sensors.model,
      repo: liveRepo(services.db.kysely),
      adminToken: config.adminToken,
      keys: {
        principalForKey: (secret) => services.access.authenticator.principalForKey(secret),
        acquireLive: (principal) => http.rateLimits.acquire('live', principal),
        onForget: (listener) => services.access.signals.subscribe(listener),
      },
      publicUrl: config.publicUrl,
      log: http.log,
    });
    mqtt = broker;
    http.server.on('upgrade', (request, socket, head: Buffer) => {
      // Another upgrade handler may own other paths; alone, an unknown path must not leave a socket open.
      if (!broker.upgrade(request, socket, head) && http.server.listenerCount('upgrade') === 1) {
        socket.destroy();
      }
    });
    http.addHook('onListen', async () => {
      try {
        const port = await broker.listen();
        http.log.info(`MQTT broker listening on port ${port} and at ${config.publicUrl}/mqtt (WebSocket)`);
      } catch (error) {
        http.log.error(
          { err: error },
          `The MQTT broker could not listen on port ${config.mqttPort}; set PLAZA_MQTT_PORT, or PLAZA_MQTT=off`,
        );
      }
    });
  }

  // Enforcement: connections held by a key or account that is suspended or revoked are closed (live-holders.ts).
  const holders = liveHolders({
    streams,
    mqtt,
    keys: services.access.keys,
    users: services.access.users,
    onError,
  });
  services.access.signals.subscribe(holders.onForget);

  http.addHook('preClose', async () => {
    holders.close();
    streams.closeAll();
    await mqtt?.close();
  });
  http.addHook('onClose', async () => hub.close());
  return { hub, streams, mqtt, disconnect: holders.disconnect };
}
