/**
 * The SensorThings dataArray shape (CreateObservations): a list of groups, each naming a Datastream, the
 * components of its rows, and the rows. Read into flat observation inputs, remembering which group and row each
 * came from so that answers can be given per item. Shape errors (not an array, an unknown component) refuse the
 * whole request; a bad value in a row is the ingest's to reject, row by row.
 */
import { AppError } from '../errors.js';
import type { ObservationInput } from './ingest.service.js';

/** The components a row may carry, as SensorThings names them. */
export const COMPONENTS = [
  'phenomenonTime',
  'result',
  'resultTime',
  'resultQuality',
  'parameters',
  'FeatureOfInterest/id',
] as const;
type Component = (typeof COMPONENTS)[number];

/** The most observations one request may carry. */
export const MAX_OBSERVATIONS = 100_000;

export interface DataArrayItem {
  input: ObservationInput;
  /** Index of the group in the request. */
  group: number;
  /** Index of the row in its group's dataArray. */
  row: number;
}

const bad = (message: string, details?: Record<string, unknown>) =>
  new AppError('observation.bad_batch', 400, message, details);

function datastreamIdOf(group: Record<string, unknown>, at: string): unknown {
  const ref = group.Datastream ?? group.datastream;
  if (typeof ref === 'object' && ref !== null && '@iot.id' in ref)
    return (ref as Record<string, unknown>)['@iot.id'];
  if (typeof group.datastreamId === 'number') return group.datastreamId;
  throw bad(`${at}: name the datastream as "Datastream": {"@iot.id": <id>}.`);
}

/** Reads a dataArray request body; throws observation.bad_batch (400) for a malformed shape. */
export function readDataArray(body: unknown): DataArrayItem[] {
  if (!Array.isArray(body)) {
    throw bad(
      'The body must be a JSON array of groups: [{"Datastream": {"@iot.id": 1}, "components": ["phenomenonTime", "result"], "dataArray": [["2026-05-01T13:00:00Z", 12.5]]}].',
    );
  }
  const items: DataArrayItem[] = [];
  body.forEach((group: unknown, g) => {
    const at = `group ${g}`;
    if (typeof group !== 'object' || group === null || Array.isArray(group))
      throw bad(`${at} must be an object.`);
    const record = group as Record<string, unknown>;
    const datastreamId = datastreamIdOf(record, at);
    const components = record.components;
    if (!Array.isArray(components) || components.length === 0) {
      throw bad(
        `${at}: "components" must list the fields of each row, such as ["phenomenonTime", "result"].`,
      );
    }
    const unknown = components.filter((c) => !COMPONENTS.includes(c as Component));
    if (unknown.length > 0) {
      throw bad(`${at}: unknown component ${JSON.stringify(unknown[0])}; use ${COMPONENTS.join(', ')}.`, {
        unknown,
      });
    }
    if (!components.includes('result')) throw bad(`${at}: "components" must include "result".`);
    const rows = record.dataArray;
    if (!Array.isArray(rows)) throw bad(`${at}: "dataArray" must be an array of rows.`);
    const count = record['dataArray@iot.count'];
    if (count !== undefined && count !== rows.length) {
      throw bad(
        `${at}: "dataArray@iot.count" says ${String(count)} but the dataArray has ${rows.length} rows.`,
      );
    }
    if (items.length + rows.length > MAX_OBSERVATIONS) {
      throw new AppError(
        'request.too_many_observations',
        413,
        `A request may carry at most ${MAX_OBSERVATIONS} observations; split the batch.`,
        { limit: MAX_OBSERVATIONS },
      );
    }
    rows.forEach((values: unknown, r) => {
      if (!Array.isArray(values) || values.length !== components.length) {
        throw bad(
          `${at}, row ${r}: each row must be an array of ${components.length} values, one per component.`,
        );
      }
      const input: ObservationInput = { datastreamId };
      for (let i = 0; i < components.length; i++) {
        const value: unknown = values[i];
        switch (components[i] as Component) {
          case 'phenomenonTime':
            input.phenomenonTime = value;
            break;
          case 'result':
            input.result = value;
            break;
          case 'resultTime':
            input.resultTime = value;
            break;
          case 'resultQuality':
            input.resultQuality = value;
            break;
          case 'parameters':
            input.parameters = value;
            break;
          case 'FeatureOfInterest/id':
            input.featureOfInterestId = value;
            break;
        }
      }
      items.push({ input, group: g, row: r });
    });
  });
  return items;
}
