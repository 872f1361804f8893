/**
 * Streaming GeoJSON readers. A FeatureCollection is scanned incrementally (string, escape and nesting state
 * are tracked by hand) so that only one feature at a time is held in memory and handed to `JSON.parse`; the
 * file as a whole never is. A single Feature or a bare Geometry at the top level is read as one feature.
 * Newline-delimited GeoJSON (one Feature or Geometry per line, also RFC 8142 sequences) is read line by line.
 *
 * Whole-file problems throw `ImportError`; a feature that is valid JSON but not a Feature is yielded as a
 * `RowProblem`. A feature without geometry (missing or null) is yielded with `geometry: null`: the caller
 * decides. Geometry is yielded as parsed; validate it with `validateGeometry`.
 */
import { decodeFile } from './decode.js';
import { ImportError } from './import-errors.js';
import type { RowProblem } from './import-errors.js';

export interface FeatureRecord {
  /** The 1-based line where the feature starts. */
  line: number;
  properties: Record<string, unknown>;
  /** As parsed, may be null. */
  geometry: unknown;
  /** The feature's `id` member, when it has one. */
  id?: string | number;
}

export interface GeoJsonReadOptions {
  onBytes?: (bytesRead: number) => void;
  /** Bytes per read (default 256 KiB). */
  chunkSize?: number;
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const LF = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const BEFORE = 0;
const INSIDE = 1;
const AFTER = 2;

/** One feature (or line) this long is not a feature but a broken file: stop before memory runs out. */
const MAX_ITEM_CHARS = 256 * 1024 * 1024;

/** Turns a parsed value into a feature record, or a problem saying why it is not a Feature. */
export function featureFromJson(
  value: unknown,
  line: number,
  acceptGeometry: boolean,
  where: string,
): FeatureRecord | RowProblem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return notAFeature(line, `${where} is ${describe(value)}, not a GeoJSON Feature object.`);
  }
  const object = value as Record<string, unknown>;
  const type = object.type;
  if (type === 'Feature') {
    const properties = object.properties;
    if (properties != null && (typeof properties !== 'object' || Array.isArray(properties))) {
      return notAFeature(
        line,
        `${where} has "properties" that is ${describe(properties)}; it must be an object.`,
      );
    }
    const record: FeatureRecord = {
      line,
      properties: (properties ?? {}) as Record<string, unknown>,
      geometry: object.geometry ?? null,
    };
    const id = object.id;
    if (typeof id === 'string' || typeof id === 'number') record.id = id;
    return record;
  }
  if (acceptGeometry && typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    return { line, properties: {}, geometry: object };
  }
  return notAFeature(
    line,
    typeof type === 'string'
      ? `${where} has type "${type}"; expected "Feature"${acceptGeometry ? ' or a geometry type' : ''}.`
      : `${where} has no "type" member; a GeoJSON Feature looks like {"type": "Feature", "geometry": ..., "properties": {...}}.`,
  );
}

function notAFeature(line: number, message: string): RowProblem {
  return { line, code: 'import.not_geojson', message };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function invalidJson(line: number, message: string): ImportError {
  return new ImportError('import.invalid_json', message, line);
}

/**
 * The incremental scanner. It copies the top-level object's text except the elements of its `features`
 * array, which it hands to `onFeature` one by one with their starting line.
 */
export class GeoJsonScanner {
  line = 1;
  private phase = BEFORE;
  private depth = 0;
  private inString = false;
  private escape = false;
  // Top-level text outside the features array.
  private topParts: string[] = [];
  private topStart = -1;
  private topLine = 1;
  // Depth-1 strings (member names and string values of the top-level object).
  private stringParts: string[] = [];
  private stringStart = -1;
  private lastKey: string | null = null;
  private expectValue = false;
  private topType: string | null = null;
  // The features array and the element being read.
  private inFeatures = false;
  private featuresSeen = false;
  private elementActive = false;
  private elementScalar = false;
  private elementStart = 0;
  private elementParts: string[] = [];
  private elementLength = 0;
  private elementLine = 0;

  constructor(private readonly onFeature: (text: string, line: number) => void) {}

  feed(text: string): void {
    const n = text.length;
    let line = this.line;
    let depth = this.depth;
    let inString = this.inString;
    let escape = this.escape;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 1 && this.stringStart >= 0) this.endTopString(text, i);
        } else if (c === LF) line++;
        continue;
      }
      if (c === LF) {
        line++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) continue;
      if (this.phase !== INSIDE) {
        if (this.phase === AFTER) {
          throw invalidJson(line, `Line ${line} has text after the end of the GeoJSON object; remove it.`);
        }
        if (c !== OPEN_BRACE) {
          throw new ImportError(
            'import.not_geojson',
            c === OPEN_BRACKET
              ? 'The file is a JSON array, not GeoJSON; wrap the features in {"type": "FeatureCollection", "features": [...]}.'
              : 'The file does not start with a JSON object, so it is not GeoJSON; check that the right file was chosen.',
            line,
          );
        }
        this.phase = INSIDE;
        this.topStart = i;
        this.topLine = line;
        depth = 1;
        continue;
      }
      if (this.inFeatures && depth === 2 && !this.elementActive && c !== COMMA && c !== CLOSE_BRACKET) {
        this.elementActive = true;
        this.elementScalar = c !== OPEN_BRACE && c !== OPEN_BRACKET;
        this.elementStart = i;
        this.elementLine = line;
      }
      switch (c) {
        case QUOTE:
          inString = true;
          if (depth === 1) {
            this.stringStart = i;
            this.stringParts.length = 0;
          }
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (depth === 1) {
            if (
              c === OPEN_BRACKET &&
              this.expectValue &&
              this.lastKey === 'features' &&
              (this.topType === null || this.topType === 'FeatureCollection')
            ) {
              this.topParts.push(text.slice(this.topStart, i + 1));
              this.topStart = -1;
              this.inFeatures = true;
              this.featuresSeen = true;
            }
            this.expectValue = false;
          }
          depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          depth--;
          if (this.inFeatures) {
            if (depth === 2 && this.elementActive && !this.elementScalar) {
              this.endElement(text, i + 1);
            } else if (depth === 1) {
              if (this.elementActive) this.endElement(text, i);
              this.inFeatures = false;
              this.topStart = i;
            }
          } else if (depth === 0) {
            this.topParts.push(text.slice(this.topStart, i + 1));
            this.topStart = -1;
            this.phase = AFTER;
          } else if (depth < 0) {
            throw invalidJson(line, `Line ${line} closes a bracket that was never opened; check the JSON.`);
          }
          break;
        case COMMA:
          if (depth === 1) this.expectValue = false;
          else if (depth === 2 && this.inFeatures && this.elementActive) this.endElement(text, i);
          break;
        case COLON:
          if (depth === 1) this.expectValue = true;
          break;
        default:
          if (depth === 1) this.expectValue = false;
      }
    }
    this.line = line;
    this.depth = depth;
    this.inString = inString;
    this.escape = escape;
    // Carry the open pieces over to the next text.
    if (this.topStart >= 0) {
      this.topParts.push(text.slice(this.topStart));
      this.topStart = 0;
    }
    if (this.stringStart >= 0 && inString && depth === 1) {
      this.stringParts.push(text.slice(this.stringStart));
      this.stringStart = 0;
    }
    if (this.elementActive) {
      const piece = text.slice(this.elementStart);
      this.elementParts.push(piece);
      this.elementLength += piece.length;
      this.elementStart = 0;
      if (this.elementLength > MAX_ITEM_CHARS) {
        throw invalidJson(
          this.elementLine,
          `The feature starting on line ${this.elementLine} is larger than ${MAX_ITEM_CHARS / 1024 / 1024} MiB; ` +
            'check for a missing } or ], or split the geometry.',
        );
      }
    }
  }

  /** Ends the input and returns the top-level object with its `features` array emptied. */
  end(): { top: Record<string, unknown>; line: number; featuresSeen: boolean } {
    if (this.phase === BEFORE) {
      throw new ImportError(
        'import.empty_file',
        'The file is empty; export the layer again as GeoJSON with at least one feature.',
      );
    }
    if (this.phase === INSIDE) {
      throw invalidJson(
        this.line,
        `The file ends on line ${this.line} inside ${this.inString ? 'a string' : 'an object or array'}; ` +
          'it is truncated or misses a closing } or ]. Export it again.',
      );
    }
    let top: unknown;
    try {
      top = JSON.parse(this.topParts.join(''));
    } catch (error) {
      throw invalidJson(
        this.topLine,
        `The GeoJSON object starting on line ${this.topLine} is not valid JSON (${(error as Error).message}); ` +
          'check for a missing comma or quote, or export it again.',
      );
    }
    return { top: top as Record<string, unknown>, line: this.topLine, featuresSeen: this.featuresSeen };
  }

  private endTopString(text: string, quoteAt: number): void {
    this.stringParts.push(text.slice(this.stringStart, quoteAt + 1));
    this.stringStart = -1;
    const raw = this.stringParts.join('');
    this.stringParts.length = 0;
    let value: string;
    try {
      value = JSON.parse(raw) as string;
    } catch {
      throw invalidJson(this.line, `Line ${this.line} has an invalid JSON string ${raw.slice(0, 40)}.`);
    }
    if (!this.expectValue) {
      this.lastKey = value;
      return;
    }
    this.expectValue = false;
    if (this.lastKey !== 'type') return;
    this.topType = value;
    if (value !== 'FeatureCollection' && value !== 'Feature' && !GEOMETRY_TYPES.has(value)) {
      throw new ImportError(
        'import.not_geojson',
        value === 'Topology'
          ? 'The file is TopoJSON, not GeoJSON; convert it to GeoJSON first (for example with topo2geo).'
          : `The file's top-level "type" is "${value}"; GeoJSON needs "FeatureCollection", "Feature" or a geometry type.`,
        this.line,
      );
    }
  }

  private endElement(text: string, end: number): void {
    let body = text.slice(this.elementStart, end);
    if (this.elementParts.length > 0) {
      this.elementParts.push(body);
      body = this.elementParts.join('');
      this.elementParts = [];
    }
    this.elementActive = false;
    this.elementLength = 0;
    this.onFeature(body, this.elementLine);
  }
}

/** Streams the features of a GeoJSON file (FeatureCollection, single Feature or bare Geometry). */
export async function* readGeoJson(
  path: string,
  options: GeoJsonReadOptions = {},
): AsyncGenerator<FeatureRecord | RowProblem, void, undefined> {
  let out: (FeatureRecord | RowProblem)[] = [];
  let index = 0;
  const scanner = new GeoJsonScanner((text, line) => {
    index++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw invalidJson(
        line,
        `Feature ${index} (line ${line}) is not valid JSON (${(error as Error).message}); ` +
          'check for a missing comma, quote or bracket.',
      );
    }
    out.push(featureFromJson(value, line, false, `Feature ${index} (line ${line})`));
  });
  for await (const text of decodeFile(path, options, () => scanner.line)) {
    scanner.feed(text);
    if (out.length > 0) {
      const batch = out;
      out = [];
      yield* batch;
    }
  }
  const { top, line, featuresSeen } = scanner.end();
  yield* out;
  const type = top.type;
  if (type === 'FeatureCollection') {
    if (!featuresSeen) {
      throw new ImportError(
        'import.not_geojson',
        'The FeatureCollection has no "features" array; add "features": [...] with the features.',
        line,
      );
    }
    return;
  }
  if (featuresSeen) {
    throw new ImportError(
      'import.not_geojson',
      `The file has a "features" array but its top-level "type" is ${JSON.stringify(type ?? null)}; ` +
        'set "type": "FeatureCollection".',
      line,
    );
  }
  if (typeof type !== 'string') {
    throw new ImportError(
      'import.not_geojson',
      'The file is JSON but not GeoJSON: its top-level object has no "type"; ' +
        'GeoJSON is a FeatureCollection, a Feature or a geometry.',
      line,
    );
  }
  yield featureFromJson(top, line, true, `The ${type} on line ${line}`);
}

/** Streams newline-delimited GeoJSON: one Feature or Geometry per line, blank lines skipped. */
export async function* readNdGeoJson(
  path: string,
  options: GeoJsonReadOptions = {},
): AsyncGenerator<FeatureRecord | RowProblem, void, undefined> {
  let line = 1;
  let carry = '';
  let any = false;
  const out: (FeatureRecord | RowProblem)[] = [];

  const handle = (raw: string, at: number): void => {
    let text = raw;
    // RFC 8142 text sequences start each record with a record separator.
    if (text.charCodeAt(0) === 0x1e) text = text.slice(1);
    if (text.trim() === '') return;
    any = true;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      out.push({
        line: at,
        code: 'import.invalid_json',
        message: `Line ${at} is not valid JSON (${(error as Error).message}); each line must hold one complete Feature.`,
      });
      return;
    }
    out.push(featureFromJson(value, at, true, `Line ${at}`));
  };

  for await (const text of decodeFile(path, options, () => line)) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      const piece = text.slice(start, nl);
      handle(carry === '' ? piece : carry + piece, line);
      carry = '';
      line++;
      start = nl + 1;
    }
    if (start < text.length) {
      carry += text.slice(start);
      if (carry.length > MAX_ITEM_CHARS) {
        throw new ImportError(
          'import.format',
          `Line ${line} is longer than ${MAX_ITEM_CHARS / 1024 / 1024} MiB; newline-delimited GeoJSON needs one feature per line.`,
          line,
        );
      }
    }
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
  }
  if (carry !== '') handle(carry, line);
  if (!any) {
    throw new ImportError(
      'import.empty_file',
      'The file is empty; newline-delimited GeoJSON needs one Feature per line.',
    );
  }
  yield* out;
}
