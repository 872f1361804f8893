import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../tables/import/import-errors.js';
import { previewUpload, SAMPLE_ROWS } from './preview.js';

const dir = mkdtempSync(join(tmpdir(), 'plaza-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const options = { timeZone: 'America/Los_Angeles' } as const;

describe('the preview of an upload', () => {
  it('shows the columns and types the import will create, the first rows and the bad ones', async () => {
    const rows = Array.from(
      { length: 15 },
      (_, i) => `T-${i + 1},${i % 2 === 0 ? 'true' : 'false'},34.1,-118.3`,
    );
    rows.splice(3, 0, 'T-bad,true,34.1');
    const preview = await previewUpload(
      file('trees.csv', ['tree,healthy,latitude,longitude', ...rows].join('\n')),
      {
        ...options,
        format: 'csv',
      },
    );
    expect(preview.rowsRead).toBe(16);
    expect(preview.importable).toBe(15);
    expect(preview.problemCount).toBe(1);
    expect(preview.problems[0]).toMatchObject({ line: 5, code: 'import.ragged_row' });
    expect(preview.columns.map((c) => `${c.field}:${c.type}`)).toEqual([
      'tree:text',
      'healthy:boolean',
      'latitude:number',
      'longitude:number',
      'location:geometry',
    ]);
    expect(preview.geometryType).toBe('Point');
    expect(preview.sample.header).toEqual(['tree', 'healthy', 'latitude', 'longitude']);
    expect(preview.sample.rows).toHaveLength(SAMPLE_ROWS);
    expect(preview.sample.rows.map((r) => r.cells[0])).not.toContain('T-bad');
  });

  it('shows GeoJSON properties and geometry types', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Park' },
          geometry: { type: 'Point', coordinates: [-118.3, 34.1] },
        },
        { type: 'Feature', properties: { name: 'No place' }, geometry: null },
      ],
    });
    const preview = await previewUpload(file('parks.geojson', geojson), { ...options, format: 'geojson' });
    expect(preview.importable).toBe(1);
    expect(preview.problems[0]?.code).toBe('import.missing_geometry');
    expect(preview.sample.rows).toEqual([{ line: expect.any(Number), cells: ['Park'], geometry: 'Point' }]);
  });

  it('refuses a file the import cannot read, as the import would', async () => {
    await expect(
      previewUpload(file('broken.csv', 'a,b\n"1,2\n'), { ...options, format: 'csv' }),
    ).rejects.toBeInstanceOf(ImportError);
    await expect(
      previewUpload(file('empty.csv', 'a,b\n'), { ...options, format: 'csv' }),
    ).rejects.toMatchObject({
      code: 'import.no_rows',
    });
  });
});
