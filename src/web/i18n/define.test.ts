import { describe, expect, it } from 'vitest';
import { LANGS } from './lang.js';
import { messagesFor } from './index.js';

/** Words that are the same in English and in a translation: names, formats, and words both languages share. */
const SAME_EVERYWHERE = new Set([
  '.',
  'API',
  'CSV',
  'JSON',
  'MQTT',
  'Email',
  'Error: ',
  'Error:',
  'No',
  'Sensor',
  'SensorThings API',
  'Server-Sent Events',
  'Total',
  'Python (sodapy)',
  'R (RSocrata)',
]);

type Catalog = Record<string, Record<string, unknown>>;

describe('interface strings', () => {
  it('has every message in every language with the same parameters, none empty, none left in English', () => {
    const en = messagesFor('en') as unknown as Catalog;
    const problems: string[] = [];
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const messages = messagesFor(lang) as unknown as Catalog;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [namespace, english] of Object.entries(en)) {
        const translated = messages[namespace] ?? {};
        expect(Object.keys(translated).sort(), `${lang}.${namespace}`).toEqual(Object.keys(english).sort());
        for (const [key, source] of Object.entries(english)) {
          const value = translated[key];
          const where = `${lang}.${namespace}.${key}`;
          if (typeof source === 'function') {
            if (typeof value !== 'function' || value.length !== source.length)
              problems.push(`${where} takes other parameters than the English`);
          } else if (typeof value !== 'string' || value.trim() === '') {
            problems.push(`${where} is empty`);
          } else if (value === source && !SAME_EVERYWHERE.has(value)) {
            problems.push(`${where} is still the English "${value}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
