/** The text of Server-Sent Events, as the live feed writes them (https://html.spec.whatwg.org/#server-sent-events). */
import type { ObservationEvent } from '../ingest.service.js';

/** The data of an `observation` event: what a live client needs to draw or store the value. */
export function observationData(event: ObservationEvent): string {
  return JSON.stringify({
    id: event.id,
    datastream: event.datastreamId,
    dataset: event.datasetId,
    thing: event.thingId,
    phenomenonTime: event.phenomenonTime,
    resultTime: event.resultTime,
    result: event.result,
    resultQuality: event.resultQuality,
  });
}

/** One `observation` event; its id is the feed's sequence number, which `Last-Event-ID` resumes from. */
export const observationFrame = (seq: number, data: string) =>
  `id: ${seq}\nevent: observation\ndata: ${data}\n\n`;

/**
 * A control event. Without `id` it leaves the client's last event id alone (so a reconnect after `end`
 * resumes from the last observation received); `ready` and `reset` carry the sequence number the stream goes on
 * from, so that a client that reconnects before any observation arrived still resumes without loss.
 */
export const controlFrame = (name: 'ready' | 'reset' | 'end', body: Record<string, unknown>, id?: number) =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(body)}\n\n`;

/** A comment line: keeps proxies from closing an idle stream, and is ignored by clients. */
export const HEARTBEAT = ': heartbeat\n\n';
