import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvWriter, GeoJsonWriter, NdjsonWriter, csvField, csvLine } from './writers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plaza-writers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('csvField', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes text in NFC', () => {
    expect(csvField('Pho\u031b\u0309')).toBe('Phở');
  });

  it('ends lines with LF only', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\n');
  });
});

describe('CsvWriter', () => {
  it('streams many rows that parse back to what was written', async () => {
    const path = join(dir, 'big.csv');
    const out = await CsvWriter.open(path, ['id', 'text']);
    for (let i = 0; i < 5_000; i++) await out.row([i, i % 7 === 0 ? `Phở "${i}", bún` : `row ${i}`]);
    expect(await out.close()).toBe(5_000);
    const text = await readFile(path, 'utf8');
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(text.includes('\r')).toBe(false);
    const rows = parse(text, { columns: true }) as { id: string; text: string }[];
    expect(rows).toHaveLength(5_000);
    expect(rows[7]).toEqual({ id: '7', text: 'Phở "7", bún' });
  });

  it('refuses a row of the wrong width', async () => {
    const out = await CsvWriter.open(join(dir, 'narrow.csv'), ['a', 'b']);
    await expect(out.row(['only one'])).rejects.toThrow(/header has 2/);
    await out.close();
  });
});

describe('GeoJsonWriter and NdjsonWriter', () => {
  it('writes a valid FeatureCollection with rounded coordinates', async () => {
    const path = join(dir, 'points.geojson');
    const out = await GeoJsonWriter.open(path);
    await out.feature({ type: 'Point', coordinates: [-117.98765432, 33.7512345678] }, { name: 'a' });
    await out.feature({ type: 'Point', coordinates: [-117.9, 33.7] }, { name: 'b' });
    expect(await out.close()).toBe(2);
    const doc = JSON.parse(await readFile(path, 'utf8')) as {
      features: { geometry: { coordinates: number[] } }[];
    };
    expect(doc.features).toHaveLength(2);
    expect(doc.features[0]?.geometry.coordinates).toEqual([-117.987654, 33.751235]);
  });

  it('writes an empty collection that still parses', async () => {
    const path = join(dir, 'empty.geojson');
    const out = await GeoJsonWriter.open(path);
    expect(await out.close()).toBe(0);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('writes one JSON object per line', async () => {
    const path = join(dir, 'rows.ndjson');
    const out = new NdjsonWriter(path);
    await out.row({ a: 1 });
    await out.row({ a: 2, b: 'x' });
    expect(await out.close()).toBe(2);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([{ a: 1 }, { a: 2, b: 'x' }]);
  });
});
