/**
 * Where the desk keeps files: `<dataDir>/records/`. Uploads stream first into `incoming/` (size-limited, never
 * held in memory); filing a request or releasing a document moves them into `<request id>/`. The database keeps
 * paths relative to the desk's folder, so that the data folder can move.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errors } from '../../errors.js';

/** The largest file a requester or staff may upload to the desk. */
export const RECORDS_MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface StoredFile {
  /** Absolute path of the file in `incoming/`: hand it to `submit` (attachments) or `release`. */
  path: string;
  size: number;
}

export interface FileStore {
  root: string;
  maxBytes: number;
  /** Streams an upload into `incoming/`; refuses (and deletes) a file over the limit. */
  receive(stream: Readable & { truncated?: boolean }): Promise<StoredFile>;
  /**
   * Takes a file into the request's folder: moves one this store received, copies one from elsewhere in the data
   * folder (a page's own spool, which then discards its copy). Returns its path relative to the store and size.
   */
  adopt(path: string, requestId: string): Promise<{ relativePath: string; size: number }>;
  /** Deletes a request's folder (a filing that failed after its files were taken). */
  removeFolder(requestId: string): Promise<void>;
  /** The absolute path of a stored file (relative paths come from the database only). */
  absolute(relativePath: string): string;
  /** Deletes a received file that will not be used. */
  discard(path: string): Promise<void>;
}

export function fileStore(dataDir: string, maxBytes = RECORDS_MAX_FILE_BYTES): FileStore {
  const root = resolve(dataDir, 'records');
  const incoming = join(root, 'incoming');

  const data = resolve(dataDir);
  const isIncoming = (absolute: string) =>
    absolute.startsWith(incoming + sep) && !absolute.slice(incoming.length + 1).includes(sep);

  /** Only files this store received may be moved or deleted by it. */
  function requireIncoming(path: string): string {
    const absolute = resolve(path);
    if (!isIncoming(absolute))
      throw errors.badRequest('records.invalid', 'The file was not received by the records desk.');
    return absolute;
  }

  /** Files to take: received here, or held elsewhere in the data folder; never a path from elsewhere. */
  function requireData(path: string): string {
    const absolute = resolve(path);
    if (!absolute.startsWith(data + sep) || (absolute.startsWith(root + sep) && !isIncoming(absolute)))
      throw errors.badRequest('records.invalid', 'The file was not received by the portal.');
    return absolute;
  }

  return {
    root,
    maxBytes,
    async receive(stream) {
      await mkdir(incoming, { recursive: true });
      const path = join(incoming, `upload-${randomBytes(12).toString('hex')}`);
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) callback(errors.payloadTooLarge(maxBytes));
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(stream, limit, createWriteStream(path, { flags: 'wx' }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      if (stream.truncated) {
        await rm(path, { force: true });
        throw errors.payloadTooLarge(maxBytes);
      }
      return { path, size };
    },
    async adopt(path, requestId) {
      const from = requireData(path);
      const folder = join(root, requestId);
      await mkdir(folder, { recursive: true });
      const to = join(folder, randomBytes(16).toString('hex'));
      if (isIncoming(from)) await rename(from, to);
      else await copyFile(from, to);
      return { relativePath: relative(root, to), size: (await stat(to)).size };
    },
    async removeFolder(requestId) {
      if (!/^[A-Za-z0-9-]+$/.test(requestId)) return;
      await rm(join(root, requestId), { recursive: true, force: true });
    },
    absolute(relativePath) {
      const path = resolve(root, relativePath);
      if (!path.startsWith(root + sep))
        throw new Error(`records: stored path outside the desk: ${relativePath}`);
      return path;
    },
    async discard(path) {
      await rm(requireIncoming(path), { force: true });
    },
  };
}

/** A file name safe to show and to send in Content-Disposition: no folders, no control characters. */
export function cleanFileName(name: string | undefined): string {
  const base = basename((name ?? '').replace(/\\/g, '/'))
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 200);
  return base || 'file';
}
