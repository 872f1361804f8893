/** `plaza devices`: the command line issues, lists, rotates and revokes device tokens on the configured database. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSensorDataset, createStation } from '../fixtures/sensors.js';
import { setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describeDb('plaza devices', () => {
  let t: TestApp;
  let thing: number;

  const plaza = async (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PLAZA_')) delete env[key];
    Object.assign(env, {
      PLAZA_DATA_DIR: t.config.dataDir,
      ...(t.config.databaseUrl && { PLAZA_DATABASE_URL: t.config.databaseUrl }),
      PLAZA_LOG_LEVEL: 'silent',
    });
    return promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'plaza.js'), 'devices', ...args], {
      env,
      cwd: ROOT,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  };

  beforeAll(async () => {
    t = await setUpApp();
    thing = (await createStation(t, await createSensorDataset(t, 'cli-sensors'), 'Pole 7')).id;
  });
  afterAll(() => t.close());

  it('issues a token that authenticates, lists it without the secret, and revokes it', async () => {
    const created = await plaza('create', '--thing', String(thing), '--label', 'pole 7 modem');
    expect(created.code, created.stderr).toBe(0);
    const token = /plaza_dev_\S+/.exec(created.stdout)![0];
    const device = await t.app.services.sensors.devices.authenticate(token);
    expect(device.thingId).toBe(thing);

    const listed = await plaza('list', '--thing', String(thing));
    expect(listed.stdout).toContain('pole 7 modem');
    expect(listed.stdout).not.toContain(token);
    const id = (JSON.parse(listed.stdout) as { id: string }[])[0]!.id;

    const rotated = await plaza('rotate', id);
    expect(rotated.code, rotated.stderr).toBe(0);
    const fresh = /plaza_dev_\S+/.exec(rotated.stdout)![0];
    expect(fresh).not.toBe(token);
    const revoked = await plaza(
      'revoke',
      (
        JSON.parse((await plaza('list', '--thing', String(thing))).stdout) as {
          id: string;
          revokedAt: string | null;
        }[]
      ).find((d) => d.revokedAt === null)!.id,
    );
    expect(revoked.code, revoked.stderr).toBe(0);
    // A fresh service instance, as another process would see it: both tokens are refused.
    const { createServices } = await import('../../src/services.js');
    const other = createServices(t.config, t.db).sensors.devices;
    await expect(other.authenticate(token)).rejects.toMatchObject({ code: 'auth.device_token_revoked' });
    await expect(other.authenticate(fresh)).rejects.toMatchObject({ code: 'auth.device_token_revoked' });
  });

  it('says what to fix for a missing Thing or a missing argument', async () => {
    const missing = await plaza('create', '--thing', '999999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No Thing 999999/);
    const bare = await plaza('create');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--thing <id>/);
  });
});
