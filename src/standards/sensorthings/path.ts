/**
 * Resource paths of SensorThings 1.1 (section 9.2): an entity set, an entity by id, navigation from one entity
 * (`Things(1)/Datastreams`, `Observations(5)/Datastream/Thing`), a property (`Things(1)/name`) and its raw
 * value (`/$value`), and references (`/$ref`).
 */
import { errors } from '../../errors.js';
import { ENTITY_SETS, entityOfSet, isProperty, describeMembers, ENTITIES, type EntityType } from './model.js';

export interface PathStep {
  entity: EntityType;
  /** The navigation property that led here from the previous step (none for the entity set). */
  nav?: string;
  /** One entity by id, as in `Things(1)`. */
  id?: number;
  /** Whether the step addresses one entity (by id, or by navigating to a single one). */
  single: boolean;
}

export interface ResourcePath {
  steps: PathStep[];
  /** `Things(1)/name` → name. */
  property?: string;
  /** `/$value`: the property's raw value. */
  value: boolean;
  /** `/$ref`: references (selfLinks) instead of entities. */
  ref: boolean;
}

const SEGMENT = /^([A-Za-z]+)(?:\((.*)\))?$/;

function badPath(message: string) {
  return errors.staBadPath(message);
}

function parseId(raw: string, name: string): number {
  if (!/^\d{1,15}$/.test(raw)) {
    throw badPath(`"${name}(${raw})": ids are whole numbers, as in ${name}(1).`);
  }
  return Number(raw);
}

/** Reads the path after `/sta/v1.1/`; `Things(1)/Datastreams` → steps Thing(1), Datastream (many). */
export function parsePath(path: string): ResourcePath {
  const parts = path.split('/').filter((p, i, all) => p !== '' || (i > 0 && i < all.length - 1));
  if (parts.some((p) => p === '')) throw badPath('The path has an empty segment ("//").');
  const steps: PathStep[] = [];
  let property: string | undefined;
  let value = false;
  let ref = false;

  for (const [index, part] of parts.entries()) {
    if (ref || value) throw badPath(`Nothing may follow /${ref ? '$ref' : '$value'}.`);
    if (part === '$value') {
      if (property === undefined) throw badPath('$value follows a property, as in Things(1)/name/$value.');
      value = true;
      continue;
    }
    if (property !== undefined) throw badPath(`Only /$value may follow the property "${property}".`);
    if (part === '$ref') {
      if (steps.length === 0)
        throw badPath('$ref follows an entity set or a navigation, as in Things(1)/Datastreams/$ref.');
      ref = true;
      continue;
    }
    const m = SEGMENT.exec(part);
    if (!m)
      throw badPath(`"${part}" is not a path segment: write EntitySet, EntitySet(id) or a property name.`);
    const name = m[1]!;
    const rawId = m[2];
    if (index === 0) {
      const entity = entityOfSet(name);
      if (!entity) {
        throw errors.staNotFound(
          `There is no entity set "${name}"; the sets are ${ENTITY_SETS.map((e) => e.set).join(', ')}.`,
        );
      }
      const id = rawId === undefined ? undefined : parseId(rawId, name);
      steps.push({ entity, id, single: id !== undefined });
      continue;
    }
    const last = steps.at(-1)!;
    if (!last.single) {
      throw badPath(
        `"${name}" must follow one entity: address it by id, as in ${last.entity.set}(1)/${name}.`,
      );
    }
    const nav = last.entity.navigation[name];
    if (nav) {
      const entity = ENTITIES[nav.target];
      const id = rawId === undefined ? undefined : parseId(rawId, name);
      if (id !== undefined && !nav.many) throw badPath(`"${name}" is a single entity: drop the id.`);
      steps.push({ entity, nav: name, id, single: !nav.many || id !== undefined });
      continue;
    }
    if (rawId === undefined && isProperty(last.entity, name) && name !== 'id') {
      property = name;
      continue;
    }
    throw errors.staNotFound(
      `A ${last.entity.name} has no "${name}"; it has ${describeMembers(last.entity)}.`,
    );
  }
  if (steps.length === 0) throw badPath('The path names no entity set.');
  return { steps, property, value, ref };
}
