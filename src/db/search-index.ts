/**
 * The search indexes of dataset tables, as the query compiler uses them: names, the tokenization rule and the
 * SQL conditions, the same answers on both databases. The DDL that builds them lives in `sqlite-search-index.ts`
 * and `postgres-search-index.ts`; both read the conventions from here.
 *
 * Spatial: rows whose bbox (`_minx`, `_miny`, `_maxx`, `_maxy`, lon/lat) meets a box. SQLite keeps an R*Tree
 * `<table>_rtree (id, minx, maxx, miny, maxy)`, id = `_id`, rows without geometry absent; PostgreSQL a GiST index on
 * `box(point(_minx, _miny), point(_maxx, _maxy))`. Both are prefilters: the R*Tree stores 32-bit floats rounded
 * outwards and PostgreSQL's `&&` compares with a 1e-6 tolerance, so they may let through a row that lies just
 * outside the box (never drop one inside it); the caller adds the exact test.
 *
 * Full text: a row matches when every term occurs as a whole word in at least one of its text columns (terms may
 * be in different columns), case-insensitively, diacritics significant (`phở` ≠ `pho`, `PHỞ` = `phở`). Words are
 * the runs of letters (L*), decimal digits (Nd), letter numbers (Nl) and spacing marks (Mc); everything else
 * separates words, so `foo-bar`, `a.b@c.com`, `1.5` and `/usr/bin` are two, three... words on both databases.
 * `searchTerms` cuts the query text (in NFC) by that rule; each database tokenizes and folds case itself.
 * SQLite: FTS5 table `<table>_fts` (unicode61 tokenizer with those categories, no diacritic removal).
 * PostgreSQL: GIN index on `to_tsvector('simple', <document>)`, the document being the text columns joined by
 * spaces with every run of non-alphanumeric characters made one space (the default parser would otherwise keep
 * emails, URLs, hyphenated words, decimals and paths whole); letters and case come from the database's LC_CTYPE.
 *
 * Known differences, none for Latin (incl. Vietnamese and Spanish), Greek, Cyrillic, Hangul or CJK text in NFC
 * apart from these letters: PostgreSQL needs a UTF-8 LC_CTYPE (under `C`, non-ASCII letters separate words and
 * only ASCII folds case); SQLite folds `ſ`, `µ`, `ẛ`, final `ς` and Greek symbol variants (`ϐ`...) to their
 * letters and PostgreSQL does not; PostgreSQL folds `İ` and letters newer than SQLite's Unicode tables (Latin
 * Extended-D, Cherokee...) and SQLite does not. Elsewhere: combining marks (text in NFD, marks in Indic or Thai
 * words) may continue a word on one database and split it on the other; characters newer than SQLite's tables
 * (recent emoji) are word characters on SQLite. Superscripts, fractions and circled digits (No) separate words on
 * both (`x²` is the word `x`). PostgreSQL indexes the first 250,000 characters of a row's text and skips words over
 * 2,047 bytes.
 */
import type { PhysicalColumn, SearchIndexShape } from './dialect.js';

/** The databases a condition is written for. */
export type SearchDialect = 'sqlite' | 'postgres';

/** Collects a parameter value and returns its placeholder (the query compiler's `Params` fits). */
export interface SearchParams {
  add(value: string | number, type: 'text' | 'number'): string;
}

/** A box as west, south, east, north (min lon, min lat, max lon, max lat). */
export type SearchBox = readonly [number, number, number, number];

/** The FTS5 tokenizer of every `<table>_fts`: the word rule above, no diacritic removal. */
export const FTS5_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* Nd Nl Mc'";

/** PostgreSQL's text search configuration: no stemming and no stop words, lower case only. */
export const TEXT_SEARCH_CONFIG = 'simple';

/** Characters of a row's text that PostgreSQL indexes: far below the 1 MB limit of a tsvector. */
export const MAX_INDEXED_CHARS = 250_000;

/** A search term: a run of word characters (see the module comment). */
const WORD = /[\p{L}\p{Nd}\p{Nl}\p{Mc}]+/gu;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Name of the SQLite R*Tree over a table's bounding boxes. */
export function rtreeTable(table: string): string {
  return `${table}_rtree`;
}

/** Name of the SQLite FTS5 table over a table's text columns. */
export function ftsTable(table: string): string {
  return `${table}_fts`;
}

/** What a table's search indexes cover: its text columns in table order, and whether it has bbox columns. */
export function searchIndexShape(columns: readonly PhysicalColumn[]): SearchIndexShape {
  return {
    textColumns: columns.filter((c) => c.type === 'text').map((c) => c.name),
    geometry: columns.some((c) => c.type === 'geometry'),
  };
}

/**
 * The terms of a search text (`$q`): its words in order (NFC), each once, as typed (the databases fold case);
 * [] when it has none, and then the caller adds no condition.
 */
export function searchTerms(q: string): string[] {
  return [...new Set(q.normalize('NFC').match(WORD) ?? [])];
}

function requireTerms(terms: readonly string[]): void {
  if (terms.length === 0) throw new RangeError('a full-text condition needs at least one term');
}

/** The FTS5 MATCH value for terms: each a double-quoted string (`"` doubled), space-separated (AND). */
export function ftsMatchValue(terms: readonly string[]): string {
  requireTerms(terms);
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

/** The `to_tsquery` value for terms: each single-quoted (`'` doubled, `\` escaped), joined by ` & `. */
export function tsQueryValue(terms: readonly string[]): string {
  requireTerms(terms);
  return terms.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** The one parameter value of `fullTextMatch` for a dialect. */
export function fullTextParam(dialect: SearchDialect, terms: readonly string[]): string {
  return dialect === 'sqlite' ? ftsMatchValue(terms) : tsQueryValue(terms);
}

/** PostgreSQL: the indexed bbox expression; queries must repeat it exactly for the GiST index to serve them. */
export function postgresBboxKey(): string {
  return `box(point("_minx", "_miny"), point("_maxx", "_maxy"))`;
}

/**
 * PostgreSQL: the indexed document vector over the text columns (in table order); immutable, so indexable, and
 * repeated exactly by `fullTextMatch`.
 */
export function postgresSearchVector(textColumns: readonly string[]): string {
  const joined = textColumns.map((c) => `coalesce(${quote(c)}, '')`).join(` || ' ' || `);
  const document = `regexp_replace(left(${joined}, ${MAX_INDEXED_CHARS}), '[^[:alnum:]]+', ' ', 'g')`;
  return `to_tsvector('${TEXT_SEARCH_CONFIG}'::regconfig, ${document})`;
}

/**
 * Rows whose bbox may meet a query box, through the spatial index. `placeholders` stand for west, south, east,
 * north, and appear in the SQL in that order (positional `?` placeholders bind in order). SQLite:
 * `"_id" IN (SELECT id FROM "<t>_rtree" WHERE maxx >= W AND maxy >= S AND minx <= E AND miny <= N)`;
 * PostgreSQL: `box(point("_minx", "_miny"), point("_maxx", "_maxy")) && box(point(W, S), point(E, N))`.
 */
export function spatialPrefilter(
  dialect: SearchDialect,
  table: string,
  placeholders: readonly [string, string, string, string],
): string {
  const [w, s, e, n] = placeholders;
  if (dialect === 'sqlite') {
    return `${quote('_id')} IN (SELECT id FROM ${quote(rtreeTable(table))} WHERE maxx >= ${w} AND maxy >= ${s} AND minx <= ${e} AND miny <= ${n})`;
  }
  return `${postgresBboxKey()} && box(point(${w}, ${s}), point(${e}, ${n}))`;
}

/**
 * Rows holding every search term, through the full-text index; `placeholder` carries `fullTextParam(terms)`.
 * SQLite: `"_id" IN (SELECT rowid FROM "<t>_fts" WHERE "<t>_fts" MATCH ?)`; PostgreSQL:
 * `<postgresSearchVector(textColumns)> @@ to_tsquery('simple'::regconfig, $n)`. A table without text columns
 * matches no row (the placeholder is still used, so parameters stay in step).
 */
export function fullTextMatch(
  dialect: SearchDialect,
  table: string,
  textColumns: readonly string[],
  placeholder: string,
): string {
  if (textColumns.length === 0) {
    return dialect === 'sqlite'
      ? `(${placeholder} IS NULL AND 0)`
      : `((${placeholder})::text IS NULL AND false)`;
  }
  if (dialect === 'sqlite') {
    const fts = quote(ftsTable(table));
    return `${quote('_id')} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${placeholder})`;
  }
  return `${postgresSearchVector(textColumns)} @@ to_tsquery('${TEXT_SEARCH_CONFIG}'::regconfig, ${placeholder})`;
}

/**
 * `spatialPrefilter` with the box's four numbers added to `params` (in placeholder order). Before a SQLite
 * table's indexes exist (`indexed` false: they are built in the background after a large import), the same
 * rows are found by comparing the bbox columns directly.
 */
export function spatialCondition(
  dialect: SearchDialect,
  table: string,
  box: SearchBox,
  params: SearchParams,
  indexed = true,
): string {
  const [w, s, e, n] = box.map((v) => params.add(v, 'number')) as [string, string, string, string];
  if (dialect === 'sqlite' && !indexed) {
    return `(${quote('_maxx')} >= ${w} AND ${quote('_maxy')} >= ${s} AND ${quote('_minx')} <= ${e} AND ${quote('_miny')} <= ${n})`;
  }
  return spatialPrefilter(dialect, table, [w, s, e, n]);
}

/** The words of a text by the rule above, for matching without the index. */
export function searchWords(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/**
 * `fullTextMatch` with the terms' parameter added to `params`; `terms` must not be empty. Before a SQLite
 * table's indexes exist, `plaza_words_match(terms as JSON, columns...)` applies the same word rule row by row
 * (case folded by JavaScript's `toLowerCase`, which agrees with FTS5 on the letters of city data).
 */
export function fullTextCondition(
  dialect: SearchDialect,
  table: string,
  textColumns: readonly string[],
  terms: readonly string[],
  params: SearchParams,
  indexed = true,
): string {
  if (dialect === 'sqlite' && !indexed) {
    requireTerms(terms);
    const placeholder = params.add(JSON.stringify(terms), 'text');
    if (textColumns.length === 0) return `(${placeholder} IS NULL AND 0)`;
    return `plaza_words_match(${placeholder}, ${textColumns.map(quote).join(', ')})`;
  }
  return fullTextMatch(dialect, table, textColumns, params.add(fullTextParam(dialect, terms), 'text'));
}
