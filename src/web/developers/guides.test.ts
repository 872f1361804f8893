import { describe, expect, it } from 'vitest';
import { GUIDE_GROUPS, GUIDES, readGuide } from '../guides.js';
import { queryExample } from './developers-model.js';

describe('guides', () => {
  it('lists every guide in exactly one group of the side navigation, and each one reads', () => {
    const listed = GUIDE_GROUPS.flatMap((group) => group.names);
    expect([...listed].sort()).toEqual(Object.keys(GUIDES).sort());
    for (const name of listed) expect(readGuide(name)?.markdown, name).toMatch(/^# /);
  });

  it('knows no guide by the names every object has', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(readGuide(name), name).toBeNull();
    }
  });
});

describe('the developers page’s query example', () => {
  const column = (field: string, type: string) => ({ field, name: field, type, description: '', unit: null });

  it('counts by a category, else ranks by the first number, else asks for five rows', () => {
    const permits = [
      column('permit_number', 'text'),
      column('valuation', 'number'),
      column('permit_type', 'text'),
    ];
    expect(queryExample(permits).params).toEqual([
      ['$select', 'permit_type, count(*) AS n'],
      ['$group', 'permit_type'],
      ['$order', 'n DESC'],
      ['$limit', '5'],
    ]);
    expect(queryExample([column('case_number', 'text'), column('valuation', 'number')]).params).toEqual([
      ['$where', 'valuation > 0'],
      ['$order', 'valuation DESC'],
      ['$limit', '5'],
    ]);
    expect(queryExample([column('location', 'geometry')]).params).toEqual([['$limit', '5']]);
  });
});
