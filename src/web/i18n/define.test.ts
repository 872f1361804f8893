import { describe, expect, it } from 'vitest';
import { LANGS } from './lang.js';
import { messagesFor } from './index.js';

describe('interface strings', () => {
  it('has every message in every language, none empty and none left in English by mistake', () => {
    const en = messagesFor('en');
    for (const lang of LANGS) {
      const messages = messagesFor(lang);
      for (const [namespace, entries] of Object.entries(messages)) {
        const english = (en as unknown as Record<string, Record<string, unknown>>)[namespace] ?? {};
        expect(Object.keys(entries).sort(), `${lang}.${namespace}`).toEqual(Object.keys(english).sort());
        for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
          const text =
            typeof value === 'function' ? String((value as (...a: unknown[]) => string)(2, 'x', 'y')) : value;
          expect(typeof text === 'string' && text.trim().length > 0, `${lang}.${namespace}.${key}`).toBe(
            true,
          );
        }
      }
    }
  });
});
