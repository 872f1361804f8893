import { afterEach, describe, expect, it } from 'vitest';
import { loadCity } from '../../city/city.js';
import {
  checkExtension,
  calendarOf,
  type Deadline,
  deadlineOn,
  deadlineState,
  type DeskCalendar,
  extendedDeadline,
  initialDeadline,
  receiptDate,
  UNUSUAL_CIRCUMSTANCES,
} from './deadlines.js';

const calendar = calendarOf(loadCity(undefined), 'America/Los_Angeles');
/** Worked by hand: PST is UTC-8 (until March 9, 2025 and from November 2, 2025), PDT is UTC-7. */
const due = (receivedUtc: string) => initialDeadline(new Date(receivedUtc), calendar);
const on = (date: string, atUtc: string): Deadline => ({ date, at: new Date(atUtc) });

describe('the initial deadline', () => {
  it('is 10 calendar days after the day of receipt, at 11:59 pm local', () => {
    // Monday January 6, 2025, 10:00 PST.
    expect(due('2025-01-06T18:00:00Z')).toEqual(on('2025-01-16', '2025-01-17T07:59:00Z'));
  });

  it('moves off a holiday: Friday + 10 is Martin Luther King Jr. Day, so Tuesday', () => {
    expect(due('2025-01-10T18:00:00Z')).toEqual(on('2025-01-21', '2025-01-22T07:59:00Z'));
  });

  it('moves off a weekend and then a holiday: December 31, 2027 (observed New Year) to Monday January 3', () => {
    // Tuesday December 21, 2027, 09:00 PST: +10 is Friday Dec 31, a holiday, then the weekend.
    expect(due('2027-12-21T17:00:00Z')).toEqual(on('2028-01-03', '2028-01-04T07:59:00Z'));
  });

  it('moves off Thanksgiving and the day after', () => {
    expect(due('2025-11-17T17:00:00Z').date).toBe('2025-12-01');
  });

  it('counts a request received at or after 5 pm from the next day', () => {
    // Thursday November 13, 2025: 16:59 counts that day, 17:00 and 17:01 the Friday.
    expect(due('2025-11-14T00:59:00Z').date).toBe('2025-11-24'); // 13 + 10 = Sunday 23, so Monday 24
    expect(due('2025-11-14T00:59:59.999Z').date).toBe('2025-11-24');
    expect(receiptDate(new Date('2025-11-14T01:00:00Z'), calendar)).toBe('2025-11-14');
    expect(due('2025-11-14T01:00:00Z').date).toBe('2025-11-24'); // Friday 14 + 10
    expect(due('2025-11-14T01:01:00Z').date).toBe('2025-11-24');
    // Monday January 6, 2025: after 5 pm counts from Tuesday 7, due Friday 17.
    expect(due('2025-01-07T01:00:00Z').date).toBe('2025-01-17');
    expect(due('2025-01-07T00:59:00Z').date).toBe('2025-01-16');
  });

  it('counts a request received on a weekend or holiday from the next business day', () => {
    // Saturday January 11, 2025 -> Monday 13 -> Thursday 23.
    expect(receiptDate(new Date('2025-01-11T18:00:00Z'), calendar)).toBe('2025-01-13');
    expect(due('2025-01-11T18:00:00Z').date).toBe('2025-01-23');
    // Wednesday November 26, 2025 after 5 pm: Thanksgiving, the day after and the weekend -> Monday December 1.
    expect(receiptDate(new Date('2025-11-27T01:30:00Z'), calendar)).toBe('2025-12-01');
    expect(due('2025-11-27T01:30:00Z')).toEqual(on('2025-12-11', '2025-12-12T07:59:00Z'));
    // Friday after 5 pm before a Monday holiday: Tuesday.
    expect(receiptDate(new Date('2025-01-18T01:30:00Z'), calendar)).toBe('2025-01-21');
  });

  it('counts a request received at midnight local as that day', () => {
    expect(receiptDate(new Date('2025-01-06T08:00:00Z'), calendar)).toBe('2025-01-06');
  });

  it('reads the day in the city, not in UTC: 4:30 pm Monday in California is already Tuesday in UTC', () => {
    expect(receiptDate(new Date('2025-03-04T00:30:00Z'), calendar)).toBe('2025-03-03');
    expect(due('2025-03-04T00:30:00Z').date).toBe('2025-03-13');
  });

  it('reads a custom close of business', () => {
    const early: DeskCalendar = { ...calendar, closeOfBusiness: '16:30' };
    expect(receiptDate(new Date('2025-01-07T00:29:00Z'), early)).toBe('2025-01-06');
    expect(receiptDate(new Date('2025-01-07T00:30:00Z'), early)).toBe('2025-01-07');
    expect(() => initialDeadline(new Date(), { ...calendar, closeOfBusiness: '5pm' })).toThrow(RangeError);
  });

  it('refuses an invalid date', () => {
    expect(() => initialDeadline(new Date('nope'), calendar)).toThrow(RangeError);
  });
});

describe('daylight saving time in Los Angeles', () => {
  it('gives 11:59 pm PDT for a request received the Friday before spring-forward', () => {
    // Friday February 28, 2025, 09:00 PST; due Monday March 10 at 23:59 PDT.
    expect(due('2025-02-28T17:00:00Z')).toEqual(on('2025-03-10', '2025-03-11T06:59:00Z'));
    // Same Friday at 5 pm: counts from Monday March 3, due Thursday March 13 (PDT).
    expect(due('2025-03-01T01:00:00Z')).toEqual(on('2025-03-13', '2025-03-14T06:59:00Z'));
  });

  it('counts requests received on the spring-forward Sunday from Monday, either side of the jump', () => {
    const before = due('2025-03-09T09:30:00Z'); // 01:30 PST
    const after = due('2025-03-09T10:30:00Z'); // 03:30 PDT
    expect(before).toEqual(on('2025-03-20', '2025-03-21T06:59:00Z'));
    expect(after).toEqual(before);
  });

  it('gives 11:59 pm PST for a request received the Friday before fall-back', () => {
    // Friday October 31, 2025, 16:59 PDT; due Monday November 10 at 23:59 PST.
    expect(due('2025-10-31T23:59:00Z')).toEqual(on('2025-11-10', '2025-11-11T07:59:00Z'));
    // 17:00 PDT: counts from Monday November 3; +10 is Thursday November 13.
    expect(due('2025-11-01T00:00:00Z')).toEqual(on('2025-11-13', '2025-11-14T07:59:00Z'));
  });

  it('treats both 1:30 am of the fall-back Sunday alike', () => {
    expect(due('2025-11-02T08:30:00Z')).toEqual(on('2025-11-13', '2025-11-14T07:59:00Z')); // 01:30 PDT
    expect(due('2025-11-02T09:30:00Z')).toEqual(on('2025-11-13', '2025-11-14T07:59:00Z')); // 01:30 PST
  });

  it('ends a due date falling on a change day at 11:59 pm of the new offset', () => {
    // Due dates never land on a Sunday in this calendar, so the change days are checked through deadlineOn.
    expect(deadlineOn('2025-03-09', calendar).at).toEqual(new Date('2025-03-10T06:59:00Z'));
    expect(deadlineOn('2025-03-08', calendar).at).toEqual(new Date('2025-03-09T07:59:00Z'));
    expect(deadlineOn('2025-11-02', calendar).at).toEqual(new Date('2025-11-03T07:59:00Z'));
    expect(deadlineOn('2025-11-01', calendar).at).toEqual(new Date('2025-11-02T06:59:00Z'));
    expect(deadlineOn('2026-03-08', calendar).at).toEqual(new Date('2026-03-09T06:59:00Z'));
    expect(deadlineOn('2026-11-01', calendar).at).toEqual(new Date('2026-11-02T07:59:00Z'));
  });
});

describe('a zone that changes its clocks at midnight on a weekday (Cairo)', () => {
  const cairo: DeskCalendar = { timeZone: 'Africa/Cairo', closeOfBusiness: '17:00', holidays: new Set() };

  it('ends a due date on the spring-forward Friday at 11:59 pm EEST', () => {
    expect(deadlineOn('2025-04-25', cairo).at).toEqual(new Date('2025-04-25T20:59:00Z'));
    expect(deadlineOn('2025-04-24', cairo).at).toEqual(new Date('2025-04-24T21:59:00Z'));
  });

  it('takes the later 11:59 pm when the clock reads it twice (the last minute of the day)', () => {
    expect(deadlineOn('2025-10-30', cairo).at).toEqual(new Date('2025-10-30T21:59:00Z'));
  });

  it('counts receipts on the change days in local time', () => {
    // Thursday April 24, 2025 at 16:00 EET, and Friday April 25 at 16:00 EEST.
    expect(receiptDate(new Date('2025-04-24T14:00:00Z'), cairo)).toBe('2025-04-24');
    expect(receiptDate(new Date('2025-04-25T13:00:00Z'), cairo)).toBe('2025-04-25');
    expect(receiptDate(new Date('2025-04-25T14:00:00Z'), cairo)).toBe('2025-04-28'); // 17:00 EEST, Friday
  });
});

describe('the machine zone never matters', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same deadlines when the process runs in Tokyo or Honolulu', () => {
    const instants = ['2025-03-04T00:30:00Z', '2025-11-02T09:30:00Z', '2027-12-21T17:00:00Z'];
    const here = instants.map(due);
    for (const zone of ['Asia/Tokyo', 'Pacific/Honolulu', 'UTC']) {
      process.env.TZ = zone;
      expect(instants.map(due)).toEqual(here);
    }
  });
});

describe('the extension', () => {
  const initial = on('2025-01-21', '2025-01-22T07:59:00Z'); // rolled from Monday January 20 (MLK Day)

  it('accepts 1 to 14 whole days and refuses 0, 15 and fractions', () => {
    expect(extendedDeadline(initial, 1, calendar).date).toBe('2025-01-22');
    expect(extendedDeadline(initial, 14, calendar)).toEqual(on('2025-02-04', '2025-02-05T07:59:00Z'));
    for (const days of [0, 15, -1, 1.5, Number.NaN]) {
      expect(() => extendedDeadline(initial, days, calendar)).toThrow(RangeError);
    }
  });

  it('counts from the initial due date as rolled to a business day, not from the day before it was rolled', () => {
    // From Tuesday January 21 + 14 = Tuesday February 4 (from the unrolled Monday 20 it would be Monday Feb 3).
    expect(extendedDeadline(initial, 14, calendar).date).toBe('2025-02-04');
  });

  it('rolls an extension landing on a holiday or weekend to the next business day', () => {
    const thursday = on('2025-02-06', '2025-02-07T07:59:00Z');
    expect(extendedDeadline(thursday, 11, calendar).date).toBe('2025-02-18'); // Presidents' Day Feb 17
    const beforeMlk = on('2025-01-16', '2025-01-17T07:59:00Z');
    expect(extendedDeadline(beforeMlk, 2, calendar).date).toBe('2025-01-21'); // Saturday, Sunday, MLK Day
    const beforeNewYear = on('2027-12-17', '2027-12-18T07:59:00Z');
    expect(extendedDeadline(beforeNewYear, 14, calendar)).toEqual(on('2028-01-03', '2028-01-04T07:59:00Z'));
  });

  it('crosses daylight saving time and keeps 11:59 pm local', () => {
    const winter = on('2025-03-03', '2025-03-04T07:59:00Z');
    expect(extendedDeadline(winter, 14, calendar)).toEqual(on('2025-03-17', '2025-03-18T06:59:00Z'));
  });
});

describe('checkExtension', () => {
  it('allows 1 to 14 days for each of the statute’s unusual circumstances', () => {
    for (const reason of UNUSUAL_CIRCUMSTANCES) {
      expect(checkExtension(1, reason)).toBeNull();
      expect(checkExtension(14, reason)).toBeNull();
    }
  });

  it('names what is wrong with a stable code', () => {
    expect(checkExtension(15, 'voluminous')).toBe('records.extension_too_long');
    expect(checkExtension(30, 'nope')).toBe('records.extension_too_long');
    expect(checkExtension(0, 'voluminous')).toBe('records.extension_days');
    expect(checkExtension(-3, 'voluminous')).toBe('records.extension_days');
    expect(checkExtension(2.5, 'voluminous')).toBe('records.extension_days');
    expect(checkExtension(7, 'workload')).toBe('records.extension_reason');
    expect(checkExtension(7, '')).toBe('records.extension_reason');
    expect(checkExtension(7, 'VOLUMINOUS')).toBe('records.extension_reason');
  });
});

describe('deadlineState', () => {
  const deadline = on('2025-01-16', '2025-01-17T07:59:00Z');
  const state = (now: string, extra: { dueSoonDays?: number; closedAt?: string | null } = {}) =>
    deadlineState(new Date(now), deadline, {
      dueSoonDays: extra.dueSoonDays ?? 3,
      closedAt:
        extra.closedAt === undefined || extra.closedAt === null ? extra.closedAt : new Date(extra.closedAt),
      calendar,
    });

  it('is on track until dueSoonDays local days before the due date, then due soon, then overdue', () => {
    expect(state('2025-01-13T07:59:59Z')).toBe('on_track'); // January 12, 23:59:59 PST
    expect(state('2025-01-13T08:00:00Z')).toBe('due_soon'); // January 13, 00:00 PST
    expect(state('2025-01-17T07:59:00Z')).toBe('due_soon');
    expect(state('2025-01-17T07:59:00.001Z')).toBe('overdue');
  });

  it('with dueSoonDays 0 is due soon on the due date only', () => {
    expect(state('2025-01-16T07:59:00Z', { dueSoonDays: 0 })).toBe('on_track');
    expect(state('2025-01-16T08:00:00Z', { dueSoonDays: 0 })).toBe('due_soon');
  });

  it('records a closed request as met or overdue whatever the time now', () => {
    expect(state('2025-06-01T00:00:00Z', { closedAt: '2025-01-17T07:59:00Z' })).toBe('met');
    expect(state('2025-06-01T00:00:00Z', { closedAt: '2025-01-17T08:00:00Z' })).toBe('overdue');
    expect(state('2025-01-01T00:00:00Z', { closedAt: '2025-01-02T00:00:00Z' })).toBe('met');
    expect(state('2025-01-01T00:00:00Z', { closedAt: null })).toBe('on_track');
  });
});

describe('calendarOf', () => {
  it('builds the calendar from the city and the configured zone', () => {
    const city = loadCity(undefined);
    const built = calendarOf(city, 'America/Los_Angeles');
    expect(built.timeZone).toBe('America/Los_Angeles');
    expect(built.closeOfBusiness).toBe(city.records?.closeOfBusiness);
    expect(built.holidays.has('2025-11-28')).toBe(true);
    expect(built.holidays.size).toBe(city.holidays.length);
  });

  it('defaults to 5 pm and no holidays for a city without a records section', () => {
    expect(calendarOf({ holidays: [] }, 'UTC')).toEqual({
      timeZone: 'UTC',
      closeOfBusiness: '17:00',
      holidays: new Set(),
    });
  });
});
