/**
 * Dates of the legal clock as a resident reads them: the due date in words ("Monday, March 16, 2026"), how many
 * days are left counted on the city's calendar, and the last day to ask for a reconsideration.
 */
import { LANGUAGES, type Lang } from '../../web/i18n/lang.js';

const DAY_MS = 86_400_000;

/** Today's date (YYYY-MM-DD) in the city's zone. */
export function cityToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The calendar date (YYYY-MM-DD) of an instant in the city's zone. */
export function cityDate(iso: string, timeZone: string): string {
  return cityToday(timeZone, new Date(iso));
}

const utcNoon = (date: string) => Date.parse(`${date}T12:00:00Z`);

/** Calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcNoon(to) - utcNoon(from)) / DAY_MS);
}

/** The date `days` calendar days after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(utcNoon(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar date in words in the page's language, with its weekday: "Monday, March 16, 2026". */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LANGUAGES[lang].locale, {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(utcNoon(date)));
}

/** A local clock time "HH:MM" as the page's language writes it ("5:00 PM", "17:00"). */
export function clockTime(hhmm: string, lang: Lang): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(LANGUAGES[lang].locale, {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
}
