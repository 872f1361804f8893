import { describe, expect, it } from 'vitest';
import { addDays, cityDate, cityToday, clockTime, daysBetween, longDate } from './public-dates.js';

describe('dates of the legal clock in words', () => {
  it('counts calendar days in the city, across daylight saving', () => {
    expect(daysBetween('2026-03-06', '2026-03-16')).toBe(10);
    expect(daysBetween('2026-03-16', '2026-03-06')).toBe(-10);
    expect(addDays('2026-10-28', 10)).toBe('2026-11-07');
    // 11 pm in Westminster on March 7 is already March 8 in UTC.
    expect(cityDate('2026-03-08T07:00:00Z', 'America/Los_Angeles')).toBe('2026-03-07');
    expect(cityToday('America/Los_Angeles', new Date('2026-03-08T08:30:00Z'))).toBe('2026-03-08');
  });

  it('writes dates and times in the page language', () => {
    expect(longDate('2026-03-16', 'en')).toBe('Monday, March 16, 2026');
    expect(longDate('2026-03-16', 'es')).toBe('lunes, 16 de marzo de 2026');
    expect(longDate('2026-03-16', 'vi')).toContain('16');
    expect(clockTime('17:00', 'en')).toBe('5:00 PM');
    expect(clockTime('23:59', 'vi')).toBe('23:59');
  });
});
