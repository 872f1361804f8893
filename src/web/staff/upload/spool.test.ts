import { mkdtempSync, rmSync, utimesSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadSpool } from './spool.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function spoolDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plaza-spool-'));
  dirs.push(dir);
  return dir;
}

const meta = {
  datasetId: 'trees',
  owner: 'user-1',
  fileName: 'trees.csv',
  format: 'csv',
  encoding: 'utf8',
} as const;

describe('the upload spool', () => {
  it('keeps an upload for its dataset and owner only', async () => {
    const spool = uploadSpool(spoolDir());
    const { token, path } = await spool.receive(Readable.from(['a,b\n', '1,2\n']));
    expect(token).toMatch(/^[a-f0-9]{32}$/);
    await spool.keep({ token, ...meta, problemCount: 1 });
    const found = await spool.find(token, 'trees', 'user-1');
    expect(found?.path).toBe(path);
    expect(found?.upload).toMatchObject({ fileName: 'trees.csv', problemCount: 1 });
    expect(await spool.find(token, 'other', 'user-1')).toBeUndefined();
    expect(await spool.find(token, 'trees', 'user-2')).toBeUndefined();
    expect(await spool.find('../../etc/passwd', 'trees', 'user-1')).toBeUndefined();
  });

  it('forgets a discarded upload and its file', async () => {
    const spool = uploadSpool(spoolDir());
    const { token, path } = await spool.receive(Readable.from(['x\n1\n']));
    await spool.keep({ token, ...meta, problemCount: 0 });
    await spool.discard(token);
    expect(existsSync(path)).toBe(false);
    expect(await spool.find(token, 'trees', 'user-1')).toBeUndefined();
  });

  it('sweeps uploads older than a day when the next one arrives', async () => {
    const dir = spoolDir();
    const spool = uploadSpool(dir);
    const old = await spool.receive(Readable.from(['x\n1\n']));
    await spool.keep({ token: old.token, ...meta, problemCount: 0 });
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    for (const name of [`${old.token}.upload`, `${old.token}.json`])
      utimesSync(join(dir, name), twoDaysAgo, twoDaysAgo);
    const fresh = await spool.receive(Readable.from(['y\n2\n']));
    expect(existsSync(old.path)).toBe(false);
    expect(existsSync(fresh.path)).toBe(true);
  });
});
