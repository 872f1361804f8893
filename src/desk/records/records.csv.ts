/**
 * The public log as CSV (RFC 4180, UTF-8, CRLF): published requests only, never who asked. Descriptions are
 * written by the public, so a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
import { csvText } from '../../query/output/formats.js';
import type { RequestSummary } from './records.types.js';

export const LOG_CSV_COLUMNS = [
  'number',
  'received_at',
  'due_date',
  'status',
  'close_reason',
  'closed_at',
  'departments',
  'description',
  'url',
] as const;

/** Text a spreadsheet shows as text, never evaluates. */
export const inertText = (value: string) => csvText(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function logCsvLine(request: RequestSummary, publicUrl: string): string {
  const fields = [
    csvText(request.number),
    request.receivedAt,
    request.dueDate,
    request.status,
    request.closeReason ?? '',
    request.closedAt ?? '',
    inertText(request.departments.map((d) => d.name).join('; ')),
    inertText(request.description),
    csvText(`${publicUrl}/records/log/${encodeURIComponent(request.number)}`),
  ];
  return `${fields.join(',')}\r\n`;
}

/** The header, then the requests' rows, a page at a time. */
export async function* logCsv(
  pages: AsyncIterable<RequestSummary[]>,
  publicUrl: string,
): AsyncGenerator<string> {
  yield `${LOG_CSV_COLUMNS.join(',')}\r\n`;
  for await (const page of pages) {
    if (page.length) yield page.map((r) => logCsvLine(r, publicUrl)).join('');
  }
}
