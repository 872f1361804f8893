import { describe, expect, it } from 'vitest';
import {
  catalogHref,
  effectiveSort,
  hasSearchParams,
  isNarrowed,
  parseCatalogQuery,
} from './catalog-query.js';
import { pageSlots } from './pagination.js';

describe('catalog query', () => {
  it('reads what people and old links send, forgiving blanks, repeats and junk', () => {
    expect(
      parseCatalogQuery({
        q: '  permits ',
        category: ['parking', 'traffic'],
        department: '',
        format: 'CSV',
        sort: 'sideways',
        page: '-3',
        lang: 'vi',
      }),
    ).toEqual({ q: 'permits', category: 'parking', format: 'CSV', page: 1 });
    expect(parseCatalogQuery({ page: '99999999', sort: 'title' })).toEqual({ page: 10_000, sort: 'title' });
    expect(parseCatalogQuery({ page: 'two' })).toEqual({ page: 1 });
    expect(parseCatalogQuery({ q: 'x'.repeat(1000) }).q).toHaveLength(200);
  });

  it('writes one address per state: defaults left out, back to page 1 on any change', () => {
    const query = parseCatalogQuery({ q: 'trees', category: 'parks-recreation', page: '3' });
    expect(catalogHref(query)).toBe('/datasets?q=trees&category=parks-recreation');
    expect(catalogHref(query, { page: 4 })).toBe('/datasets?q=trees&category=parks-recreation&page=4');
    expect(catalogHref(query, { category: undefined })).toBe('/datasets?q=trees');
    expect(catalogHref(query, { sort: 'relevance' })).toBe('/datasets?q=trees&category=parks-recreation');
    expect(catalogHref(query, { sort: 'title', format: 'CSV' })).toBe(
      '/datasets?q=trees&category=parks-recreation&format=CSV&sort=title',
    );
    expect(catalogHref({ page: 1, sort: 'updated' })).toBe('/datasets');
    expect(catalogHref({ page: 1, keyword: 'a&b' })).toBe('/datasets?keyword=a%26b');
  });

  it('sorts by relevance with words and by recency without, and knows a narrowed query', () => {
    expect(effectiveSort({ page: 1, q: 'x' })).toBe('relevance');
    expect(effectiveSort({ page: 1 })).toBe('updated');
    expect(isNarrowed({ page: 2 })).toBe(false);
    expect(isNarrowed({ page: 1, keyword: 'trees' })).toBe(true);
    expect(hasSearchParams({ lang: 'es' })).toBe(false);
    expect(hasSearchParams({ lang: 'es', page: '2' })).toBe(true);
  });

  it('shows the first, the last and the pages around the current one', () => {
    expect(pageSlots(1, 1)).toEqual([1]);
    expect(pageSlots(1, 5)).toEqual([1, 2, null, 5]);
    expect(pageSlots(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageSlots(6, 20)).toEqual([1, null, 5, 6, 7, null, 20]);
    expect(pageSlots(20, 20)).toEqual([1, null, 19, 20]);
  });
});
