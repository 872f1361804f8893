/**
 * Multipart bodies of the desk's API (a request with attachments, a released file): text fields into a record,
 * files streamed into the desk's store. With a signed-in session, no byte of a file is stored before the CSRF
 * token (the X-CSRF-Token header, or a `_csrf` field sent before the files) is checked.
 */
import type { FastifyRequest } from 'fastify';
import { checkCsrf } from '../../access/authenticate.js';
import type { FileStore } from './records.files.js';
import { cleanFileName } from './records.files.js';

export interface ReceivedFile {
  fileName: string;
  mediaType: string;
  /** In the store's incoming folder: hand it to the desk, which moves it. */
  path: string;
  size: number;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: ReceivedFile[];
}

const headerToken = (request: FastifyRequest) => {
  const header = request.headers['x-csrf-token'];
  return Array.isArray(header) ? header[0] : header;
};

/** Reads a multipart body; files of other fields than `fileField`, and files past `maxFiles`, are skipped. */
export async function readMultipart(
  request: FastifyRequest,
  store: FileStore,
  options: { fileField: string; maxFiles: number },
): Promise<MultipartBody> {
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  let checked = false;
  const check = () => {
    if (!checked) checkCsrf(request, headerToken(request) ?? fields._csrf);
    checked = true;
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields))
          fields[part.fieldname] = part.value;
        continue;
      }
      check();
      if (part.fieldname !== options.fileField || part.filename === '' || files.length >= options.maxFiles) {
        part.file.resume();
        continue;
      }
      const stored = await store.receive(part.file);
      files.push({
        fileName: cleanFileName(part.filename),
        mediaType: part.mimetype || 'application/octet-stream',
        path: stored.path,
        size: stored.size,
      });
    }
    check();
  } catch (error) {
    for (const file of files) await store.discard(file.path).catch(() => undefined);
    throw error;
  }
  return { fields, files };
}

/** Deletes received files the desk did not take. */
export async function discardFiles(store: FileStore, files: readonly ReceivedFile[]): Promise<void> {
  for (const file of files) await store.discard(file.path).catch(() => undefined);
}
