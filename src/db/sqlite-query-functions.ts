/**
 * Scalar functions the query compiler calls on SQLite where the built-ins fall short: case mapping beyond
 * ASCII (as PostgreSQL does under a UTF-8 locale) and the wall-clock time of an instant in the city's zone.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { zoneClock } from '../tables/import/temporal.js';
import { searchWords } from './search-index.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS` of a stored ISO instant (with `Z`) in an IANA zone; null for anything else. */
export function localWallTime(iso: string, timeZone: string): string | null {
  // Seconds are enough here; reading only `YYYY-MM-DDTHH:MM:SS` as UTC also takes the padded sort key of an
  // aggregated timestamp, which has no `Z`.
  const ms = iso.length >= 19 ? Date.parse(`${iso.slice(0, 19)}Z`) : NaN;
  if (!Number.isFinite(ms)) return null;
  const wall = new Date(ms + zoneClock(timeZone).offsetAt(ms));
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`
  );
}

export function registerQueryFunctions(db: BetterSqlite3.Database): void {
  const options = { deterministic: true, varargs: false };
  db.function('plaza_upper', options, (value: unknown) =>
    typeof value === 'string' ? value.toUpperCase() : (value as null),
  );
  db.function('plaza_lower', options, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : (value as null),
  );
  // Full text without the FTS5 index (while a large table's index is built): every term is a word of some column.
  let lastTerms = '';
  let terms: string[] = [];
  db.function(
    'plaza_words_match',
    { deterministic: true, varargs: true },
    (json: unknown, ...texts: unknown[]) => {
      if (typeof json !== 'string') return null;
      if (json !== lastTerms) {
        terms = (JSON.parse(json) as string[]).map((t) => t.toLowerCase());
        lastTerms = json;
      }
      const words = new Set<string>();
      for (const text of texts) {
        if (typeof text === 'string') for (const word of searchWords(text)) words.add(word.toLowerCase());
      }
      return terms.every((t) => words.has(t)) ? 1 : 0;
    },
  );
  db.function('plaza_local', options, (value: unknown, zone: unknown) =>
    typeof value === 'string' && typeof zone === 'string' ? localWallTime(value, zone) : null,
  );
}
