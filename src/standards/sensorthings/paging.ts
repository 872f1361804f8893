/**
 * `@iot.nextLink`: the request again, continued. Where the order is by plain non-null columns (the id by
 * default, an Observation's phenomenonTime...), the link carries an opaque `$skiptoken` holding the order keys
 * of the last entity shown, and the next page starts right after it, fast at any depth and stable while
 * observations arrive. Other orders continue with `$skip`.
 */
import { errors } from '../../errors.js';

interface Token {
  /** Order keys of the last entity shown. */
  a: unknown[];
  /** The `$orderby` the keys belong to. */
  o: string;
}

const stale = () =>
  errors.staBadQuery(
    'The $skiptoken does not fit this request (or was altered); start again from the first page.',
  );

export function encodeSkipToken(after: unknown[], orderBy: string): string {
  return Buffer.from(JSON.stringify({ a: after, o: orderBy } satisfies Token)).toString('base64url');
}

/** The order keys a `$skiptoken` continues after; a `sta.bad_query` error for a token of another order. */
export function decodeSkipToken(token: string, orderBy: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw stale();
  }
  const t = parsed as Partial<Token> | null;
  if (!t || typeof t !== 'object' || !Array.isArray(t.a) || t.o !== orderBy) throw stale();
  if (t.a.length === 0 || t.a.some((v) => typeof v !== 'number' && typeof v !== 'string')) throw stale();
  return t.a;
}

/**
 * The URL of a request with some options replaced: `pairs` are the request's query options as written,
 * `replace` sets (or with undefined removes) options by name, compared without regard to case.
 */
export function linkWith(
  base: string,
  pairs: readonly [string, string][],
  replace: Record<string, string | undefined>,
): string {
  const names = new Set(Object.keys(replace).map((n) => n.toLowerCase()));
  const kept = pairs.filter(([name]) => !names.has(name.toLowerCase()));
  const added = Object.entries(replace).filter((e): e is [string, string] => e[1] !== undefined);
  const query = [...kept, ...added]
    .map(([name, value]) => `${encodeName(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${base}?${query}` : base;
}

/** `$top` stays readable; anything else a name holds is escaped. */
function encodeName(name: string): string {
  return name.startsWith('$') ? `$${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}
