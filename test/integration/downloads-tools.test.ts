/**
 * Downloads must open cleanly in the tools people use: GDAL (what QGIS reads with) and pandas. The tools come
 * from Debian (gdal-bin, python3-pandas; CI installs them). Without them these tests skip loudly, and fail
 * under PLAZA_REQUIRE_ALL=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, type TestContext } from 'vitest';
import { createDataset, download, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const PYTHON = '/usr/bin/python3';

const CSV = [
  'name,amount,opened,active,latitude,longitude',
  '"Phở 79, Bolsa Ave",12.5,2024-01-02,true,33.7455,-117.9561',
  '"Say ""hello""",-3,2024-02-29,false,33.75,-117.98',
  '"two',
  'lines",1000000,2025-12-31,true,33.76,-118.01',
].join('\n');

function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function requireTool(context: TestContext, available: boolean, what: string): void {
  if (available) return;
  if (process.env.PLAZA_REQUIRE_ALL === '1') throw new Error(`${what} is missing and PLAZA_REQUIRE_ALL=1`);
  console.log(`SKIPPED: ${context.task.name} (${what} is not installed)`);
  context.skip();
}

describeDb('downloads open in GDAL and pandas', () => {
  let t: TestApp;
  let dir: string;
  let id: string;
  const gdal = has('ogrinfo', ['--version']);
  const pandas = existsSync(PYTHON) && has(PYTHON, ['-c', 'import pandas']);

  beforeAll(async () => {
    t = await setUpApp();
    dir = mkdtempSync(join(tmpdir(), 'plaza-tools-'));
    id = (await createDataset(t)).id;
    report(await importCsv(t, id, CSV));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  async function save(format: 'csv' | 'geojson'): Promise<string> {
    const res = await download(t, id, format);
    expect(res.statusCode).toBe(200);
    const path = join(dir, `${id}.${format}`);
    writeFileSync(path, res.rawPayload);
    return path;
  }

  it('GDAL reads the GeoJSON download as three points in WGS 84', async (context) => {
    requireTool(context, gdal, 'ogrinfo (gdal-bin)');
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', await save('geojson')], { encoding: 'utf8' });
    expect(info).toMatch(/Geometry: Point/);
    expect(info).toMatch(/Feature Count: 3/);
    expect(info).toMatch(/WGS 84/);
    expect(info).toMatch(/name: String/);
  });

  it('GDAL reads the CSV download with its WKT column as point geometry', async (context) => {
    requireTool(context, gdal, 'ogrinfo (gdal-bin)');
    const info = execFileSync(
      'ogrinfo',
      ['-ro', '-al', '-oo', 'GEOM_POSSIBLE_NAMES=location', '-oo', 'KEEP_GEOM_COLUMNS=NO', await save('csv')],
      { encoding: 'utf8' },
    );
    expect(info).toMatch(/Feature Count: 3/);
    expect(info).toContain('POINT (-117.9561 33.7455)');
    expect(info).toContain('Phở 79, Bolsa Ave');
  });

  it('pandas reads the CSV download with the same values', async (context) => {
    requireTool(context, pandas, 'python3-pandas');
    const script = [
      'import json, sys, pandas as pd',
      'df = pd.read_csv(sys.argv[1])',
      'print(json.dumps({"columns": list(df.columns), "rows": len(df), "names": list(df["name"]),',
      ' "amount": float(df["amount"].sum()), "active": [bool(v) for v in df["active"]]}))',
    ].join('\n');
    const out = JSON.parse(execFileSync(PYTHON, ['-c', script, await save('csv')], { encoding: 'utf8' })) as {
      columns: string[];
      rows: number;
      names: string[];
      amount: number;
      active: boolean[];
    };
    expect(out.columns).toEqual(['name', 'amount', 'opened', 'active', 'latitude', 'longitude', 'location']);
    expect(out.rows).toBe(3);
    expect(out.names).toEqual(['Phở 79, Bolsa Ave', 'Say "hello"', 'two\nlines']);
    expect(out.amount).toBe(1_000_009.5);
    expect(out.active).toEqual([true, false, true]);
  });
});
