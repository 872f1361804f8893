import { describe, expect, it } from 'vitest';
import {
  ftsMatchValue,
  fullTextCondition,
  fullTextMatch,
  postgresSearchVector,
  searchIndexShape,
  searchTerms,
  spatialCondition,
  spatialPrefilter,
  tsQueryValue,
} from './search-index.js';

describe('searchTerms', () => {
  it('splits on everything but letters and digits, keeping diacritics and case', () => {
    expect(searchTerms('Phở Hòa, Bánh-mì')).toEqual(['Phở', 'Hòa', 'Bánh', 'mì']);
    expect(searchTerms('info@phohoa.example 4.5 /usr/bin')).toEqual([
      'info',
      'phohoa',
      'example',
      '4',
      '5',
      'usr',
      'bin',
    ]);
    expect(searchTerms("Niño's PEÑA_2")).toEqual(['Niño', 's', 'PEÑA', '2']);
  });

  it('drops search syntax and repeats, and finds nothing in nothing', () => {
    expect(searchTerms('"pizza" AND -niño* OR x²')).toEqual(['pizza', 'AND', 'niño', 'OR', 'x']);
    expect(searchTerms('a a b')).toEqual(['a', 'b']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(' !?… — ')).toEqual([]);
  });

  it('composes decomposed letters', () => {
    expect(searchTerms('Pho\u031b\u0309')).toEqual(['Phở']);
  });
});

describe('parameter values', () => {
  it('quotes every term for FTS5 and for to_tsquery', () => {
    expect(ftsMatchValue(['phở', 'a"b'])).toBe('"phở" "a""b"');
    expect(tsQueryValue(['phở', "a'b", 'c\\d'])).toBe("'phở' & 'a''b' & 'c\\\\d'");
    expect(() => ftsMatchValue([])).toThrow(RangeError);
    expect(() => tsQueryValue([])).toThrow(RangeError);
  });
});

describe('conditions', () => {
  it('writes the spatial prefilter with placeholders in west, south, east, north order', () => {
    expect(spatialPrefilter('sqlite', 't_x', ['?', '?', '?', '?'])).toBe(
      '"_id" IN (SELECT id FROM "t_x_rtree" WHERE maxx >= ? AND maxy >= ? AND minx <= ? AND miny <= ?)',
    );
    expect(spatialPrefilter('postgres', 't_x', ['$1', '$2', '$3', '$4'])).toBe(
      'box(point("_minx", "_miny"), point("_maxx", "_maxy")) && box(point($1, $2), point($3, $4))',
    );
    const values: unknown[] = [];
    const params = { add: (v: string | number) => `$${values.push(v)}` };
    expect(spatialCondition('postgres', 't_x', [-118, 33.7, -117.9, 33.8], params)).toContain(
      'point($3, $4)',
    );
    expect(values).toEqual([-118, 33.7, -117.9, 33.8]);
  });

  it('writes the full-text condition over the indexed document', () => {
    expect(fullTextMatch('sqlite', 't_x', ['a'], '?')).toBe(
      '"_id" IN (SELECT rowid FROM "t_x_fts" WHERE "t_x_fts" MATCH ?)',
    );
    const vector = postgresSearchVector(['a', 'b']);
    expect(vector).toBe(
      `to_tsvector('simple'::regconfig, regexp_replace(left(coalesce("a", '') || ' ' || coalesce("b", ''), 250000), '[^[:alnum:]]+', ' ', 'g'))`,
    );
    expect(fullTextMatch('postgres', 't_x', ['a', 'b'], '$1')).toBe(
      `${vector} @@ to_tsquery('simple'::regconfig, $1)`,
    );
    const values: unknown[] = [];
    const params = { add: (v: string | number) => `$${values.push(v)}::text` };
    fullTextCondition('postgres', 't_x', ['a'], ['Phở', 'hòa'], params);
    expect(values).toEqual(["'Phở' & 'hòa'"]);
  });

  it('matches nothing in a table without text, still using its parameter', () => {
    expect(fullTextMatch('sqlite', 't_x', [], '?')).toBe('(? IS NULL AND 0)');
    expect(fullTextMatch('postgres', 't_x', [], '$1')).toBe('(($1)::text IS NULL AND false)');
  });

  it('derives the indexed columns from the table columns', () => {
    expect(
      searchIndexShape([
        { name: 'name', type: 'text' },
        { name: 'n', type: 'number' },
        { name: 'where', type: 'geometry' },
        { name: 'note', type: 'text' },
      ]),
    ).toEqual({ textColumns: ['name', 'note'], geometry: true });
  });
});
