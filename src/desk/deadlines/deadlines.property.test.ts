import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCity } from '../../city/city.js';
import { calendarDaysBetween, isBusinessDay } from './business-days.js';
import {
  calendarOf,
  checkExtension,
  deadlineState,
  extendedDeadline,
  initialDeadline,
  MAX_EXTENSION_DAYS,
  receiptDate,
  RESPONSE_DAYS,
  UNUSUAL_CIRCUMSTANCES,
} from './deadlines.js';
import { localDate, localParts } from './local-time.js';

const calendar = calendarOf(loadCity(undefined), 'America/Los_Angeles');
const { holidays, timeZone } = calendar;
/** Receipts while the holiday file covers the due dates (it runs to the end of 2030). */
const received = fc.date({
  min: new Date('2024-01-01T08:00:00Z'),
  max: new Date('2030-11-30T08:00:00Z'),
  noInvalidDate: true,
});
const extensionDays = fc.integer({ min: 1, max: MAX_EXTENSION_DAYS });
const runs = { numRuns: 2000 };

describe('invariants of the clock', { timeout: 60_000 }, () => {
  it('a due date is a business day at least 10 days after the local day of receipt, ending 11:59 pm local', () => {
    fc.assert(
      fc.property(received, (at) => {
        const due = initialDeadline(at, calendar);
        expect(isBusinessDay(due.date, holidays)).toBe(true);
        const start = receiptDate(at, calendar);
        expect(isBusinessDay(start, holidays)).toBe(true);
        expect(calendarDaysBetween(localDate(at, timeZone), start)).toBeGreaterThanOrEqual(0);
        expect(calendarDaysBetween(start, due.date)).toBeGreaterThanOrEqual(RESPONSE_DAYS);
        // No run of closed days is long enough to push it more than 4 days further.
        expect(calendarDaysBetween(start, due.date)).toBeLessThanOrEqual(RESPONSE_DAYS + 4);
        expect(localParts(due.at, timeZone)).toEqual({ date: due.date, hour: 23, minute: 59, second: 0 });
        expect(due.at.getTime()).toBeGreaterThan(at.getTime());
      }),
      runs,
    );
  });

  it('a later receipt never gets an earlier deadline', () => {
    fc.assert(
      fc.property(received, fc.integer({ min: 0, max: 30 * 86_400_000 }), (at, later) => {
        const first = initialDeadline(at, calendar);
        const second = initialDeadline(new Date(at.getTime() + later), calendar);
        expect(second.at.getTime()).toBeGreaterThanOrEqual(first.at.getTime());
      }),
      runs,
    );
  });

  it('an extended deadline is a business day, at least `days` after the initial one, ending 11:59 pm local', () => {
    fc.assert(
      fc.property(received, extensionDays, (at, days) => {
        const initial = initialDeadline(at, calendar);
        const extended = extendedDeadline(initial, days, calendar);
        expect(isBusinessDay(extended.date, holidays)).toBe(true);
        expect(calendarDaysBetween(initial.date, extended.date)).toBeGreaterThanOrEqual(days);
        expect(extended.at.getTime()).toBeGreaterThan(initial.at.getTime());
        expect(localParts(extended.at, timeZone)).toEqual({
          date: extended.date,
          hour: 23,
          minute: 59,
          second: 0,
        });
      }),
      runs,
    );
  });

  it('a longer extension never ends earlier', () => {
    fc.assert(
      fc.property(received, extensionDays, extensionDays, (at, a, b) => {
        const initial = initialDeadline(at, calendar);
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(
          extendedDeadline(initial, long, calendar).date >= extendedDeadline(initial, short, calendar).date,
        ).toBe(true);
      }),
      runs,
    );
  });

  it('an open request is overdue exactly when now is past the deadline; a closed one is met or overdue', () => {
    fc.assert(
      fc.property(
        received,
        fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 }),
        (at, shift, dueSoonDays) => {
          const deadline = initialDeadline(at, calendar);
          const moment = new Date(deadline.at.getTime() + shift);
          const open = deadlineState(moment, deadline, { dueSoonDays, calendar });
          expect(open === 'overdue').toBe(shift > 0);
          expect(open).not.toBe('met');
          if (open === 'on_track')
            expect(calendarDaysBetween(localDate(moment, timeZone), deadline.date)).toBeGreaterThan(
              dueSoonDays,
            );
          const closed = deadlineState(new Date(), deadline, { dueSoonDays, calendar, closedAt: moment });
          expect(closed).toBe(shift <= 0 ? 'met' : 'overdue');
        },
      ),
      runs,
    );
  });

  it('checkExtension allows exactly whole days 1 to 14 with a listed reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double({ min: -5, max: 40, noNaN: true })),
        fc.oneof(fc.constantFrom(...UNUSUAL_CIRCUMSTANCES), fc.string()),
        (days, reason) => {
          const allowed =
            Number.isInteger(days) &&
            days >= 1 &&
            days <= 14 &&
            (UNUSUAL_CIRCUMSTANCES as readonly string[]).includes(reason);
          expect(checkExtension(days, reason) === null).toBe(allowed);
        },
      ),
      runs,
    );
  });
});
