import { describe, expect, it } from 'vitest';
import { errorsTopic, ingestTopic, subscribeTopic } from './mqtt-topics.js';

describe('MQTT topics', () => {
  it('reads the topics devices publish to, with or without v1.1/', () => {
    expect(ingestTopic('v1.1/Datastreams(12)/Observations')).toEqual({ kind: 'datastream', id: 12 });
    expect(ingestTopic('Datastreams(12)/Observations')).toEqual({ kind: 'datastream', id: 12 });
    expect(ingestTopic('v1.1/CreateObservations')).toEqual({ kind: 'dataArray' });
    for (const topic of [
      'v1.1/Datastreams(0)/Observations',
      'v1.1/Datastreams(x)/Observations',
      'v1.1/Datastreams(1)/Observations/extra',
      'v1.1/Observations',
      'v1.0/Datastreams(1)/Observations',
      'plaza/errors/a',
    ]) {
      expect(ingestTopic(topic), topic).toBeUndefined();
    }
  });

  it('serves only the topics it publishes; no wildcards', () => {
    expect(subscribeTopic('v1.1/Datastreams(7)/Observations')).toEqual({ kind: 'datastream', id: 7 });
    expect(subscribeTopic('v1.1/Observations')).toEqual({ kind: 'all' });
    expect(subscribeTopic('plaza/errors/dev-1')).toEqual({ kind: 'errors', clientId: 'dev-1' });
    for (const topic of ['#', 'v1.1/#', 'v1.1/+/Observations', 'Datastreams(7)/Observations', '$SYS/#']) {
      expect(subscribeTopic(topic), topic).toBeUndefined();
    }
  });

  it('has no errors topic for a client id that cannot be one topic level', () => {
    expect(errorsTopic('sensor-7')).toBe('plaza/errors/sensor-7');
    for (const id of ['', 'a/b', 'a+', '#']) expect(errorsTopic(id), id).toBeUndefined();
  });
});
