/**
 * The opaque token in a `next` link: where the next page starts (after a row id, or at an offset), for which
 * version of the data and which query. A token from another query or an older version is refused, never
 * silently applied to the wrong rows.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';

export interface Cursor {
  /** Data version tag the token was made for. */
  tag: string;
  /** Digest of the query it continues. */
  query: string;
  afterId?: number;
  offset?: number;
}

export function queryDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(
    JSON.stringify([cursor.tag, cursor.query, cursor.afterId ?? null, cursor.offset ?? null]),
  ).toString('base64url');
}

const invalid = () =>
  new AppError(
    'query.cursor_invalid',
    400,
    'The $$cursor token is not one this server made for this query; follow the `next` link as given, or start again without $$cursor.',
  );

export function decodeCursor(token: string, expected: { tag: string; query: string }): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [tag, query, afterId, offset] = parsed as unknown[];
  if (typeof tag !== 'string' || typeof query !== 'string') throw invalid();
  if (query !== expected.query) throw invalid();
  if (tag !== expected.tag) {
    throw new AppError(
      'query.cursor_expired',
      409,
      'The data changed since this page was read (a new version was published); start again from the first page.',
    );
  }
  const cursor: Cursor = { tag, query };
  if (typeof afterId === 'number' && Number.isSafeInteger(afterId)) cursor.afterId = afterId;
  else if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) cursor.offset = offset;
  else throw invalid();
  return cursor;
}
