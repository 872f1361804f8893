/**
 * A streaming RFC 4180 CSV reader. The file is read in chunks and parsed incrementally, so a file of any size
 * is never held in memory; only the record being parsed is.
 *
 * Shape: `readCsv(path)` returns `{ header, records, batches }`.
 * - `header` resolves to the header cells (the first non-blank line) or rejects with an `ImportError` for a
 *   whole-file problem found before it (empty file, invalid UTF-8). Awaiting it starts the reading.
 * - `records` yields one `CsvRecord` per data row, or a `RowProblem` for a ragged row. `batches` yields the same
 *   items an array per chunk read, which is cheaper for bulk loading. Iterate only one of them, once; both
 *   throw `ImportError` for whole-file problems (unbalanced quote, invalid UTF-8 further in).
 * - A header-only file is valid CSV: `records` yields nothing and the caller decides (see `noRowsError`).
 *
 * Leniency, as in most tools: a quote inside an unquoted field (`ab"c`) is kept literally, text after a closing
 * quote is kept (`"ab"c` reads `abc`), blank lines are skipped, and a row whose only extra cells are empty
 * trailing ones (`a,b,c,` under a 3-column header, as spreadsheets write) is accepted without them.
 */
import { decodeFile } from './decode.js';
import type { TextEncoding } from './decode.js';
import { ImportError } from './import-errors.js';
import type { RowProblem } from './import-errors.js';

/** A data row; `line` is the 1-based line where the record starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvReadOptions {
  encoding?: TextEncoding;
  /** One character; default `,`. */
  delimiter?: string;
  /** Called after each chunk with the bytes consumed so far. */
  onBytes?: (bytesRead: number) => void;
  /** Bytes per read (default 256 KiB). */
  chunkSize?: number;
}

export interface CsvReader {
  header: Promise<string[]>;
  records: AsyncIterable<CsvRecord | RowProblem>;
  batches: AsyncIterable<(CsvRecord | RowProblem)[]>;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/** A field this long without its closing quote is a missing quote, not data: stop before memory runs out. */
const MAX_FIELD_CHARS = 64 * 1024 * 1024;

/**
 * The incremental parser: feed it text in pieces of any size, then call `end()`. Records go to `emit` with
 * the line they start on; completely blank lines are skipped.
 */
export class CsvParser {
  /** The 1-based line the parser has reached. */
  line = 1;
  private cells: string[] = [];
  /** The part of the current field read from earlier pieces (or the unescaped content of a quoted field). */
  private field = '';
  private state = START;
  /** A CR ended the last piece outside quotes: a LF starting the next piece belongs to it. */
  private pendingCR = false;
  /** Inside quotes, the last character was a CR (so a following LF is the same line end). */
  private quotedCR = false;
  private recordLine = 1;
  private recordQuoted = false;
  private quoteLine = 0;
  private readonly delimiter: number;
  private readonly delimiterText: string;

  constructor(
    delimiter: string,
    private readonly emit: (cells: string[], line: number) => void,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new ImportError(
        'import.format',
        `The CSV delimiter must be one character other than a quote or a line end; got ${JSON.stringify(delimiter)}.`,
      );
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  feed(text: string): void {
    const n = text.length;
    const d = this.delimiter;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    let state = this.state;
    // Next positions of LF, CR, quote and delimiter at or after i (n when none), for the fast path below.
    let nextLF = -1;
    let nextCR = -1;
    let nextQuote = -1;
    let nextDelimiter = -1;
    while (i < n) {
      if (state === START && this.cells.length === 0) {
        // Fast path: a whole line without quotes is split with indexOf.
        if (nextLF < i) nextLF = indexOrEnd(text, '\n', i);
        if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
        if (nextCR < i) nextCR = indexOrEnd(text, '\r', i);
        if (nextLF < n && nextQuote > nextLF && nextCR >= nextLF - 1) {
          const end = nextCR === nextLF - 1 ? nextCR : nextLF;
          // The next delimiter is remembered across lines, so that lines without one cost no search.
          if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, this.delimiterText, i);
          const cells: string[] = [];
          let start = i;
          while (nextDelimiter < end) {
            cells.push(text.slice(start, nextDelimiter));
            start = nextDelimiter + 1;
            nextDelimiter = indexOrEnd(text, this.delimiterText, start);
          }
          cells.push(text.slice(start, end));
          this.cells = cells;
          i = nextLF + 1;
          this.endRecord();
          continue;
        }
      }
      if (state === QUOTED) {
        const j = text.indexOf('"', i);
        const end = j === -1 ? n : j;
        this.countQuotedLines(text, i, end);
        this.field += text.slice(i, end);
        if (j === -1) break;
        i = j + 1;
        state = QUOTE_SEEN;
        continue;
      }
      if (state === QUOTE_SEEN) {
        this.quotedCR = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
          state = QUOTED;
          continue;
        }
        state = UNQUOTED;
      } else if (state === START) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          this.quoteLine = this.line;
          this.recordQuoted = true;
          this.quotedCR = false;
          i++;
          continue;
        }
        state = UNQUOTED;
      }
      // Unquoted: everything up to the delimiter or the line end, quotes included.
      const start = i;
      let c = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === d || c === LF || c === CR) break;
        i++;
      }
      if (i === n) {
        if (start < n) this.field += text.slice(start, n);
        break;
      }
      if (this.field === '') {
        this.cells.push(text.slice(start, i));
      } else {
        this.cells.push(this.field + text.slice(start, i));
        this.field = '';
      }
      i++;
      state = START;
      if (c === d) continue;
      if (c === CR) {
        if (i < n) {
          if (text.charCodeAt(i) === LF) i++;
        } else {
          this.pendingCR = true;
        }
      }
      this.endRecord();
    }
    this.state = state;
    if (this.field.length > MAX_FIELD_CHARS) this.tooLong();
  }

  /** Ends the input: emits the last record, or throws if a quoted field is still open. */
  end(): void {
    if (this.state === QUOTED) {
      throw new ImportError(
        'import.unbalanced_quote',
        `A quoted field opened on line ${this.quoteLine} is never closed; add the closing quote ("), ` +
          'or double each quote that is part of the value ("").',
        this.quoteLine,
      );
    }
    if (this.state === START && this.cells.length === 0) return;
    this.cells.push(this.field);
    this.field = '';
    this.state = START;
    this.endRecord();
    this.line--; // no line end followed the last record
  }

  private endRecord(): void {
    const cells = this.cells;
    const line = this.recordLine;
    const quoted = this.recordQuoted;
    this.cells = [];
    this.recordQuoted = false;
    this.line++;
    this.recordLine = this.line;
    if (cells.length === 1 && !quoted && cells[0] === '') return;
    this.emit(cells, line);
  }

  private countQuotedLines(text: string, from: number, to: number): void {
    let cr = this.quotedCR;
    let line = this.line;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === LF) {
        if (!cr) line++;
        cr = false;
      } else if (c === CR) {
        line++;
        cr = true;
      } else {
        cr = false;
      }
    }
    this.quotedCR = cr;
    this.line = line;
  }

  private tooLong(): never {
    const mib = MAX_FIELD_CHARS / 1024 / 1024;
    if (this.state === QUOTED) {
      throw new ImportError(
        'import.unbalanced_quote',
        `A quoted field opened on line ${this.quoteLine} runs on for more than ${mib} MiB without a closing ` +
          'quote; add the closing quote ("), or double each quote that is part of the value ("").',
        this.quoteLine,
      );
    }
    throw new ImportError(
      'import.format',
      `Line ${this.recordLine} has a field longer than ${mib} MiB; check that the file is CSV and the delimiter is right.`,
      this.recordLine,
    );
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

function isBlankCell(cell: string): boolean {
  for (let k = 0; k < cell.length; k++) {
    const c = cell.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function raggedRow(line: number, got: number, want: number): RowProblem {
  return {
    line,
    code: 'import.ragged_row',
    message:
      `Line ${line} has ${got} field${got === 1 ? '' : 's'} but the header has ${want}; ` +
      (got > want
        ? 'check for an unquoted comma (quote values that contain the delimiter) or an extra field.'
        : 'check for a missing field or a line break inside an unquoted value.'),
  };
}

/** Streams a CSV file: the header, then its rows. See the top of this file for the contract. */
export function readCsv(path: string, options: CsvReadOptions = {}): CsvReader {
  const source = parseFile(path, options);
  let firstBatch: (CsvRecord | RowProblem)[] = [];
  let done = false;

  // The source yields (or ends) only once the header has been read, or throws.
  const headerPromise = (async () => {
    const first = await source.gen.next();
    if (first.done) done = true;
    else firstBatch = first.value;
    return source.header() as string[];
  })();
  // The caller may iterate without awaiting the header; the rejection then surfaces from the iteration.
  headerPromise.catch(() => undefined);

  async function* batches(): AsyncGenerator<(CsvRecord | RowProblem)[], void, undefined> {
    await headerPromise;
    if (firstBatch.length > 0) yield firstBatch;
    firstBatch = [];
    if (done) return;
    yield* source.gen;
  }

  async function* records(): AsyncGenerator<CsvRecord | RowProblem, void, undefined> {
    for await (const batch of batches()) {
      for (let k = 0; k < batch.length; k++) yield batch[k] as CsvRecord | RowProblem;
    }
  }

  return {
    header: headerPromise,
    records: { [Symbol.asyncIterator]: () => records() },
    batches: { [Symbol.asyncIterator]: () => batches() },
  };
}

function parseFile(path: string, options: CsvReadOptions) {
  let header: string[] | null = null;
  let width = 0;
  let headerFound = false;
  let out: (CsvRecord | RowProblem)[] = [];

  const parser = new CsvParser(options.delimiter ?? ',', (cells, line) => {
    if (header === null) {
      if (cells.length === 1 && isBlankCell(cells[0] as string)) return;
      header = cells;
      width = cells.length;
      headerFound = true;
      return;
    }
    if (cells.length !== width) {
      if (cells.length > width && trailingCellsEmpty(cells, width)) {
        cells.length = width;
      } else if (cells.length === 1 && isBlankCell(cells[0] as string)) {
        return;
      } else {
        out.push(raggedRow(line, cells.length, width));
        return;
      }
    }
    out.push({ line, cells });
  });

  async function* gen(): AsyncGenerator<(CsvRecord | RowProblem)[], void, undefined> {
    for await (const text of decodeFile(path, options, () => parser.line)) {
      parser.feed(text);
      if (out.length > 0 || headerFound) {
        headerFound = false;
        const batch = out;
        out = [];
        yield batch;
      }
    }
    parser.end();
    if (header === null) {
      throw new ImportError(
        'import.empty_file',
        'The file is empty; export the data again with a header line and at least one row.',
      );
    }
    if (out.length > 0) yield out;
  }

  return { gen: gen(), header: () => header };
}

function trailingCellsEmpty(cells: string[], from: number): boolean {
  for (let k = from; k < cells.length; k++) if (cells[k] !== '') return false;
  return true;
}
