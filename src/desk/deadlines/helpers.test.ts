import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDayOnOrAfter,
  businessDaysBetween,
  calendarDaysBetween,
  dayNumber,
  weekday,
} from './business-days.js';
import { localDate, localInstant, localParts } from './local-time.js';

const holidays = new Set(['2025-01-20', '2025-02-17']);

describe('local time', () => {
  it('reads the date in the zone, not in UTC', () => {
    expect(localDate(new Date('2025-03-04T00:30:00Z'), 'America/Los_Angeles')).toBe('2025-03-03');
    expect(localDate(new Date('2025-03-04T00:30:00Z'), 'Asia/Tokyo')).toBe('2025-03-04');
    expect(localParts(new Date('2025-07-01T00:00:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2025-06-30',
      hour: 17,
      minute: 0,
      second: 0,
    });
  });

  it('reads midnight as hour 0, not 24', () => {
    expect(localParts(new Date('2025-01-06T08:00:00Z'), 'America/Los_Angeles').hour).toBe(0);
  });

  it('finds the instant of a wall-clock time, with both readings of a repeated hour', () => {
    const zone = 'America/Los_Angeles';
    expect(localInstant('2025-01-16', 23, 59, zone)).toEqual(new Date('2025-01-17T07:59:00Z'));
    expect(localInstant('2025-07-16', 23, 59, zone)).toEqual(new Date('2025-07-17T06:59:00Z'));
    expect(localInstant('2025-11-02', 1, 30, zone)).toEqual(new Date('2025-11-02T08:30:00Z'));
    expect(localInstant('2025-11-02', 1, 30, zone, 'last')).toEqual(new Date('2025-11-02T09:30:00Z'));
    // 2:30 am on March 9, 2025 never happened: the offset from before the gap puts it at 3:30 PDT.
    expect(localInstant('2025-03-09', 2, 30, zone)).toEqual(new Date('2025-03-09T10:30:00Z'));
  });

  it('reads back every hour of the change days, and every quarter hour in a half-hour zone', () => {
    for (const [zone, dates, step] of [
      ['America/Los_Angeles', ['2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01'], 60],
      ['Africa/Cairo', ['2025-04-25', '2025-10-30', '2025-10-31'], 60],
      ['Australia/Adelaide', ['2025-04-06', '2025-10-05'], 15],
    ] as const) {
      for (const date of dates) {
        for (let minutes = 0; minutes < 24 * 60; minutes += step) {
          const [hour, minute] = [Math.floor(minutes / 60), minutes % 60];
          const parts = localParts(localInstant(date, hour, minute, zone), zone);
          const skipped = parts.date !== date || parts.hour !== hour;
          // Only a reading that clocks skip may come back different, and then only an hour later.
          if (skipped)
            expect({ zone, date, hour, later: parts.hour }).toEqual({ zone, date, hour, later: hour + 1 });
          else expect(parts.minute).toBe(minute);
        }
      }
    }
  });

  it('refuses unknown zones and dates', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDate(new Date('x'), 'UTC')).toThrow(RangeError);
    expect(() => localInstant('2025-02-30', 0, 0, 'UTC')).toThrow(RangeError);
  });
});

describe('business days', () => {
  it('does date arithmetic across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(calendarDaysBetween('2025-01-06', '2025-01-16')).toBe(10);
    expect(calendarDaysBetween('2025-01-16', '2025-01-06')).toBe(-10);
    expect(weekday('2025-01-06')).toBe(1);
    expect(weekday('1969-12-28')).toBe(0);
    expect(() => dayNumber('2025-1-6')).toThrow(RangeError);
    expect(() => dayNumber('2025-13-01')).toThrow(RangeError);
  });

  it('rolls to the next business day over weekends and holidays', () => {
    expect(businessDayOnOrAfter('2025-01-16', holidays)).toBe('2025-01-16');
    expect(businessDayOnOrAfter('2025-01-18', holidays)).toBe('2025-01-21');
  });

  it('counts business days after the first date up to and including the second', () => {
    expect(businessDaysBetween('2025-01-17', '2025-01-21', holidays)).toBe(1);
    expect(businessDaysBetween('2025-01-06', '2025-01-13', holidays)).toBe(5);
    expect(businessDaysBetween('2025-01-13', '2025-01-13', holidays)).toBe(0);
    expect(businessDaysBetween('2025-01-13', '2025-01-06', holidays)).toBe(0);
  });
});
