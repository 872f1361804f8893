/**
 * Files a requester attaches to the public form, held on disk between the form's steps: streamed to a spool file
 * as they arrive (never whole in memory), with a small note beside each naming it and the form that sent it. A
 * file survives the "check for datasets first" step and a refused form (so it need not be chosen again), and is
 * handed to the desk when the request is filed; what nobody files is swept after a day. Only the form that sent a
 * file (its form token, kept hashed) can use it again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How many files one request may carry, and how large each may be. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const TOKEN = /^[a-f0-9]{32}$/;
const MAX_AGE_MS = 24 * 3_600_000;

export interface HeldAttachment {
  token: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Where the file is, for the desk to copy when the request is filed. */
  path: string;
}

interface Note {
  token: string;
  owner: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

const ownerOf = (formToken: string) => createHash('sha256').update(formToken).digest('hex');

/** A file name as a person gave it, without any folder and without control characters. */
export function cleanFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/[\p{Cc}\p{Cf}]/gu, '');
  return base.trim().slice(0, 200) || 'attachment';
}

const cleanMediaType = (type: string) =>
  /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(type) ? type.toLowerCase() : 'application/octet-stream';

export function attachmentSpool(dir: string, now: () => Date = () => new Date()) {
  const fileOf = (token: string) => join(dir, `${token}.upload`);
  const noteOf = (token: string) => join(dir, `${token}.json`);

  async function discard(token: string): Promise<void> {
    if (!TOKEN.test(token)) return;
    await rm(fileOf(token), { force: true });
    await rm(noteOf(token), { force: true });
  }

  async function sweep(): Promise<void> {
    const cutoff = now().getTime() - MAX_AGE_MS;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await discard(name.replace(/\.(upload|json)$/, ''));
    }
  }

  return {
    /**
     * Writes one file of the form to the spool. `truncated` says the stream stopped at the size limit: the
     * file is then already discarded.
     */
    async receive(
      stream: Readable & { truncated?: boolean },
      file: { fileName: string; mediaType: string; formToken: string },
    ): Promise<{ attachment?: HeldAttachment; truncated: boolean }> {
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
      if (stream.truncated) {
        await discard(token);
        return { truncated: true };
      }
      const note: Note = {
        token,
        owner: ownerOf(file.formToken),
        fileName: cleanFileName(file.fileName),
        mediaType: cleanMediaType(file.mediaType),
        size: (await stat(path)).size,
        createdAt: now().toISOString(),
      };
      await writeFile(noteOf(token), JSON.stringify(note));
      return { attachment: { ...pick(note), path }, truncated: false };
    },

    /** The held files among `tokens` that this form sent, in the order asked; unknown ones are left out. */
    async find(tokens: readonly string[], formToken: string): Promise<HeldAttachment[]> {
      const owner = ownerOf(formToken);
      const found: HeldAttachment[] = [];
      for (const token of new Set(tokens)) {
        if (!TOKEN.test(token)) continue;
        const text = await readFile(noteOf(token), 'utf8').catch(() => undefined);
        if (!text) continue;
        const note = JSON.parse(text) as Note;
        if (note.owner !== owner) continue;
        found.push({ ...pick(note), path: fileOf(token) });
      }
      return found;
    },

    discard,
  };
}

const pick = (note: Note) => ({
  token: note.token,
  fileName: note.fileName,
  mediaType: note.mediaType,
  size: note.size,
});

export type AttachmentSpool = ReturnType<typeof attachmentSpool>;
