/**
 * Which sensor rows a viewer may see. A Thing belongs to a catalog dataset (or to none); when the viewer may
 * not read that dataset's data, the Thing is hidden, and with it its Datastreams, their Observations and its
 * HistoricalLocations. Entities that Things share (Locations, Sensors, ObservedProperties,
 * FeaturesOfInterest) are hidden when every Thing they serve is hidden. Things outside the catalog (no dataset)
 * are hidden when the list holds {@link NO_DATASET}: they are published through no dataset, so only the admin
 * sees them.
 */
import { sql } from 'kysely';
import type { Sql, StaSqlDialect } from '../filter/dialect.js';
import type { EntityName } from '../model.js';

/** In a list of hidden datasets: the Things that belong to no dataset. */
export const NO_DATASET = '';

/** A condition on alias `a` of the entity's table; null when nothing is hidden from this viewer. */
export function visibleCondition(
  entity: EntityName,
  a: string,
  hidden: readonly string[],
  dialect: StaSqlDialect,
): Sql | null {
  if (hidden.length === 0) return null;
  const r = (text: string) => sql.raw(text);
  const named = hidden.filter((id) => id !== NO_DATASET);
  const orphans = named.length < hidden.length;
  /** Whether the Thing at `column` (its dataset_id) is hidden. */
  const isHidden = (column: string) => {
    const parts: Sql[] = [];
    if (named.length > 0) parts.push(sql`${r(column)} IN (${sql.join(named.map((id) => dialect.text(id)))})`);
    if (orphans) parts.push(sql`${r(column)} IS NULL`);
    return sql`(${sql.join(parts, sql` OR `)})`;
  };
  const hiddenThings = sql`SELECT vis_t.id FROM sensor_things vis_t WHERE ${isHidden('vis_t.dataset_id')}`;
  const shared = (column: string) =>
    sql`(${r(`${a}.id`)} NOT IN (SELECT vis_d.${r(column)} FROM sensor_datastreams vis_d WHERE vis_d.${r(column)} IS NOT NULL AND vis_d.thing_id IN (${hiddenThings})) OR ${r(`${a}.id`)} IN (SELECT vis_d.${r(column)} FROM sensor_datastreams vis_d WHERE vis_d.thing_id NOT IN (${hiddenThings})))`;
  switch (entity) {
    case 'Thing':
      return sql`NOT ${isHidden(`${a}.dataset_id`)}`;
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
