/**
 * Turns a file's column headers into safe field names (the SQL identifiers and API keys of a dataset) and
 * display names. The problems returned are warnings: every column is kept, renamed where needed.
 */
import type { RowProblem } from './import-errors.js';

export interface FieldName {
  /** Lowercase ascii letters, digits and underscores; never empty, never starting with `_` or a digit. */
  field: string;
  /** The header as written (trimmed), or the generated field for a blank header. */
  name: string;
}

export const MAX_FIELD_LENGTH = 63;

/** Letters that NFKD does not split into a base letter and a mark. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/** The safe field for one header, or '' when nothing of it is ascii-representable. */
export function safeField(header: string): string {
  let out = '';
  let gap = false;
  for (const ch of header.normalize('NFKD').toLowerCase()) {
    const c = ch.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out !== '') out += '_';
      gap = false;
      out += ch;
    } else if (c >= 0x300 && c <= 0x36f) {
      // A combining mark split off by NFKD: drop it, keep the base letter.
    } else {
      const mapped = LETTERS[ch];
      if (mapped === undefined) {
        gap = true;
      } else {
        if (gap && out !== '') out += '_';
        gap = false;
        out += mapped;
      }
    }
  }
  if (out === '') return '';
  const first = out.charCodeAt(0);
  if (first >= 48 && first <= 57) out = `c_${out}`;
  return truncate(out, MAX_FIELD_LENGTH);
}

function truncate(field: string, max: number): string {
  if (field.length <= max) return field;
  let cut = field.slice(0, max);
  while (cut.endsWith('_')) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Safe, unique field names for a header row. A blank header becomes `column_N` (N its 1-based position);
 * a duplicate becomes `name_2`, `name_3`... without taking a name that another header produces itself.
 * `line` is the header's line in the file (1 unless blank lines precede it).
 */
export function safeFieldNames(headers: string[], line = 1): { fields: FieldName[]; problems: RowProblem[] } {
  const bases = headers.map((h) => safeField(h.trim()));
  const fields: FieldName[] = new Array<FieldName>(headers.length);
  const problems: RowProblem[] = [];
  const used = new Map<string, number>();
  // First pass: every header that yields a field keeps it the first time it occurs.
  for (let k = 0; k < headers.length; k++) {
    const base = bases[k] as string;
    if (base !== '' && !used.has(base)) {
      used.set(base, k);
      fields[k] = { field: base, name: (headers[k] as string).trim() };
    }
  }
  // Second pass: blanks, headers with no ascii letters, and duplicates get generated names.
  for (let k = 0; k < headers.length; k++) {
    if (fields[k] !== undefined) continue;
    const name = (headers[k] as string).trim();
    const base = bases[k] as string;
    if (base !== '') {
      const field = unique(base, used);
      used.set(field, k);
      fields[k] = { field, name };
      const first = used.get(base) as number;
      problems.push({
        line,
        column: field,
        code: 'import.duplicate_column',
        message:
          `Column ${k + 1} ("${name}") has the same field name "${base}" as column ${first + 1} ` +
          `("${(headers[first] as string).trim()}"), so it is stored as "${field}"; rename one of them in the file to choose.`,
      });
      continue;
    }
    const field = unique(`column_${k + 1}`, used);
    used.set(field, k);
    if (name === '') {
      fields[k] = { field, name: field };
      problems.push({
        line,
        column: field,
        code: 'import.blank_column',
        message: `Column ${k + 1} has no name in the header, so it is stored as "${field}"; name the column in the file.`,
      });
    } else {
      // A header such as "名前" keeps its display name; its field is positional.
      fields[k] = { field, name };
    }
  }
  return { fields, problems };
}

function unique(base: string, used: Map<string, number>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = truncate(base, MAX_FIELD_LENGTH - suffix.length) + suffix;
    if (!used.has(candidate)) return candidate;
  }
}
