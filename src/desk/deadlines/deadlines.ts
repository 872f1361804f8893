/**
 * The legal clock of a public records request (Gov. Code 7922.535), as pure arithmetic on the city's calendar.
 * The rules and the choices behind them are written down in docs/records.md, "The clock".
 */
import {
  addDays,
  businessDayAfter,
  businessDayOnOrAfter,
  calendarDaysBetween,
  isBusinessDay,
} from './business-days.js';
import { localDate, localInstant, localParts } from './local-time.js';

export { businessDaysBetween, calendarDaysBetween, isBusinessDay } from './business-days.js';
export { localDate } from './local-time.js';
export { calendarOf } from './calendar.js';

/** The statute's unusual circumstances that alone allow the one extension (7922.535(c)). */
export const UNUSUAL_CIRCUMSTANCES = [
  'other_facilities',
  'voluminous',
  'consultation',
  'compilation',
  'emergency',
] as const;
export type UnusualCircumstance = (typeof UNUSUAL_CIRCUMSTANCES)[number];

export const RESPONSE_DAYS = 10;
export const MAX_EXTENSION_DAYS = 14;
/** Local wall-clock time a due date ends: 11:59 pm. */
export const DUE_HOUR = 23;
export const DUE_MINUTE = 59;

export interface DeskCalendar {
  /** IANA zone of the city. */
  timeZone: string;
  /** Close of business, local "HH:MM": a request received after it counts from the next day. */
  closeOfBusiness: string;
  /** City holidays, local dates YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

export interface Deadline {
  /** The due date in the city's calendar. */
  date: string;
  /** 11:59 pm local on that date, as an instant. */
  at: Date;
}

export type DeadlineState = 'on_track' | 'due_soon' | 'overdue' | 'met';

/** Why an extension may not be granted: stable codes for the service to throw as AppErrors. */
export type ExtensionError =
  'records.extension_days' | 'records.extension_too_long' | 'records.extension_reason';

function closeOfBusinessMinutes(calendar: DeskCalendar): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(calendar.closeOfBusiness);
  if (!match)
    throw new RangeError(`deadlines: close of business must be HH:MM, not ${calendar.closeOfBusiness}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The deadline ending on `date` (already the business day wanted): 11:59 pm local. Should the clock read 11:59 pm
 * twice that night (a zone turning its clocks back at midnight), the later reading: the day's last minute.
 */
export function deadlineOn(date: string, calendar: DeskCalendar): Deadline {
  return { date, at: localInstant(date, DUE_HOUR, DUE_MINUTE, calendar.timeZone, 'last') };
}

/**
 * The day a request counts as received ("day 0"): the local date of receipt when that is a business day and the
 * request came before close of business (from 00:00 on); otherwise the next business day.
 */
export function receiptDate(receivedAt: Date, calendar: DeskCalendar): string {
  const close = closeOfBusinessMinutes(calendar);
  const local = localParts(receivedAt, calendar.timeZone);
  const minutes = local.hour * 60 + local.minute;
  if (isBusinessDay(local.date, calendar.holidays) && minutes < close) return local.date;
  return businessDayAfter(local.date, calendar.holidays);
}

/** The due date of a request received at `receivedAt`: 10 calendar days, rolled to a business day. */
export function initialDeadline(receivedAt: Date, calendar: DeskCalendar): Deadline {
  const start = receiptDate(receivedAt, calendar);
  return deadlineOn(businessDayOnOrAfter(addDays(start, RESPONSE_DAYS), calendar.holidays), calendar);
}

/**
 * Whether an extension of `days` for `reason` is allowed: null, or the error code. The service also refuses a
 * second extension (it knows the request's history; this module does not).
 */
export function checkExtension(days: number, reason: string): ExtensionError | null {
  if (!Number.isInteger(days) || days < 1) return 'records.extension_days';
  if (days > MAX_EXTENSION_DAYS) return 'records.extension_too_long';
  if (!(UNUSUAL_CIRCUMSTANCES as readonly string[]).includes(reason)) return 'records.extension_reason';
  return null;
}

/**
 * The due date after the one extension of `days` (1 to 14) from the initial deadline: counted from the initial
 * due date as it stands (already rolled to a business day), then rolled to a business day again.
 */
export function extendedDeadline(initial: Deadline, days: number, calendar: DeskCalendar): Deadline {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS)
    throw new RangeError(`deadlines: an extension is 1 to ${MAX_EXTENSION_DAYS} whole days, not ${days}`);
  return deadlineOn(businessDayOnOrAfter(addDays(initial.date, days), calendar.holidays), calendar);
}

/**
 * Where a request stands against its deadline at `now`. Closed requests: met when closed by the deadline's
 * instant, else overdue (for the record). Open ones: overdue after the instant; due soon from `dueSoonDays`
 * local calendar days before the due date (0: on the due date only); else on track.
 */
export function deadlineState(
  now: Date,
  deadline: Deadline,
  options: { dueSoonDays: number; closedAt?: Date | null; calendar: DeskCalendar },
): DeadlineState {
  if (options.closedAt) return options.closedAt.getTime() <= deadline.at.getTime() ? 'met' : 'overdue';
  if (now.getTime() > deadline.at.getTime()) return 'overdue';
  const daysLeft = calendarDaysBetween(localDate(now, options.calendar.timeZone), deadline.date);
  return daysLeft <= options.dueSoonDays ? 'due_soon' : 'on_track';
}
