/**
 * Reading what a device published: one SensorThings Observation, a JSON array of them, or the dataArray shape
 * on `v1.1/CreateObservations`. A message that cannot be read is rejected whole, with a reason for the device.
 */
import { AppError } from '../../errors.js';
import { readDataArray } from '../data-array.js';
import type { ObservationInput } from '../ingest.service.js';
import type { IngestTopic } from './mqtt-topics.js';

/** The largest message a device may publish. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** The most observations one message may carry. */
export const MAX_MESSAGE_OBSERVATIONS = 10_000;

export type Rejection = { code: string; reason: string };

const reject = (code: string, reason: string) => ({ rejected: { code, reason } });

function observationOf(datastreamId: number, value: unknown): ObservationInput | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const feature = o.FeatureOfInterest;
  return {
    datastreamId,
    phenomenonTime: o.phenomenonTime,
    result: o.result,
    resultTime: o.resultTime,
    resultQuality: o.resultQuality,
    parameters: o.parameters,
    featureOfInterestId:
      typeof feature === 'object' && feature !== null
        ? (feature as Record<string, unknown>)['@iot.id']
        : undefined,
  };
}

/** The observations of a message, or why it was refused as a whole. */
export function readPayload(
  topic: IngestTopic,
  payload: Buffer,
): { items: ObservationInput[] } | { rejected: Rejection } {
  if (payload.length > MAX_PAYLOAD_BYTES) {
    return reject(
      'observation.too_large',
      `The message is ${payload.length} bytes; the limit is ${MAX_PAYLOAD_BYTES}. Split it, or use POST /api/v1/observations.`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return reject(
      'observation.bad_json',
      'The message is not JSON; send an Observation such as {"phenomenonTime": "2026-05-01T13:00:00Z", "result": 12.5}.',
    );
  }
  if (topic.kind === 'dataArray') {
    try {
      const items = readDataArray(body).map((i) => i.input);
      if (items.length > MAX_MESSAGE_OBSERVATIONS) return tooMany(items.length);
      return { items };
    } catch (error) {
      if (error instanceof AppError) return reject(error.code, error.message);
      throw error;
    }
  }
  const list = Array.isArray(body) ? body : [body];
  if (list.length > MAX_MESSAGE_OBSERVATIONS) return tooMany(list.length);
  const items: ObservationInput[] = [];
  for (const value of list) {
    const item = observationOf(topic.id, value);
    if (!item) {
      return reject(
        'observation.bad_batch',
        'Send one Observation as a JSON object, or several as a JSON array of objects.',
      );
    }
    items.push(item);
  }
  return { items };
}

const tooMany = (n: number) =>
  reject(
    'observation.too_many',
    `The message carries ${n} observations; the limit is ${MAX_MESSAGE_OBSERVATIONS} per message.`,
  );
