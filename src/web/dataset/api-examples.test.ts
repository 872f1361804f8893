import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../catalog/catalog.schema.js';
import { exampleQuery, examplesFor, sampleCondition, shellQuote } from './api-examples.js';

const column = (field: string, type: string): Column => ({
  field,
  name: field,
  type,
  description: '',
  unit: null,
});
const COLUMNS = [
  column('permit_number', 'text'),
  column('permit_type', 'text'),
  column('valuation', 'number'),
  column('issued_date', 'date'),
  column('location', 'geometry'),
];
const ROWS = [
  ['P-1', 'Roof', 1000, '2024-01-01', { type: 'Point', coordinates: [0, 0] }],
  ['P-2', 'Pool', 2000, '2024-01-02', null],
  ['P-3', "Owner's roof", 3000, '2024-01-03', null],
  ['P-4', 'Pool', 4000, '2024-01-04', null],
];

describe('API examples', () => {
  it('filters on the category-like text column, by its most common value', () => {
    expect(sampleCondition(COLUMNS, ROWS)).toBe("permit_type = 'Pool'");
  });

  it('falls back to a number or date of the first row, then to a non-empty test', () => {
    const numbers = [column('valuation', 'number'), column('issued_date', 'date')];
    expect(sampleCondition(numbers, [[1000, '2024-01-01']])).toBe('valuation >= 1000');
    expect(sampleCondition([column('issued_date', 'date')], [['2024-01-01']])).toBe(
      "issued_date >= '2024-01-01'",
    );
    expect(sampleCondition([column('order', 'text')], [])).toBe('`order` IS NOT NULL');
  });

  it('selects a few real columns, orders by a date, and asks for a page', () => {
    expect(exampleQuery(COLUMNS, ROWS)).toEqual([
      ['$select', 'permit_number, permit_type, valuation'],
      ['$where', "permit_type = 'Pool'"],
      ['$order', 'issued_date DESC'],
      ['$limit', '100'],
    ]);
  });

  it('quotes for the shell so that the shell passes every character through', () => {
    for (const text of ["$where=a = 'O''Brien'", 'plain', "it's", '$HOME `x` "y"']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
    }
  });

  it('writes the same request in curl, JavaScript, Python and R', () => {
    const params: [string, string][] = [
      ['$where', "contractor = 'O''Brien \"Roofing\"'"],
      ['$limit', '100'],
    ];
    const [curl, js, python, r] = examplesFor({
      url: 'https://data.example.gov/api/v1/datasets/permits/query',
      params,
      key: false,
      answer: 'rows',
    }).map((e) => e.code);
    expect(curl).toBe(
      [
        "curl -G 'https://data.example.gov/api/v1/datasets/permits/query' \\",
        `  --data-urlencode '$where=contractor = '\\''O'\\'''\\''Brien "Roofing"'\\''' \\`,
        "  --data-urlencode '$limit=100'",
      ].join('\n'),
    );
    expect(js).toContain('url.searchParams.set("$where", "contractor = \'O\'\'Brien \\"Roofing\\"\'");');
    expect(js).toContain('const { rows } = await response.json();');
    expect(python).toContain('"$where": "contractor = \'O\'\'Brien \\"Roofing\\"\'",');
    expect(python).toContain('"$limit": 100,');
    expect(r).toContain('`$where` = "contractor = \'O\'\'Brien \\"Roofing\\"\'",');
    expect(r).toContain('resp_body_json(simplifyVector = TRUE)');
  });

  it('sends the API key when the rows are restricted', () => {
    const codes = examplesFor({ url: 'https://x/api', params: [], key: true, answer: 'latest' }).map(
      (e) => e.code,
    );
    expect(codes[0]).toContain('-H "X-Api-Key: $PLAZA_KEY"');
    expect(codes[1]).toContain('"X-Api-Key": PLAZA_KEY');
    expect(codes[2]).toContain('headers={"X-Api-Key": os.environ["PLAZA_KEY"]}');
    expect(codes[3]).toContain('req_headers(`X-Api-Key` = Sys.getenv("PLAZA_KEY"))');
  });
});
