/**
 * Query results as CSV (RFC 4180, header of column names, geometry as WKT) and as a GeoJSON FeatureCollection
 * (the first geometry column is the feature's geometry, the others its properties), built batch by batch.
 */
import type { Geometry } from '../../tables/import/geometry.js';
import { toWkt } from '../../tables/import/wkt.js';
import type { JsonValue } from '../decode.js';
import type { ResultColumn } from '../query.service.js';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvText(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV field. */
export function csvField(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return csvText(toWkt(value as unknown as Geometry));
  return csvText(value);
}

/** CSV with a header row; `lines` (printed by the database) are used as they come, else `batches` formatted. */
export async function* csvChunks(
  columns: ResultColumn[],
  batches: () => AsyncIterable<JsonValue[][]>,
  options: { bom?: boolean; lines?: AsyncIterable<Uint8Array> | null } = {},
): AsyncIterable<string | Uint8Array> {
  yield (options.bom ? '\ufeff' : '') + columns.map((c) => csvText(c.name)).join(',') + '\r\n';
  if (options.lines) {
    yield* options.lines;
    return;
  }
  for await (const batch of batches()) {
    let chunk = '';
    for (const row of batch) {
      let line = '';
      for (let i = 0; i < row.length; i++) line += (i > 0 ? ',' : '') + csvField(row[i]!);
      chunk += line + '\r\n';
    }
    yield chunk;
  }
}

/** Index of the column that carries each feature's geometry, or -1. */
export function geometryColumn(columns: ResultColumn[]): number {
  return columns.findIndex((c) => c.type === 'point' || c.type === 'geometry');
}

export async function* geojsonChunks(
  columns: ResultColumn[],
  batches: AsyncIterable<JsonValue[][]>,
  extra: Record<string, unknown> = {},
): AsyncIterable<string> {
  const g = geometryColumn(columns);
  const keys = columns.map((c) => JSON.stringify(c.name));
  const head = { type: 'FeatureCollection', ...extra };
  yield `${JSON.stringify(head).slice(0, -1)},"features":[`;
  let first = true;
  for await (const batch of batches) {
    let chunk = '';
    for (const row of batch) {
      let properties = '';
      for (let i = 0; i < row.length; i++) {
        if (i === g) continue;
        properties += `${properties ? ',' : ''}${keys[i]}:${JSON.stringify(row[i])}`;
      }
      chunk += `${first ? '' : ','}{"type":"Feature","geometry":${JSON.stringify(row[g] ?? null)},"properties":{${properties}}}`;
      first = false;
    }
    yield chunk;
  }
  yield ']}\n';
}
