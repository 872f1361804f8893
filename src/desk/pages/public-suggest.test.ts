import { describe, expect, it } from 'vitest';
import {
  MAX_TERMS,
  mergeSuggestions,
  suggestionSearchUrl,
  suggestionSummary,
  suggestionTerms,
} from './public-suggest.js';

describe('suggestionTerms', () => {
  it('keeps the telling words of a request, longest first, and drops the language of requests', () => {
    expect(
      suggestionTerms('Please send copies of all building permits issued on Main Street in 2024'),
    ).toEqual(['building', 'permits', 'issued', 'street']);
  });

  it('counts a word once whatever its number, and ignores the city name', () => {
    expect(
      suggestionTerms('Street trees, tree planting and trees in Westminster', ['City of Westminster']),
    ).toEqual(['planting', 'street', 'trees']);
  });

  it('compares without accents and reads Spanish requests', () => {
    expect(suggestionTerms('Solicito copias de los permisos de construcción de 2023')).toEqual([
      'construccion',
      'permisos',
    ]);
  });

  it('returns at most a few words, and none for nothing useful', () => {
    expect(suggestionTerms('alpha bravo charlie delta echoes foxtrot golf hotel').length).toBe(MAX_TERMS);
    expect(suggestionTerms('all the records please 2024')).toEqual([]);
    expect(suggestionTerms('')).toEqual([]);
  });
});

describe('mergeSuggestions', () => {
  const d = (id: string) => ({ id });

  it('puts datasets found by several words first, then by their place', () => {
    const merged = mergeSuggestions([
      [d('a'), d('b'), d('c')],
      [d('c'), d('d')],
    ]);
    expect(merged.map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: 9 }, (_, i) => d(`x${i}`));
    expect(mergeSuggestions([many], 5)).toHaveLength(5);
  });
});

describe('suggestion helpers', () => {
  it('asks the public catalog search for five datasets', () => {
    expect(suggestionSearchUrl('bus stops')).toBe('/api/v1/datasets?q=bus%20stops&limit=5');
  });

  it('summarizes a Markdown description as its first paragraph in plain text', () => {
    expect(suggestionSummary('Permits **issued** by [the City](https://x.example).\n\nMore.')).toBe(
      'Permits issued by the City.',
    );
    expect(suggestionSummary('x'.repeat(300))).toHaveLength(160);
  });
});
