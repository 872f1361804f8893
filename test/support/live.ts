/** A test app that serves for real: HTTP (SSE, MQTT over WebSocket) and the MQTT broker, each on a free port. */
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

export interface LiveUrls {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  /** `mqtt://127.0.0.1:PORT` of the embedded broker. */
  mqttUrl: string;
  /** `ws://127.0.0.1:PORT/mqtt` */
  wsUrl: string;
}

/** Starts listening (HTTP on a free port of 127.0.0.1, the broker on the app's PLAZA_MQTT_PORT, 0 in tests). */
export async function listenLive(t: TestApp): Promise<LiveUrls> {
  await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.http.server.address() as AddressInfo;
  const broker = t.app.live.mqtt;
  if (!broker) throw new Error('the MQTT broker is off in this test app');
  const mqttPort = await broker.listen();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    wsUrl: `ws://127.0.0.1:${port}/mqtt`,
  };
}
