/**
 * Reads the public request form as it arrives: text fields into a record, attachments streamed to the spool.
 * No byte of a file is stored before the form's token (the first field) is checked. A file over the size limit,
 * or one file too many, is not an error of the whole form: it is noted, so that the page can say so next to the
 * attachments field and keep everything else. A form sent urlencoded (no files) is read the same way.
 */
import type { FastifyRequest } from 'fastify';
import { checkFormToken } from '../../access/form-token.js';
import { MAX_ATTACHMENTS, type AttachmentSpool, type HeldAttachment } from './public-attachments.js';

export interface ReadForm {
  fields: Record<string, string>;
  /** Tokens of files received on an earlier step that the requester kept ticked. */
  keep: string[];
  received: HeldAttachment[];
  tooLarge: boolean;
  tooMany: boolean;
}

const FILE_FIELD = 'attachments';

function fromBody(body: unknown): ReadForm {
  const fields: Record<string, string> = {};
  const keep: string[] = [];
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (name === 'keep') keep.push(...values);
    else if (values[0] !== undefined) fields[name] = values[0];
  }
  return { fields, keep, received: [], tooLarge: false, tooMany: false };
}

export async function receiveRequestForm(request: FastifyRequest, spool: AttachmentSpool): Promise<ReadForm> {
  if (!request.isMultipart()) {
    const form = fromBody(request.body);
    checkFormToken(request, form.fields._csrf);
    return form;
  }
  const form: ReadForm = { fields: {}, keep: [], received: [], tooLarge: false, tooMany: false };
  let checked = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (part.fieldname === 'keep') form.keep.push(value);
        else if (!(part.fieldname in form.fields)) form.fields[part.fieldname] = value;
        continue;
      }
      if (!checked) {
        checkFormToken(request, form.fields._csrf);
        checked = true;
      }
      if (part.fieldname !== FILE_FIELD || part.filename === '') {
        part.file.resume();
        continue;
      }
      if (form.received.length + new Set(form.keep).size >= MAX_ATTACHMENTS) {
        form.tooMany = true;
        part.file.resume();
        continue;
      }
      const stored = await spool.receive(part.file, {
        fileName: part.filename,
        mediaType: part.mimetype,
        formToken: form.fields._csrf ?? '',
      });
      if (stored.attachment) form.received.push(stored.attachment);
      else form.tooLarge = true;
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_FILES_LIMIT') {
      for (const file of form.received) await spool.discard(file.token);
      throw error;
    }
    form.tooMany = true;
  }
  if (!checked) checkFormToken(request, form.fields._csrf);
  return form;
}
