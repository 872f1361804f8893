/**
 * One import at a time per dataset, also across processes sharing the database (a server and a command-line
 * import); a lock left by a process that died does not block the dataset for ever.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppError } from '../../src/errors.js';
import { createDataset, failure, importCsv, report, rowsJson, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

describeDb('imports: one at a time per dataset', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await setUpApp();
    dir = mkdtempSync(join(tmpdir(), 'plaza-lock-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('refuses a second import while one runs, and accepts the next one', async () => {
    const { id } = await createDataset(t);
    const file = join(dir, 'rows.csv');
    writeFileSync(file, 'n\n' + Array.from({ length: 5000 }, (_, i) => i).join('\n') + '\n');
    const imports = t.app.services.imports;
    const results = await Promise.allSettled([
      imports.importFile({ datasetId: id, file }),
      imports.importFile({ datasetId: id, file }),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as AppError;
    expect(reason.code).toBe('import.busy');
    expect(reason.status).toBe(409);
    report(await importCsv(t, id, 'n\n1\n'));
    expect(await rowsJson(t, id)).toEqual([{ n: 1 }]);
  });

  it('answers 409 import.busy while another process holds a live lock', async () => {
    const { id } = await createDataset(t);
    const { kysely } = t.app.services.db;
    await kysely
      .insertInto('import_locks')
      .values({ dataset_id: id, owner: 'imp_elsewhere', heartbeat_at: new Date().toISOString() })
      .execute();
    failure(await importCsv(t, id, 'n\n1\n'), 409, 'import.busy');
    await kysely.deleteFrom('import_locks').where('dataset_id', '=', id).execute();
    report(await importCsv(t, id, 'n\n1\n'));
  });

  it('takes over a lock whose heartbeat stopped (its process died)', async () => {
    const { id } = await createDataset(t);
    const longAgo = new Date(Date.now() - 3_600_000).toISOString();
    await t.app.services.db.kysely
      .insertInto('import_locks')
      .values({ dataset_id: id, owner: 'imp_dead', heartbeat_at: longAgo })
      .execute();
    report(await importCsv(t, id, 'n\n2\n'));
    expect(await rowsJson(t, id)).toEqual([{ n: 2 }]);
    const locks = await t.app.services.db.kysely.selectFrom('import_locks').selectAll().execute();
    expect(locks).toEqual([]);
  });
});
