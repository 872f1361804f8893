/** Turning accepted source rows into table rows, and pass two of an import. */
import type { BulkWriter, CellValue } from '../../db/dialect.js';
import { validateGeometry, type Bbox, type Geometry } from './geometry.js';
import { parseFlatPointWkt, parseWkt } from './wkt.js';
import { converter, type ValueType } from './infer.js';
import type { ImportLayout } from './layout.js';
import type { GeometrySource, ScanResult } from './scan.js';
import { isProblem, type Source, type SourceRow } from './source.js';

/** GeoJSON text of a geometry; points (most rows of most files) skip the generic serializer. */
export function geometryText(geometry: Geometry): string {
  if (geometry.type === 'Point') {
    const [x, y, z] = geometry.coordinates as number[];
    return z === undefined
      ? `{"type":"Point","coordinates":[${x},${y}]}`
      : `{"type":"Point","coordinates":[${x},${y},${z}]}`;
  }
  return JSON.stringify(geometry);
}

/**
 * A function from a source row to the table row of a layout: values converted, geometry as GeoJSON text with
 * its bbox. It answers null when a value does not fit its column (only possible when the layout was predicted
 * from part of the file). The row it returns is reused by the next call (bulk writers copy what they keep), which
 * spares the garbage collector a million short-lived arrays.
 */
export function rowConverter(
  geometry: GeometrySource,
  layout: ImportLayout,
  timeZone: string,
): (item: SourceRow) => CellValue[] | null {
  const width = layout.writeColumns.length;
  const bboxStart = layout.physical.length;
  const geometryIndex = layout.geometryIndex;
  const converters = layout.valueTypes.map((type) =>
    type === 'geometry' ? null : converter(type as ValueType, { timeZone }),
  );
  const toNumber = converter('number', { timeZone });
  const wktColumn = geometry?.kind === 'wkt' ? geometry.column : -1;

  const setGeometry = (row: CellValue[], text: string, bbox: Bbox) => {
    if (geometryIndex === null) return;
    row[geometryIndex] = text;
    row[bboxStart] = bbox[0];
    row[bboxStart + 1] = bbox[1];
    row[bboxStart + 2] = bbox[2];
    row[bboxStart + 3] = bbox[3];
  };

  const row: CellValue[] = new Array(width).fill(null);
  return (item) => {
    row.fill(null);
    const values = item.cells;
    for (let i = 0; i < values.length; i++) {
      const target = layout.sourceToColumn[i] ?? -1;
      if (target < 0) continue;
      const value = values[i] ?? '';
      if (i === wktColumn) {
        if (value === '') continue;
        const point = parseFlatPointWkt(value);
        if (point) {
          const [x, y] = point;
          if (x < -180 || x > 180 || y < -90 || y > 90) return null;
          setGeometry(row, `{"type":"Point","coordinates":[${x},${y}]}`, [x, y, x, y]);
          continue;
        }
        try {
          const checked = validateGeometry(parseWkt(value));
          if (!checked.ok) return null;
          setGeometry(row, geometryText(checked.geometry), checked.bbox);
        } catch {
          return null;
        }
        continue;
      }
      const convert = converters[i];
      if (!convert) continue;
      const converted = convert(value);
      if (!converted.ok) return null;
      row[target] = converted.value;
    }
    if (geometry?.kind === 'latlon') {
      // Converters reuse their answer object: take each value before converting the next.
      const yc = toNumber(values[geometry.lat] ?? '');
      const y = yc.ok ? yc.value : null;
      const xc = toNumber(values[geometry.lon] ?? '');
      const x = xc.ok ? xc.value : null;
      if (typeof x === 'number' && typeof y === 'number') {
        setGeometry(row, `{"type":"Point","coordinates":[${x},${y}]}`, [x, y, x, y]);
      }
    } else if (geometry?.kind === 'geojson') {
      const checked = validateGeometry(item.geometry);
      if (!checked.ok) return null;
      setGeometry(row, geometryText(checked.geometry), checked.bbox);
    }
    return row;
  };
}

/** Pass two: writes the rows the scan accepted; returns how many were written. */
export async function writeRows(
  source: Source,
  scanned: ScanResult,
  layout: ImportLayout,
  writer: BulkWriter,
  timeZone: string,
  onRows: (rows: number) => void,
): Promise<number> {
  const convert = rowConverter(scanned.geometry, layout, timeZone);
  const bad = scanned.badLines;
  let written = 0;
  try {
    for await (const batch of source.batches) {
      for (const item of batch) {
        if (isProblem(item) || (bad.size > 0 && bad.has(item.line))) continue;
        // The scan accepted this row, so every value converts.
        const row = convert(item);
        if (!row) continue;
        // Writers that buffer return nothing: awaiting them for every row would cost a microtask each.
        const pending = writer.write(row);
        if (pending) await pending;
        written++;
        if (written % 10_000 === 0) onRows(written);
      }
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  onRows(written);
  return written;
}
