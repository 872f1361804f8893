import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypeRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DatasetCreateSchema, DepartmentInputSchema } from '../catalog/catalog.schema.js';
import { DEMO_NOTICE } from '../catalog/catalog.service.js';
import { checkMetadata, slugify } from '../catalog/metadata-rules.js';
import { CATEGORIES, LICENSES } from '../catalog/vocabulary.js';
import { EXTENT, inBox } from './city.js';
import { writeDemo, type DemoPlan } from './plan.js';
import type { Position } from './writers.js';

const TODAY = new Date('2025-06-15T19:30:00Z');
const dirs: string[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'plaza-demo-'));
  dirs.push(dir);
  return dir;
}

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    out.set(
      name,
      createHash('sha256')
        .update(await readFile(join(dir, name)))
        .digest('hex'),
    );
  }
  return out;
}

/** Counts newline-terminated lines by streaming the file. */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

let dir: string;
let plan: DemoPlan;

beforeAll(async () => {
  dir = await freshDir();
  plan = await writeDemo(dir, { seed: 42, today: TODAY, scale: 0.02 });
});

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeDemo: determinism', () => {
  it('writes byte-identical files for the same seed and today', async () => {
    const again = await freshDir();
    const second = await writeDemo(again, { seed: 42, today: TODAY, scale: 0.02 });
    expect(await hashes(again)).toEqual(await hashes(dir));
    expect(second).toEqual(plan);
  });

  it('writes different records for another seed, on the same fixed city', async () => {
    const other = await freshDir();
    await writeDemo(other, { seed: 43, today: TODAY, scale: 0.02 });
    const [a, b] = [await hashes(dir), await hashes(other)];
    for (const name of [
      'bldg-permits.csv',
      'service-requests.csv',
      'street-trees.csv',
      'business-licenses.csv',
    ]) {
      expect(b.get(name), name).not.toBe(a.get(name));
    }
    expect(b.get('street-centerlines.geojson')).toBe(a.get('street-centerlines.geojson'));
  });
});

describe('writeDemo: catalog', () => {
  it('has at least 15 datasets and 4 departments, with unique ids and slugs', () => {
    expect(plan.datasets.length).toBeGreaterThanOrEqual(15);
    expect(plan.departments.length).toBeGreaterThanOrEqual(4);
    const ids = plan.datasets.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const slugs = plan.datasets.map((d) => slugify(d.meta.title));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const d of plan.departments) {
      expect(d.id).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
      expect(d.email).toMatch(/^[a-z]+@westminster-ca\.example$/);
      expect(d.phone).toMatch(/^\(714\) \d{3}-\d{4}/);
      expect(d.description?.length).toBeGreaterThan(20);
    }
  });

  it('matches the API schemas for datasets and departments', () => {
    // The schemas' enums are Type.Unsafe (checked by Ajv in the app); teach Value to check them too.
    if (!TypeRegistry.Has('Unsafe')) {
      TypeRegistry.Set<{ enum?: unknown[] }>(
        'Unsafe',
        (schema, value) => !schema.enum || schema.enum.includes(value),
      );
    }
    for (const { meta } of plan.datasets) {
      expect(
        [...Value.Errors(DatasetCreateSchema, meta)].map((e) => `${e.path} ${e.message}`),
        meta.id,
      ).toEqual([]);
    }
    for (const d of plan.departments) expect(Value.Check(DepartmentInputSchema, d), d.id).toBe(true);
  });

  it('gives every dataset valid, complete metadata ending with the demo notice', () => {
    const departments = new Set(plan.departments.map((d) => d.id));
    for (const { meta } of plan.datasets) {
      expect(checkMetadata({ ...meta, slug: slugify(meta.title) }), meta.id).toEqual([]);
      expect(meta.description.trimEnd().endsWith(DEMO_NOTICE), meta.id).toBe(true);
      expect(meta.description.split('\n\n').length, meta.id).toBeGreaterThanOrEqual(3);
      expect(meta.source_notes, meta.id).toMatch(/^Synthetic/);
      expect(departments.has(meta.department), meta.id).toBe(true);
      expect(meta.keywords.length, meta.id).toBeGreaterThanOrEqual(3);
      expect(meta.keywords.length, meta.id).toBeLessThanOrEqual(8);
      expect(meta.steward.phone, meta.id).toBeTruthy();
      expect(meta.status).toBe('published');
      const license = LICENSES.find((l) => l.id === meta.license);
      expect(license, meta.id).toBeDefined();
      if (license?.attributionRequired) expect(meta.attribution, meta.id).toBeTruthy();
      if (meta.spatial) {
        const [w, s, e, n] = meta.spatial;
        expect(w >= EXTENT[0] && s >= EXTENT[1] && e <= EXTENT[2] && n <= EXTENT[3], meta.id).toBe(true);
      }
    }
  });

  it('is mostly public and PDDL, with one small restricted dataset', () => {
    const restricted = plan.datasets.filter((d) => d.meta.access_level !== 'public');
    expect(restricted.map((d) => d.meta.access_level)).toEqual(['restricted']);
    expect(restricted[0]?.file?.rows).toBeLessThan(500);
    const pddl = plan.datasets.filter((d) => d.meta.license === 'PDDL-1.0').length;
    expect(pddl / plan.datasets.length).toBeGreaterThan(0.6);
    expect(plan.datasets.some((d) => d.meta.license !== 'PDDL-1.0')).toBe(true);
  });

  it('uses every category', () => {
    const used = new Set(plan.datasets.map((d) => d.meta.category));
    for (const c of CATEGORIES) expect(used.has(c.id), c.id).toBe(true);
  });

  it('describes the sensor datasets without files', () => {
    const sensors = plan.datasets.filter((d) => d.meta.kind === 'sensor');
    expect(sensors.map((d) => d.meta.id).sort()).toEqual([
      'air-quality',
      'noise-levels',
      'parking-occupancy',
      'traffic-counts',
    ]);
    for (const s of sensors) {
      expect(s.file).toBeUndefined();
      expect(['continuous', 'R/PT5M']).toContain(s.meta.update_frequency);
      expect(s.meta.description).toMatch(/sensor API/);
    }
    for (const d of plan.datasets.filter((x) => x.meta.kind !== 'sensor'))
      expect(d.file, d.meta.id).toBeDefined();
  });
});

interface Permit {
  permit_number: string;
  parcel_number: string;
  zip: string;
  valuation: string;
  applied_date: string;
  issued_date: string;
  council_district: string;
}

interface ServiceRequest {
  created_at: string;
  closed_at: string;
  status: string;
  channel: string;
}

type Feature = { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> };

describe('writeDemo: files', () => {
  it('writes every file named in the plan, and nothing else', async () => {
    const names = plan.datasets.flatMap((d) => (d.file ? [d.file.name] : [])).sort();
    expect((await readdir(dir)).sort()).toEqual(names);
  });

  it('writes clean UTF-8 CSV with every point inside the extent', async () => {
    for (const { file, meta } of plan.datasets) {
      if (file?.format !== 'csv') continue;
      const text = await readFile(join(dir, file.name), 'utf8');
      expect(text.charCodeAt(0), file.name).not.toBe(0xfeff);
      expect(text.includes('\r'), file.name).toBe(false);
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      expect(rows.length, file.name).toBe(file.rows);
      const outside = rows.filter(
        (r) => 'latitude' in r && !inBox(EXTENT, Number(r.longitude), Number(r.latitude)),
      );
      expect(outside, meta.id).toEqual([]);
    }
  });

  it('writes GeoJSON with points inside the extent and closed rings', async () => {
    for (const { file } of plan.datasets) {
      if (file?.format !== 'geojson') continue;
      const doc = JSON.parse(await readFile(join(dir, file.name), 'utf8')) as { features: Feature[] };
      expect(doc.features.length).toBe(file.rows);
      const problems: string[] = [];
      for (const [n, { geometry: g }] of doc.features.entries()) {
        const rings = g.type === 'Polygon' ? (g.coordinates as Position[][]) : [];
        const positions: Position[] =
          g.type === 'Point'
            ? [g.coordinates as Position]
            : g.type === 'LineString'
              ? (g.coordinates as Position[])
              : rings.flat();
        if (rings.some((ring) => ring.length < 4 || ring[0]?.join() !== ring.at(-1)?.join())) {
          problems.push(`feature ${n}: ring not closed`);
        }
        if (positions.some(([lon, lat]) => !inBox(EXTENT, lon, lat))) problems.push(`feature ${n}: outside`);
      }
      expect(problems, file.name).toEqual([]);
    }
  });

  it('writes NDJSON with one GeoJSON Feature per line, inside the extent', async () => {
    for (const { file } of plan.datasets) {
      if (file?.format !== 'ndjson') continue;
      const lines = (await readFile(join(dir, file.name), 'utf8')).trimEnd().split('\n');
      expect(lines.length).toBe(file.rows);
      const features = lines.map((line) => JSON.parse(line) as Feature & { type: string });
      const bad = features.filter((f) => {
        const [lon, lat] = f.geometry.coordinates as Position;
        return f.type !== 'Feature' || f.geometry.type !== 'Point' || !inBox(EXTENT, lon, lat);
      });
      expect(bad, file.name).toEqual([]);
    }
  });

  it('keeps permit fields realistic: numbers, zeros, dates up to today', async () => {
    const text = await readFile(join(dir, 'bldg-permits.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as Permit[];
    const bad = rows.filter(
      (r) =>
        !/^B\d{2}-\d{5}$/.test(r.permit_number) ||
        !/^0\d{2}-\d{3}-\d{2}$/.test(r.parcel_number) ||
        !['92683', '92684', '92685'].includes(r.zip) ||
        !/^(\d+|N\/A)$/.test(r.valuation) ||
        r.applied_date < '2015-01-01' ||
        r.applied_date > '2025-06-15' ||
        (r.issued_date !== '' && (r.issued_date < r.applied_date || r.issued_date > '2025-06-15')) ||
        !['1', '2', '3', '4'].includes(r.council_district),
    );
    expect(bad).toEqual([]);
    expect(rows.some((r) => r.valuation === 'N/A') || rows.length < 1_000).toBe(true);
  });

  it('keeps service request times local and never in the future', async () => {
    const text = await readFile(join(dir, 'service-requests.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as ServiceRequest[];
    const now = '2025-06-15 12:30:00'; // 19:30 UTC in Pacific daylight time
    const bad = rows.filter(
      (r) =>
        !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r.created_at) ||
        r.created_at > now ||
        (r.closed_at !== '' && (r.closed_at <= r.created_at || r.closed_at > now)) ||
        (r.closed_at === '' && !['Open', 'In Progress'].includes(r.status)) ||
        !['phone', 'web', 'app'].includes(r.channel),
    );
    expect(bad).toEqual([]);
  });

  it('names Little Saigon businesses in Vietnamese, in NFC', async () => {
    const text = await readFile(join(dir, 'business-licenses.csv'), 'utf8');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toMatch(/[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });
});

describe('writeDemo at scale 1', () => {
  it('writes the large tables in full, quickly', async () => {
    const full = await freshDir();
    const started = performance.now();
    const result = await writeDemo(full, { seed: 1, today: TODAY });
    const elapsed = performance.now() - started;
    const rows = (id: string) => result.datasets.find((d) => d.meta.id === id)?.file?.rows ?? 0;
    expect(rows('bldg-permits')).toBeGreaterThanOrEqual(20_000);
    expect(rows('service-requests')).toBeGreaterThanOrEqual(20_000);
    expect(rows('street-trees')).toBeGreaterThanOrEqual(5_000);
    // One header line per CSV file; no field holds a line break.
    expect(await countLines(join(full, 'bldg-permits.csv'))).toBe(rows('bldg-permits') + 1);
    expect(await countLines(join(full, 'service-requests.csv'))).toBe(rows('service-requests') + 1);
    expect(await countLines(join(full, 'street-trees.csv'))).toBe(rows('street-trees') + 1);
    expect(elapsed).toBeLessThan(20_000);
  }, 30_000);
});
