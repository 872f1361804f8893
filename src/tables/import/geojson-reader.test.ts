import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGeoJson, readNdGeoJson } from './geojson-reader.js';
import type { FeatureRecord, GeoJsonReadOptions } from './geojson-reader.js';
import { ImportError, isRowProblem } from './import-errors.js';
import type { RowProblem } from './import-errors.js';

const dir = mkdtempSync(join(tmpdir(), 'geojson-reader-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++fileCount}.geojson`);
  writeFileSync(path, content);
  return path;
}

type Reader = (path: string, options?: GeoJsonReadOptions) => AsyncIterable<FeatureRecord | RowProblem>;

async function collect(reader: Reader, content: string | Buffer, options: GeoJsonReadOptions = {}) {
  const items: (FeatureRecord | RowProblem)[] = [];
  for await (const item of reader(file(content), options)) items.push(item);
  return items;
}

async function failure(reader: Reader, content: string | Buffer, options: GeoJsonReadOptions = {}) {
  try {
    await collect(reader, content, options);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const feature = (props: Record<string, unknown>, geometry: unknown = point(-117.9, 33.7)) => ({
  type: 'Feature',
  properties: props,
  geometry,
});

const collection = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features }, null, 2);

describe('readGeoJson', () => {
  it('streams the features of a FeatureCollection with their lines', async () => {
    const text = collection([feature({ name: 'a' }), feature({ name: 'b, "quoted" }{][' }, point(1, 2))]);
    const items = await collect(readGeoJson, text);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ properties: { name: 'a' }, geometry: point(-117.9, 33.7) });
    expect(items[1]).toMatchObject({ properties: { name: 'b, "quoted" }{][' }, geometry: point(1, 2) });
    const lines = text.split('\n');
    for (const item of items) expect(lines[item.line - 1]?.trim()).toBe('{');
    expect(items[0]!.line).toBeLessThan(items[1]!.line);
  });

  it('reads the same features whatever the chunk size, with multi-byte text across chunks', async () => {
    const text = collection(
      [feature({ name: 'Zoë 日本 🙂', esc: 'a\\"b\\\\' }), feature({ n: 1 }, null), feature({ n: 2 })],
      { name: 'layer "x"', crs: { type: 'name', properties: { name: 'EPSG:4326' } } },
    );
    const expected = await collect(readGeoJson, text);
    expect(expected).toHaveLength(3);
    for (const chunkSize of [1, 2, 3, 5, 8, 13, 50]) {
      expect(await collect(readGeoJson, text, { chunkSize })).toEqual(expected);
    }
  });

  it('finds the features array wherever it is among the members', async () => {
    const text = `{"features": [${JSON.stringify(feature({ a: 1 }))}], "bbox": [0, 0, 1, 1], "type": "FeatureCollection"}`;
    const items = await collect(readGeoJson, text);
    expect(items).toEqual([{ line: 1, properties: { a: 1 }, geometry: point(-117.9, 33.7) }]);
  });

  it('yields a feature without geometry, or with null geometry, as geometry null', async () => {
    const text = collection([
      { type: 'Feature', properties: { a: 1 } },
      { type: 'Feature', properties: null, geometry: null },
    ]);
    const items = await collect(readGeoJson, text);
    expect(items.map((i) => !isRowProblem(i) && [i.properties, i.geometry])).toEqual([
      [{ a: 1 }, null],
      [{}, null],
    ]);
  });

  it('keeps a feature id', async () => {
    const items = await collect(readGeoJson, collection([{ ...feature({}), id: 'f-1' }]));
    expect(items[0]).toMatchObject({ id: 'f-1' });
  });

  it('reads a single Feature or a bare Geometry at the top level as one feature', async () => {
    expect(await collect(readGeoJson, JSON.stringify(feature({ a: 1 })))).toEqual([
      { line: 1, properties: { a: 1 }, geometry: point(-117.9, 33.7) },
    ]);
    expect(await collect(readGeoJson, `\n  ${JSON.stringify(point(1, 2))}\n`)).toEqual([
      { line: 2, properties: {}, geometry: point(1, 2) },
    ]);
  });

  it('drops a byte-order mark and accepts an empty collection', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(
      await collect(readGeoJson, Buffer.concat([bom, Buffer.from(collection([feature({})]))])),
    ).toHaveLength(1);
    expect(await collect(readGeoJson, collection([]))).toEqual([]);
  });

  it('reports elements that are not Features as row problems', async () => {
    const items = await collect(
      readGeoJson,
      collection([point(1, 2), 5, feature({ ok: true }), { type: 'Feature', properties: [1] }]),
    );
    expect(items.map((i) => (isRowProblem(i) ? i.code : 'ok'))).toEqual([
      'import.not_geojson',
      'import.not_geojson',
      'ok',
      'import.not_geojson',
    ]);
    expect((items[0] as RowProblem).message).toMatch(
      /Feature 1 \(line \d+\) has type "Point"; expected "Feature"/,
    );
  });

  it('rejects what is not GeoJSON', async () => {
    const cases: [string, RegExp][] = [
      ['[1, 2]', /JSON array, not GeoJSON/],
      ['"text"', /does not start with a JSON object/],
      ['{"type": "Topology", "objects": {}}', /TopoJSON/],
      ['{"name": "x"}', /no "type"/],
      ['{"type": "FeatureCollection"}', /no "features" array/],
      ['{"features": [], "type": "Thing"}', /top-level "type" is "Thing"/],
    ];
    for (const [text, message] of cases) {
      const error = await failure(readGeoJson, text);
      expect(error.code).toBe('import.not_geojson');
      expect(error.message).toMatch(message);
    }
  });

  it('rejects an empty file', async () => {
    expect((await failure(readGeoJson, '')).code).toBe('import.empty_file');
    expect((await failure(readGeoJson, ' \n ')).code).toBe('import.empty_file');
  });

  it('rejects truncated or malformed JSON with the line', async () => {
    const text = collection([feature({ a: 1 }), feature({ b: 2 })]);
    const truncated = await failure(readGeoJson, text.slice(0, text.length - 40));
    expect(truncated.code).toBe('import.invalid_json');
    expect(truncated.message).toMatch(/truncated/);

    const broken = text.replace('"b": 2', '"b": tru');
    const error = await failure(readGeoJson, broken);
    expect(error.code).toBe('import.invalid_json');
    const line = broken.split('\n').findIndex((l) => l.includes('tru'));
    expect(error.line).toBeLessThanOrEqual(line + 1);
    expect(error.message).toMatch(/^Feature 2 \(line \d+\) is not valid JSON/);

    const trailing = await failure(readGeoJson, collection([]) + '\n}');
    expect(trailing.code).toBe('import.invalid_json');
    expect(trailing.line).toBe(collection([]).split('\n').length + 1);
  });

  it('rejects invalid UTF-8 with the line and byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"type": "FeatureCollection", "features": [\n{"type": "Feature", "properties": {"n": "M'),
      Buffer.from([0xe9]),
      Buffer.from('x"}, "geometry": null}]}'),
    ]);
    const error = await failure(readGeoJson, bytes, { chunkSize: 7 });
    expect(error.code).toBe('import.encoding');
    expect(error.line).toBe(2);
    expect(error.message).toContain('byte 0xE9');
  });

  it('reports progress in bytes', async () => {
    const text = collection(Array.from({ length: 50 }, (_, k) => feature({ k })));
    const seen: number[] = [];
    await collect(readGeoJson, text, { chunkSize: 256, onBytes: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(Buffer.byteLength(text));
  });
});

describe('readNdGeoJson', () => {
  it('reads one Feature or Geometry per line, skipping blank lines', async () => {
    const text = [
      JSON.stringify(feature({ a: 1 })),
      '',
      JSON.stringify(point(1, 2)),
      '\r',
      `\x1e${JSON.stringify(feature({ b: 2 }))}`,
    ].join('\n');
    const items = await collect(readNdGeoJson, text, { chunkSize: 9 });
    expect(items).toEqual([
      { line: 1, properties: { a: 1 }, geometry: point(-117.9, 33.7) },
      { line: 3, properties: {}, geometry: point(1, 2) },
      { line: 5, properties: { b: 2 }, geometry: point(-117.9, 33.7) },
    ]);
  });

  it('reports a bad line as a row problem and goes on', async () => {
    const text = `${JSON.stringify(feature({ a: 1 }))}\r\n{"type": "Feature",\r\n[1]\r\n${JSON.stringify(feature({ c: 3 }))}\r\n`;
    const items = await collect(readNdGeoJson, text);
    expect(items.map((i) => (isRowProblem(i) ? [i.line, i.code] : [i.line, 'ok']))).toEqual([
      [1, 'ok'],
      [2, 'import.invalid_json'],
      [3, 'import.not_geojson'],
      [4, 'ok'],
    ]);
    expect((items[1] as RowProblem).message).toMatch(/^Line 2 is not valid JSON/);
  });

  it('rejects an empty file', async () => {
    expect((await failure(readNdGeoJson, '\n\n')).code).toBe('import.empty_file');
  });
});
