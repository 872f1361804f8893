/**
 * The catalog page's state, all of it in the URL: the search words, one value per facet, the sort and the page.
 * Parsing forgives what people and old links send (repeated parameters, blanks, junk pages); links are written
 * back in one canonical order, without defaults, so that every state has exactly one address.
 */

export const FACETS = ['category', 'department', 'format', 'keyword'] as const;
export type FacetName = (typeof FACETS)[number];

export const SORTS = ['relevance', 'updated', 'title'] as const;
export type Sort = (typeof SORTS)[number];

export interface CatalogQuery {
  q?: string;
  category?: string;
  department?: string;
  format?: string;
  keyword?: string;
  /** Only when chosen; the default is relevance with words, recently updated without. */
  sort?: Sort;
  page: number;
}

/** The parameters of the search page (and of the home page's address before the catalog moved). */
export const SEARCH_PARAMS = ['q', ...FACETS, 'sort', 'page'] as const;

const MAX_Q = 200;
const MAX_VALUE = 200;
export const MAX_PAGE = 10_000;

type Raw = Record<string, unknown> | undefined;

/** A parameter's first value, trimmed; undefined when absent or blank. */
function first(raw: Raw, name: string, max: number): string | undefined {
  const value = raw?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

export function parseCatalogQuery(raw: Raw): CatalogQuery {
  const sort = first(raw, 'sort', 20);
  const page = Number.parseInt(first(raw, 'page', 10) ?? '1', 10);
  const query: CatalogQuery = {
    page: Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, page)) : 1,
  };
  const q = first(raw, 'q', MAX_Q);
  if (q !== undefined) query.q = q;
  for (const facet of FACETS) {
    const value = first(raw, facet, MAX_VALUE);
    if (value !== undefined) query[facet] = value;
  }
  if (sort !== undefined && (SORTS as readonly string[]).includes(sort)) query.sort = sort as Sort;
  return query;
}

/** The sort the results are in: the one chosen, or the default for the query. */
export function effectiveSort(query: CatalogQuery): Sort {
  return query.sort ?? (query.q ? 'relevance' : 'updated');
}

/** Whether the query narrows the catalog (words or a facet): such pages are not for search engines. */
export function isNarrowed(query: CatalogQuery): boolean {
  return query.q !== undefined || FACETS.some((f) => query[f] !== undefined);
}

export type QueryChange = Partial<Record<Exclude<keyof CatalogQuery, 'page'>, string | undefined>> & {
  page?: number;
};

/**
 * The address of the catalog in a changed state. A change of words, facets or sort goes back to page 1;
 * the sort is left out when it is the default for the words.
 */
export function catalogHref(query: CatalogQuery, change: QueryChange = {}, base = '/datasets'): string {
  const next: Record<string, string | number | undefined> = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = next[name];
    if (value === undefined || value === '') continue;
    if (name === 'page' && value === 1) continue;
    if (name === 'sort' && value === (next.q ? 'relevance' : 'updated')) continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

/** Whether a request's query carries any search parameter (old links to the home page's search). */
export function hasSearchParams(raw: Raw): boolean {
  return SEARCH_PARAMS.some((name) => raw?.[name] !== undefined);
}
