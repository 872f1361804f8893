/**
 * Which sensor rows a viewer may see. A Thing belongs to a catalog dataset (or to none); when the viewer may
 * not read that dataset's data, the Thing is hidden, and with it its Datastreams, their Observations and its
 * HistoricalLocations. Entities that Things share (Locations, Sensors, ObservedProperties,
 * FeaturesOfInterest) are hidden when every Thing they serve is hidden.
 */
import { sql } from 'kysely';
import type { Sql, StaSqlDialect } from '../filter/dialect.js';
import type { EntityName } from '../model.js';

/** A condition on alias `a` of the entity's table; null when nothing is hidden from this viewer. */
export function visibleCondition(
  entity: EntityName,
  a: string,
  hidden: readonly string[],
  dialect: StaSqlDialect,
): Sql | null {
  if (hidden.length === 0) return null;
  const r = (text: string) => sql.raw(text);
  const datasets = sql.join(hidden.map((id) => dialect.text(id)));
  const hiddenThings = sql`SELECT vis_t.id FROM sensor_things vis_t WHERE vis_t.dataset_id IN (${datasets})`;
  const shared = (column: string) =>
    sql`(${r(`${a}.id`)} NOT IN (SELECT vis_d.${r(column)} FROM sensor_datastreams vis_d WHERE vis_d.${r(column)} IS NOT NULL AND vis_d.thing_id IN (${hiddenThings})) OR ${r(`${a}.id`)} IN (SELECT vis_d.${r(column)} FROM sensor_datastreams vis_d WHERE vis_d.thing_id NOT IN (${hiddenThings})))`;
  switch (entity) {
    case 'Thing':
      return sql`(${r(`${a}.dataset_id`)} IS NULL OR ${r(`${a}.dataset_id`)} NOT IN (${datasets}))`;
    case 'Datastream':
    case 'HistoricalLocation':
      return sql`${r(`${a}.thing_id`)} NOT IN (${hiddenThings})`;
    case 'Observation':
      return sql`${r(`${a}.datastream_id`)} NOT IN (SELECT vis_d.id FROM sensor_datastreams vis_d WHERE vis_d.thing_id IN (${hiddenThings}))`;
    case 'Location': {
      const things = sql`SELECT vis_tl.location_id, vis_tl.thing_id FROM sensor_thing_locations vis_tl UNION ALL SELECT vis_hll.location_id, vis_hl.thing_id FROM sensor_historical_location_locations vis_hll JOIN sensor_historical_locations vis_hl ON vis_hl.id = vis_hll.historical_location_id`;
      return sql`(${r(`${a}.id`)} NOT IN (SELECT vis_l.location_id FROM (${things}) vis_l WHERE vis_l.thing_id IN (${hiddenThings})) OR ${r(`${a}.id`)} IN (SELECT vis_l.location_id FROM (${things}) vis_l WHERE vis_l.thing_id NOT IN (${hiddenThings})))`;
    }
    case 'Sensor':
      return shared('sensor_id');
    case 'ObservedProperty':
      return shared('observed_property_id');
    case 'FeatureOfInterest':
      return shared('feature_id');
  }
}
