/** Well-known text in and out: the geometry column of CSV files and downloads. */
import { ImportError } from './import-errors.js';
import type { Geometry } from './geometry.js';

type Position = number[];

const WKT_KEYWORDS = [
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
] as const;
type WktKeyword = (typeof WKT_KEYWORDS)[number];

const TYPE_OF: Record<WktKeyword, Geometry['type']> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** A quick test for inference: does the text start like WKT (`POINT (`, `SRID=4326;POLYGON`...)? */
export function isWkt(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const c = text.charCodeAt(i) | 32;
  // p, l, m, g, s
  if (c !== 112 && c !== 108 && c !== 109 && c !== 103 && c !== 115) return false;
  let head = text.slice(i, i + 40).toUpperCase();
  if (head.startsWith('SRID=')) {
    const semi = text.indexOf(';', i);
    if (semi < 0) return false;
    head = text
      .slice(semi + 1, semi + 41)
      .trimStart()
      .toUpperCase();
  }
  for (const keyword of WKT_KEYWORDS) {
    if (!head.startsWith(keyword)) continue;
    const next = head.charCodeAt(keyword.length);
    // '(', whitespace or Z must follow, so that a word like "POINTLESS" is not WKT
    if (next === 40 || next === 32 || next === 9 || next === 90) return true;
  }
  return false;
}

class WktParser {
  private i = 0;

  constructor(private readonly text: string) {}

  fail(message: string): never {
    const shown = this.text.length > 60 ? this.text.slice(0, 57) + '...' : this.text;
    throw new ImportError(
      'import.invalid_geometry',
      `Invalid WKT ${JSON.stringify(shown)}: ${message} (at character ${this.i + 1}).`,
    );
  }

  private skip(): void {
    const t = this.text;
    while (this.i < t.length && t.charCodeAt(this.i) <= 32) this.i++;
  }

  private peek(): number {
    this.skip();
    return this.text.charCodeAt(this.i);
  }

  private expect(code: number, what: string): void {
    if (this.peek() !== code) this.fail(`expected ${what}`);
    this.i++;
  }

  private word(): string {
    this.skip();
    const t = this.text;
    const start = this.i;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i) | 32;
      if (c < 97 || c > 122) break;
      this.i++;
    }
    return t.slice(start, this.i).toUpperCase();
  }

  parse(): Geometry {
    this.skip();
    if (this.text.slice(this.i, this.i + 5).toUpperCase() === 'SRID=') {
      const semi = this.text.indexOf(';', this.i);
      if (semi < 0) this.fail('SRID=... must be followed by ";"');
      const srid = this.text.slice(this.i + 5, semi).trim();
      if (srid !== '4326') {
        this.fail(`SRID ${srid} is not supported; reproject the data to WGS 84 (SRID 4326)`);
      }
      this.i = semi + 1;
    }
    const geometry = this.geometry(0);
    this.skip();
    if (this.i < this.text.length) this.fail('unexpected text after the geometry');
    return geometry;
  }

  private geometry(depth: number): Geometry {
    const keyword = this.word();
    if (!(WKT_KEYWORDS as readonly string[]).includes(keyword)) {
      this.fail(
        keyword === ''
          ? 'expected a geometry type such as POINT'
          : `unknown geometry type ${keyword}; use POINT, LINESTRING, POLYGON, their MULTI forms or GEOMETRYCOLLECTION`,
      );
    }
    const type = TYPE_OF[keyword as WktKeyword];
    const save = this.i;
    const modifier = this.word();
    if (modifier === 'Z') {
      // Positions carry their own third number.
    } else if (modifier === 'M' || modifier === 'ZM')
      this.fail(`${modifier} coordinates are not supported; drop the measure`);
    else if (modifier === 'EMPTY')
      this.fail(`${keyword} EMPTY has no coordinates; leave the cell blank instead`);
    else if (modifier !== '') this.fail(`unexpected word ${modifier}`);
    else this.i = save;
    if (this.word() === 'EMPTY')
      this.fail(`${keyword} EMPTY has no coordinates; leave the cell blank instead`);
    switch (type) {
      case 'Point':
        this.expect(40, '"("');
        return { type, coordinates: this.closeAfter(this.position()) };
      case 'LineString':
        return { type, coordinates: this.positionList() };
      case 'Polygon':
        return { type, coordinates: this.list(() => this.positionList()) };
      case 'MultiPoint':
        return { type, coordinates: this.multiPoint() };
      case 'MultiLineString':
        return { type, coordinates: this.list(() => this.positionList()) };
      case 'MultiPolygon':
        return { type, coordinates: this.list(() => this.list(() => this.positionList())) };
      case 'GeometryCollection': {
        if (depth > 8) this.fail('geometry collections are nested too deeply');
        return { type, geometries: this.list(() => this.geometry(depth + 1)) };
      }
    }
  }

  private closeAfter<T>(value: T): T {
    this.expect(41, '")"');
    return value;
  }

  private number(): number {
    this.skip();
    const t = this.text;
    const start = this.i;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      // digits, sign, dot, exponent
      if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69) this.i++;
      else break;
    }
    const value = start === this.i ? NaN : Number(t.slice(start, this.i));
    if (!Number.isFinite(value)) {
      this.i = start;
      this.fail('expected a number');
    }
    return value;
  }

  private position(): Position {
    const x = this.number();
    const y = this.number();
    if (!this.atNumber()) return [x, y];
    const z = this.number();
    if (this.atNumber()) this.fail('a position has 2 or 3 numbers');
    return [x, y, z];
  }

  private atNumber(): boolean {
    const c = this.peek();
    return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
  }

  private positionList(): Position[] {
    return this.list(() => this.position());
  }

  /** `(item, item, ...)` */
  private list<T>(item: () => T): T[] {
    this.expect(40, '"("');
    const items: T[] = [item()];
    while (this.peek() === 44) {
      this.i++;
      items.push(item());
    }
    this.expect(41, '")" or ","');
    return items;
  }

  /** MULTIPOINT accepts `(1 2, 3 4)` and `((1 2), (3 4))`. */
  private multiPoint(): Position[] {
    return this.list(() => {
      if (this.peek() === 40) {
        this.i++;
        return this.closeAfter(this.position());
      }
      return this.position();
    });
  }
}

const POINT_WKT = /^\s*POINT\s*\(\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s+(-?[\d.]+(?:[eE][-+]?\d+)?)\s*\)\s*$/i;
let lastPointText = '';
let lastPoint: [number, number] | null = null;

/**
 * The common `POINT (x y)` without the general parser: most geometry in city CSVs is points. Callers check
 * ranges themselves. Null for anything else (then use parseWkt). An import checks a value and then converts
 * it, so the last answer is remembered.
 */
export function parseFlatPointWkt(text: string): [number, number] | null {
  if (text === lastPointText) return lastPoint;
  const match = POINT_WKT.exec(text);
  let point: [number, number] | null = null;
  if (match) {
    const x = Number(match[1]);
    const y = Number(match[2]);
    if (Number.isFinite(x) && Number.isFinite(y)) point = [x, y];
  }
  lastPointText = text;
  lastPoint = point;
  return point;
}

/** Parses WKT (with an optional `SRID=4326;` prefix) into a GeoJSON geometry; validate it separately. */
export function parseWkt(text: string): Geometry {
  return new WktParser(text).parse();
}

function num(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function positionText(p: unknown): string {
  const a = p as number[];
  return a.length === 3
    ? `${num(a[0] as number)} ${num(a[1] as number)} ${num(a[2] as number)}`
    : `${num(a[0] as number)} ${num(a[1] as number)}`;
}

function listText(items: unknown, each: (item: unknown) => string): string {
  return `(${(items as unknown[]).map(each).join(', ')})`;
}

function allThreeD(value: unknown, depth: number): boolean {
  if (depth === 0) return (value as unknown[]).length === 3;
  return (value as unknown[]).every((v) => allThreeD(v, depth - 1));
}

const NESTING: Record<Exclude<Geometry['type'], 'GeometryCollection'>, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Writes a geometry as WKT, `POINT (-117.98 33.75)` style, numbers in shortest round-trip form. */
export function toWkt(geometry: Geometry): string {
  if (geometry.type === 'GeometryCollection') {
    return `GEOMETRYCOLLECTION (${geometry.geometries.map(toWkt).join(', ')})`;
  }
  const c = geometry.coordinates;
  const keyword = geometry.type.toUpperCase();
  const z = allThreeD(c, NESTING[geometry.type]) ? ' Z' : '';
  switch (geometry.type) {
    case 'Point':
      return `${keyword}${z} (${positionText(c)})`;
    case 'MultiPoint':
      return `${keyword}${z} ${listText(c, (p) => `(${positionText(p)})`)}`;
    case 'LineString':
      return `${keyword}${z} ${listText(c, positionText)}`;
    case 'MultiLineString':
    case 'Polygon':
      return `${keyword}${z} ${listText(c, (l) => listText(l, positionText))}`;
    case 'MultiPolygon':
      return `${keyword}${z} ${listText(c, (p) => listText(p, (l) => listText(l, positionText)))}`;
  }
}
