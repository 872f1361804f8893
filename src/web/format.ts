/** Formatting for people, in the city's time zone. */
export interface Formatter {
  date(iso: string | null): string;
  dateTime(iso: string | null): string;
  number(n: number | null): string;
  bytes(n: number): string;
}

/**
 * How a moment is written, with the zone's name since a reader's own zone may not be the city's. Islands use
 * the same options (this file is pure, and runs in browsers too), so that a time is written one way everywhere.
 */
export const DATE_TIME_OPTIONS: Readonly<Intl.DateTimeFormatOptions> = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

export function formatter(timeZone: string, locale = 'en-US'): Formatter {
  const date = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { ...DATE_TIME_OPTIONS, timeZone });
  const number = new Intl.NumberFormat(locale);
  return {
    // A bare calendar date has no zone: show it as written.
    date: (iso) =>
      iso === null
        ? '—'
        : /^\d{4}-\d{2}-\d{2}$/.test(iso)
          ? date.format(new Date(`${iso}T12:00:00Z`))
          : date.format(new Date(iso)),
    dateTime: (iso) => (iso === null ? '—' : dateTime.format(new Date(iso))),
    number: (n) => (n === null ? '—' : number.format(n)),
    bytes: (n) =>
      n < 1024
        ? `${n} B`
        : n < 1_048_576
          ? `${(n / 1024).toFixed(1)} KB`
          : `${(n / 1_048_576).toFixed(1)} MB`,
  };
}
