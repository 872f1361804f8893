/**
 * CSV downloads of plain and point tables are built by the database (SQLite or PostgreSQL); other tables are
 * formatted in JavaScript. Both paths must print the same values the same way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { csvChunks } from '../../src/tables/export/formats.js';
import { createDataset, download, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const TRICKY = [
  'name,amount,flag,day,at,latitude,longitude',
  '"comma, inside",100,true,2024-01-02,2024-01-02T03:04:05Z,33.75,-117.98',
  '"quote "" inside",0.30000000000000004,false,2024-02-29,2024-07-01 08:00:00,33.7,-118',
  '"line',
  'break",-0.5,,,,,',
  'plain,12345678.9,TRUE,2025-12-31,2025-12-31T23:59:59.5Z,33.79,-117.93',
  ',-3,false,2024-03-10,,,',
].join('\n');

async function javascriptCsv(t: TestApp, id: string): Promise<string> {
  const rows = await t.app.services.tables.openRows(id);
  // The JavaScript path, whatever the database: the same rows without the database-built lines.
  const forced = { ...rows, csvLines: () => null };
  let text = '';
  for await (const chunk of csvChunks(forced)) text += chunk;
  return text;
}

describeDb('downloads: CSV built by the database and by JavaScript agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('prints text, numbers, booleans, dates, times, nulls and points identically', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, TRICKY));
    // The database-built path is the one under test, on both databases.
    expect((await t.app.services.tables.openRows(id)).csvLines()).not.toBeNull();
    const res = await download(t, id, 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(await javascriptCsv(t, id));
    expect(res.body).toContain(
      '"comma, inside",100,true,2024-01-02,2024-01-02T03:04:05Z,33.75,-117.98,POINT (-117.98 33.75)\r\n',
    );
    expect(res.body).toContain('"line\nbreak",-0.5,,,,,,\r\n');
  });
});
