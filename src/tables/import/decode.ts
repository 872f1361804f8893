/**
 * Streams a file as decoded text, chunk by chunk, without holding the file in memory. UTF-8 is strict: the
 * first invalid byte fails the import with its line and value, because a silently replaced character is a
 * value lost. Latin-1 files are decoded as windows-1252 (what "Latin-1" files from spreadsheets really are).
 */
import { createReadStream } from 'node:fs';
import { ImportError } from './import-errors.js';

export type TextEncoding = 'utf8' | 'latin1';

export interface DecodeOptions {
  encoding?: TextEncoding;
  /** Bytes per read; the default (256 KiB) suits large files, tests use tiny chunks to cross boundaries. */
  chunkSize?: number;
  /** Called after each chunk with the bytes consumed so far. */
  onBytes?: (bytesRead: number) => void;
}

export const DEFAULT_CHUNK_SIZE = 256 * 1024;

const LF = 10;
const CR = 13;

/**
 * Yields the file's text. `lineAt` returns the line the consumer has reached at the end of the text it has
 * been given so far, so that an encoding error can name its line.
 */
export async function* decodeFile(
  path: string,
  options: DecodeOptions,
  lineAt: () => number,
): AsyncGenerator<string, void, undefined> {
  const latin1 = options.encoding === 'latin1';
  const decoder = latin1 ? new TextDecoder('windows-1252') : new TextDecoder('utf-8', { fatal: true });
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? DEFAULT_CHUNK_SIZE });
  // The last (up to) three bytes seen, to find the pending bytes of a sequence split across chunks.
  const recent: number[] = [];
  let bytesRead = 0;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let bytes = chunk;
      if (first) {
        if (hasUtf16Bom(bytes)) {
          throw new ImportError(
            'import.encoding',
            'The file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8 ' +
              '(in Excel, "CSV UTF-8") and import it again.',
            1,
          );
        }
        if (latin1 && hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
        first = false;
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw encodingError(recent, bytes, lineAt());
      }
      remember(recent, bytes);
      options.onBytes?.(bytesRead);
      if (text.length > 0) yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw encodingError(recent, Buffer.alloc(0), lineAt());
    }
    if (rest.length > 0) yield rest;
  } finally {
    stream.destroy();
  }
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

function remember(recent: number[], bytes: Buffer): void {
  const take = Math.min(3, bytes.length);
  for (let k = bytes.length - take; k < bytes.length; k++) recent.push(bytes[k] as number);
  while (recent.length > 3) recent.shift();
}

/** How many trailing bytes form the start of a multi-byte sequence that is not complete yet. */
function pendingLength(recent: number[]): number {
  for (let k = 1; k <= recent.length; k++) {
    const b = recent[recent.length - k] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function encodingError(recent: number[], chunk: Buffer, lineAtChunkStart: number): ImportError {
  const pending = recent.slice(recent.length - pendingLength(recent));
  const bytes = Buffer.concat([Buffer.from(pending), chunk]);
  const at = firstInvalidUtf8(bytes);
  const offsetInChunk = Math.max(0, at - pending.length);
  let line = lineAtChunkStart;
  const lastWasCR = recent.length > 0 && recent[recent.length - 1] === CR;
  for (let k = 0; k < offsetInChunk; k++) {
    const b = chunk[k];
    if (b === LF) {
      if (!(k === 0 ? lastWasCR : chunk[k - 1] === CR)) line++;
    } else if (b === CR) line++;
  }
  const value = bytes[Math.min(at, bytes.length - 1)] ?? 0;
  const hex = value.toString(16).toUpperCase().padStart(2, '0');
  return new ImportError(
    'import.encoding',
    `The file is not valid UTF-8 (line ${line}, byte 0x${hex}). Save it as UTF-8, or import it with --encoding latin1.`,
    line,
  );
}

/** The offset of the first byte that starts an invalid (or truncated) UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
