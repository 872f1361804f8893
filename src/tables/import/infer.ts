/**
 * Schema inference that never loses a value, and the converters that turn cells into stored values.
 *
 * A column gets a type only when every non-null value converts to it exactly; otherwise it is text. Values
 * that a type would change are text: leading zeros (`02134`), integers of more than 15 digits, `NaN`.
 * Null tokens (see `isNullToken`) are nulls in number, boolean, date and timestamp columns; in a text column
 * they stay the text they are, except the empty string, which is null in every column (a CSV cannot tell
 * an empty value from a missing one).
 */
import type { CellValue } from '../../db/dialect.js';
import { ImportError } from './import-errors.js';
import {
  DATE,
  LOCAL_TIMESTAMP,
  NOT_TEMPORAL,
  OFFSET_TIMESTAMP,
  fields,
  formatDate,
  formatInstant,
  parseTemporal,
  storedFraction,
  wallMs,
  zoneClock,
} from './temporal.js';
import type { ZoneClock } from './temporal.js';

export type ValueType = 'text' | 'number' | 'boolean' | 'date' | 'timestamp';
export type OverrideType = ValueType | 'geometry';

export type ConvertResult = { ok: true; value: CellValue } | { ok: false; message: string };

/** Tokens (compared case-insensitively, surrounding spaces ignored) that mean "no value". */
export const NULL_TOKENS: readonly string[] = ['', 'na', 'n/a', '#n/a', 'null', 'none', '-', '--'];
const NULL_SET = new Set(NULL_TOKENS);

/**
 * True for a cell that means "no value": empty or blank, `NA`, `N/A`, `#N/A`, `null`, `None`, `-`, `--`
 * (any case, surrounding spaces ignored).
 */
export function isNullToken(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  const c = value.charCodeAt(0);
  if (c <= 32 || value.charCodeAt(n - 1) <= 32) {
    const trimmed = value.trim();
    return trimmed.length < n && isNullToken(trimmed);
  }
  if (n > 4) return false;
  // n, N, #, -
  if (c !== 110 && c !== 78 && c !== 35 && c !== 45) return false;
  return NULL_SET.has(value.toLowerCase());
}

function trimmed(value: string): string {
  const n = value.length;
  return value.charCodeAt(0) <= 32 || value.charCodeAt(n - 1) <= 32 ? value.trim() : value;
}

/** Set by `scanNumber`: the number would not reproduce its text (leading zero, more than 15 digits). */
let numberLossy = false;

/** Exact powers of ten: dividing an exact integer mantissa by one of them is correctly rounded. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Parses `[sign] digits [, thousands groups] [.fraction] [e exponent]`; NaN when the text is not such a
 * number or is not finite. Up to 15 digits without exponent are computed in the scan (mantissa / 10^k is
 * correctly rounded), the rest by `Number`.
 */
function scanNumber(s: string): number {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) c = s.charCodeAt(++i);
  const intStart = i;
  let digits = 0;
  let group = 0;
  let commas = false;
  let mantissa = 0;
  while (i < n) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === 44) {
      if (group === 0 || group > 3 || (commas && group !== 3)) return NaN;
      commas = true;
      group = 0;
    } else {
      break;
    }
    i++;
  }
  if (commas && group !== 3) return NaN;
  let fraction = 0;
  if (i < n && c === 46) {
    i++;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      fraction++;
      i++;
    }
  }
  if (digits === 0 && fraction === 0) return NaN;
  let exponent = false;
  if (i < n && (c === 101 || c === 69)) {
    exponent = true;
    i++;
    c = s.charCodeAt(i);
    if (c === 45 || c === 43) i++;
    const expStart = i;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === expStart) return NaN;
  }
  if (i !== n) return NaN;
  numberLossy = digits > 15 || (digits > 1 && s.charCodeAt(intStart) === 48);
  if (!exponent && digits + fraction <= 15) {
    const value = fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number);
    return negative ? -value : value;
  }
  const value = Number(commas ? s.replaceAll(',', '') : s);
  return Number.isFinite(value) ? value : NaN;
}

function isBooleanText(s: string): boolean {
  const n = s.length;
  if (n !== 4 && n !== 5) return false;
  const c = s.charCodeAt(0) | 32;
  if (c === 116) return n === 4 && s.toLowerCase() === 'true';
  if (c === 102) return n === 5 && s.toLowerCase() === 'false';
  return false;
}

/** Whether a value passes as a timestamp with a fraction we can store exactly. */
function temporalKind(s: string): number {
  const c = s.charCodeAt(0);
  if (c < 48 || c > 57) return NOT_TEMPORAL;
  const kind = parseTemporal(s);
  if (kind >= LOCAL_TIMESTAMP && fields.fraction !== '' && storedFraction(fields.fraction) === null) {
    return NOT_TEMPORAL;
  }
  return kind;
}

/** Watches a column's values and reports the narrowest type that keeps every one of them. */
export class TypeInference {
  private seen = 0;
  private nulls = 0;
  private canNumber = true;
  private canBoolean = true;
  private canTemporal = true;
  private sawTimestamp = false;

  observe(value: string): void {
    this.seen++;
    if (isNullToken(value)) {
      this.nulls++;
      return;
    }
    if (!this.canNumber && !this.canBoolean && !this.canTemporal) return;
    const s = trimmed(value);
    if (this.canNumber && (Number.isNaN(scanNumber(s)) || numberLossy)) this.canNumber = false;
    if (this.canBoolean && !isBooleanText(s)) this.canBoolean = false;
    if (this.canTemporal) {
      const kind = temporalKind(s);
      if (kind === NOT_TEMPORAL) this.canTemporal = false;
      else if (kind !== DATE) this.sawTimestamp = true;
    }
  }

  get count(): number {
    return this.seen;
  }

  get nullCount(): number {
    return this.nulls;
  }

  /** The inferred type; text for a column with no non-null value. */
  get type(): ValueType {
    if (this.seen === this.nulls) return 'text';
    if (this.canNumber) return 'number';
    if (this.canBoolean) return 'boolean';
    if (this.canTemporal) return this.sawTimestamp ? 'timestamp' : 'date';
    return 'text';
  }
}

const NULL: ConvertResult = { ok: true, value: null };
const TRUE: ConvertResult = { ok: true, value: true };
const FALSE: ConvertResult = { ok: true, value: false };

function quoted(raw: string): string {
  return JSON.stringify(raw.length > 60 ? raw.slice(0, 57) + '...' : raw);
}

function fail(raw: string, what: string): ConvertResult {
  return { ok: false, message: `${quoted(raw)} is not ${what}` };
}

const DATE_FORMS = 'YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY';

/**
 * A converter from cell text to the stored value of a type: numbers, booleans, `YYYY-MM-DD` dates, and
 * timestamps as ISO UTC strings (`YYYY-MM-DDTHH:MM:SS[.sss]Z`, microseconds kept as `.ssssss`). Local
 * timestamps are read in `timeZone`; dates in a timestamp column are local midnight. It is also the converter
 * for a `--types` override: a value that does not fit fails with a message naming the value and the type.
 * Number conversion is lenient where inference is strict (an overridden `007` is 7).
 */
export function converter(type: ValueType, options: { timeZone: string }): (raw: string) => ConvertResult {
  // Each converter answers successes in one reused object (callers read it at once): a million rows of a dozen
  // columns would otherwise make twelve million short-lived objects.
  const result: { ok: true; value: CellValue } = { ok: true, value: null };
  const ok = (value: CellValue): ConvertResult => {
    result.value = value;
    return result;
  };
  switch (type) {
    case 'text':
      return (raw) => (raw === '' ? NULL : ok(raw));
    case 'number':
      return (raw) => {
        if (isNullToken(raw)) return NULL;
        const value = scanNumber(trimmed(raw));
        return Number.isNaN(value) ? fail(raw, 'a number') : ok(value);
      };
    case 'boolean':
      return (raw) => {
        if (isNullToken(raw)) return NULL;
        const s = trimmed(raw);
        if (!isBooleanText(s)) return fail(raw, 'a boolean (true or false)');
        return (s.charCodeAt(0) | 32) === 116 ? TRUE : FALSE;
      };
    case 'date':
      return (raw) => {
        if (isNullToken(raw)) return NULL;
        const s = trimmed(raw);
        const kind = temporalKind(s);
        if (kind !== DATE) return fail(raw, `a date (${DATE_FORMS})`);
        return ok(s.length === 10 && s.charCodeAt(4) === 45 ? s : formatDate());
      };
    case 'timestamp': {
      const clock = clockFor(options.timeZone);
      return (raw) => {
        if (isNullToken(raw)) return NULL;
        const s = trimmed(raw);
        const kind = temporalKind(s);
        if (kind === NOT_TEMPORAL) {
          return fail(
            raw,
            `a timestamp (ISO 8601 like 2024-03-10T14:30:00Z, or M/D/YYYY h:mm AM, or a date)`,
          );
        }
        // Already in the stored form (`2024-03-10T14:30:00Z`, the common export format): nothing to compute.
        if (
          kind === OFFSET_TIMESTAMP &&
          s.length === 20 &&
          s.charCodeAt(4) === 45 &&
          s.charCodeAt(10) === 84 &&
          s.charCodeAt(19) === 90
        ) {
          return ok(s);
        }
        const wall =
          kind === DATE
            ? wallMs(fields.year, fields.month, fields.day)
            : wallMs(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second);
        const instant = kind === OFFSET_TIMESTAMP ? wall - fields.offset * 60_000 : clock.toUtc(wall);
        const fraction = kind === DATE ? '' : (storedFraction(fields.fraction) as string);
        return ok(formatInstant(instant, fraction));
      };
    }
  }
}

function clockFor(timeZone: string): ZoneClock {
  try {
    return zoneClock(timeZone);
  } catch {
    throw new ImportError(
      'import.format',
      `Unknown time zone "${timeZone}"; use an IANA zone name such as America/Los_Angeles.`,
    );
  }
}

const OVERRIDE_TYPES: readonly OverrideType[] = [
  'text',
  'number',
  'boolean',
  'date',
  'timestamp',
  'geometry',
];

/**
 * Parses `--types zip=text,amount=number`. Column names are returned as written (trimmed); matching them to
 * headers or fields is the caller's.
 */
export function parseTypeOverrides(spec: string): Record<string, OverrideType> {
  const result: Record<string, OverrideType> = Object.create(null) as Record<string, OverrideType>;
  if (spec.trim() === '') return result;
  for (const item of spec.split(',')) {
    const eq = item.indexOf('=');
    const column = eq < 0 ? '' : item.slice(0, eq).trim();
    const type =
      eq < 0
        ? ''
        : item
            .slice(eq + 1)
            .trim()
            .toLowerCase();
    if (column === '' || type === '') {
      throw new ImportError(
        'import.invalid_type_override',
        `Type override ${JSON.stringify(item.trim())} must look like column=type, as in --types zip=text,amount=number.`,
      );
    }
    if (!(OVERRIDE_TYPES as readonly string[]).includes(type)) {
      throw new ImportError(
        'import.invalid_type_override',
        `Unknown type "${type}" for column "${column}"; use one of ${OVERRIDE_TYPES.join(', ')}.`,
        undefined,
        column,
      );
    }
    if (Object.hasOwn(result, column)) {
      throw new ImportError(
        'import.invalid_type_override',
        `Column "${column}" is given a type twice in --types; keep one.`,
        undefined,
        column,
      );
    }
    result[column] = type as OverrideType;
  }
  return result;
}
