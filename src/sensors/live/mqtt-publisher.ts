/**
 * Committed observations out to MQTT subscribers: each goes to its datastream's topic as the retained message
 * (so a new subscriber gets the current value at once) and to `v1.1/Observations`. Only what was committed is
 * published, never a device's message as it came. Which dataset a message belongs to is remembered by its
 * payload, so that forwarding can hold restricted data back from clients that may not see it.
 */
import type { Aedes, Client } from 'aedes';
import type { ObservationEvent } from '../ingest.service.js';
import { qualityValue } from '../qc/qc-quality.js';
import { formatInstant } from '../time.js';
import type { LiveAccess } from './live-access.js';
import type { LiveEntry, LiveHub } from './live-hub.js';
import type { LiveRepo } from './live.repo.js';
import { ALL_OBSERVATIONS, datastreamTopic } from './mqtt-topics.js';

const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The part of aedes' persistence interface that keeps retained messages. */
interface RetainedStore {
  storeRetained(packet: object): Promise<void>;
}

type Observation = Pick<
  ObservationEvent,
  'id' | 'phenomenonTime' | 'resultTime' | 'result' | 'resultQuality'
>;

/** An Observation as the SensorThings API shows it. */
export function staObservation(o: Observation, publicUrl: string): Record<string, unknown> {
  return {
    '@iot.id': o.id,
    '@iot.selfLink': `${publicUrl}/sta/v1.1/Observations(${o.id})`,
    phenomenonTime: o.phenomenonTime,
    resultTime: o.resultTime,
    result: o.result,
    ...(o.resultQuality !== null && o.resultQuality !== undefined && { resultQuality: o.resultQuality }),
  };
}

export function mqttPublisher({
  broker,
  hub,
  access,
  repo,
  publicUrl,
  onError,
}: {
  broker: Aedes;
  hub: LiveHub;
  access: Pick<LiveAccess, 'known' | 'isPublic'>;
  repo: LiveRepo;
  publicUrl: string;
  onError: (error: unknown) => void;
}) {
  const datasetOfPayload = new WeakMap<Buffer, string | null>();
  /** The newest observation (by phenomenon time) committed in this process, per datastream. */
  const latest = new Map<number, { o: Observation; datasetId: string | null }>();
  /** Datastreams whose retained message is kept current (someone subscribed to them once). */
  const retained = new Set<number>();
  /**
   * Who follows each topic, counted from the moment a subscription is granted. Messages go only to topics
   * someone follows: most datastreams have no live reader, and a message nobody receives costs as much as one
   * that someone does.
   */
  const audience = new Map<string, Set<Client>>();
  const topicsOf = new WeakMap<Client, Set<string>>();
  let queue: Promise<void> | undefined;
  const done = (error?: Error | null) => {
    if (error) onError(error);
  };

  // Retained messages are written to the broker's store directly rather than by publishing with the retain
  // flag: a retained publish reaches subscribers a turn later than a plain one, and aedes drops a message that
  // arrives after a later one (its duplicate check), so mixing the two would lose messages.
  const store = (broker as unknown as { persistence: RetainedStore }).persistence;

  const followed = (topic: string) => (audience.get(topic)?.size ?? 0) > 0;

  function unfollow(client: Client, topics: Iterable<string>): void {
    for (const topic of topics) {
      const set = audience.get(topic);
      if (!set) continue;
      set.delete(client);
      if (set.size === 0) audience.delete(topic);
      topicsOf.get(client)?.delete(topic);
    }
  }
  broker.on('unsubscribe', (topics: string[], client: Client) => unfollow(client, topics));
  broker.on('clientDisconnect', (client: Client) => unfollow(client, [...(topicsOf.get(client) ?? [])]));

  function payloadOf(o: Observation, datasetId: string | null): Buffer {
    const payload = Buffer.from(JSON.stringify(staObservation(o, publicUrl)));
    datasetOfPayload.set(payload, datasetId);
    return payload;
  }

  function keep(datastreamId: number, payload: Buffer): void {
    const topic = datastreamTopic(datastreamId);
    store.storeRetained({ cmd: 'publish', topic, payload, qos: 0, retain: true, dup: false }).catch(onError);
  }

  function send(event: ObservationEvent): void {
    const { datastreamId, datasetId } = event;
    const previous = latest.get(datastreamId);
    const newest = !previous || previous.o.phenomenonTime <= event.phenomenonTime;
    if (newest) latest.set(datastreamId, { o: event, datasetId });
    const topic = datastreamTopic(datastreamId);
    const live = followed(topic);
    const all = followed(ALL_OBSERVATIONS);
    const keeping = newest && retained.has(datastreamId);
    if (!live && !all && !keeping) return;
    const payload = payloadOf(event, datasetId);
    if (keeping) keep(datastreamId, payload);
    const packet = { cmd: 'publish', qos: 0, dup: false, retain: false, payload } as const;
    if (live) broker.publish({ ...packet, topic }, done);
    if (all) broker.publish({ ...packet, topic: ALL_OBSERVATIONS }, done);
  }

  function publish(entries: LiveEntry[]): void {
    for (const { event } of entries) send(event);
  }

  const stop = hub.onEntries((entries) => {
    // Forwarding decides from cached verdicts; a dataset seen for the first time is asked about first, and
    // later batches wait behind it so that the order of messages is kept.
    const unknown = new Set<string>();
    for (const { event } of entries) {
      if (event.datasetId !== null && !access.known(event.datasetId)) unknown.add(event.datasetId);
    }
    if (!queue && unknown.size === 0) return publish(entries);
    const previous = queue ?? Promise.resolve();
    const next: Promise<void> = previous
      .then(() => Promise.all([...unknown].map((id) => access.isPublic(id))))
      .then(
        () => publish(entries),
        (error: unknown) => {
          onError(error);
          publish(entries);
        },
      )
      .finally(() => {
        if (queue === next) queue = undefined;
      });
    queue = next;
  });

  return {
    /** The dataset of a message Plaza published (null: a Thing in no dataset), or undefined for any other. */
    datasetOf: (payload: Buffer): string | null | undefined => datasetOfPayload.get(payload),

    /** Counts a granted subscription, so that messages start flowing to its topic. */
    follow(client: Client, topic: string): void {
      let set = audience.get(topic);
      if (!set) audience.set(topic, (set = new Set()));
      set.add(client);
      let topics = topicsOf.get(client);
      if (!topics) topicsOf.set(client, (topics = new Set()));
      topics.add(topic);
    },

    /**
     * Makes sure a datastream has its retained message before someone subscribes: from the newest observation
     * this process saw, or else from the database (after a restart), so that the first subscriber gets the
     * current value too.
     */
    async prime(datastreamId: number, datasetId: string | null): Promise<void> {
      if (retained.has(datastreamId)) return;
      const seen = latest.get(datastreamId);
      if (seen) {
        retained.add(datastreamId);
        return keep(datastreamId, payloadOf(seen.o, seen.datasetId));
      }
      const row = await repo.latest(datastreamId);
      if (retained.has(datastreamId) || latest.has(datastreamId)) return this.prime(datastreamId, datasetId);
      retained.add(datastreamId);
      if (!row) return;
      const result = row.json !== null ? (JSON.parse(row.json) as unknown) : row.number;
      const phenomenonTime =
        row.end === null ? formatInstant(row.time) : `${formatInstant(row.time)}/${formatInstant(row.end)}`;
      const o: Observation = {
        id: row.id,
        phenomenonTime,
        resultTime: row.resultTime === null ? null : formatInstant(row.resultTime),
        result,
        resultQuality: qualityValue(row.quality, numOrNull(row.qcFlag), numOrNull(row.qcTests)),
      };
      keep(datastreamId, payloadOf(o, datasetId));
    },

    stop,
  };
}

export type MqttPublisher = ReturnType<typeof mqttPublisher>;
