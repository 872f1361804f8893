/**
 * Streamed writers for the demo files: text is gathered into ~64 KiB chunks and handed to the file stream
 * with backpressure, so a large file never sits whole in memory. CSV follows RFC 4180 (LF line ends, quotes
 * only where needed); GeoJSON and NDJSON are written one feature or object per line.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK = 64 * 1024;

export class BufferedWriter {
  private buffer = '';
  private failure: Error | null = null;
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Writes what is left and waits until the file is complete on disk. */
  async close(): Promise<void> {
    if (this.buffer.length > 0) await this.flush();
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

export type Cell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field per RFC 4180: quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value.normalize('NFC');
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly Cell[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** A CSV file with a fixed header; rows are checked against the header's width. */
export class CsvWriter {
  private readonly out: BufferedWriter;
  private rows = 0;

  private constructor(
    path: string,
    private readonly width: number,
  ) {
    this.out = new BufferedWriter(path);
  }

  static async open(path: string, header: readonly string[]): Promise<CsvWriter> {
    const writer = new CsvWriter(path, header.length);
    await writer.out.write(csvLine(header));
    return writer;
  }

  async row(values: readonly Cell[]): Promise<void> {
    if (values.length !== this.width) {
      throw new Error(`CSV row has ${values.length} fields, the header has ${this.width}`);
    }
    this.rows++;
    await this.out.write(csvLine(values));
  }

  /** Closes the file and returns the number of data rows written. */
  async close(): Promise<number> {
    await this.out.close();
    return this.rows;
  }
}

export type Position = [number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] };

export type Properties = Record<string, string | number | boolean | null>;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Coordinates rounded to six decimals (about 10 cm), which also keeps the output stable. */
export function roundGeometry(geometry: Geometry): Geometry {
  const point = (p: Position): Position => [round6(p[0]), round6(p[1])];
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: point(geometry.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(point) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(point)) };
  }
}

/** A GeoJSON FeatureCollection streamed one feature per line. */
export class GeoJsonWriter {
  private readonly out: BufferedWriter;
  private features = 0;

  private constructor(path: string) {
    this.out = new BufferedWriter(path);
  }

  static async open(path: string): Promise<GeoJsonWriter> {
    const writer = new GeoJsonWriter(path);
    await writer.out.write('{"type":"FeatureCollection","features":[\n');
    return writer;
  }

  async feature(geometry: Geometry, properties: Properties): Promise<void> {
    const text = JSON.stringify({ type: 'Feature', properties, geometry: roundGeometry(geometry) });
    await this.out.write(this.features === 0 ? text : `,\n${text}`);
    this.features++;
  }

  /** Closes the collection and returns the number of features written. */
  async close(): Promise<number> {
    await this.out.write('\n]}\n');
    await this.out.close();
    return this.features;
  }
}

/** Newline-delimited JSON: one object per line (a GeoJSON Feature per line for GeoJSON text sequences). */
export class NdjsonWriter {
  private readonly out: BufferedWriter;
  private rows = 0;

  constructor(path: string) {
    this.out = new BufferedWriter(path);
  }

  async row(value: Record<string, unknown>): Promise<void> {
    this.rows++;
    await this.out.write(`${JSON.stringify(value)}\n`);
  }

  async feature(geometry: Geometry, properties: Properties): Promise<void> {
    await this.row({ type: 'Feature', properties, geometry: roundGeometry(geometry) });
  }

  async close(): Promise<number> {
    await this.out.close();
    return this.rows;
  }
}
