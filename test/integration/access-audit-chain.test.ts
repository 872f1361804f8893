/**
 * The audit log's hash chain: `plaza audit verify` (run as a process, like an operator would) finds an edited
 * entry, a deleted middle entry and a deleted last entry; appends made at the same moment, from one process or
 * from two processes, still form one unbroken chain; `plaza audit export` writes the entries as CSV.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditService } from '../../src/access/audit/audit.service.js';
import { parseRfc4180 } from '../fixtures/tables.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describeDb('audit log: hash chain and the command line', () => {
  let t: TestApp;

  const plaza = async (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
    Object.assign(env, {
      PLAZA_DATA_DIR: t.config.dataDir,
      ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
      PLAZA_LOG_LEVEL: 'silent',
    });
    return promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'plaza.js'), 'audit', ...args], {
      env,
      cwd: ROOT,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  };

  const entry = (seq: number) =>
    t.db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const count = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const audit = t.app.services.access.audit;
    for (let i = 1; i <= 5; i++)
      await audit.record({
        action: 'key.suspend',
        actorId: null,
        actor: 'admin token',
        targetType: 'api_key',
        targetId: `k-${i}`,
        reason: `reason ${i}`,
        details: { category: 'abuse', n: i },
      });
  });
  afterAll(() => t.close());

  it('verifies an intact chain: the count, exit 0', async () => {
    const result = await plaza('verify');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const last = await entry(5);
    expect(result.stdout).toBe(
      `The audit log is intact: 5 entries; the last, 5, has the hash ${last.hash}.\n`,
    );
  });

  it('finds an entry whose reason was changed, and nothing once it is put back', async () => {
    const original = await entry(3);
    await t.db.kysely
      .updateTable('audit_log')
      .set({ reason: 'nothing happened' })
      .where('seq', '=', 3)
      .execute();
    const result = await plaza('verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken at entry 3: entry altered/);
    await t.db.kysely
      .updateTable('audit_log')
      .set({ reason: original.reason })
      .where('seq', '=', 3)
      .execute();
    expect((await plaza('verify')).code).toBe(0);
  });

  it('finds a deleted entry in the middle', async () => {
    const original = await entry(2);
    await t.db.kysely.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const result = await plaza('verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken at entry 2: entry missing/);
    await t.db.kysely.insertInto('audit_log').values(original).execute();
    expect((await plaza('verify')).code).toBe(0);
  });

  it('finds a deleted last entry (the recorded head still names it)', async () => {
    const original = await entry(5);
    await t.db.kysely.deleteFrom('audit_log').where('seq', '=', 5).execute();
    const result = await plaza('verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken at entry 5: entries after 4 removed/);
    await t.db.kysely.insertInto('audit_log').values(original).execute();
    expect((await plaza('verify')).code).toBe(0);
  });

  it('keeps one chain under 50 appends at once', async () => {
    const audit = t.app.services.access.audit;
    const before = await count();
    const entries = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        audit.record({ action: 'dataset.update', actorId: null, actor: 'system', targetId: `d-${i}` }),
      ),
    );
    expect(new Set(entries.map((e) => e.seq)).size).toBe(50);
    expect(Math.min(...entries.map((e) => e.seq))).toBe(before + 1);
    expect(Math.max(...entries.map((e) => e.seq))).toBe(before + 50);
    expect(await t.app.services.access.audit.verify()).toMatchObject({ ok: true, entries: before + 50 });
  });

  it('finds an intact chain while entries are being appended', async () => {
    const audit = t.app.services.access.audit;
    const checker = auditService({ db: t.db });
    let appending = true;
    const appends = (async () => {
      for (let i = 0; i < 40; i++)
        await audit.record({ action: 'dataset.update', actorId: null, actor: 'system', targetId: `v-${i}` });
      appending = false;
    })();
    const results = [];
    while (appending) results.push(await checker.verify());
    await appends;
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('keeps one chain when two services append at once (two nodes)', async () => {
    const before = await count();
    const a = auditService({ db: t.db });
    const b = auditService({ db: t.db });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).record({
          action: 'dataset.update',
          actorId: null,
          actor: 'system',
          targetId: `n-${i}`,
        }),
      ),
    );
    expect(await a.verify()).toMatchObject({ ok: true, entries: before + 40 });
  });

  it('keeps one chain when two processes append at once', async () => {
    const before = await count();
    const module = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, 'src', path)).href);
    // Each process appends 50 entries as fast as it can, through its own connection to the database.
    const writer = `
      import { loadConfig } from ${module('config.ts')};
      import { openDatabase } from ${module('db/database.ts')};
      import { auditService } from ${module('access/audit/audit.service.ts')};
      const db = openDatabase(loadConfig());
      const audit = auditService({ db });
      let failed = 0;
      for (let i = 0; i < 50; i++) {
        try { await audit.record({ action: 'dataset.update', actorId: null, actor: 'system', targetId: 'w' + i }); }
        catch (error) { failed++; console.error(String(error.code ?? error.message)); }
      }
      await db.close();
      console.log(JSON.stringify({ failed }));`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
    Object.assign(env, {
      PLAZA_DATA_DIR: t.config.dataDir,
      ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
    });
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer], {
        env,
        cwd: ROOT,
      });
    const results = await Promise.all([run(), run()]);
    for (const { stdout, stderr } of results) expect(JSON.parse(stdout), stderr).toEqual({ failed: 0 });
    expect(await t.app.services.access.audit.verify()).toMatchObject({ ok: true, entries: before + 100 });
  });

  it('exports entries as CSV on standard output, filtered', async () => {
    const all = await plaza('export');
    expect(all.code, all.stderr).toBe(0);
    const rows = parseRfc4180(all.stdout);
    expect(rows[0]![0]).toBe('seq');
    expect(rows.length - 1).toBe(await count());
    const keys = parseRfc4180((await plaza('export', '--action', 'key.*', '--from', '2000-01-01')).stdout);
    expect(keys.slice(1).map((r) => [r[0], r[6], r[7]])).toEqual([
      ['1', 'k-1', 'reason 1'],
      ['2', 'k-2', 'reason 2'],
      ['3', 'k-3', 'reason 3'],
      ['4', 'k-4', 'reason 4'],
      ['5', 'k-5', 'reason 5'],
    ]);
    const api = await t.injectAsAdmin('/api/v1/admin/audit.csv?action=key.*');
    expect(keys).toEqual(parseRfc4180(api.body));
    const none = parseRfc4180((await plaza('export', '--from', '2100-01-01')).stdout);
    expect(none).toHaveLength(1);
    const bad = await plaza('export', '--from', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/from: give a date/);
  });

  it('explains itself without an action', async () => {
    const bare = await plaza();
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/plaza audit verify/);
  });
});
