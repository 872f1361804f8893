/**
 * A file large enough to cross every batch boundary: the reader's chunks, the writer's batches, the download's
 * batches. Nothing may be lost or duplicated at a boundary, quoted line breaks included.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDataset,
  download,
  importBody,
  importCsv,
  parseRfc4180,
  report,
  setUpApp,
} from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const ROWS = 30_000;

/** The i-th generated row as the exported CSV shows it: id, note, amount, day, latitude, longitude, location. */
function row(i: number): string[] {
  const note = i % 7 === 0 ? `line one, of ${i}\nline "two"` : `tree ${i}`;
  const lat = (33.7 + (i % 1000) / 10_000).toFixed(4);
  const lon = (-118 + (i % 997) / 10_000).toFixed(4);
  const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  return [String(i), note, String(i * 0.25), day, String(Number(lat)), String(Number(lon))];
}

function csvFile(): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['id,note,amount,day,latitude,longitude'];
  for (let i = 1; i <= ROWS; i++) lines.push(row(i).map(cell).join(','));
  return lines.join('\n') + '\n';
}

describeDb('imports: a file of 30,000 rows', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await setUpApp();
    id = (await createDataset(t)).id;
  });
  afterAll(() => t.close());

  it('imports every row', async () => {
    const r = report(await importCsv(t, id, csvFile()));
    expect(r).toMatchObject({ rows_read: ROWS, rows_written: ROWS, rows_skipped: 0, row_count: ROWS });
  });

  it('downloads every row as CSV, in order and unchanged', async () => {
    const records = parseRfc4180((await download(t, id, 'csv')).body);
    expect(records).toHaveLength(ROWS + 1);
    expect(records[0]).toEqual(['id', 'note', 'amount', 'day', 'latitude', 'longitude', 'location']);
    for (let i = 1; i <= ROWS; i++) {
      const expected = row(i);
      const got = records[i] ?? [];
      if (got.slice(0, 6).join('\u0001') !== expected.join('\u0001')) {
        expect(got.slice(0, 6), `row ${i}`).toEqual(expected);
      }
    }
    expect(records[ROWS]?.[6]).toBe(`POINT (${row(ROWS)[5]} ${row(ROWS)[4]})`);
  });

  it('downloads every row as NDJSON, JSON and GeoJSON', async () => {
    const ndjson = (await download(t, id, 'ndjson')).body.trimEnd().split('\n');
    expect(ndjson).toHaveLength(ROWS);
    expect(JSON.parse(ndjson[ROWS - 1] ?? 'null')).toMatchObject({ id: ROWS, amount: ROWS * 0.25 });

    const json = (await download(t, id, 'json')).json<{ id: number }[]>();
    expect(json).toHaveLength(ROWS);
    expect(json.every((r, i) => r.id === i + 1)).toBe(true);

    const geojson = (await download(t, id, 'geojson')).json<{ features: { geometry: { type: string } }[] }>();
    expect(geojson.features).toHaveLength(ROWS);
    expect(geojson.features.every((f) => f.geometry.type === 'Point')).toBe(true);
  });
});

describeDb('imports: a FeatureCollection larger than one read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('reads every feature, strings with braces and escaped quotes included', async () => {
    const count = 6_000;
    const features = Array.from({ length: count }, (_v, i) => ({
      type: 'Feature',
      properties: { n: i + 1, label: i % 5 === 0 ? `a "quoted" {brace} [bracket], \\ ${i}` : `plot ${i}` },
      geometry: { type: 'Point', coordinates: [-118 + (i % 500) / 1000, 33.7 + (i % 300) / 1000] },
    }));
    const body = JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
    expect(body.length).toBeGreaterThan(3 * 256 * 1024);
    const { id } = await createDataset(t);
    const r = report(await importBody(t, id, body, 'application/geo+json'));
    expect(r).toMatchObject({ rows_written: count, row_count: count });

    const fc = (await download(t, id, 'geojson')).json<{ features: typeof features }>();
    expect(fc.features).toHaveLength(count);
    const mismatch = fc.features.findIndex(
      (f, i) => f.properties.label !== features[i]?.properties.label || f.properties.n !== i + 1,
    );
    expect(mismatch).toBe(-1);
    expect(fc.features[count - 1]?.geometry).toEqual(features[count - 1]?.geometry);
  });
});
