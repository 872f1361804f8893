import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkMetadata,
  describeFrequency,
  frequencyMillis,
  isDatasetId,
  isFrequency,
  slugify,
} from './metadata-rules.js';

describe('update frequency', () => {
  it.each([
    'R/P1D',
    'R/PT1H',
    'R/P1W',
    'R/P1M',
    'R/P3M',
    'R/P1Y',
    'R/PT5M',
    'R/P1DT12H',
    'irregular',
    'continuous',
  ])('accepts %s', (value) => expect(isFrequency(value)).toBe(true));

  it.each(['P1D', 'R/P', 'R/PT', 'R/P0D', 'daily', 'R/P1H', 'R/1D', '', 'R/P1.5D'])('refuses %s', (value) =>
    expect(isFrequency(value)).toBe(false),
  );

  it('reads common frequencies in words', () => {
    expect(describeFrequency('R/P1D')).toBe('daily');
    expect(describeFrequency('R/PT1H')).toBe('hourly');
    expect(describeFrequency('R/P1M')).toBe('monthly');
    expect(describeFrequency('R/P2D')).toBe('every 2 days');
    expect(describeFrequency('R/P1DT12H')).toBe('every 1 day 12 hours');
    expect(describeFrequency('irregular')).toBe('irregularly');
  });

  it('gives the nominal period length', () => {
    expect(frequencyMillis('R/P1D')).toBe(86_400_000);
    expect(frequencyMillis('R/PT15M')).toBe(900_000);
    expect(frequencyMillis('irregular')).toBeNull();
  });

  it('agrees with itself on any generated repeating duration', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('Y', 'M', 'W', 'D', 'TH', 'TM', 'TS'),
        (n, unit) => {
          const value = unit.startsWith('T') ? `R/PT${n}${unit[1]}` : `R/P${n}${unit}`;
          expect(isFrequency(value)).toBe(true);
          expect(frequencyMillis(value)).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('identifiers and slugs', () => {
  it('accepts short stable ids and refuses others', () => {
    expect(isDatasetId('bldg-permits')).toBe(true);
    expect(isDatasetId('x4x4-ab12')).toBe(true);
    for (const bad of ['', '-a', 'a-', 'A', 'a_b', 'a b', 'é', 'a'.repeat(65)])
      expect(isDatasetId(bad)).toBe(false);
  });

  it('makes readable ascii slugs, accents removed', () => {
    expect(slugify('Phở Restaurants & Cafés (2024)')).toBe('pho-restaurants-cafes-2024');
    expect(slugify('   ')).toBe('dataset');
  });

  it('always makes a slug that is its own slug', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        expect(slugify(slugify(title))).toBe(slugify(title));
      }),
    );
  });
});

describe('checkMetadata', () => {
  const valid = {
    id: 'street-trees',
    title: 'Street trees',
    description: 'Every street tree the city maintains.',
    category: 'parks-recreation',
    keywords: ['trees'],
    steward: { name: 'Urban Forestry', email: 'trees@westminster-ca.example' },
    update_frequency: 'R/P1M',
    spatial: [-118.04, 33.72, -117.93, 33.79],
    temporal: { start: '2015-01-01', end: null },
    landing_page: 'https://example.org/trees',
  };

  it('accepts complete metadata', () => {
    expect(checkMetadata(valid)).toEqual([]);
  });

  it('names each field that breaks a rule and what to do', () => {
    const problems = checkMetadata({
      ...valid,
      id: 'Street Trees',
      category: 'forestry',
      keywords: [],
      steward: { name: ' ', email: 'not-an-email' },
      update_frequency: 'monthly',
      spatial: [-200, 33, -117, 34],
      temporal: { start: '2020-01-01', end: '2019-01-01' },
      landing_page: 'javascript:alert(1)',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(
      [
        'category',
        'id',
        'keywords',
        'landing_page',
        'spatial',
        'steward.email',
        'steward.name',
        'temporal',
        'update_frequency',
      ].sort(),
    );
    expect(problems.find((p) => p.field === 'update_frequency')?.message).toMatch(/R\/P1D/);
  });

  it('refuses a bbox whose south is north of its north, and dates that are not ISO 8601', () => {
    expect(checkMetadata({ spatial: [-118, 34, -117, 33] })[0]?.field).toBe('spatial');
    expect(checkMetadata({ temporal: { start: '01/02/2020', end: null } })[0]?.field).toBe('temporal.start');
  });
});
