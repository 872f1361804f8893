/** The SensorThings entities as Plaza's services take and give them. */

const OM = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/';

/** The observation types of O&M 2.0 that SensorThings 1.1 lists, and the results each accepts. */
export const OBSERVATION_TYPES = {
  OM_Measurement: 'number',
  OM_CountObservation: 'integer',
  OM_TruthObservation: 'boolean',
  OM_CategoryObservation: 'text',
  OM_Observation: 'any',
} as const;

export type ObservationTypeName = keyof typeof OBSERVATION_TYPES;
export type ResultKind = (typeof OBSERVATION_TYPES)[ObservationTypeName];

/** `OM_Measurement` or its full URI → the full URI; undefined for a type SensorThings does not define. */
export function observationTypeUri(type: string): string | undefined {
  const name = type.startsWith(OM) ? type.slice(OM.length) : type;
  return name in OBSERVATION_TYPES ? OM + name : undefined;
}

export function resultKind(typeUri: string): ResultKind {
  const name = typeUri.slice(OM.length) as ObservationTypeName;
  return OBSERVATION_TYPES[name] ?? 'any';
}

/** A GeoJSON geometry (or Feature), as Locations and FeaturesOfInterest carry it. */
export type GeoJson = { type: string; [key: string]: unknown };

export interface UnitOfMeasurement {
  name: string | null;
  symbol: string | null;
  definition: string | null;
}

export interface LocationInput {
  name: string;
  description?: string;
  location: GeoJson;
  encodingType?: string;
  properties?: Record<string, unknown>;
}

export interface SensorInput {
  name: string;
  description?: string;
  encodingType?: string;
  metadata?: string;
  properties?: Record<string, unknown>;
}

export interface ObservedPropertyInput {
  name: string;
  definition?: string;
  description?: string;
  properties?: Record<string, unknown>;
}

export interface DatastreamInput {
  name: string;
  description?: string;
  /** `OM_Measurement` and the other names of OBSERVATION_TYPES, or their full URIs. */
  observationType: string;
  unitOfMeasurement: UnitOfMeasurement;
  /** A new Sensor, or the id of an existing one. */
  sensor: SensorInput | { id: number };
  observedProperty: ObservedPropertyInput | { id: number };
  properties?: Record<string, unknown>;
  /** The city's own name for the stream (unique within its dataset, with the Thing's): lets seeds run twice. */
  externalId?: string;
}

export interface ThingInput {
  name: string;
  description?: string;
  properties?: Record<string, unknown>;
  /** The catalog dataset the Thing belongs to; its access level applies to everything under the Thing. */
  datasetId?: string;
  /** The city's own id for the device (unique within its dataset). */
  externalId?: string;
  locations?: LocationInput[];
  datastreams?: DatastreamInput[];
}

export interface CreatedThing {
  id: number;
  locationIds: number[];
  datastreamIds: number[];
}

/** What ingest needs to know about a datastream, kept in memory. */
export interface DatastreamInfo {
  id: number;
  thingId: number;
  datasetId: string | null;
  kind: ResultKind;
  featureId: number | null;
}
