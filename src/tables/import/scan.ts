/**
 * Pass one of an import: read the whole file once, without writing, to learn its columns and types, find its
 * geometry, and list every bad row. Nothing is stored until this pass has accepted the file.
 */
import { safeFieldNames, type FieldName } from './field-names.js';
import { detectLatLonColumns, isWkt, parseWkt, validateGeometry, type Bbox } from './geometry.js';
import { ImportError, type RowProblem } from './import-errors.js';
import { converter, TypeInference, type ValueType } from './infer.js';
import { isProblem, type Source } from './source.js';

/** Where the geometry of a row comes from. */
export type GeometrySource =
  { kind: 'latlon'; lat: number; lon: number } | { kind: 'wkt'; column: number } | { kind: 'geojson' } | null;

export interface ScanResult {
  header: string[];
  fields: FieldName[];
  /** Final value type per source column (geometry columns excluded by `geometry`). */
  types: ValueType[];
  geometry: GeometrySource;
  geometryTypes: Set<string>;
  extent: Bbox | null;
  rows: number;
  /** Records the reader could not read at all (ragged rows, bad JSON lines). */
  unreadable: number;
  problemCount: number;
  problems: RowProblem[];
  badLines: Set<number>;
  warnings: RowProblem[];
}

export interface ScanOptions {
  /** Types fixed in advance, by source column index: overrides, or the live schema for append and upsert. */
  fixedTypes:
    Map<number, ValueType | 'geometry'> | ((header: string[]) => Map<number, ValueType | 'geometry'>);
  timeZone: string;
  maxProblems?: number;
  onRow?: (rows: number) => void;
}

/** A column that may hold WKT: checked while scanning, adopted at the end if every value was WKT. */
interface WktCandidate {
  possible: boolean;
  seen: number;
  geometryTypes: Set<string>;
  extent: Bbox | null;
  problems: RowProblem[];
  badLines: number[];
}

function unionBbox(a: Bbox | null, b: Bbox): Bbox {
  if (!a) return [...b];
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export async function scan(source: Source, options: ScanOptions): Promise<ScanResult> {
  const maxProblems = options.maxProblems ?? 1000;
  const problems: RowProblem[] = [];
  const badLines = new Set<number>();
  let problemCount = 0;
  const report = (problem: RowProblem) => {
    problemCount++;
    badLines.add(problem.line);
    if (problems.length < maxProblems) problems.push(problem);
  };

  let header = await source.header();
  let fixed = typeof options.fixedTypes === 'function' ? options.fixedTypes(header) : options.fixedTypes;
  const inference: TypeInference[] = [];
  const wkt: WktCandidate[] = [];
  const fixedConverters = new Map<number, ReturnType<typeof converter>>();
  const refreshFixed = () => {
    fixedConverters.clear();
    for (const [i, type] of fixed) {
      if (type !== 'geometry') fixedConverters.set(i, converter(type, { timeZone: options.timeZone }));
    }
  };
  refreshFixed();

  const latLon = source.hasGeometry ? null : detectLatLonColumns(header);
  const toNumber = converter('number', { timeZone: options.timeZone });
  const geometryTypes = new Set<string>();
  let extent: Bbox | null = null;
  let rows = 0;
  let unreadable = 0;

  for await (const item of source.rows) {
    if (isProblem(item)) {
      unreadable++;
      report(item);
      continue;
    }
    rows++;
    if (source.hasGeometry && item.values.length > inference.length) {
      // GeoJSON: new property names appeared; their fixed types may now apply.
      header = await source.header();
      if (typeof options.fixedTypes === 'function') {
        fixed = options.fixedTypes(header);
        refreshFixed();
      }
    }
    const values = item.values;
    let rowBad = false;
    for (let i = 0; i < values.length; i++) {
      let inf = inference[i];
      if (!inf) {
        // A property first seen late was null in every earlier row.
        inf = inference[i] = new TypeInference();
        for (let r = 1; r < rows; r++) inf.observe('');
        wkt[i] = {
          possible: !source.hasGeometry,
          seen: 0,
          geometryTypes: new Set(),
          extent: null,
          problems: [],
          badLines: [],
        };
      }
      const value = values[i] ?? '';
      if (value.indexOf('\u0000') !== -1) {
        report({
          line: item.line,
          column: header[i],
          code: 'import.invalid_value',
          message: `The value contains a NUL character (byte 0x00), which no database column can hold; remove it.`,
        });
        rowBad = true;
        continue;
      }
      const fixedConverter = fixedConverters.get(i);
      if (fixedConverter) {
        const converted = fixedConverter(value);
        if (!converted.ok) {
          report({
            line: item.line,
            column: header[i],
            code: 'import.invalid_value',
            message: converted.message,
          });
          rowBad = true;
        }
        continue;
      }
      inf.observe(value);
      const candidate = wkt[i];
      if (candidate?.possible && value !== '') checkWkt(candidate, value, item.line, header[i]);
    }
    if (rowBad) continue;

    if (source.hasGeometry) {
      if (item.geometry === null || item.geometry === undefined) {
        report({
          line: item.line,
          code: 'import.missing_geometry',
          message: `The feature on line ${item.line} has no geometry; give it one, or import with bad rows skipped.`,
        });
        continue;
      }
      const checked = validateGeometry(item.geometry);
      if (!checked.ok) {
        report({ line: item.line, code: 'import.invalid_geometry', message: checked.message });
        continue;
      }
      geometryTypes.add(checked.geometry.type);
      extent = unionBbox(extent, checked.bbox);
    } else if (latLon) {
      const lat = values[latLon.lat] ?? '';
      const lon = values[latLon.lon] ?? '';
      if (lat === '' && lon === '') continue;
      const y = toNumber(lat);
      const x = toNumber(lon);
      const checked =
        y.ok && x.ok && typeof y.value === 'number' && typeof x.value === 'number'
          ? validateGeometry({ type: 'Point', coordinates: [x.value, y.value] })
          : { ok: false as const, message: `latitude "${lat}" and longitude "${lon}" do not make a point` };
      if (!checked.ok) {
        report({
          line: item.line,
          column: header[latLon.lat],
          code: 'import.invalid_geometry',
          message: checked.message,
        });
        continue;
      }
      geometryTypes.add('Point');
      extent = unionBbox(extent, checked.bbox);
    }
    if (rows % 10_000 === 0) options.onRow?.(rows);
  }
  options.onRow?.(rows);

  header = await source.header();
  if (rows === 0 && problemCount === 0) {
    throw new ImportError(
      'import.no_rows',
      source.hasGeometry
        ? 'The file has no features; add features, or check that the right file was sent.'
        : 'The file has a header but no data rows; add rows, or check that the right file was sent.',
    );
  }
  // A geometry-only layer is fine: its geometry is its column.
  if (header.length === 0 && !source.hasGeometry)
    throw new ImportError('import.no_rows', 'The file has no columns.');
  while (inference.length < header.length) inference.push(new TypeInference());

  const extraNames = source.hasGeometry ? ['geometry'] : latLon ? ['location'] : [];
  const named = safeFieldNames([...header, ...extraNames]);
  const types: ValueType[] = header.map((_h, i) => {
    const f = fixed.get(i);
    return f && f !== 'geometry' ? f : (inference[i]?.type ?? 'text');
  });

  // A text column whose every value is WKT is a geometry; the first one wins.
  let geometry: GeometrySource = source.hasGeometry
    ? { kind: 'geojson' }
    : latLon
      ? { kind: 'latlon', ...latLon }
      : null;
  if (!geometry) {
    const column = wkt.findIndex((c, i) => c.possible && c.seen > 0 && types[i] === 'text');
    const candidate = wkt[column];
    if (candidate) {
      geometry = { kind: 'wkt', column };
      for (const problem of candidate.problems) report(problem);
      problemCount += candidate.badLines.length - candidate.problems.length;
      for (const line of candidate.badLines) badLines.add(line);
      for (const type of candidate.geometryTypes) geometryTypes.add(type);
      extent = candidate.extent;
    }
  }

  return {
    header,
    fields: named.fields,
    types,
    geometry,
    geometryTypes,
    extent,
    rows,
    unreadable,
    problemCount,
    problems,
    badLines,
    warnings: named.problems,
  };
}

function checkWkt(candidate: WktCandidate, value: string, line: number, column: string | undefined): void {
  if (!isWkt(value)) {
    candidate.possible = false;
    candidate.problems = [];
    candidate.badLines = [];
    return;
  }
  candidate.seen++;
  let message: string;
  try {
    const checked = validateGeometry(parseWkt(value));
    if (checked.ok) {
      candidate.geometryTypes.add(checked.geometry.type);
      candidate.extent = unionBbox(candidate.extent, checked.bbox);
      return;
    }
    message = checked.message;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  candidate.badLines.push(line);
  if (candidate.problems.length < 1000)
    candidate.problems.push({ line, column, code: 'import.invalid_geometry', message });
}
