import { describe, expect, it } from 'vitest';
import { MQTT_CREATE } from './landing.js';
import { DATA_ARRAY, MQTT_RECEIVE_UPDATES, mqttEndpoints, writeConformance } from './server-settings.js';

describe('server settings of the SensorThings landing page', () => {
  it('announces the broker on the public host: TCP on its port, WebSocket beside the API', () => {
    expect(mqttEndpoints('https://data.city.example', 1883)).toEqual([
      'mqtt://data.city.example:1883',
      'wss://data.city.example/mqtt',
    ]);
    expect(mqttEndpoints('http://localhost:8080', 1884)).toEqual([
      'mqtt://localhost:1884',
      'ws://localhost:8080/mqtt',
    ]);
  });

  it('keeps a path prefix of the public URL for the WebSocket', () => {
    expect(mqttEndpoints('https://city.example/open-data', 1883)).toEqual([
      'mqtt://city.example:1883',
      'wss://city.example/open-data/mqtt',
    ]);
  });

  it('leaves out a TCP port the system chooses at start', () => {
    expect(mqttEndpoints('http://plaza.test', 0)).toEqual(['ws://plaza.test/mqtt']);
  });

  it('claims the MQTT classes only with the broker', () => {
    expect(writeConformance({ mqtt: false })).toEqual([DATA_ARRAY]);
    expect(writeConformance({ mqtt: true })).toEqual([DATA_ARRAY, MQTT_CREATE, MQTT_RECEIVE_UPDATES]);
  });
});
