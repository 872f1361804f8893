/** What the desk's API routes share: error responses, query mapping, file downloads. */
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { LogQueryParams } from './records.schema.js';
import type { LogQuery } from './records.types.js';

export { ErrorResponse, errorsOf, STAFF_SECURITY } from '../desk-api.js';

export const TAGS = ['Records'];

export const FileResponse = {
  description: 'The file, as an attachment.',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};

/** The API's query names as the desk's LogQuery. */
export function logQueryOf(query: Partial<LogQueryParams>): LogQuery {
  return {
    ...(query.q !== undefined && { q: query.q }),
    ...(query.status !== undefined && { status: query.status }),
    ...(query.department !== undefined && { departmentId: query.department }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  };
}

/** Content-Disposition for a name people gave: ASCII fallback plus the UTF-8 form (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a stored file as a download: never rendered by the browser as a page of the portal (attachment,
 * nosniff, a sandboxing CSP), cached only when everyone may have it.
 */
export function sendFile(
  reply: FastifyReply,
  file: { path: string; fileName: string; mediaType: string; size: number },
  shared: boolean,
): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('Content-Disposition', attachmentHeader(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', shared ? 'public, max-age=300' : 'private, no-store')
    .send(createReadStream(file.path));
}
