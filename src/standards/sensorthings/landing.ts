/** The landing page of `/sta/v1.1`: every entity set and the server's settings (conformance, MQTT endpoints). */
import { ENTITY_SETS } from './model.js';

const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req';

/** The MQTT observation creation class: its settings list the broker's URLs. */
export const MQTT_CREATE = `${REQ}/create-observations-via-mqtt/observations-creation`;

/** What this read side implements on its own. */
export const READ_CONFORMANCE = [
  `${REQ}/datamodel`,
  `${REQ}/resource-path/resource-path-to-entities`,
  `${REQ}/request-data`,
];

export interface LandingOptions {
  /** MQTT broker URLs that take observations (`mqtt://host:1883`, `wss://host/mqtt`); none: not offered. */
  mqttEndpoints: readonly string[];
  /** Further conformance classes served elsewhere (creating entities over HTTP, live updates over MQTT...). */
  conformance?: readonly string[];
}

export function landingPage(base: string, options: LandingOptions) {
  const conformance = [
    ...READ_CONFORMANCE,
    ...(options.mqttEndpoints.length > 0 ? [MQTT_CREATE] : []),
    ...(options.conformance ?? []),
  ];
  return {
    serverSettings: {
      conformance: [...new Set(conformance)],
      ...(options.mqttEndpoints.length > 0 && { [MQTT_CREATE]: { endpoints: [...options.mqttEndpoints] } }),
    },
    value: ENTITY_SETS.map((e) => ({ name: e.set, url: `${base}/${e.set}` })),
  };
}
