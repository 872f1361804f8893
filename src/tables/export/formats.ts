/**
 * Full downloads as CSV (RFC 4180), JSON, NDJSON and GeoJSON. Each turns batches of rows into string chunks,
 * so memory stays flat whatever the size: one batch in flight at a time.
 */
import type { CellValue } from '../../db/dialect.js';
import { type Geometry } from '../import/geometry.js';
import { toWkt } from '../import/wkt.js';
import type { RowsExport } from '../tables.service.js';

export type DownloadFormat = 'csv' | 'json' | 'ndjson' | 'geojson';

export const MEDIA_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

const NEEDS_QUOTES = /[",\r\n]/;

function csvText(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvText(value);
}

/** Whether stored point GeoJSON has two coordinates (two commas in `{"type":"Point","coordinates":[x,y]}`). */
function isFlatPoint(text: string): boolean {
  let commas = 0;
  for (let i = text.indexOf('['); i < text.length; i++) if (text.charCodeAt(i) === 44) commas++;
  return commas === 1;
}

/** CSV with a header of field names; geometry as WKT; `bom` helps spreadsheets detect UTF-8. */
export async function* csvChunks(
  rows: RowsExport,
  options: { bom?: boolean } = {},
): AsyncIterable<string | Uint8Array> {
  const columns = rows.columns;
  const width = columns.length;
  const geometryIndex = columns.findIndex((c) => c.type === 'geometry');
  const pointsFromBbox = rows.withBbox && rows.geometryType === 'Point';
  yield (options.bom ? '\ufeff' : '') + columns.map((c) => csvText(c.field)).join(',') + '\r\n';
  const fromDatabase = rows.csvLines();
  if (fromDatabase) {
    yield* fromDatabase;
    return;
  }
  for await (const batch of rows.batches) {
    let chunk = '';
    for (const row of batch) {
      let line = '';
      for (let i = 0; i < width; i++) {
        if (i > 0) line += ',';
        const value = row[i] ?? null;
        if (i === geometryIndex && value !== null) {
          // A 2D point's bbox is the point itself: no need to parse its GeoJSON.
          line +=
            pointsFromBbox && isFlatPoint(value as string)
              ? `POINT (${row[width] as number} ${row[width + 1] as number})`
              : csvText(toWkt(JSON.parse(value as string) as Geometry));
        } else {
          line += csvCell(value);
        }
      }
      chunk += line + '\r\n';
    }
    yield chunk;
  }
}

function jsonObjectWriter(rows: RowsExport, skipGeometry: boolean) {
  const keys = rows.columns.map((c) => `${JSON.stringify(c.field)}:`);
  const geometryIndex = rows.columns.findIndex((c) => c.type === 'geometry');
  const width = rows.columns.length;
  return (row: CellValue[]): string => {
    let out = '{';
    let first = true;
    for (let i = 0; i < width; i++) {
      if (skipGeometry && i === geometryIndex) continue;
      const value = row[i] ?? null;
      if (!first) out += ',';
      first = false;
      // Geometry is stored as GeoJSON text and goes out as an object, not as a string.
      out +=
        keys[i] + (value === null ? 'null' : i === geometryIndex ? (value as string) : JSON.stringify(value));
    }
    return out + '}';
  };
}

/** A JSON array of row objects keyed by field name. */
export async function* jsonChunks(rows: RowsExport): AsyncIterable<string> {
  const object = jsonObjectWriter(rows, false);
  let first = true;
  yield '[';
  for await (const batch of rows.batches) {
    let chunk = '';
    for (const row of batch) {
      chunk += (first ? '\n' : ',\n') + object(row);
      first = false;
    }
    yield chunk;
  }
  yield '\n]\n';
}

/** One JSON object per line. */
export async function* ndjsonChunks(rows: RowsExport): AsyncIterable<string> {
  const object = jsonObjectWriter(rows, false);
  for await (const batch of rows.batches) {
    let chunk = '';
    for (const row of batch) chunk += object(row) + '\n';
    yield chunk;
  }
}

/** An RFC 7946 FeatureCollection; the licence travels as a foreign member. */
export async function* geojsonChunks(
  rows: RowsExport,
  meta: { name: string; license: string; attribution: string },
): AsyncIterable<string> {
  const properties = jsonObjectWriter(rows, true);
  const geometryIndex = rows.columns.findIndex((c) => c.type === 'geometry');
  const header = {
    type: 'FeatureCollection',
    name: meta.name,
    license: meta.license,
    ...(meta.attribution && { attribution: meta.attribution }),
  };
  yield `${JSON.stringify(header).slice(0, -1)},"features":[`;
  let first = true;
  for await (const batch of rows.batches) {
    let chunk = '';
    for (const row of batch) {
      const geometry = (row[geometryIndex] as string | null) ?? 'null';
      chunk += `${first ? '\n' : ',\n'}{"type":"Feature","properties":${properties(row)},"geometry":${geometry}}`;
      first = false;
    }
    yield chunk;
  }
  yield '\n]}\n';
}
