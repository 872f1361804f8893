/**
 * Pass one of an import: read the whole file once, without writing, to learn its columns and types, find its
 * geometry, and list every bad row. Nothing is stored until this pass has accepted the file.
 */
import { safeFieldNames, type FieldName } from './field-names.js';
import { detectLatLonColumns, validateGeometry, type Bbox } from './geometry.js';
import { isWkt, parseFlatPointWkt, parseWkt } from './wkt.js';
import { ImportError, type RowProblem } from './import-errors.js';
import { converter, TypeInference, type ValueType } from './infer.js';
import { isProblem, type Source, type SourceRow } from './source.js';

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
  /** Called with each row that passed its checks so far, in file order (for writing while scanning). */
  onAccepted?: (item: SourceRow) => void | Promise<void>;
  /** Stop after this many rows (to predict a layout from the start of a file). */
  maxRows?: number;
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
  /** A number, null for an empty or null-token cell, undefined for text that is not a number. */
  const readNumber = (text: string): number | null | undefined => {
    const converted = toNumber(text);
    return converted.ok ? (converted.value as number | null) : undefined;
  };
  const geometryTypes = new Set<string>();
  let extent: Bbox | null = null;
  let rows = 0;
  let unreadable = 0;

  reading: for await (const batch of source.batches)
    for (const item of batch) {
      if (options.maxRows !== undefined && rows >= options.maxRows) break reading;
      if (isProblem(item)) {
        unreadable++;
        report(item);
        continue;
      }
      rows++;
      if (source.hasGeometry && item.cells.length > inference.length) {
        // GeoJSON: new property names appeared; their fixed types may now apply.
        header = await source.header();
        if (typeof options.fixedTypes === 'function') {
          fixed = options.fixedTypes(header);
          refreshFixed();
        }
      }
      const values = item.cells;
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
        // Converters reuse their answer object: take each value before converting the next.
        const y = readNumber(values[latLon.lat] ?? '');
        const x = readNumber(values[latLon.lon] ?? '');
        // Both empty (or null tokens) is a row without a location, which is fine.
        const located = !(y === null && x === null);
        if (located) {
          const checked =
            typeof y === 'number' && typeof x === 'number'
              ? validateGeometry({ type: 'Point', coordinates: [x, y] })
              : {
                  ok: false as const,
                  message: `latitude "${values[latLon.lat] ?? ''}" and longitude "${values[latLon.lon] ?? ''}" do not make a point`,
                };
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
      }
      if (options.onAccepted) {
        const pending = options.onAccepted(item);
        if (pending) await pending;
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
  const point = parseFlatPointWkt(value);
  if (point && point[0] >= -180 && point[0] <= 180 && point[1] >= -90 && point[1] <= 90) {
    // The common case, without the general parser or a new bbox per row.
    candidate.geometryTypes.add('Point');
    const e = candidate.extent;
    if (!e) candidate.extent = [point[0], point[1], point[0], point[1]];
    else {
      if (point[0] < e[0]) e[0] = point[0];
      if (point[1] < e[1]) e[1] = point[1];
      if (point[0] > e[2]) e[2] = point[0];
      if (point[1] > e[3]) e[3] = point[1];
    }
    return;
  }
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
