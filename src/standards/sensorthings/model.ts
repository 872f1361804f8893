/**
 * The SensorThings API 1.1 data model as clients see it: entity types, their entity sets, the properties each
 * shows (in the order it shows them) and the navigation properties between them. MultiDatastreams (an
 * extension) and the tasking part are not served.
 */

export type EntityName =
  | 'Thing'
  | 'Location'
  | 'HistoricalLocation'
  | 'Datastream'
  | 'Sensor'
  | 'ObservedProperty'
  | 'Observation'
  | 'FeatureOfInterest';

export interface Navigation {
  target: EntityName;
  /** A collection (Thing/Datastreams) rather than one entity (Datastream/Thing). */
  many: boolean;
}

export interface EntityType {
  name: EntityName;
  /** The entity set's name, the first segment of its URLs: `Things`. */
  set: string;
  /** Properties other than `@iot.id`, in the order responses show them. */
  properties: readonly string[];
  navigation: Readonly<Record<string, Navigation>>;
}

const one = (target: EntityName): Navigation => ({ target, many: false });
const many = (target: EntityName): Navigation => ({ target, many: true });

export const ENTITIES: Readonly<Record<EntityName, EntityType>> = {
  Thing: {
    name: 'Thing',
    set: 'Things',
    properties: ['name', 'description', 'properties'],
    navigation: {
      Locations: many('Location'),
      HistoricalLocations: many('HistoricalLocation'),
      Datastreams: many('Datastream'),
    },
  },
  Location: {
    name: 'Location',
    set: 'Locations',
    properties: ['name', 'description', 'encodingType', 'location', 'properties'],
    navigation: { Things: many('Thing'), HistoricalLocations: many('HistoricalLocation') },
  },
  HistoricalLocation: {
    name: 'HistoricalLocation',
    set: 'HistoricalLocations',
    properties: ['time'],
    navigation: { Thing: one('Thing'), Locations: many('Location') },
  },
  Datastream: {
    name: 'Datastream',
    set: 'Datastreams',
    properties: [
      'name',
      'description',
      'unitOfMeasurement',
      'observationType',
      'observedArea',
      'phenomenonTime',
      'resultTime',
      'properties',
    ],
    navigation: {
      Thing: one('Thing'),
      Sensor: one('Sensor'),
      ObservedProperty: one('ObservedProperty'),
      Observations: many('Observation'),
    },
  },
  Sensor: {
    name: 'Sensor',
    set: 'Sensors',
    properties: ['name', 'description', 'encodingType', 'metadata', 'properties'],
    navigation: { Datastreams: many('Datastream') },
  },
  ObservedProperty: {
    name: 'ObservedProperty',
    set: 'ObservedProperties',
    properties: ['name', 'definition', 'description', 'properties'],
    navigation: { Datastreams: many('Datastream') },
  },
  Observation: {
    name: 'Observation',
    set: 'Observations',
    properties: ['phenomenonTime', 'resultTime', 'result', 'resultQuality', 'parameters'],
    navigation: { Datastream: one('Datastream'), FeatureOfInterest: one('FeatureOfInterest') },
  },
  FeatureOfInterest: {
    name: 'FeatureOfInterest',
    set: 'FeaturesOfInterest',
    properties: ['name', 'description', 'encodingType', 'feature', 'properties'],
    navigation: { Observations: many('Observation') },
  },
};

/** Entity sets in the order the landing page lists them. */
export const ENTITY_SETS: readonly EntityType[] = Object.values(ENTITIES);

const BY_SET = new Map(ENTITY_SETS.map((e) => [e.set, e]));

/** The entity type of an entity set's name (`Things` → Thing), case-sensitive as the standard is. */
export function entityOfSet(name: string): EntityType | undefined {
  return BY_SET.get(name);
}

/** Whether `name` is a property of the type, `id` (as `$filter` and `$select` write `@iot.id`) included. */
export function isProperty(entity: EntityType, name: string): boolean {
  return name === 'id' || name === '@iot.id' || entity.properties.includes(name);
}

/** Names listed when a request names something unknown. */
export function describeMembers(entity: EntityType): string {
  return [...entity.properties, ...Object.keys(entity.navigation)].join(', ');
}
