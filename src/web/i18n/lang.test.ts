import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, pickLang } from './lang.js';

describe('picking the language of a request', () => {
  it('prefers ?lang, then the cookie, then Accept-Language, then English', () => {
    expect(pickLang({ query: 'vi', cookie: 'es', acceptLanguage: 'en' })).toBe('vi');
    expect(pickLang({ query: 'fr', cookie: 'es', acceptLanguage: 'vi' })).toBe('es');
    expect(pickLang({ cookie: 'xx', acceptLanguage: 'vi-VN,vi;q=0.9,en;q=0.8' })).toBe('vi');
    expect(pickLang({})).toBe('en');
  });

  it('reads Accept-Language by quality, ignoring languages it does not speak and q=0', () => {
    expect(fromAcceptLanguage('fr-FR, es;q=0.8, en;q=0.9')).toBe('en');
    expect(fromAcceptLanguage('fr, de;q=0.5')).toBeUndefined();
    expect(fromAcceptLanguage('es;q=0, vi;q=0.1')).toBe('vi');
    expect(fromAcceptLanguage('ES-mx')).toBe('es');
  });
});
