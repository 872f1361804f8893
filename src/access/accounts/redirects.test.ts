import { describe, expect, it } from 'vitest';
import { landingOf, safeNext } from './redirects.js';

describe('safeNext', () => {
  it('keeps local paths with their query', () => {
    expect(safeNext('/staff')).toBe('/staff');
    expect(safeNext('/datasets/bldg-permits?tab=data#map')).toBe('/datasets/bldg-permits?tab=data#map');
  });

  it.each([
    ['another host', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/path'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a backslash later on', '/a\\b'],
    ['a relative path', 'staff'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a header injection', '/a\r\nSet-Cookie: x=1'],
    ['a tab', '/\t/evil.example'],
    ['nothing', ''],
    ['not a string', ['/staff']],
  ])('refuses %s', (_what, value) => {
    expect(safeNext(value)).toBeUndefined();
  });

  it('refuses very long values', () => {
    expect(safeNext(`/${'a'.repeat(2000)}`)).toBeUndefined();
  });
});

describe('landingOf', () => {
  it('sends staff to the console and developers to their account', () => {
    expect(landingOf({ kind: 'staff' })).toBe('/staff');
    expect(landingOf({ kind: 'developer' })).toBe('/account');
  });
});
