import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser, readCsv } from './csv-reader.js';
import type { CsvReadOptions, CsvRecord } from './csv-reader.js';
import { ImportError, isRowProblem } from './import-errors.js';
import type { RowProblem } from './import-errors.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-reader-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++fileCount}.csv`);
  writeFileSync(path, content);
  return path;
}

async function read(content: string | Buffer, options: CsvReadOptions = {}) {
  const reader = readCsv(file(content), options);
  const header = await reader.header;
  const items: (CsvRecord | RowProblem)[] = [];
  for await (const item of reader.records) items.push(item);
  return { header, items, rows: items.filter((i): i is CsvRecord => !isRowProblem(i)) };
}

async function failure(content: string | Buffer, options: CsvReadOptions = {}): Promise<ImportError> {
  try {
    await read(content, options);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('readCsv', () => {
  it('reads the header, then rows with the line each starts on', async () => {
    const { header, rows } = await read('id,name\n1,Ann\n2,Bob\n');
    expect(header).toEqual(['id', 'name']);
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'Ann'] },
      { line: 3, cells: ['2', 'Bob'] },
    ]);
  });

  it('unquotes fields with delimiters, doubled quotes and line breaks', async () => {
    const { rows } = await read('a,b\n"x, y","say ""hi"""\n"two\nlines",z\n3,4');
    expect(rows).toEqual([
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends', async () => {
    const { header, rows } = await read('a,b\r\n1,2\r3,4\n5,6\r\n');
    expect(header).toEqual(['a', 'b']);
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
      [4, '5', '6'],
    ]);
  });

  it('keeps CRLF inside a quoted field and counts it as one line', async () => {
    const { rows } = await read('a,b\r\n"x\r\ny",1\r\nz,2\r\n');
    expect(rows).toEqual([
      { line: 2, cells: ['x\r\ny', '1'] },
      { line: 4, cells: ['z', '2'] },
    ]);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const { header } = await read(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,x\n')]),
    );
    expect(header).toEqual(['id', 'name']);
  });

  it('skips blank lines and ignores the trailing empty line, keeping physical line numbers', async () => {
    const { rows } = await read('\na,b\n1,2\n\n\n3,4\n\n');
    expect(rows).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('keeps a quote inside an unquoted field literally', async () => {
    const { rows } = await read('a,b\nab"c,5 1/2" pipe\n');
    expect(rows[0]?.cells).toEqual(['ab"c', '5 1/2" pipe']);
  });

  it('keeps text after a closing quote', async () => {
    const { rows } = await read('a,b\n"ab"c,d\n');
    expect(rows[0]?.cells).toEqual(['abc', 'd']);
  });

  it('keeps empty fields, including a last empty field at end of file', async () => {
    const { rows } = await read('a,b,c\n,,\n1,,3\n4,5,');
    expect(rows.map((r) => r.cells)).toEqual([
      ['', '', ''],
      ['1', '', '3'],
      ['4', '5', ''],
    ]);
  });

  it('rejects an empty file, a BOM-only file and a whitespace-only file', async () => {
    for (const content of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('  \n\r\n \t\n')]) {
      const error = await failure(content);
      expect(error.code).toBe('import.empty_file');
    }
  });

  it('signals a header-only file by yielding no records', async () => {
    for (const content of ['id,name\n', 'id,name', 'id,name\r\n\r\n']) {
      const { header, items } = await read(content);
      expect(header).toEqual(['id', 'name']);
      expect(items).toEqual([]);
    }
  });

  it('rejects a quote that is never closed, naming the line it opened on', async () => {
    const error = await failure('a,b\n1,2\n3,"open\n4,5\n6,7\n');
    expect(error.code).toBe('import.unbalanced_quote');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/opened on line 3 is never closed/);
  });

  it('reports ragged rows as row problems and keeps reading', async () => {
    const { items } = await read('a,b,c,d\n1,2,3,4\n1,2,3,4,5\n1,2\n9,9,9,9\n');
    expect(items).toHaveLength(4);
    const problems = items.filter(isRowProblem);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'import.ragged_row'],
      [4, 'import.ragged_row'],
    ]);
    expect(problems[0]?.message).toBe(
      'Line 3 has 5 fields but the header has 4; check for an unquoted comma (quote values that contain the delimiter) or an extra field.',
    );
    expect(problems[1]?.message).toMatch(
      /^Line 4 has 2 fields but the header has 4; check for a missing field/,
    );
  });

  it('accepts extra trailing empty cells, as spreadsheets write them', async () => {
    const { items } = await read('a,b\n1,2,\n3,4,,\n');
    expect(items).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('rejects Latin-1 bytes as invalid UTF-8 with the line and byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('name,city\nAnn,Paris\nBob,'),
      Buffer.from([0x4d, 0xe9, 0x78]),
      Buffer.from('ico\n'),
    ]);
    const error = await failure(bytes);
    expect(error.code).toBe('import.encoding');
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'The file is not valid UTF-8 (line 3, byte 0xE9). Save it as UTF-8, or import it with --encoding latin1.',
    );
    // The same when the bad byte is far into the file and chunks are small.
    for (const chunkSize of [1, 2, 5, 64]) {
      const late = await failure(bytes, { chunkSize });
      expect([late.line, late.message]).toEqual([3, error.message]);
    }
  });

  it('rejects a UTF-16 file with a hint to save it as UTF-8', async () => {
    const error = await failure(Buffer.from('\ufeffa,b\n1,2\n', 'utf16le'));
    expect(error.code).toBe('import.encoding');
    expect(error.message).toMatch(/UTF-16.*save it as UTF-8/);
  });

  it('drops a UTF-8 byte-order mark in latin1 mode too', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]);
    expect((await read(bytes, { encoding: 'latin1' })).header).toEqual(['a', 'b']);
  });

  it('reads a large single-column file in linear time', async () => {
    const text = 'value\n' + 'x\n'.repeat(400_000);
    const started = performance.now();
    const { rows } = await read(text);
    expect(rows).toHaveLength(400_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('decodes Latin-1 (windows-1252) with the latin1 encoding', async () => {
    const bytes = Buffer.concat([
      Buffer.from('name,note\n'),
      Buffer.from([0x4d, 0xe9, 0x78, 0x2c, 0x80, 0x93, 0x94, 0x0a]),
    ]);
    const { rows } = await read(bytes, { encoding: 'latin1' });
    expect(rows[0]?.cells).toEqual(['Méx', '€“”']);
  });

  it('reads multi-byte characters split across chunks', async () => {
    const text = 'name,word\nÅsa,日本語\n"Zoë ""🙂""",naïve\n';
    for (const chunkSize of [1, 2, 3, 4, 5, 7]) {
      const { rows } = await read(text, { chunkSize });
      expect(rows.map((r) => r.cells)).toEqual([
        ['Åsa', '日本語'],
        ['Zoë "🙂"', 'naïve'],
      ]);
    }
  });

  it('rejects a multi-byte sequence cut off by the end of the file', async () => {
    const error = await failure(Buffer.concat([Buffer.from('a\nb\n'), Buffer.from([0xe6, 0x97])]), {
      chunkSize: 1,
    });
    expect(error.code).toBe('import.encoding');
    expect(error.message).toContain('byte 0xE6');
    expect(error.line).toBe(3);
  });

  it('reads quoted line breaks and CRLF across chunk boundaries, whatever the chunk size', async () => {
    const text = 'id,text\r\n1,"a\r\nb, ""c"""\r\n2,plain\r\n3,"x\ny"\r\n';
    const expected = [
      { line: 2, cells: ['1', 'a\r\nb, "c"'] },
      { line: 4, cells: ['2', 'plain'] },
      { line: 5, cells: ['3', 'x\ny'] },
    ];
    for (let chunkSize = 1; chunkSize <= text.length; chunkSize++) {
      const { rows } = await read(text, { chunkSize });
      expect(rows).toEqual(expected);
    }
  });

  it('reports progress in bytes, ending at the file size', async () => {
    const path = file('a,b\n' + '1,2\n'.repeat(1000));
    const seen: number[] = [];
    const reader = readCsv(path, { chunkSize: 512, onBytes: (n) => seen.push(n) });
    for await (const _ of reader.records) void _;
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(seen.at(-1)).toBe(statSync(path).size);
  });

  it('reads other delimiters and rejects an unusable one', async () => {
    expect((await read('a;b\n"1;2";3\n', { delimiter: ';' })).rows[0]?.cells).toEqual(['1;2', '3']);
    expect((await read('a\tb\n1\t2\n', { delimiter: '\t' })).rows[0]?.cells).toEqual(['1', '2']);
    expect(() => readCsv(file('a\n'), { delimiter: ';;' })).toThrow(ImportError);
  });

  it('lets records be iterated without awaiting the header, and batches be used instead', async () => {
    const path = file('a,b\n1,2\n3,4\n');
    const items: unknown[] = [];
    for await (const item of readCsv(path).records) items.push(item);
    expect(items).toHaveLength(2);
    const batches: unknown[][] = [];
    for await (const batch of readCsv(path, { chunkSize: 4 }).batches) batches.push(batch);
    expect(batches.flat()).toEqual(items);
  });

  it('surfaces whole-file errors from the records when the header is not awaited', async () => {
    const reader = readCsv(file(''));
    await expect(async () => {
      for await (const _ of reader.records) void _;
    }).rejects.toMatchObject({ code: 'import.empty_file' });
  });

  it('stops reading when the caller stops early', async () => {
    const reader = readCsv(file('a\n' + 'x\n'.repeat(10_000)), { chunkSize: 64 });
    let n = 0;
    for await (const _ of reader.records) if (++n === 3) break;
    expect(n).toBe(3);
  });
});

/** Writes rows as CSV the way a careful writer does: quote when needed (or at random). */
function toCsv(rows: string[][], eol: string, quoteAll: boolean): string {
  return rows
    .map((cells) =>
      cells
        .map((cell) =>
          quoteAll || cell === '' || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell,
        )
        .join(','),
    )
    .join(eol);
}

const cellArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '🙂', '1') }),
  fc.string({ unit: 'grapheme' }),
);

const tableArb = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    header: fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 12 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    trailingEol: fc.boolean(),
  }),
);

describe('CSV round trip (property)', () => {
  it('reads back exactly what was written, split at any points', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        const text = toCsv([t.header, ...t.rows], t.eol, t.quoteAll) + (t.trailingEol ? t.eol : '');
        const out: string[][] = [];
        const parser = new CsvParser(',', (cells) => out.push(cells));
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const p of points) {
          parser.feed(text.slice(from, p));
          from = p;
        }
        parser.feed(text.slice(from));
        parser.end();
        expect(out).toEqual([t.header, ...t.rows]);
      }),
      { numRuns: 150 },
    );
  });

  it('reads back a written file through the streaming reader', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, fc.integer({ min: 1, max: 40 }), async (t, chunkSize) => {
        const text = toCsv([t.header, ...t.rows], t.eol, t.quoteAll) + (t.trailingEol ? t.eol : '');
        const { header, items } = await read(text, { chunkSize });
        expect(header).toEqual(t.header);
        expect(items.map((r) => (isRowProblem(r) ? r : r.cells))).toEqual(t.rows);
      }),
      { numRuns: 100 },
    );
  });
});
