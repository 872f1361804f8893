/**
 * The clients of the live feed benchmark (sensors-live.ts), run on a worker thread so that they do not take
 * the server's turn: MQTT devices that publish as fast as their PUBACKs allow, and SSE subscribers that note
 * when each observation reaches them.
 */
import { request, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import mqtt, { type MqttClient } from 'mqtt';

/** Wall-clock time in ms with sub-millisecond precision, comparable between threads. */
const wallClock = () => performance.timeOrigin + performance.now();

export interface Device {
  token: string;
  tokenId: string;
  thingId: number;
  datastream: number;
}

/** The i-th observation of a device: one a second, ending a day ago (never in the future, never repeated). */
export const observation = (base: number, i: number) => ({
  phenomenonTime: new Date(base + i * 1000).toISOString(),
  result: Math.round((10 + 8 * Math.sin(i / 90)) * 100) / 100,
});

/** Devices: connect all, then on `start` publish as fast as PUBACKs allow, WINDOW messages in flight each. */
async function mqttDevices(data: {
  url: string;
  devices: Device[];
  perDevice: number;
  window: number;
  base: number;
}): Promise<void> {
  const clients: MqttClient[] = await Promise.all(
    data.devices.map((d, i) =>
      mqtt.connectAsync(data.url, {
        clientId: `bench-device-${i}`,
        username: 'device',
        password: d.token,
        reconnectPeriod: 0,
        connectTimeout: 30_000,
      }),
    ),
  );
  const start = new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  parentPort!.postMessage({ ready: true });
  await start;
  let acked = 0;
  let errors = 0;
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  await Promise.all(
    clients.map(
      (client, c) =>
        new Promise<void>((resolve) => {
          const topic = `v1.1/Datastreams(${data.devices[c]!.datastream})/Observations`;
          let sent = 0;
          let done = 0;
          const pump = () => {
            while (sent - done < data.window && sent < data.perDevice) {
              const payload = JSON.stringify(observation(data.base, sent++));
              client.publish(topic, payload, { qos: 1 }, (error) => {
                if (error) errors++;
                else acked++;
                if (++done === data.perDevice) resolve();
                else pump();
              });
            }
          };
          pump();
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const busy = performance.eventLoopUtilization(elu).utilization;
  await Promise.all(clients.map((c) => c.endAsync()));
  parentPort!.postMessage({ result: { seconds, acked, errors, elu: busy } });
}

/** Subscribers: open every stream, report ready, record each observation's id and time of receipt until `stop`. */
async function sseClients(data: { baseUrl: string; queries: string[] }): Promise<void> {
  const ids: number[] = [];
  const times: number[] = [];
  const responses: IncomingMessage[] = [];
  let failed = 0;
  const open = (query: string) =>
    new Promise<void>((resolve) => {
      const req = request(`${data.baseUrl}/api/v1/live?${query}`, { agent: false }, (res) => {
        if (res.statusCode !== 200) {
          failed++;
          res.resume();
          return resolve();
        }
        responses.push(res);
        res.setEncoding('utf8');
        let buffer = '';
        let first = true;
        res.on('data', (chunk: string) => {
          const at = wallClock();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes('event: ready') && first) {
              first = false;
              resolve();
            }
            const data = block.indexOf('\ndata: {"id":');
            if (block.includes('event: observation') && data >= 0) {
              ids.push(Number(/^\d+/.exec(block.slice(data + 13))?.[0]));
              times.push(at);
            }
          }
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end();
    });
  // Open in waves, so that the listen backlog is not overrun.
  for (let i = 0; i < data.queries.length; i += 100)
    await Promise.all(data.queries.slice(i, i + 100).map(open));
  const stop = new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  parentPort!.postMessage({ ready: true });
  await stop;
  for (const res of responses) res.destroy();
  parentPort!.postMessage({ result: { ids, times, opened: responses.length, failed } });
}

if (!isMainThread) {
  const data = workerData as { role: 'mqtt' | 'sse' } & Record<string, unknown>;
  await (data.role === 'mqtt'
    ? mqttDevices(data as unknown as Parameters<typeof mqttDevices>[0])
    : sseClients(data as unknown as Parameters<typeof sseClients>[0]));
}
