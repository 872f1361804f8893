/**
 * The MQTT topics Plaza speaks, after the SensorThings API 1.1 MQTT extension: devices publish Observations to
 * `v1.1/Datastreams({id})/Observations` (or `v1.1/CreateObservations` in the dataArray shape), and subscribers
 * get the committed ones on the same datastream topic and on `v1.1/Observations`. The `v1.1/` prefix may be left
 * out when publishing. Rejections are told to the publishing device on `plaza/errors/{clientId}`.
 */

/** Every committed observation the subscriber may see. */
export const ALL_OBSERVATIONS = 'v1.1/Observations';
/**
 * Where a device's publish goes once it is handled: nobody may subscribe to it, and `$` topics are never
 * matched by wildcards, so a raw device message is never forwarded; subscribers get the committed observation.
 */
export const INGESTED = '$plaza/ingested';

export const datastreamTopic = (id: number) => `v1.1/Datastreams(${id})/Observations`;

export type IngestTopic = { kind: 'datastream'; id: number } | { kind: 'dataArray' };
export type SubscribeTopic =
  { kind: 'datastream'; id: number } | { kind: 'all' } | { kind: 'errors'; clientId: string };

const DATASTREAM = /^(?:v1\.1\/)?Datastreams\((\d{1,15})\)\/Observations$/;
const DATA_ARRAY = /^(?:v1\.1\/)?CreateObservations$/;
const ERRORS = 'plaza/errors/';

/** The topic a device's rejections go to, or undefined when its client id cannot be a topic level. */
export function errorsTopic(clientId: string): string | undefined {
  if (clientId.length === 0 || /[/+#]/.test(clientId) || clientId.includes('\0')) return undefined;
  return `${ERRORS}${clientId}`;
}

/** What a published topic means, or undefined when it is not a topic devices may publish to. */
export function ingestTopic(topic: string): IngestTopic | undefined {
  const match = DATASTREAM.exec(topic);
  if (match) {
    const id = Number(match[1]);
    return id > 0 ? { kind: 'datastream', id } : undefined;
  }
  return DATA_ARRAY.test(topic) ? { kind: 'dataArray' } : undefined;
}

/** What a subscription asks for, or undefined for any other filter (wildcards included). */
export function subscribeTopic(topic: string): SubscribeTopic | undefined {
  if (topic === ALL_OBSERVATIONS) return { kind: 'all' };
  if (topic.startsWith(ERRORS)) return { kind: 'errors', clientId: topic.slice(ERRORS.length) };
  if (!topic.startsWith('v1.1/')) return undefined;
  const match = DATASTREAM.exec(topic);
  const id = match ? Number(match[1]) : 0;
  return id > 0 ? { kind: 'datastream', id } : undefined;
}
