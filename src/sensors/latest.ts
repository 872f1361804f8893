/**
 * The latest value of every datastream of a dataset, for live maps and dashboards that poll. What describes a
 * datastream (names, unit, observed property, the Thing and its place) rarely changes, so it is serialized
 * once per dataset and kept; each call reads only the running states (one indexed query) and splices their
 * values into the kept text, with each datastream's QC flag and
 * open investigation (a quality report naming it, asked of the reports desk through the lookup passed in). The kept part is rebuilt at once when the dataset's datastreams are not the ones it
 * was built from (one added or removed), and in the background once it is STATIC_TTL_MS old, so that a renamed
 * Thing or a moved Location shows within about that time without any call waiting for the rebuild.
 */
import type { DatastreamRow, LatestColumns, ReadingsRepo } from './readings.repo.js';
import { isoSpan } from './iso.js';
import { qualityJson } from './qc/qc-quality.js';
import type { InvestigationLookup } from './qc/qc.types.js';

export const STATIC_TTL_MS = 30_000;

/**
 * The entries of one format (head, values and closing bytes of each datastream) last answered, with the values
 * they were made from: between two calls most datastreams have no new observation, and their entries are
 * copied as they are instead of being written again.
 */
interface Entries {
  bytes: (Buffer | undefined)[];
  time: (number | null)[];
  end: (number | null)[];
  number: (number | null)[];
  json: (string | null)[];
  quality: (string | null)[];
  flag: (number | null)[];
  tests: (number | null)[];
  /** The investigation's JSON text (`null` when none). */
  investigation: string[];
}

const noEntries = (): Entries => ({
  bytes: [],
  time: [],
  end: [],
  number: [],
  json: [],
  quality: [],
  flag: [],
  tests: [],
  investigation: [],
});

interface StaticPart {
  builtAt: number;
  ids: number[];
  /** Position of each datastream id in `ids`. */
  index: Map<number, number>;
  /** `{"id":..,"name":..,"thing":..,"observedProperty":..,"unit":..` as UTF-8 (open: the values follow). */
  json: Buffer[];
  /** `{"type":"Feature","id":..,"geometry":..,"properties":{..` as UTF-8 (open: the values follow). */
  features: Buffer[];
  entries: { json: Entries; features: Entries };
}

const text = JSON.stringify;

/**
 * What a dashboard shows beside a value: the observed property's name and the unit's symbol. Their full
 * descriptions (definitions, unit names) are in the SensorThings API; here they would be most of the bytes.
 */
function jsonHead(d: DatastreamRow): string {
  return (
    `{"id":${d.id},"name":${text(d.name)},"thing":{"id":${d.thing_id},"name":${text(d.thing_name)}}` +
    `,"observedProperty":${text(d.property_name)},"unit":${text(d.unit_symbol)}`
  );
}

/** The GeoJSON geometry of a stored Location (a geometry, or a Feature carrying one); null when unreadable. */
export function geometryText(location: string | undefined): string {
  if (location === undefined) return 'null';
  try {
    const value = JSON.parse(location) as { type?: unknown; geometry?: unknown };
    if (value.type === 'Feature') return text(value.geometry ?? null);
    return typeof value.type === 'string' ? location : 'null';
  } catch {
    return 'null';
  }
}

function featureHead(d: DatastreamRow, geometry: string): string {
  return (
    `{"type":"Feature","id":${d.id},"geometry":${geometry},"properties":{"datastream":${d.id},"name":${text(d.name)}` +
    `,"thing":${d.thing_id},"thingName":${text(d.thing_name)},"observedProperty":${text(d.property_name)}` +
    `,"unit":${text(d.unit_symbol)}`
  );
}

/**
 * The values of datastream `i` as the last members of an object: time, result, quality (what the client sent
 * composed with the QC outcome), the QC flag (2 for an observation stored without one; null without
 * observation) and the open investigation (JSON text).
 */
function values(v: LatestColumns, i: number, investigation: string): string {
  const time = v.time[i];
  if (time === null || time === undefined) {
    return `,"phenomenonTime":null,"result":null,"resultQuality":null,"qcFlag":null,"investigation":${investigation}`;
  }
  const json = v.json[i];
  const number = v.number[i];
  const result =
    json !== null && json !== undefined
      ? json
      : number === null || number === undefined
        ? 'null'
        : String(number);
  return (
    `,"phenomenonTime":"${isoSpan(time, v.end[i] ?? null)}","result":${result}` +
    `,"resultQuality":${qualityJson(v.quality[i] ?? null, v.flag[i] ?? null, v.tests[i] ?? null) ?? 'null'}` +
    `,"qcFlag":${v.flag[i] ?? 2},"investigation":${investigation}`
  );
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export function latestReader({
  repo,
  investigations = async () => new Map(),
  now = () => Date.now(),
}: {
  repo: ReadingsRepo;
  /** Open investigations (quality reports) naming datastreams; none when not given. */
  investigations?: InvestigationLookup;
  now?: () => number;
}) {
  const kept = new Map<string, StaticPart>();
  const refreshing = new Map<string, Promise<unknown>>();

  async function build(datasetId: string): Promise<StaticPart> {
    const [streams, places] = await Promise.all([
      repo.datastreamsOfDataset(datasetId),
      repo.placesOfDataset(datasetId),
    ]);
    const geometries = new Map<number, string>();
    const part: StaticPart = {
      builtAt: now(),
      ids: [],
      index: new Map(),
      json: [],
      features: [],
      entries: { json: noEntries(), features: noEntries() },
    };
    for (const d of streams) {
      let geometry = geometries.get(d.thing_id);
      if (geometry === undefined) {
        geometry = geometryText(places.get(d.thing_id));
        geometries.set(d.thing_id, geometry);
      }
      part.index.set(d.id, part.ids.length);
      part.ids.push(d.id);
      part.json.push(Buffer.from(jsonHead(d)));
      part.features.push(Buffer.from(featureHead(d, geometry)));
    }
    kept.set(datasetId, part);
    return part;
  }

  /** Rebuilds a kept part in the background: callers meanwhile get the one kept, at most a TTL old. */
  function refresh(datasetId: string): void {
    if (refreshing.has(datasetId)) return;
    const done = build(datasetId)
      .catch(() => kept.delete(datasetId))
      .finally(() => refreshing.delete(datasetId));
    refreshing.set(datasetId, done);
  }

  /** The same datastreams, whatever their order. */
  const sameSet = (ids: readonly number[], part: StaticPart) =>
    ids.length === part.ids.length && ids.every((id) => part.index.has(id));

  /** The states and a static part built from the same datastreams. */
  async function states(datasetId: string): Promise<{ values: LatestColumns; part: StaticPart }> {
    const values = await repo.latestOfDataset(datasetId);
    let part = kept.get(datasetId);
    if (!part || !sameSet(values.id, part)) {
      part = await build(datasetId);
      // The datastreams changed between the two reads: read the states again for the new set.
      if (!sameSet(values.id, part)) return { values: await repo.latestOfDataset(datasetId), part };
    } else if (now() - part.builtAt > STATIC_TTL_MS) refresh(datasetId);
    return { values, part };
  }

  /** The states, and the open investigation of each datastream as JSON text, by datastream id. */
  async function read(
    datasetId: string,
  ): Promise<{ values: LatestColumns; part: StaticPart; open: Map<number, string> }> {
    const { values, part } = await states(datasetId);
    const open = new Map<number, string>();
    if (part.ids.length === 0) return { values, part, open };
    for (const [id, found] of await investigations(part.ids)) {
      open.set(id, text({ report: found.report, url: found.url, since: found.since }));
    }
    return { values, part, open };
  }

  /**
   * `prefix`, then each datastream's entry (its kept head, fresh values and `close`), comma-separated, then
   * `suffix`, as UTF-8 bytes written once into one buffer. An entry whose values have not changed since the last
   * answer is copied from it. In the kept order: the states usually come in that order; otherwise each finds its
   * head by id, and a datastream missing from either side is left out.
   */
  function assemble(
    v: LatestColumns,
    part: StaticPart,
    open: Map<number, string>,
    format: 'json' | 'features',
    text: { prefix: string; close: string; suffix: string },
  ): Buffer {
    let pairs: (readonly [head: number, value: number])[];
    if (sameIds(v.id, part.ids)) pairs = v.id.map((_, i) => [i, i] as const);
    else {
      pairs = v.id
        .map((id, i) => [part.index.get(id), i] as const)
        .filter((p): p is [number, number] => p[0] !== undefined)
        .sort((x, y) => x[0] - y[0]);
    }
    const heads = part[format];
    const last = part.entries[format];
    const pieces = new Array<Buffer>(pairs.length);
    let size =
      Buffer.byteLength(text.prefix) + Buffer.byteLength(text.suffix) + Math.max(0, pairs.length - 1);
    for (let k = 0; k < pairs.length; k++) {
      const [h, i] = pairs[k]!;
      const investigation = open.get(part.ids[h]!) ?? 'null';
      let piece = last.bytes[h];
      if (
        piece === undefined ||
        last.time[h] !== v.time[i] ||
        last.end[h] !== v.end[i] ||
        last.number[h] !== v.number[i] ||
        last.json[h] !== v.json[i] ||
        last.quality[h] !== v.quality[i] ||
        last.flag[h] !== v.flag[i] ||
        last.tests[h] !== v.tests[i] ||
        last.investigation[h] !== investigation
      ) {
        piece = Buffer.concat([heads[h]!, Buffer.from(values(v, i, investigation) + text.close)]);
        last.bytes[h] = piece;
        last.time[h] = v.time[i] ?? null;
        last.end[h] = v.end[i] ?? null;
        last.number[h] = v.number[i] ?? null;
        last.json[h] = v.json[i] ?? null;
        last.quality[h] = v.quality[i] ?? null;
        last.flag[h] = v.flag[i] ?? null;
        last.tests[h] = v.tests[i] ?? null;
        last.investigation[h] = investigation;
      }
      pieces[k] = piece;
      size += piece.length;
    }
    const out = Buffer.allocUnsafe(size);
    let at = out.write(text.prefix, 0);
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) out[at++] = 0x2c;
      at += pieces[k]!.copy(out, at);
    }
    out.write(text.suffix, at);
    return out;
  }

  return {
    /** `{"dataset":..,"datastreams":[..]}` as UTF-8 JSON. */
    async json(datasetId: string): Promise<Buffer> {
      const { values: v, part, open } = await read(datasetId);
      return assemble(v, part, open, 'json', {
        prefix: `{"dataset":${text(datasetId)},"datastreams":[`,
        close: '}',
        suffix: ']}',
      });
    },

    /** A FeatureCollection with one Feature per datastream, at its Thing's place, as UTF-8 GeoJSON. */
    async geojson(datasetId: string): Promise<Buffer> {
      const { values: v, part, open } = await read(datasetId);
      return assemble(v, part, open, 'features', {
        prefix: `{"type":"FeatureCollection","dataset":${text(datasetId)},"features":[`,
        // A Feature's values end its properties, then the Feature.
        close: '}}',
        suffix: ']}',
      });
    },

    /** Drops what is kept (all datasets, or one): for callers that edit Things, Locations or Datastreams. */
    forget(datasetId?: string): void {
      if (datasetId === undefined) kept.clear();
      else kept.delete(datasetId);
    },
  };
}

export type LatestReader = ReturnType<typeof latestReader>;
