/**
 * Creating the SensorThings model: a Thing with its Locations and Datastreams (and their Sensors and
 * ObservedProperties) in one transaction, and the cached facts about datastreams that ingest checks against.
 */
import { errors } from '../errors.js';
import { toShape } from '../geo/index.js';
import type { ModelRepo } from './model.repo.js';
import {
  observationTypeUri,
  resultKind,
  type CreatedThing,
  type DatastreamInfo,
  type GeoJson,
  type ThingInput,
} from './model.js';

const json = (value: Record<string, unknown> | undefined) =>
  value === undefined ? null : JSON.stringify(value);

/**
 * A well-formed GeoJSON geometry, or a Feature with one (SensorThings allows both for a Location), and the
 * bounding box of the geometry; a clear error otherwise. The value is kept as given; `geometry` is the shape
 * itself, for what must be a geometry (a Datastream's observedArea).
 */
function checkGeometry(
  value: unknown,
  field: string,
): { location: GeoJson; geometry: GeoJson; box: number[] | null } {
  const feature =
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Feature';
  const geometry: unknown = feature ? (value as { geometry?: unknown }).geometry : value;
  const shape = toShape(geometry);
  if (!shape) {
    throw errors.badRequest(
      'sensors.invalid_entity',
      feature
        ? `${field} is a GeoJSON Feature whose geometry is missing or malformed; give it a geometry in longitude, latitude order, such as {"type":"Point","coordinates":[-117.99,33.75]}.`
        : `${field} must be a GeoJSON geometry (or a Feature with one) in longitude, latitude order, such as {"type":"Point","coordinates":[-117.99,33.75]}.`,
    );
  }
  const box = shape.xs.length
    ? [Math.min(...shape.xs), Math.min(...shape.ys), Math.max(...shape.xs), Math.max(...shape.ys)]
    : null;
  return { location: value as GeoJson, geometry: geometry as GeoJson, box };
}

export function modelService({ repo, now = () => Date.now() }: { repo: ModelRepo; now?: () => number }) {
  const cache = new Map<number, DatastreamInfo>();
  const loading = new Map<number, Promise<DatastreamInfo | undefined>>();
  const toInfo = (row: Awaited<ReturnType<ModelRepo['datastreams']>>[number]): DatastreamInfo => ({
    id: row.id,
    thingId: row.thing_id,
    datasetId: row.dataset_id,
    kind: resultKind(row.observation_type),
    featureId: row.feature_id === null ? null : Number(row.feature_id),
  });

  return {
    /** Creates a Thing with everything under it; all or nothing. */
    async createThing(input: ThingInput): Promise<CreatedThing> {
      for (const ds of input.datastreams ?? []) {
        if (!observationTypeUri(ds.observationType)) {
          throw errors.badRequest(
            'sensors.invalid_entity',
            `Datastream "${ds.name}": unknown observationType "${ds.observationType}"; use one of the O&M 2.0 types (OM_Measurement, OM_CountObservation, OM_TruthObservation, OM_CategoryObservation, OM_Observation).`,
          );
        }
      }
      const locations = (input.locations ?? []).map((l, i) => {
        const { location, geometry, box } = checkGeometry(l.location, `locations[${i}].location`);
        return { ...l, location, geometry, box };
      });
      return repo.transaction(async (trx) => {
        const thingId = await repo.insert(trx, 'sensor_things', {
          name: input.name,
          description: input.description ?? '',
          properties: json(input.properties),
          dataset_id: input.datasetId ?? null,
          external_id: input.externalId ?? null,
        });
        const locationIds: number[] = [];
        for (const location of locations) {
          const box = location.box;
          const id = await repo.insert(trx, 'sensor_locations', {
            name: location.name,
            description: location.description ?? '',
            encoding_type: location.encodingType ?? 'application/geo+json',
            location: JSON.stringify(location.location),
            properties: json(location.properties),
            minx: box?.[0] ?? null,
            miny: box?.[1] ?? null,
            maxx: box?.[2] ?? null,
            maxy: box?.[3] ?? null,
          });
          await repo.link(trx, thingId, id, now());
          locationIds.push(id);
        }
        // Observations without a FeatureOfInterest observe the Thing's place, as SensorThings prescribes.
        const place = locations[0];
        const featureId = place
          ? await repo.insert(trx, 'sensor_features', {
              name: place.name,
              description: place.description ?? '',
              encoding_type: 'application/geo+json',
              feature: JSON.stringify(place.location),
              properties: null,
            })
          : null;
        const datastreamIds: number[] = [];
        for (const ds of input.datastreams ?? []) {
          const sensorId =
            'id' in ds.sensor
              ? ds.sensor.id
              : await repo.insert(trx, 'sensor_sensors', {
                  name: ds.sensor.name,
                  description: ds.sensor.description ?? '',
                  encoding_type: ds.sensor.encodingType ?? 'text/html',
                  metadata: ds.sensor.metadata ?? '',
                  properties: json(ds.sensor.properties),
                });
          const propertyId =
            'id' in ds.observedProperty
              ? ds.observedProperty.id
              : await repo.insert(trx, 'sensor_observed_properties', {
                  name: ds.observedProperty.name,
                  definition: ds.observedProperty.definition ?? '',
                  description: ds.observedProperty.description ?? '',
                  properties: json(ds.observedProperty.properties),
                });
          const id = await repo.insert(trx, 'sensor_datastreams', {
            name: ds.name,
            description: ds.description ?? '',
            properties: json(ds.properties),
            thing_id: thingId,
            sensor_id: sensorId,
            observed_property_id: propertyId,
            observation_type: observationTypeUri(ds.observationType)!,
            unit_name: ds.unitOfMeasurement.name,
            unit_symbol: ds.unitOfMeasurement.symbol,
            unit_definition: ds.unitOfMeasurement.definition,
            observed_area: place ? JSON.stringify(place.geometry) : null,
            feature_id: featureId,
            external_id: ds.externalId ?? null,
          });
          datastreamIds.push(id);
        }
        return { id: thingId, locationIds, datastreamIds };
      });
    },

    /** The Thing a dataset's seed created under this external id, if any. */
    thingByExternalId: (datasetId: string, externalId: string) =>
      repo.thingByExternalId(datasetId, externalId),

    thingExists: (id: number) => repo.thingExists(id),

    /** Which of these FeatureOfInterest ids exist. */
    existingFeatures: (ids: readonly number[]) => repo.existingFeatures(ids),

    /** What ingest checks about datastreams, from memory after the first look. Unknown ids are left out. */
    async datastreams(ids: Iterable<number>): Promise<Map<number, DatastreamInfo>> {
      const found = new Map<number, DatastreamInfo>();
      const missing: number[] = [];
      const waits: Promise<void>[] = [];
      for (const id of ids) {
        const hit = cache.get(id);
        if (hit) found.set(id, hit);
        else if (loading.has(id)) {
          // Another caller is reading it already (hundreds of devices connect at once): share its read.
          waits.push(loading.get(id)!.then((info) => void (info && found.set(id, info))));
        } else if (!found.has(id)) missing.push(id);
      }
      if (missing.length > 0) {
        const read = repo.datastreams(missing).then((rows) => new Map(rows.map((r) => [r.id, toInfo(r)])));
        for (const id of missing) {
          const one = read.then((infos) => infos.get(id));
          loading.set(id, one);
          waits.push(one.then((info) => void (info && found.set(id, info))));
        }
        try {
          for (const info of (await read).values()) cache.set(info.id, info);
        } finally {
          for (const id of missing) loading.delete(id);
        }
      }
      await Promise.all(waits);
      return found;
    },

    datastreamIdsOfDataset: (datasetId: string) => repo.datastreamIdsOfDataset(datasetId),

    /** The datastreams of these datasets with the time of their latest observation (the status board). */
    feedsOfDatasets: (datasetIds: readonly string[]) => repo.feedsOfDatasets(datasetIds),

    /** Newest observation received per dataset, epoch ms. */
    newestByDataset: () => repo.newestByDataset(),

    /** Forgets cached facts (after a datastream is deleted or changes type). */
    forget: (id?: number) => (id === undefined ? cache.clear() : cache.delete(id)),
  };
}

export type ModelService = ReturnType<typeof modelService>;
