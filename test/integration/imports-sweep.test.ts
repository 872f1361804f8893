/** What an import leaves behind when its process dies is swept away, and nothing else is. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDataset, importCsv, report, rowsJson, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('imports: sweeping what a dead import left behind', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('drops a staging table older than a day and keeps live and recent ones', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, 'name,score\na,1\nb,2\n'));
    const { db } = t.app.services;
    // As an import that died mid-write two days ago, and one that is writing right now, would leave them.
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000).toISOString();
    await db.adapter.exec(`CREATE TABLE t_dead_import (x text)`);
    await db.adapter.exec(`CREATE TABLE t_running_import (x text)`);
    await db.kysely
      .insertInto('staging_tables')
      .values([
        { name: 't_dead_import', created_at: twoDaysAgo },
        { name: 't_running_import', created_at: new Date().toISOString() },
      ])
      .execute();

    await t.app.services.imports.collectRetired();

    const tables = await db.adapter.listTables('t_');
    expect(tables).not.toContain('t_dead_import');
    expect(tables).toContain('t_running_import');
    expect(await rowsJson(t, id)).toEqual([
      { name: 'a', score: 1 },
      { name: 'b', score: 2 },
    ]);
    const left = await db.kysely.selectFrom('staging_tables').select('name').execute();
    expect(left.map((r) => r.name)).toEqual(['t_running_import']);
  });

  it('leaves no staging record behind after imports that succeed or fail', async () => {
    const { id } = await createDataset(t);
    report(await importCsv(t, id, 'name\nx\n'));
    expect((await importCsv(t, id, 'a,b\n"x,1\n')).statusCode).toBe(422);
    const left = await t.app.services.db.kysely.selectFrom('staging_tables').select('name').execute();
    expect(left.map((r) => r.name)).toEqual(['t_running_import']);
  });
});
