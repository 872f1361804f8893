/**
 * How the columns of a file map onto the columns of a dataset table: a new schema for a replace import,
 * the live schema for append and upsert.
 */
import type { Column } from '../../catalog/catalog.schema.js';
import type { PhysicalColumn, StorageType } from '../../db/dialect.js';
import { BBOX_COLUMNS } from '../data-table.repo.js';
import { safeFieldNames } from './field-names.js';
import { ImportError } from './import-errors.js';
import type { ValueType } from './infer.js';
import type { ScanResult } from './scan.js';

type Fixed = Map<number, ValueType | 'geometry'>;

export interface ImportLayout {
  /** The dataset's columns as the catalog shows them, in table order. */
  columns: Column[];
  /** Typed columns of the table, without the row id and bbox columns. */
  physical: PhysicalColumn[];
  /** Columns the writer fills, in row order: `physical`, then the bbox columns when there is geometry. */
  writeColumns: PhysicalColumn[];
  /** For each source column, its index in `physical`, or -1 when it feeds no column. */
  sourceToColumn: number[];
  /** For each source column, the type its values are converted to. */
  valueTypes: (ValueType | 'geometry')[];
  /** Index in `physical` of the geometry column, or null. */
  geometryIndex: number | null;
  geometryType: string | null;
  /** Resolves a key given by field name or display name to the field name. */
  keyField(name: string): string;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;

function findColumn(columns: Column[], name: string): Column | undefined {
  return (
    columns.find((c) => c.field === name) ??
    columns.find((c) => sameName(c.name, name) || sameName(c.field, name))
  );
}

/**
 * Fixed types from `--types` overrides, matched by header or safe field name. GeoJSON property names appear
 * while reading, so the scan matches leniently and the full header is checked strictly at the end.
 */
export function overrideFixedTypes(
  header: string[],
  overrides: Record<string, ValueType | 'geometry'>,
  strict = true,
): Fixed {
  const fields = safeFieldNames(header).fields;
  const fixed: Fixed = new Map();
  for (const [name, type] of Object.entries(overrides)) {
    const index = fields.findIndex(
      (f) => f.field === name || sameName(f.name, name) || sameName(f.field, name),
    );
    if (index < 0) {
      if (!strict) continue;
      throw new ImportError(
        'import.unknown_column',
        `The type override names "${name}", which is not a column of the file (columns: ${fields.map((f) => f.field).join(', ')}).`,
        1,
        name,
      );
    }
    fixed.set(index, type);
  }
  return fixed;
}

/** Fixed types from the live schema: every column of the file must already exist. */
export function liveFixedTypes(header: string[], live: Column[]): Fixed {
  const fields = safeFieldNames(header).fields;
  const fixed: Fixed = new Map();
  fields.forEach((f, i) => {
    const column = findColumn(live, f.field) ?? findColumn(live, f.name);
    if (!column) {
      throw new ImportError(
        'import.unknown_column',
        `Column "${f.name}" is not in the dataset (its columns: ${live.map((c) => c.field).join(', ')}); rename it, drop it, or replace the data.`,
        1,
        f.name,
      );
    }
    fixed.set(i, column.type as ValueType | 'geometry');
  });
  return fixed;
}

function summarizeGeometryTypes(types: Set<string>): string | null {
  if (types.size === 0) return null;
  if (types.size === 1) return [...types][0] ?? null;
  const only = (...allowed: string[]) => [...types].every((t) => allowed.includes(t));
  if (only('Polygon', 'MultiPolygon')) return 'MultiPolygon';
  if (only('LineString', 'MultiLineString')) return 'MultiLineString';
  if (only('Point', 'MultiPoint')) return 'MultiPoint';
  return 'Geometry';
}

/**
 * Lays out the table. With `live` null it is a new schema (replace); otherwise rows go into the live schema.
 * `previous` keeps descriptions and units of columns that survive a replace.
 */
export function buildPhysicalColumns(
  scanned: ScanResult,
  live: Column[] | null,
  previous: Column[],
): ImportLayout {
  const geometry = scanned.geometry;
  const extraGeometry = geometry?.kind === 'latlon' || geometry?.kind === 'geojson';
  const geometryType = summarizeGeometryTypes(scanned.geometryTypes) ?? (geometry ? 'Point' : null);

  let columns: Column[];
  let sourceToColumn: number[];
  let valueTypes: (ValueType | 'geometry')[];
  if (live === null) {
    columns = scanned.header.map((_h, i) => {
      const field = scanned.fields[i] ?? { field: `column_${i + 1}`, name: `column_${i + 1}` };
      const type =
        geometry?.kind === 'wkt' && geometry.column === i ? 'geometry' : (scanned.types[i] ?? 'text');
      const before = previous.find((c) => c.field === field.field);
      return {
        field: field.field,
        name: field.name,
        type,
        description: before?.description ?? '',
        unit: before?.unit ?? null,
      };
    });
    if (extraGeometry) {
      const field = scanned.fields[scanned.header.length] ?? { field: 'geometry', name: 'geometry' };
      const before = previous.find((c) => c.field === field.field);
      columns.push({
        field: field.field,
        name: geometry.kind === 'latlon' ? 'Location' : 'Geometry',
        type: 'geometry',
        description:
          before?.description ??
          (geometry.kind === 'latlon' ? 'Point built from the latitude and longitude columns.' : ''),
        unit: null,
      });
    }
    sourceToColumn = scanned.header.map((_h, i) => i);
    valueTypes = columns.slice(0, scanned.header.length).map((c) => c.type as ValueType | 'geometry');
  } else {
    columns = live;
    sourceToColumn = scanned.header.map((_h, i) => {
      const f = scanned.fields[i];
      const column = f ? (findColumn(live, f.field) ?? findColumn(live, f.name)) : undefined;
      return column ? live.indexOf(column) : -1;
    });
    valueTypes = sourceToColumn.map((c) => (c >= 0 ? (live[c]?.type as ValueType | 'geometry') : 'text'));
  }

  const physical: PhysicalColumn[] = columns.map((c) => ({ name: c.field, type: c.type as StorageType }));
  const geometryIndex = physical.findIndex((c) => c.type === 'geometry');
  if (live !== null && geometry && geometryIndex < 0) {
    throw new ImportError(
      'import.unknown_column',
      'The file has geometry but the dataset has no geometry column; replace the data to add one.',
    );
  }
  const hasGeometry = geometryIndex >= 0;
  const writeColumns = hasGeometry
    ? [...physical, ...BBOX_COLUMNS.map((name) => ({ name, type: 'number' as const }))]
    : physical;

  return {
    columns,
    physical,
    writeColumns,
    sourceToColumn,
    valueTypes,
    geometryIndex: hasGeometry ? geometryIndex : null,
    geometryType: hasGeometry ? geometryType : null,
    keyField(name: string): string {
      const column = findColumn(columns, name);
      if (!column || column.type === 'geometry') {
        throw new ImportError(
          'import.key_not_found',
          `No column "${name}" to use as the key; the dataset's columns are ${columns
            .filter((c) => c.type !== 'geometry')
            .map((c) => c.field)
            .join(', ')}.`,
        );
      }
      return column.field;
    },
  };
}
