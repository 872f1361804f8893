/**
 * The query options of SensorThings 1.1 (section 9.3): `$top`, `$skip`, `$count`, `$orderby`, `$select`,
 * `$expand` (with options of its own in parentheses, separated by `;`), `$filter`, `$resultFormat` and the
 * `$skiptoken` of nextLinks. Names are matched without regard to case; other parameters without a `$` are
 * ignored, as OData allows.
 */
import { errors } from '../../errors.js';
import type { Expr } from './filter/ast.js';
import { parseFilter, parseOrderBy, type OrderKey } from './filter/parse.js';
import { describeMembers, ENTITIES, isProperty, type EntityType } from './model.js';

/** Entities per page when `$top` is not given. */
export const DEFAULT_TOP = 100;
/** The most entities one page holds; a larger `$top` is lowered to it (nextLink continues). */
export const MAX_TOP = 10_000;
/** How deep `$expand` may nest. */
export const MAX_EXPAND_DEPTH = 6;

export interface QueryOptions {
  top?: number;
  skip?: number;
  count?: boolean;
  filter?: Expr;
  orderBy?: OrderKey[];
  /** Selected names as written (`id` and `@iot.id` both mean the id). */
  select?: string[];
  expand: ExpandItem[];
  resultFormat?: 'dataArray';
  skipToken?: string;
  /** The options as written, for the nextLinks of expanded collections. */
  raw: [string, string][];
}

export interface ExpandItem {
  nav: string;
  options: QueryOptions;
}

type Level = 'request' | 'expand';

const NAMES: Record<Level, readonly string[]> = {
  request: [
    '$top',
    '$skip',
    '$count',
    '$orderby',
    '$select',
    '$expand',
    '$filter',
    '$resultformat',
    '$skiptoken',
  ],
  expand: ['$top', '$skip', '$count', '$orderby', '$select', '$expand', '$filter'],
};

const bad = (message: string, details?: Record<string, unknown>) => errors.staBadQuery(message, details);

/** Splits at `separator` outside parentheses and quoted strings. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw bad(`Unbalanced parentheses in "${text}": a ")" has no "(".`);
  }
  if (depth !== 0 || quoted) throw bad(`Unbalanced parentheses or quotes in "${text}".`);
  parts.push(text.slice(start));
  return parts;
}

function wholeNumber(name: string, value: string): number {
  if (!/^\d{1,15}$/.test(value.trim()))
    throw bad(`${name} takes a whole number of 0 or more, not "${value}".`);
  return Number(value.trim());
}

function parseExpand(text: string, depth: number): ExpandItem[] {
  if (depth > MAX_EXPAND_DEPTH) throw bad(`$expand nests deeper than ${MAX_EXPAND_DEPTH} levels.`);
  const items: ExpandItem[] = [];
  const explicit = new Set<ExpandItem>();
  for (const rawItem of splitTopLevel(text, ',')) {
    const item = rawItem.trim();
    if (item === '') throw bad(`$expand has an empty item in "${text}".`);
    const open = item.indexOf('(');
    const path = (open < 0 ? item : item.slice(0, open)).trim();
    let inner = '';
    if (open >= 0) {
      if (!item.endsWith(')')) throw bad(`In $expand, "${item}" has text after its closing parenthesis.`);
      inner = item.slice(open + 1, -1);
    }
    const segments = path.split('/').map((s) => s.trim());
    if (segments.some((s) => !/^[A-Za-z]+$/.test(s))) {
      throw bad(`In $expand, "${path}" is not a navigation path such as Datastreams/Observations.`);
    }
    if (depth + segments.length > MAX_EXPAND_DEPTH) {
      throw bad(`$expand nests deeper than ${MAX_EXPAND_DEPTH} levels.`);
    }
    const pairs: [string, string][] = [];
    if (inner.trim() !== '') {
      for (const option of splitTopLevel(inner, ';')) {
        const eq = option.indexOf('=');
        if (eq < 0) throw bad(`In $expand=${path}(...), "${option}" is not an option such as $top=1.`);
        pairs.push([option.slice(0, eq).trim(), option.slice(eq + 1)]);
      }
    }
    // A/B(options) is A($expand=B(options)).
    let current: ExpandItem[] = items;
    for (const [i, nav] of segments.entries()) {
      let found = current.find((x) => x.nav === nav);
      if (!found) {
        found = { nav, options: { expand: [], raw: [] } };
        current.push(found);
      }
      if (i === segments.length - 1) {
        if (pairs.length > 0 && explicit.has(found)) {
          throw bad(`$expand gives options for ${path} twice; give them once.`);
        }
        if (pairs.length > 0) explicit.add(found);
        const parsed = readOptions(pairs, 'expand', depth + i + 1);
        const nested = found.options.raw.find(([k]) => k === '$expand');
        const raw = parsed.raw.map((pair): [string, string] => [...pair]);
        const own = raw.find(([k]) => k.toLowerCase() === '$expand');
        if (nested && own) own[1] += `,${nested[1]}`;
        else if (nested) raw.push(nested);
        found.options = { ...parsed, expand: merge(found.options.expand, parsed.expand), raw };
      } else {
        const rest = segments.slice(i + 1).join('/') + (open >= 0 ? item.slice(open) : '');
        const existing = found.options.raw.find(([k]) => k.toLowerCase() === '$expand');
        if (existing) existing[1] += `,${rest}`;
        else found.options.raw.push(['$expand', rest]);
      }
      current = found.options.expand;
    }
  }
  return items;
}

/** Items of two $expand lists for the same parent, one item per navigation property. */
function merge(a: ExpandItem[], b: ExpandItem[]): ExpandItem[] {
  const out = [...a];
  for (const item of b) {
    const same = out.find((x) => x.nav === item.nav);
    if (!same) out.push(item);
    else same.options = { ...item.options, expand: merge(same.options.expand, item.options.expand) };
  }
  return out;
}

function readOptions(pairs: [string, string][], level: Level, depth: number): QueryOptions {
  const options: QueryOptions = { expand: [], raw: [] };
  const seen = new Set<string>();
  for (const [rawName, value] of pairs) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('$')) {
      if (level === 'expand') throw bad(`In $expand, "${rawName}" is not an option; options start with $.`);
      continue;
    }
    if (!NAMES[level].includes(name)) {
      throw bad(
        `Unknown option ${rawName}${level === 'expand' ? ' inside $expand' : ''}; use ${NAMES[level].join(', ')}.`,
        {
          option: rawName,
        },
      );
    }
    if (seen.has(name)) throw bad(`${rawName} is given twice; give it once.`);
    seen.add(name);
    options.raw.push([rawName, value]);
    switch (name) {
      case '$top':
        options.top = wholeNumber('$top', value);
        break;
      case '$skip':
        options.skip = wholeNumber('$skip', value);
        break;
      case '$count': {
        const v = value.trim().toLowerCase();
        if (v !== 'true' && v !== 'false') throw bad(`$count takes true or false, not "${value}".`);
        options.count = v === 'true';
        break;
      }
      case '$filter':
        options.filter = parseFilter(value);
        break;
      case '$orderby':
        options.orderBy = parseOrderBy(value);
        break;
      case '$select': {
        const names = value.split(',').map((s) => s.trim());
        if (names.some((n) => n === ''))
          throw bad(`$select lists property names separated by commas, not "${value}".`);
        options.select = names;
        break;
      }
      case '$expand':
        options.expand = parseExpand(value, depth);
        break;
      case '$resultformat':
        if (value.trim().toLowerCase() !== 'dataarray') {
          throw bad(`$resultFormat takes dataArray, not "${value}".`);
        }
        options.resultFormat = 'dataArray';
        break;
      case '$skiptoken':
        options.skipToken = value;
        break;
    }
  }
  return options;
}

/** Reads the options of a request from its query string pairs. */
export function parseQueryOptions(pairs: [string, string][]): QueryOptions {
  return readOptions(pairs, 'request', 0);
}

/** Checks `$select` and `$expand` against the entity type they apply to (and their nested options, recursively). */
export function checkOptions(entity: EntityType, options: QueryOptions): void {
  for (const name of options.select ?? []) {
    if (!isProperty(entity, name) && !entity.navigation[name] && name !== '@iot.selfLink') {
      throw bad(`$select: a ${entity.name} has no "${name}"; it has id, ${describeMembers(entity)}.`, {
        select: name,
      });
    }
  }
  for (const item of options.expand) {
    const nav = entity.navigation[item.nav];
    if (!nav) {
      throw bad(
        `$expand: a ${entity.name} has no navigation property "${item.nav}"; it has ${Object.keys(entity.navigation).join(', ')}.`,
        {
          expand: item.nav,
        },
      );
    }
    checkOptions(ENTITIES[nav.target], item.options);
  }
}
