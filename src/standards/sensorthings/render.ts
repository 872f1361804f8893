/**
 * Entities as SensorThings 1.1 writes them: `@iot.id`, `@iot.selfLink` (absolute), the properties, and a
 * `<Nav>@iot.navigationLink` for each navigation property that is not expanded. Times are ISO 8601 in UTC with
 * milliseconds; intervals are `start/end`. Optional properties without a value are left out; an Observation's
 * `resultTime` and `result` are always there (null allowed).
 */
import { qualityJson } from '../../sensors/qc/qc-quality.js';
import type { EntityName, EntityType } from './model.js';
import type { Row } from './sta.repo.js';

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

const interval = (start: unknown, end: unknown) =>
  start === null || start === undefined ? null : `${iso(start)}/${iso(end ?? start)}`;

const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

function json(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Properties that are never left out, even when null. */
const REQUIRED = new Set([
  'name',
  'description',
  'encodingType',
  'location',
  'feature',
  'metadata',
  'definition',
  'observationType',
  'unitOfMeasurement',
  'time',
  'phenomenonTime',
  'resultTime',
  'result',
]);
const OPTIONAL_TIMES: Partial<Record<EntityName, string[]>> = {
  Datastream: ['phenomenonTime', 'resultTime'],
};

/** The value of one property of a response row. */
export function propertyValue(entity: EntityName, row: Row, name: string): unknown {
  switch (name) {
    case 'id':
    case '@iot.id':
      return Number(row.id);
    case 'encodingType':
      return row.encoding_type;
    case 'location':
    case 'feature':
    case 'properties':
    case 'parameters':
      return json(row[name]);
    case 'resultQuality':
      // Stored in parts (what the client sent, the QC flag and tests): composed as served everywhere.
      return json(
        qualityJson(
          typeof row.result_quality === 'string' ? row.result_quality : null,
          numOrNull(row.qc_flag),
          numOrNull(row.qc_tests),
        ),
      );
    case 'observedArea':
      return json(row.observed_area);
    case 'observationType':
      return row.observation_type;
    case 'unitOfMeasurement':
      return {
        name: row.unit_name ?? null,
        symbol: row.unit_symbol ?? null,
        definition: row.unit_definition ?? null,
      };
    case 'time':
      return iso(row.time);
    case 'phenomenonTime':
      return entity === 'Datastream'
        ? interval(row.phenomenon_start, row.phenomenon_end)
        : row.phenomenon_end === null || row.phenomenon_end === undefined
          ? iso(row.phenomenon_time)
          : interval(row.phenomenon_time, row.phenomenon_end);
    case 'resultTime':
      return entity === 'Datastream' ? interval(row.result_start, row.result_end) : iso(row.result_time);
    case 'result':
      return row.result_json === null || row.result_json === undefined
        ? (row.result_number ?? null)
        : json(row.result_json);
    default:
      return row[name];
  }
}

export interface Links {
  /** `https://city.example/sta/v1.1`. */
  base: string;
}

export const selfLink = (links: Links, entity: EntityType, id: unknown) =>
  `${links.base}/${entity.set}(${Number(id)})`;

/**
 * One entity. `select` (as `$select` names it) limits the output; `expanded` holds the expanded navigation
 * properties, already rendered (a value, or an array with its `@iot.count`/`@iot.nextLink` members).
 */
export function renderEntity(
  entity: EntityType,
  row: Row,
  links: Links,
  select: readonly string[] | undefined,
  expanded: Record<string, unknown> = {},
): Record<string, unknown> {
  const want = (name: string) => select === undefined || select.includes(name);
  const self = selfLink(links, entity, row.id);
  const out: Record<string, unknown> = {};
  if (want('id') || want('@iot.id')) out['@iot.id'] = Number(row.id);
  if (select === undefined || select.includes('@iot.selfLink')) out['@iot.selfLink'] = self;
  for (const name of entity.properties) {
    if (!want(name)) continue;
    const value = propertyValue(entity.name, row, name);
    const optional = !REQUIRED.has(name) || OPTIONAL_TIMES[entity.name]?.includes(name);
    if (value === null && optional && select === undefined) continue;
    out[name] = value;
  }
  for (const nav of Object.keys(entity.navigation)) {
    if (nav in expanded) {
      for (const [key, value] of Object.entries(expanded)) {
        if (key === nav || key.startsWith(`${nav}@`)) out[key] = value;
      }
    } else if (want(nav)) {
      out[`${nav}@iot.navigationLink`] = `${self}/${nav}`;
    }
  }
  return out;
}

/** The components `$resultFormat=dataArray` may list, and those it lists without `$select`. */
export const DATA_ARRAY_COMPONENTS = [
  'id',
  'phenomenonTime',
  'resultTime',
  'result',
  'resultQuality',
  'parameters',
];
export const DEFAULT_COMPONENTS = ['id', 'phenomenonTime', 'resultTime', 'result'];

/** Observations grouped by Datastream, in the order they came, as arrays of the chosen components. */
export function dataArrays(rows: Row[], components: readonly string[], links: Links, datastream: EntityType) {
  const groups = new Map<number, unknown[][]>();
  for (const row of rows) {
    const id = Number(row.datastream_id);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(components.map((c) => propertyValue('Observation', row, c)));
  }
  return [...groups].map(([id, values]) => ({
    'Datastream@iot.navigationLink': selfLink(links, datastream, id),
    components,
    'dataArray@iot.count': values.length,
    dataArray: values,
  }));
}
