/**
 * An Observation entity as a client POSTs it (SensorThings 1.1, create entity), read into what ingest checks.
 * Related entities are taken as links to existing ones (`{"@iot.id": 7}`); creating one inside the Observation
 * (deep insert) is refused. The values themselves (times, result, parameters) are the ingest's to judge, so
 * that every way in (this API, Plaza's ingest API, MQTT) accepts and rejects the same observations.
 */
import { AppError, errors } from '../../errors.js';
import type { ObservationInput } from '../../sensors/ingest.service.js';

/** The members an Observation may be created with. */
const MEMBERS = [
  'phenomenonTime',
  'result',
  'resultTime',
  'resultQuality',
  'parameters',
  'validTime',
  'Datastream',
  'FeatureOfInterest',
];

const bad = (message: string, details?: Record<string, unknown>) =>
  new AppError('sta.bad_entity', 400, message, details);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id of a link to an existing entity, `{"@iot.id": 7}`. */
function linkedId(value: unknown, name: 'Datastream' | 'FeatureOfInterest'): number {
  if (!isObject(value)) throw bad(`"${name}" must link an existing ${name}: {"@iot.id": 7}.`);
  if (!('@iot.id' in value)) {
    throw errors.staUnsupported(
      name === 'Datastream'
        ? 'A Datastream cannot be created inside an Observation: link an existing one as "Datastream": {"@iot.id": 7}.'
        : 'A FeatureOfInterest cannot be created inside an Observation: link an existing one as "FeatureOfInterest": {"@iot.id": 7}, or leave it out (the Observation then observes its Datastream\'s feature, the place of its Thing).',
    );
  }
  const others = Object.keys(value).filter((k) => k !== '@iot.id');
  if (others.length > 0) {
    throw errors.staUnsupported(
      `"${name}" links an existing entity by its @iot.id alone; it cannot be changed here (found ${others.map((k) => JSON.stringify(k)).join(', ')}).`,
    );
  }
  const id = value['@iot.id'];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw bad(`"${name}": @iot.id must be a whole number, as in {"@iot.id": 7}; got ${JSON.stringify(id)}.`);
  }
  return id;
}

/**
 * Reads the body of `POST /Observations` (which names its Datastream) or `POST /Datastreams(id)/Observations`
 * (`datastreamId` from the path; the body may repeat the same link). Throws `sta.bad_entity` (400) for a
 * malformed entity and `sta.unsupported` (400) for what is not served.
 */
export function readObservation(body: unknown, datastreamId?: number): ObservationInput {
  if (!isObject(body)) {
    throw bad(
      'The body must be one Observation as a JSON object: {"Datastream": {"@iot.id": 7}, "phenomenonTime": "2026-05-01T13:00:00Z", "result": 12.5}. Send several with POST /sta/v1.1/CreateObservations.',
    );
  }
  if (body['@iot.id'] !== undefined && body['@iot.id'] !== null) {
    throw errors.staUnsupported('The server gives new Observations their @iot.id: leave it out.');
  }
  const unknown = Object.keys(body).filter((k) => !MEMBERS.includes(k) && !k.includes('@iot.'));
  if (unknown.length > 0) {
    throw bad(
      `An Observation has no ${unknown.map((k) => JSON.stringify(k)).join(', ')}; it is created with ${MEMBERS.join(', ')}.`,
      { unknown },
    );
  }
  if (body.validTime !== undefined && body.validTime !== null) {
    throw errors.staUnsupported('validTime is not kept: leave it out, or send null.');
  }
  let datastream = datastreamId;
  if (body.Datastream !== undefined) {
    const linked = linkedId(body.Datastream, 'Datastream');
    if (datastream !== undefined && linked !== datastream) {
      throw bad(
        `The path names Datastream ${datastream} but the body links Datastream ${linked}; leave "Datastream" out of the body.`,
      );
    }
    datastream = linked;
  }
  if (datastream === undefined) {
    throw bad(
      'Name the Observation\'s Datastream: "Datastream": {"@iot.id": 7} in the body, or POST to /sta/v1.1/Datastreams(7)/Observations.',
    );
  }

  const input: ObservationInput = { datastreamId: datastream, result: body.result };
  if (body.phenomenonTime !== undefined) input.phenomenonTime = body.phenomenonTime;
  if (body.resultTime !== undefined) input.resultTime = body.resultTime;
  if (body.resultQuality !== undefined) input.resultQuality = body.resultQuality;
  if (body.parameters !== undefined) input.parameters = body.parameters;
  if (body.FeatureOfInterest !== undefined && body.FeatureOfInterest !== null) {
    input.featureOfInterestId = linkedId(body.FeatureOfInterest, 'FeatureOfInterest');
  }
  return input;
}
