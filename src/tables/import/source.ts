/**
 * One shape for every source format: rows of cell text aligned with a header, plus the GeoJSON geometry
 * when the source has one. CSV cells are text already; GeoJSON property values are turned into text
 * losslessly (numbers and booleans as written, objects as JSON) so that one inference serves all formats.
 */
import { extname } from 'node:path';
import { readCsv } from './csv-reader.js';
import { readGeoJson, readNdGeoJson } from './geojson-reader.js';
import { ImportError, type RowProblem } from './import-errors.js';
import type { ImportFormat } from './import.types.js';

export interface SourceRow {
  line: number;
  /** Cell text aligned with the header (the same shape as a CSV record, so CSV rows pass through as they are). */
  cells: (string | null)[];
  /** GeoJSON sources: the feature's geometry as parsed (null when the feature has none). */
  geometry?: unknown;
}

export interface Source {
  /** Source column names; for GeoJSON it grows while reading as new property names appear. */
  header(): Promise<string[]>;
  /** Rows in batches (one per chunk read): iterating a batch is synchronous, which keeps the hot loop cheap. */
  batches: AsyncIterable<(SourceRow | RowProblem)[]>;
  hasGeometry: boolean;
}

export function isProblem(item: SourceRow | RowProblem): item is RowProblem {
  return (item as RowProblem).code !== undefined;
}

/** Guesses the format from the file name; CSV when unknown. */
export function formatFromName(name: string): ImportFormat {
  switch (extname(name).toLowerCase()) {
    case '.geojson':
    case '.json':
      return 'geojson';
    case '.ndjson':
    case '.geojsonl':
    case '.geojsons':
    case '.jsonl':
      return 'ndjson';
    case '.csv':
    case '.txt':
    case '.tsv':
    default:
      return 'csv';
  }
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Opens a source. `knownHeader` fixes the GeoJSON property order found by an earlier pass, so that the second
 * pass yields values aligned with the same columns.
 */
export function openSource(
  format: ImportFormat,
  file: string,
  options: { encoding?: 'utf8' | 'latin1'; onBytes?: (n: number) => void; knownHeader?: string[] },
): Source {
  if (format === 'csv') {
    const csv = readCsv(file, { encoding: options.encoding, onBytes: options.onBytes });
    return {
      header: () => csv.header,
      hasGeometry: false,
      batches: csv.batches,
    };
  }
  if (options.encoding === 'latin1') {
    throw new ImportError(
      'import.format',
      'GeoJSON is always UTF-8 (RFC 7946); the latin1 encoding applies to CSV only.',
    );
  }
  const header = [...(options.knownHeader ?? [])];
  const index = new Map(header.map((name, i) => [name, i]));
  const features = format === 'geojson' ? readGeoJson(file, options) : readNdGeoJson(file, options);
  return {
    header: async () => header,
    hasGeometry: true,
    batches: (async function* () {
      let batch: (SourceRow | RowProblem)[] = [];
      for await (const feature of features) {
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
        if ('code' in feature) {
          batch.push(feature);
          continue;
        }
        const values: (string | null)[] = new Array(header.length).fill(null);
        for (const [key, value] of Object.entries(feature.properties ?? {})) {
          let i = index.get(key);
          if (i === undefined) {
            i = header.length;
            header.push(key);
            index.set(key, i);
          }
          values[i] = cellText(value);
        }
        batch.push({ line: feature.line, cells: values, geometry: feature.geometry });
      }
      if (batch.length > 0) yield batch;
    })(),
  };
}
