/**
 * What the landing page of `/sta/v1.1` announces beyond reading: the conformance classes of the writes and of
 * the embedded MQTT broker, and the broker's addresses. `create-update-delete/create-entity` is not claimed:
 * only Observations can be created, while that class asks for every entity type, deep insert included.
 */
import { MQTT_CREATE } from './landing.js';

const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req';

/** The dataArray extension: `$resultFormat=dataArray` on reads, and `POST /CreateObservations`. */
export const DATA_ARRAY = `${REQ}/data-array/data-array`;
/** Subscribers get committed Observations on `v1.1/Datastreams({id})/Observations` (and `v1.1/Observations`). */
export const MQTT_RECEIVE_UPDATES = `${REQ}/receive-updates-via-mqtt/receive-updates`;

/** The conformance classes served beyond the read side, with or without the embedded MQTT broker. */
export function writeConformance({ mqtt }: { mqtt: boolean }): string[] {
  return [DATA_ARRAY, ...(mqtt ? [MQTT_CREATE, MQTT_RECEIVE_UPDATES] : [])];
}

/**
 * The addresses of the embedded broker as clients reach it: plain MQTT on the public host's `port`, and MQTT
 * over WebSocket at `/mqtt` beside the HTTP API (`wss` when the public URL is https). A port of 0 is chosen by
 * the system when the broker starts (tests), so it is not announced.
 */
export function mqttEndpoints(publicUrl: string, port: number): string[] {
  const url = new URL(publicUrl);
  const secure = url.protocol === 'https:';
  const path = url.pathname.replace(/\/+$/, '');
  const websocket = `${secure ? 'wss' : 'ws'}://${url.host}${path}/mqtt`;
  return port > 0 ? [`mqtt://${url.hostname}:${port}`, websocket] : [websocket];
}
