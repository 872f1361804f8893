import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search, tokenize, type SearchDocument } from './search.js';

const doc = (over: Partial<SearchDocument> & { id: string }): SearchDocument => ({
  title: over.id,
  description: '',
  keywords: [],
  columns: [],
  category: 'city-services',
  department: 'public-works',
  formats: ['CSV'],
  updated: '2026-01-01T00:00:00Z',
  ...over,
});

const catalog = [
  doc({
    id: 'permits',
    title: 'Building Permits',
    keywords: ['construction'],
    category: 'permits-licensing',
    updated: '2026-03-01T00:00:00Z',
  }),
  doc({
    id: 'trees',
    title: 'Street Trees',
    description: 'Trees planted by permit of the city.',
    category: 'parks-recreation',
    formats: ['CSV', 'GeoJSON'],
  }),
  doc({
    id: 'licences',
    title: 'Business Licences',
    columns: ['permit_reference'],
    category: 'permits-licensing',
    department: 'finance',
  }),
  doc({
    id: 'budget',
    title: 'Operating Budget',
    description: 'Spending by department.',
    category: 'finance',
    department: 'finance',
    updated: '2026-05-01T00:00:00Z',
  }),
];

describe('catalog search', () => {
  it('ranks a title match above a column match above a description match', () => {
    expect(search(catalog, { q: 'permit' }).ids).toEqual(['permits', 'licences', 'trees']);
  });

  it('needs every word to match somewhere', () => {
    expect(search(catalog, { q: 'street trees' }).ids).toEqual(['trees']);
    expect(search(catalog, { q: 'street budget' }).ids).toEqual([]);
  });

  it('matches the last word as a prefix, for search as you type', () => {
    expect(search(catalog, { q: 'budg' }).ids).toEqual(['budget']);
  });

  it('ignores case, accents and plurals', () => {
    expect(tokenize('Café TREES')).toEqual(['cafe', 'tree']);
    expect(search(catalog, { q: 'TREE' }).ids).toEqual(['trees']);
  });

  it('filters by category, department, keyword and format, and counts facets over the results', () => {
    const outcome = search(catalog, { category: 'permits-licensing' });
    expect(outcome.ids.sort()).toEqual(['licences', 'permits']);
    expect(outcome.facets.department).toEqual([
      { value: 'finance', count: 1 },
      { value: 'public-works', count: 1 },
    ]);
    expect(search(catalog, { format: 'geojson' }).ids).toEqual(['trees']);
    expect(search(catalog, { keyword: 'Construction' }).ids).toEqual(['permits']);
  });

  it('sorts by update time without a query and by title on request', () => {
    expect(search(catalog, {}).ids).toEqual(['budget', 'permits', 'licences', 'trees']);
    expect(search(catalog, { sort: 'title' }).ids).toEqual(['permits', 'licences', 'budget', 'trees']);
  });

  it('never returns a document that does not pass the filters, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('finance', 'permits-licensing', 'parks-recreation'),
        (q, category) => {
          const ids = search(catalog, { q, category }).ids;
          for (const id of ids) expect(catalog.find((d) => d.id === id)?.category).toBe(category);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
    );
  });
});
