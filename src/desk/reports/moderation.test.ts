import { describe, expect, it } from 'vitest';
import { MASKS, moderate, publicText } from './moderation.js';

describe('moderation of reporters’ text', () => {
  it('masks email addresses', () => {
    expect(publicText('Write to jane.doe+data@example.co.uk about it.')).toBe(
      `Write to ${MASKS.email} about it.`,
    );
  });

  it('masks phone numbers written as phone numbers', () => {
    for (const phone of [
      '714-555-0199',
      '(714) 555-0199',
      '(714)555-0199',
      '714.555.0199',
      '714 555 0199',
      '+1 714 555 0199',
      '1-714-555-0199',
      '+44 20 7946 0958',
    ])
      expect(publicText(`Call ${phone} today`), phone).toBe(`Call ${MASKS.phone} today`);
  });

  it('leaves data alone: dates, times, values, ids and coordinates', () => {
    for (const text of [
      'Values from 2026-03-01T20:00:00Z to 2026-03-02 are wrong',
      'PM2.5 stuck at 12.4 µg/m³ since 14:05',
      'Row 1234567890 has the wrong permit number 2025-001234',
      'The point -117.99, 33.75 is in the ocean',
      'Counts of 1200 and 3400 vehicles per hour',
      'Datastream 42 reads -9999 every night',
    ])
      expect(publicText(text), text).toBe(text);
  });

  it('masks links, keeping the sentence around them', () => {
    expect(publicText('See https://spam.example/buy?x=1. Thanks')).toBe(`See ${MASKS.link}. Thanks`);
    expect(publicText('(www.example.com/page)')).toBe(`(${MASKS.link})`);
    expect(publicText('ftp://files.example/data.csv')).toBe(MASKS.link);
  });

  it('does not mistake an email inside a link, or a link inside an email', () => {
    const { text, masked } = moderate('Mail ops@city.example or open https://user@host.example/x');
    expect(text).toBe(`Mail ${MASKS.email} or open ${MASKS.link}`);
    expect(masked).toMatchObject({ emails: 1, links: 1 });
  });

  it('masks the listed words whatever their case, letter for letter, and not words that contain them', () => {
    expect(publicText('This sensor is SHIT and fucking broken')).toBe(
      'This sensor is S*** and f****** broken',
    );
    expect(publicText('Scunthorpe spices, Dickens, class, shitake? passage, assessment')).toBe(
      'Scunthorpe spices, Dickens, class, shitake? passage, assessment',
    );
  });

  it('counts what it masked', () => {
    expect(moderate('a@b.example, 714-555-0199, http://x.example, shit').masked).toEqual({
      emails: 1,
      phones: 1,
      links: 1,
      words: 1,
    });
  });

  it('leaves clean text exactly as written', () => {
    const text = 'The bus stop at Main & 5th is listed twice (rows 12 and 13).\nPlease merge them.';
    expect(moderate(text)).toEqual({ text, masked: { emails: 0, phones: 0, links: 0, words: 0 } });
  });
});
