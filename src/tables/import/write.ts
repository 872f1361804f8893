/** Pass two of an import: convert every good row and hand it to the table writer. */
import type { BulkWriter, CellValue } from '../../db/dialect.js';
import { parseWkt, validateGeometry, type Bbox, type Geometry } from './geometry.js';
import { converter, type ValueType } from './infer.js';
import type { ImportLayout } from './layout.js';
import type { ScanResult } from './scan.js';
import { isProblem, type Source } from './source.js';

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

/** Writes the rows the scan accepted; returns how many were written. */
export async function writeRows(
  source: Source,
  scanned: ScanResult,
  layout: ImportLayout,
  writer: BulkWriter,
  timeZone: string,
  onRows: (rows: number) => void,
): Promise<number> {
  const width = layout.writeColumns.length;
  const bboxStart = layout.physical.length;
  const geometryIndex = layout.geometryIndex;
  const geometry = scanned.geometry;
  const converters = layout.valueTypes.map((type) =>
    type === 'geometry' ? null : converter(type as ValueType, { timeZone }),
  );
  const toNumber = converter('number', { timeZone });
  const wktColumn = geometry?.kind === 'wkt' ? geometry.column : -1;
  const bad = scanned.badLines;
  let written = 0;

  const setGeometry = (row: CellValue[], text: string, bbox: Bbox) => {
    if (geometryIndex === null) return;
    row[geometryIndex] = text;
    row[bboxStart] = bbox[0];
    row[bboxStart + 1] = bbox[1];
    row[bboxStart + 2] = bbox[2];
    row[bboxStart + 3] = bbox[3];
  };

  try {
    for await (const item of source.rows) {
      if (isProblem(item) || (bad.size > 0 && bad.has(item.line))) continue;
      const row: CellValue[] = new Array(width).fill(null);
      const values = item.values;
      for (let i = 0; i < values.length; i++) {
        const target = layout.sourceToColumn[i] ?? -1;
        if (target < 0) continue;
        const value = values[i] ?? '';
        if (i === wktColumn) {
          if (value === '') continue;
          const checked = validateGeometry(parseWkt(value));
          if (checked.ok) setGeometry(row, geometryText(checked.geometry), checked.bbox);
          continue;
        }
        const convert = converters[i];
        if (!convert) continue;
        const converted = convert(value);
        // The scan already refused rows whose values do not convert.
        row[target] = converted.ok ? converted.value : null;
      }
      if (geometry?.kind === 'latlon') {
        const y = toNumber(values[geometry.lat] ?? '');
        const x = toNumber(values[geometry.lon] ?? '');
        if (y.ok && x.ok && typeof x.value === 'number' && typeof y.value === 'number') {
          setGeometry(row, `{"type":"Point","coordinates":[${x.value},${y.value}]}`, [
            x.value,
            y.value,
            x.value,
            y.value,
          ]);
        }
      } else if (geometry?.kind === 'geojson') {
        const checked = validateGeometry(item.geometry);
        if (checked.ok) setGeometry(row, geometryText(checked.geometry), checked.bbox);
      }
      await writer.write(row);
      written++;
      if (written % 10_000 === 0) onRows(written);
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  onRows(written);
  return written;
}
