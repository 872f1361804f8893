/**
 * Where each SensorThings entity lives in the sensor tables (migration 0006): its table, the SQL of each
 * property that filters and orders read, the columns a response is built from, how navigation properties
 * join, and which rows a viewer may see. Nothing here depends on the database: dialect matters only to the
 * compiler (filter/sqlite.ts, filter/postgres.ts).
 */
import { sql } from 'kysely';
import { testFlagSql } from '../../../sensors/qc/qc-quality.js';
import { QC_TESTS, type QcTestName } from '../../../sensors/qc/qc.types.js';
import type { Sql } from '../filter/dialect.js';
import type { EntityName } from '../model.js';

export type ScalarType = 'number' | 'string' | 'datetime';

export type Column =
  /** Non-null columns may page by keyset. */
  | { kind: 'scalar'; type: ScalarType; sql: (a: string) => Sql; nullable: boolean }
  /** GeoJSON text; `box` gives the bounding-box columns when the table keeps them. */
  | {
      kind: 'geometry';
      sql: (a: string) => Sql;
      nullable: boolean;
      box?: (a: string) => [Sql, Sql, Sql, Sql];
    }
  /** An instant or an interval in epoch ms: `end` is the start for instants. */
  | { kind: 'interval'; start: (a: string) => Sql; end: (a: string) => Sql; nullable: boolean }
  /** JSON text whose members a path reads (`properties/owner`). */
  | { kind: 'json'; sql: (a: string) => Sql }
  /** The result of an Observation: a number, or JSON text of anything else. */
  | { kind: 'result'; number: (a: string) => Sql; json: (a: string) => Sql }
  /**
   * An Observation's resultQuality, stored in parts: what the client sent (JSON text) and the QC outcome (flag;
   * each test's flag packed in one integer). `qartod/flag` and `qartod/tests/<test>` read the outcome's columns,
   * other paths the client's JSON. `test` is undefined for a name that is no test.
   */
  | {
      kind: 'quality';
      client: (a: string) => Sql;
      flag: (a: string) => Sql;
      test: (a: string, name: string) => Sql | undefined;
    }
  | { kind: 'object'; members: Record<string, Column> };

export interface EntitySql {
  table: string;
  columns: Record<string, Column>;
}

const col = (name: string) => (a: string) => sql.raw(`${a}.${name}`);
const text = (name: string, nullable = false): Column => ({
  kind: 'scalar',
  type: 'string',
  sql: col(name),
  nullable,
});
const json = (name: string): Column => ({ kind: 'json', sql: col(name) });
const id: Column = { kind: 'scalar', type: 'number', sql: col('id'), nullable: false };

/** A Datastream's summary row (absent until its first observation). */
const state = (field: string) => (a: string) =>
  sql.raw(
    `(SELECT ds_state.${field} FROM sensor_datastream_state ds_state WHERE ds_state.datastream_id = ${a}.id)`,
  );

const named = { id, name: text('name'), description: text('description'), properties: json('properties') };

export const ENTITY_SQL: Record<EntityName, EntitySql> = {
  Thing: { table: 'sensor_things', columns: { ...named } },
  Location: {
    table: 'sensor_locations',
    columns: {
      ...named,
      encodingType: text('encoding_type'),
      location: {
        kind: 'geometry',
        sql: col('location'),
        nullable: false,
        box: (a) => [col('minx')(a), col('miny')(a), col('maxx')(a), col('maxy')(a)],
      },
    },
  },
  HistoricalLocation: {
    table: 'sensor_historical_locations',
    columns: { id, time: { kind: 'scalar', type: 'datetime', sql: col('time'), nullable: false } },
  },
  Datastream: {
    table: 'sensor_datastreams',
    columns: {
      ...named,
      observationType: text('observation_type'),
      unitOfMeasurement: {
        kind: 'object',
        members: {
          name: text('unit_name', true),
          symbol: text('unit_symbol', true),
          definition: text('unit_definition', true),
        },
      },
      observedArea: { kind: 'geometry', sql: col('observed_area'), nullable: true },
      phenomenonTime: {
        kind: 'interval',
        start: state('phenomenon_start'),
        end: state('phenomenon_end'),
        nullable: true,
      },
      resultTime: {
        kind: 'interval',
        start: state('result_start'),
        end: state('result_end'),
        nullable: true,
      },
    },
  },
  Sensor: {
    table: 'sensor_sensors',
    columns: { ...named, encodingType: text('encoding_type'), metadata: text('metadata') },
  },
  ObservedProperty: {
    table: 'sensor_observed_properties',
    columns: { ...named, definition: text('definition') },
  },
  Observation: {
    table: 'sensor_observations',
    columns: {
      id,
      phenomenonTime: {
        kind: 'interval',
        start: col('phenomenon_time'),
        end: (a) => sql.raw(`coalesce(${a}.phenomenon_end, ${a}.phenomenon_time)`),
        nullable: false,
      },
      resultTime: { kind: 'scalar', type: 'datetime', sql: col('result_time'), nullable: true },
      result: { kind: 'result', number: col('result_number'), json: col('result_json') },
      resultQuality: {
        kind: 'quality',
        client: col('result_quality'),
        flag: col('qc_flag'),
        test: (a, name) =>
          (QC_TESTS as readonly string[]).includes(name)
            ? sql.raw(testFlagSql(`${a}.qc_tests`, name as QcTestName)!)
            : undefined,
      },
      parameters: json('parameters'),
    },
  },
  FeatureOfInterest: {
    table: 'sensor_features',
    columns: {
      ...named,
      encodingType: text('encoding_type'),
      feature: { kind: 'geometry', sql: col('feature'), nullable: false },
    },
  },
};

/** The FeatureOfInterest of an observation: its own, or else its Datastream's. */
const featureOf = (a: string) =>
  sql.raw(
    `coalesce(${a}.feature_id, (SELECT ds_feature.feature_id FROM sensor_datastreams ds_feature WHERE ds_feature.id = ${a}.datastream_id))`,
  );

export type Relation =
  /** `link(child, parentId)`: the condition on a child row for the parent whose id `parentId` is. */
  | { many: true; link: (child: string, parentId: Sql) => Sql }
  /** `key(parent)`: the id of the one related entity, read from the parent row. */
  | { many: false; key: (parent: string) => Sql };

const byColumn = (column: string): Relation => ({
  many: true,
  link: (c, p) => sql`${sql.raw(`${c}.${column}`)} = ${p}`,
});
const through = (table: string, mine: string, theirs: string): Relation => ({
  many: true,
  link: (c, p) =>
    sql`${sql.raw(`${c}.id`)} IN (SELECT nav_link.${sql.raw(mine)} FROM ${sql.raw(table)} nav_link WHERE nav_link.${sql.raw(theirs)} = ${p})`,
});
const toOne = (key: (parent: string) => Sql): Relation => ({ many: false, key });

export const RELATIONS: Record<EntityName, Record<string, Relation>> = {
  Thing: {
    Locations: through('sensor_thing_locations', 'location_id', 'thing_id'),
    HistoricalLocations: byColumn('thing_id'),
    Datastreams: byColumn('thing_id'),
  },
  Location: {
    Things: through('sensor_thing_locations', 'thing_id', 'location_id'),
    HistoricalLocations: through(
      'sensor_historical_location_locations',
      'historical_location_id',
      'location_id',
    ),
  },
  HistoricalLocation: {
    Thing: toOne(col('thing_id')),
    Locations: through('sensor_historical_location_locations', 'location_id', 'historical_location_id'),
  },
  Datastream: {
    Thing: toOne(col('thing_id')),
    Sensor: toOne(col('sensor_id')),
    ObservedProperty: toOne(col('observed_property_id')),
    Observations: byColumn('datastream_id'),
  },
  Sensor: { Datastreams: byColumn('sensor_id') },
  ObservedProperty: { Datastreams: byColumn('observed_property_id') },
  Observation: { Datastream: toOne(col('datastream_id')), FeatureOfInterest: toOne(featureOf) },
  FeatureOfInterest: {
    Observations: {
      many: true,
      link: (c, p) =>
        sql`(${sql.raw(`${c}.feature_id`)} = ${p} OR (${sql.raw(`${c}.feature_id`)} IS NULL AND ${sql.raw(`${c}.datastream_id`)} IN (SELECT ds_link.id FROM sensor_datastreams ds_link WHERE ds_link.feature_id = ${p})))`,
    },
  },
};

/** The columns a response is built from, as `SELECT` lists them (with the FROM it needs). */
export function selectList(entity: EntityName, a: string): Sql {
  const c = (names: string) =>
    names
      .split(',')
      .map((n) => `${a}.${n.trim()}`)
      .join(', ');
  switch (entity) {
    case 'Thing':
      return sql.raw(c('id, name, description, properties'));
    case 'Location':
      return sql.raw(c('id, name, description, encoding_type, location, properties'));
    case 'HistoricalLocation':
      return sql.raw(c('id, time, thing_id'));
    case 'Datastream':
      return sql.raw(
        `${c('id, name, description, observation_type, unit_name, unit_symbol, unit_definition, observed_area, properties, thing_id, sensor_id, observed_property_id')}, ` +
          `${a}_state.phenomenon_start, ${a}_state.phenomenon_end, ${a}_state.result_start, ${a}_state.result_end, ${a}_state.observations AS observation_count`,
      );
    case 'Sensor':
      return sql.raw(c('id, name, description, encoding_type, metadata, properties'));
    case 'ObservedProperty':
      return sql.raw(c('id, name, definition, description, properties'));
    case 'Observation':
      return sql`${sql.raw(c('id, phenomenon_time, phenomenon_end, result_time, result_number, result_json, result_quality, qc_flag, qc_tests, parameters, datastream_id'))}, ${featureOf(a)} AS feature_ref`;
    case 'FeatureOfInterest':
      return sql.raw(c('id, name, description, encoding_type, feature, properties'));
  }
}

/** The FROM clause of a response's query: the table, and the Datastream's summary beside it. */
export function fromClause(entity: EntityName, a: string): Sql {
  const table = sql.raw(`${ENTITY_SQL[entity].table} ${a}`);
  return entity === 'Datastream'
    ? sql`${table} LEFT JOIN sensor_datastream_state ${sql.raw(`${a}_state`)} ON ${sql.raw(`${a}_state.datastream_id = ${a}.id`)}`
    : table;
}

/** The column of a response row that holds the id a single navigation property leads to. */
export const FOREIGN_KEYS: Partial<Record<EntityName, Record<string, string>>> = {
  HistoricalLocation: { Thing: 'thing_id' },
  Datastream: { Thing: 'thing_id', Sensor: 'sensor_id', ObservedProperty: 'observed_property_id' },
  Observation: { Datastream: 'datastream_id', FeatureOfInterest: 'feature_ref' },
};
