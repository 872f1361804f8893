/**
 * Uploads waiting between their preview and their publication: the file, spooled to disk as it arrives (never
 * held in memory), and a small description beside it naming the dataset and the member of staff it belongs to.
 * Only that person can publish or discard it; what nobody publishes is swept after a day.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportFormat } from '../../../tables/import/import.types.js';

const TOKEN = /^[a-f0-9]{32}$/;
const MAX_AGE_MS = 24 * 3_600_000;

export interface PendingUpload {
  token: string;
  datasetId: string;
  /** The account that uploaded it, or `admin token`. */
  owner: string;
  fileName: string;
  format: ImportFormat;
  encoding: 'utf8' | 'latin1';
  /** Bad rows the preview found: publishing skips them only when the steward saw them. */
  problemCount: number;
  createdAt: string;
}

export function uploadSpool(dir: string, now: () => Date = () => new Date()) {
  const fileOf = (token: string) => join(dir, `${token}.upload`);
  const notesOf = (token: string) => join(dir, `${token}.json`);

  async function discard(token: string): Promise<void> {
    if (!TOKEN.test(token)) return;
    await rm(fileOf(token), { force: true });
    await rm(notesOf(token), { force: true });
  }

  /** Removes uploads older than a day (previews nobody published). */
  async function sweep(): Promise<void> {
    const cutoff = now().getTime() - MAX_AGE_MS;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const token = name.replace(/\.(upload|json)$/, '');
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await discard(token);
    }
  }

  return {
    /** Writes the stream to a new spool file; returns its token and path. */
    async receive(stream: Readable): Promise<{ token: string; path: string }> {
      await mkdir(dir, { recursive: true });
      await sweep();
      const token = randomBytes(16).toString('hex');
      const path = fileOf(token);
      try {
        await pipeline(stream, createWriteStream(path));
      } catch (error) {
        await discard(token);
        throw error;
      }
      return { token, path };
    },

    /** Keeps a previewed upload for publication. */
    async keep(upload: Omit<PendingUpload, 'createdAt'>): Promise<PendingUpload> {
      const pending = { ...upload, createdAt: now().toISOString() };
      await writeFile(notesOf(upload.token), JSON.stringify(pending));
      return pending;
    },

    /** The pending upload of this dataset and owner, with its file's path; undefined when there is none. */
    async find(
      token: string,
      datasetId: string,
      owner: string,
    ): Promise<{ upload: PendingUpload; path: string } | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const text = await readFile(notesOf(token), 'utf8').catch(() => undefined);
      if (!text) return undefined;
      const upload = JSON.parse(text) as PendingUpload;
      if (upload.datasetId !== datasetId || upload.owner !== owner) return undefined;
      return { upload, path: fileOf(token) };
    },

    discard,
  };
}

export type UploadSpool = ReturnType<typeof uploadSpool>;
