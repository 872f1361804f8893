/**
 * The release form's body: its fields and its one file, streamed into the desk's file store by the desk's own
 * multipart reader (no byte of the file is stored before the form's CSRF token is checked).
 */
import type { FastifyRequest } from 'fastify';
import { checkCsrf } from '../../access/authenticate.js';
import { formBody } from '../../access/grants/page-helpers.js';
import type { FileStore } from '../records/records.files.js';
import { discardFiles, readMultipart, type ReceivedFile } from '../records/records.uploads.js';

/** The string fields of a urlencoded form (a repeated field keeps its last value). */
export const formValues = (request: FastifyRequest): Record<string, string> =>
  Object.fromEntries(
    Object.entries(formBody(request)).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

export interface ReleaseBody {
  values: Record<string, string>;
  /** The file as received by the desk's store (`path` is handed to `release`, which moves it). */
  file?: ReceivedFile;
}

/** Reads the release form (multipart, or urlencoded when it carries no file). */
export async function readReleaseBody(request: FastifyRequest, store: FileStore): Promise<ReleaseBody> {
  if (!request.isMultipart()) {
    const values = formValues(request);
    const header = request.headers['x-csrf-token'];
    checkCsrf(request, values._csrf ?? (typeof header === 'string' ? header : undefined));
    return { values };
  }
  const { fields, files } = await readMultipart(request, store, { fileField: 'release-file', maxFiles: 1 });
  return { values: fields, ...(files[0] ? { file: files[0] } : {}) };
}

/** Removes a received file the desk did not take (it moves the ones it releases). */
export const discardUpload = (store: FileStore, body: ReleaseBody) =>
  discardFiles(store, body.file ? [body.file] : []);
