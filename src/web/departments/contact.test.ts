import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../catalog/catalog.schema.js';
import { isWebAddress, stewardsOf, telHref } from './contact.js';

describe('department contacts', () => {
  it('dials numbers as people write them, extensions included', () => {
    expect(telHref('(714) 898-3311 ext. 241')).toBe('tel:7148983311,241');
    expect(telHref('+1 714 898 3311')).toBe('tel:+17148983311');
    expect(telHref('call us')).toBeUndefined();
  });

  it('links only web addresses', () => {
    expect(isWebAddress('https://westminster-ca.example/police')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress(null)).toBe(false);
  });

  it('names each steward once, by address, the busiest first', () => {
    const d = (name: string, email: string, phone: string | null = null) =>
      ({ steward: { name, email, phone } }) as Dataset;
    expect(
      stewardsOf([
        d('GIS Team', 'gis@city.example'),
        d('Data Team', 'data@city.example'),
        d('GIS team', 'GIS@city.example', '555-0100'),
      ]),
    ).toEqual([
      { name: 'GIS Team', email: 'gis@city.example', phone: '555-0100', datasets: 2 },
      { name: 'Data Team', email: 'data@city.example', phone: null, datasets: 1 },
    ]);
  });
});
