/**
 * Reads the query parameters of a request, the same for the native and the SODA endpoints: the SoQL `$`
 * parameters, the `$$` options, and simple filters `?field=value`. Anything else is refused by name.
 */
import { AppError, errors } from '../errors.js';
import { buildQuery, type QueryParams } from './soql/parser.js';
import type { SoqlQuery } from './soql/ast.js';

export const SOQL_PARAMETERS = [
  '$select',
  '$where',
  '$order',
  '$group',
  '$having',
  '$q',
  '$query',
  '$limit',
  '$offset',
] as const;
export const OPTION_PARAMETERS = ['$$count', '$$cursor', '$$app_token', '$$bom'] as const;

/** Longest accepted text of one parameter (a long polygon fits; a runaway client does not). */
const MAX_PARAMETER_CHARS = 200_000;

export interface QueryRequest {
  query: SoqlQuery;
  filters: Record<string, string>;
  count: boolean;
  cursor: string | undefined;
  bom: boolean;
  /** Every parameter as received, to rebuild `next` links. */
  raw: Record<string, string>;
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (/^(true|1)$/i.test(value)) return true;
  if (/^(false|0)$/i.test(value)) return false;
  throw errors.badRequest('request.invalid', `${name} must be true or false, got "${value}".`, {
    parameter: name,
  });
}

/** Parses request parameters (query string or a JSON body) into a query. */
export function readQueryRequest(input: Record<string, unknown>): QueryRequest {
  const raw: Record<string, string> = {};
  const filters: Record<string, string> = {};
  const params: QueryParams = {};
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw errors.badRequest(
        'request.invalid',
        `Parameter ${name} must be given once, as text (it was ${Array.isArray(value) ? 'repeated' : 'not text'}).`,
        { parameter: name },
      );
    }
    const text = String(value);
    if (text.length > MAX_PARAMETER_CHARS) {
      throw new AppError(
        'request.too_large',
        413,
        `Parameter ${name} is longer than ${MAX_PARAMETER_CHARS} characters.`,
        { parameter: name, limit: MAX_PARAMETER_CHARS },
      );
    }
    if (text.includes('\u0000')) {
      throw errors.badRequest(
        'request.invalid',
        `Parameter ${name} contains a NUL character, which no column can hold; remove it.`,
        { parameter: name },
      );
    }
    raw[name] = text;
    if ((SOQL_PARAMETERS as readonly string[]).includes(name)) {
      params[name.slice(1) as keyof QueryParams] = text;
    } else if ((OPTION_PARAMETERS as readonly string[]).includes(name)) {
      // read below
    } else if (name.startsWith('$')) {
      unknown.push(name);
    } else {
      filters[name] = text;
    }
  }
  if (unknown.length > 0) {
    throw errors.unknownParameter(unknown, [...SOQL_PARAMETERS, ...OPTION_PARAMETERS, '<column>']);
  }
  return {
    query: buildQuery(params),
    filters,
    count: flag('$$count', raw['$$count']),
    cursor: raw['$$cursor'] || undefined,
    bom: flag('$$bom', raw['$$bom']),
    raw,
  };
}

/** The URL of the next page: the same parameters with the cursor of the next page. */
export function nextUrl(base: string, raw: Record<string, string>, cursor: string): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) if (name !== '$$cursor') search.set(name, value);
  search.set('$$cursor', cursor);
  return `${base}?${search.toString()}`;
}
