/**
 * Copyable API examples for one dataset in curl, JavaScript, Python and R, filled in with its real field names
 * and, when a row is at hand, a real value: what a developer pastes and runs. Pure; every value is quoted for
 * the language it lands in (shell single quotes, JSON-style string literals, SoQL quotes doubled).
 */
import type { Column } from '../../catalog/catalog.schema.js';
import type { JsonValue } from '../../query/decode.js';
import { soqlName, soqlString } from './table-filter.js';

export type ExampleLanguage = 'curl' | 'javascript' | 'python' | 'r';
export const EXAMPLE_LANGUAGES: readonly ExampleLanguage[] = ['curl', 'javascript', 'python', 'r'];

export interface ApiExample {
  language: ExampleLanguage;
  code: string;
}

/** A word for the shell: single-quoted, a quote inside written '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A string literal for JavaScript, Python and R (JSON string syntax is valid in all three). */
const str = (text: string) => JSON.stringify(text);

const SHORT_TEXT = 40;

/**
 * A `$where` on a real column with a real value: the text column of the sample rows with the fewest distinct
 * values (a category rather than an identifier) and its most common value; else a number or date from the
 * first row; else a test that the first column is not empty.
 */
export function sampleCondition(
  columns: readonly Column[],
  rows: readonly (readonly JsonValue[])[],
): string | null {
  let best: { column: Column; value: string; distinct: number } | null = null;
  columns.forEach((column, i) => {
    if (column.type !== 'text') return;
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = row[i];
      if (typeof value === 'string' && value.trim() !== '' && value.length <= SHORT_TEXT) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    // A category has short values in (nearly) every row; long free text is no example of one.
    const short = [...counts.values()].reduce((a, b) => a + b, 0);
    if (counts.size === 0 || short < rows.length * 0.8) return;
    const [value] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
    if (!best || counts.size < best.distinct) best = { column, value, distinct: counts.size };
  });
  const chosen = best as { column: Column; value: string } | null;
  if (chosen) return `${soqlName(chosen.column.field)} = ${soqlString(chosen.value)}`;
  const first = rows[0];
  for (const [i, column] of columns.entries()) {
    const value = first?.[i];
    if (column.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      return `${soqlName(column.field)} >= ${value}`;
    }
    if ((column.type === 'date' || column.type === 'timestamp') && typeof value === 'string') {
      return `${soqlName(column.field)} >= ${soqlString(value.slice(0, 10))}`;
    }
  }
  const plain = columns.find((c) => c.type !== 'geometry');
  return plain ? `${soqlName(plain.field)} IS NOT NULL` : null;
}

/** The SoQL parameters of the table examples: a few real columns, a real condition, the newest first. */
export function exampleQuery(
  columns: readonly Column[],
  rows: readonly (readonly JsonValue[])[],
): [string, string][] {
  const plain = columns.filter((c) => c.type !== 'geometry');
  const params: [string, string][] = [];
  if (plain.length > 0)
    params.push([
      '$select',
      plain
        .slice(0, 3)
        .map((c) => soqlName(c.field))
        .join(', '),
    ]);
  const where = sampleCondition(columns, rows);
  if (where) params.push(['$where', where]);
  const dated = plain.find((c) => c.type === 'date' || c.type === 'timestamp');
  if (dated) params.push(['$order', `${soqlName(dated.field)} DESC`]);
  params.push(['$limit', '100']);
  return params;
}

interface ExampleInput {
  /** The endpoint, absolute. */
  url: string;
  /** Query parameters, in order. */
  params: readonly [string, string][];
  /** Whether the dataset needs an API key with access. */
  key: boolean;
  /** What to do with the answer: read `rows` of a query, or the datastreams of `latest`. */
  answer: 'rows' | 'latest';
}

function curl({ url, params, key }: ExampleInput): string {
  const lines = [`curl -G ${shellQuote(url)}`];
  if (key) lines.push(`  -H "X-Api-Key: $PLAZA_KEY"`);
  for (const [name, value] of params) lines.push(`  --data-urlencode ${shellQuote(`${name}=${value}`)}`);
  return lines.join(' \\\n');
}

function javascript({ url, params, key, answer }: ExampleInput): string {
  const lines = [`const url = new URL(${str(url)});`];
  for (const [name, value] of params) lines.push(`url.searchParams.set(${str(name)}, ${str(value)});`);
  lines.push('');
  if (key) lines.push(`const response = await fetch(url, { headers: { "X-Api-Key": PLAZA_KEY } });`);
  else lines.push('const response = await fetch(url);');
  lines.push('if (!response.ok) throw new Error(`HTTP ${response.status}`);');
  if (answer === 'rows') lines.push('const { rows } = await response.json();', 'console.table(rows);');
  else lines.push('const { datastreams } = await response.json();', 'console.table(datastreams);');
  return lines.join('\n');
}

function python({ url, params, key, answer }: ExampleInput): string {
  const lines = key ? ['import os', '', 'import requests', ''] : ['import requests', ''];
  lines.push('response = requests.get(', `    ${str(url)},`);
  if (params.length > 0) {
    lines.push('    params={');
    for (const [name, value] of params) {
      lines.push(`        ${str(name)}: ${name === '$limit' ? value : str(value)},`);
    }
    lines.push('    },');
  }
  if (key) lines.push('    headers={"X-Api-Key": os.environ["PLAZA_KEY"]},');
  lines.push('    timeout=60,', ')', 'response.raise_for_status()');
  if (answer === 'rows') lines.push('rows = response.json()["rows"]', 'print(len(rows), rows[:3])');
  else
    lines.push(
      'for stream in response.json()["datastreams"]:',
      '    print(stream["name"], stream["result"], stream["unit"])',
    );
  return lines.join('\n');
}

function r({ url, params, key, answer }: ExampleInput): string {
  const lines = ['library(httr2)', '', `answer <- request(${str(url)}) |>`];
  if (params.length > 0) {
    lines.push('  req_url_query(');
    params.forEach(([name, value], i) => {
      const v = name === '$limit' ? value : str(value);
      lines.push(`    \`${name}\` = ${v}${i < params.length - 1 ? ',' : ''}`);
    });
    lines.push('  ) |>');
  }
  if (key) lines.push('  req_headers(`X-Api-Key` = Sys.getenv("PLAZA_KEY")) |>');
  lines.push('  req_perform() |>', '  resp_body_json(simplifyVector = TRUE)');
  lines.push(answer === 'rows' ? 'head(answer$rows)' : 'answer$datastreams');
  return lines.join('\n');
}

/** The four examples for one request. */
export function examplesFor(input: ExampleInput): ApiExample[] {
  return [
    { language: 'curl', code: curl(input) },
    { language: 'javascript', code: javascript(input) },
    { language: 'python', code: python(input) },
    { language: 'r', code: r(input) },
  ];
}
