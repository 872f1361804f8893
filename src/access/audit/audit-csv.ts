/**
 * The audit log as CSV (RFC 4180, UTF-8, CRLF): one row per entry, oldest first, with the chain's hashes, so
 * that an exported file can be checked against the chain and kept as a record. Fields are written exactly as
 * stored (no spreadsheet-formula escaping, which would change what the hashes cover).
 */
import { csvText } from '../../query/output/formats.js';
import type { AuditEntry } from './audit.service.js';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor',
  'action',
  'target_type',
  'target_id',
  'reason',
  'ip',
  'details',
  'hash',
] as const;

/** Bytes gathered before a chunk is handed to the socket. */
const CHUNK = 64 * 1024;

export function auditCsvLine(entry: AuditEntry): string {
  const fields = [
    String(entry.seq),
    entry.at,
    entry.actorId ?? '',
    entry.actor,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.reason ?? '',
    entry.ip ?? '',
    JSON.stringify(entry.details),
    entry.hash,
  ];
  return `${fields.map(csvText).join(',')}\r\n`;
}

/** The header, then the entries' rows in chunks. */
export async function* auditCsv(entries: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  let chunk = `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
  for await (const entry of entries) {
    chunk += auditCsvLine(entry);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
