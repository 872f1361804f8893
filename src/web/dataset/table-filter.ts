/**
 * The table preview's column filters, from the page URL to a SoQL `$where`. A filter is written
 * `field:op:value` (`permit_type:contains:roof`, `valuation:between:1000..5000`, `issued_date:gt:2024-01-01`);
 * each becomes one SoQL condition, all joined with AND. Values only ever enter SoQL as quoted string literals
 * (quotes doubled) and names as checked column names, so no text from a URL can change the query's shape.
 * Pure: problems come back as data for the page to explain in the visitor's language.
 */
import { RESERVED_WORDS } from '../../query/soql/expression-parser.js';

export const FILTER_OPS = ['contains', 'eq', 'lt', 'gt', 'between'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Most filters one table view applies. */
export const MAX_FILTERS = 10;
/** Longest value of one filter. */
export const MAX_VALUE_CHARS = 500;

export interface FilterColumn {
  field: string;
  name: string;
  type: string;
}

export interface TableFilter {
  field: string;
  op: FilterOp;
  value: string;
}

export type FilterProblem =
  | { kind: 'malformed'; raw: string }
  | { kind: 'too-many'; max: number }
  | { kind: 'unknown-column'; field: string }
  | { kind: 'operator'; op: FilterOp; column: FilterColumn }
  | { kind: 'empty'; column: FilterColumn }
  | { kind: 'too-long'; column: FilterColumn; max: number }
  | { kind: 'number'; column: FilterColumn; value: string }
  | { kind: 'date'; column: FilterColumn; value: string }
  | { kind: 'boolean'; column: FilterColumn; value: string }
  | { kind: 'range'; column: FilterColumn; value: string };

/** A filter that applies, with its column for display. */
export interface ActiveFilter extends TableFilter {
  column: FilterColumn;
  /** The filter as written in the URL. */
  raw: string;
}

/** Which operators fit a column type; none for geometry. */
export function operatorsFor(type: string): readonly FilterOp[] {
  switch (type) {
    case 'text':
      return ['contains', 'eq'];
    case 'number':
    case 'date':
    case 'timestamp':
      return ['eq', 'lt', 'gt', 'between'];
    case 'boolean':
      return ['eq'];
    default:
      return [];
  }
}

/** A SoQL string literal: single quotes, a quote inside doubled. */
export function soqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A column name as SoQL reads it: bare when it can be, else backticked (a backtick inside doubled). */
export function soqlName(field: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) && !RESERVED_WORDS.has(field.toLowerCase())
    ? field
    : `\`${field.replace(/`/g, '``')}\``;
}

/** The URL form of a filter. */
export function filterText(filter: TableFilter): string {
  return `${filter.field}:${filter.op}:${filter.value}`;
}

/** Reads `field:op:value` (the value may hold colons); a problem when it is not in that form. */
export function parseFilter(raw: string): TableFilter | FilterProblem {
  const first = raw.indexOf(':');
  const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
  if (first <= 0 || second < 0) return { kind: 'malformed', raw };
  const field = raw.slice(0, first);
  const op = raw.slice(first + 1, second);
  if (!(FILTER_OPS as readonly string[]).includes(op)) return { kind: 'malformed', raw };
  return { field, op: op as FilterOp, value: raw.slice(second + 1) };
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function validDate(value: string): boolean {
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** One value as a SoQL literal for the column, or the problem with it. */
function literal(column: FilterColumn, value: string): string | FilterProblem {
  switch (column.type) {
    case 'number':
      return NUMBER.test(value) && Number.isFinite(Number(value))
        ? soqlString(value)
        : { kind: 'number', column, value };
    case 'date':
      return DATE.test(value) && validDate(value) ? soqlString(value) : { kind: 'date', column, value };
    case 'timestamp':
      return (DATE.test(value) || DATE_TIME.test(value)) && validDate(value)
        ? soqlString(value.replace(' ', 'T'))
        : { kind: 'date', column, value };
    case 'boolean': {
      const word = value.toLowerCase();
      if (['true', 'yes', '1'].includes(word)) return 'true';
      if (['false', 'no', '0'].includes(word)) return 'false';
      return { kind: 'boolean', column, value };
    }
    default:
      return soqlString(value);
  }
}

const COMPARE: Record<'eq' | 'lt' | 'gt', string> = { eq: '=', lt: '<', gt: '>' };

/** The SoQL condition of one filter on its column, or the problem that keeps it from applying. */
export function filterCondition(filter: TableFilter, column: FilterColumn): string | FilterProblem {
  if (!operatorsFor(column.type).includes(filter.op)) return { kind: 'operator', op: filter.op, column };
  const value = filter.value.trim();
  if (value === '') return { kind: 'empty', column };
  if (value.length > MAX_VALUE_CHARS) return { kind: 'too-long', column, max: MAX_VALUE_CHARS };
  const name = soqlName(column.field);
  // A bare date against a timestamp means the whole day, in the city's time zone.
  const subject =
    column.type === 'timestamp' && filter.op !== 'between' && DATE.test(value)
      ? `date_trunc_ymd(${name})`
      : name;
  switch (filter.op) {
    case 'contains':
      // Case-insensitive on both sides with the database's own upper(); % and _ in the value match any text.
      return `upper(${name}) like upper(${soqlString(`%${value}%`)})`;
    case 'eq':
    case 'lt':
    case 'gt': {
      const v = literal(column, value);
      return typeof v === 'string' ? `${subject} ${COMPARE[filter.op]} ${v}` : v;
    }
    case 'between': {
      const parts = value.split('..');
      if (parts.length !== 2) return { kind: 'range', column, value };
      const [low, high] = parts.map((p) => p.trim()) as [string, string];
      if (low === '' || high === '') return { kind: 'range', column, value };
      const a = literal(column, low);
      if (typeof a !== 'string') return a;
      const b = literal(column, high);
      if (typeof b !== 'string') return b;
      // A bare end date on a timestamp column includes that whole day.
      if (column.type === 'timestamp' && DATE.test(high)) {
        return `${name} >= ${a} and date_trunc_ymd(${name}) <= ${b}`;
      }
      return `${name} between ${a} and ${b}`;
    }
  }
}

export interface BuiltWhere {
  /** The filters that apply, in URL order. */
  active: ActiveFilter[];
  /** The SoQL `$where` of the active filters, or null when none applies. */
  where: string | null;
  /** Filters that do not apply, and why. */
  problems: FilterProblem[];
}

/** The `$where` of a table view's filters; filters with a problem are left out and reported. */
export function buildWhere(raws: readonly string[], columns: readonly FilterColumn[]): BuiltWhere {
  const active: ActiveFilter[] = [];
  const problems: FilterProblem[] = [];
  const conditions: string[] = [];
  const given = raws.filter((raw) => raw.trim() !== '');
  for (const raw of given.slice(0, MAX_FILTERS)) {
    const parsed = parseFilter(raw);
    if ('kind' in parsed) {
      problems.push(parsed);
      continue;
    }
    const column = columns.find((c) => c.field === parsed.field);
    if (!column) {
      problems.push({ kind: 'unknown-column', field: parsed.field });
      continue;
    }
    const condition = filterCondition(parsed, column);
    if (typeof condition !== 'string') {
      problems.push(condition);
      continue;
    }
    active.push({ ...parsed, column, raw });
    conditions.push(condition);
  }
  if (given.length > MAX_FILTERS) problems.push({ kind: 'too-many', max: MAX_FILTERS });
  const where =
    conditions.length === 0
      ? null
      : conditions.length === 1
        ? conditions[0]!
        : conditions.map((c) => `(${c})`).join(' and ');
  return { active, where, problems };
}
