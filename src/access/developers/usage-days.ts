/**
 * A key's use by day, as the usage page and API show it: every calendar day of the period, oldest first, with
 * the days without a request as zeros.
 */

export interface DayUsage {
  /** City-local calendar day, YYYY-MM-DD. */
  day: string;
  requests: number;
  /** Requests refused by a rate limit (429). */
  limited: number;
}

/** The most days the usage of a key can be asked for at once. */
export const MAX_USAGE_DAYS = 90;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The `count` calendar days that end with `today` (YYYY-MM-DD), oldest first. */
export function lastDays(today: string, count: number): string[] {
  const match = DAY.exec(today);
  if (!match) throw new Error(`not a calendar day: ${today}`);
  // Calendar arithmetic at noon UTC: no zone offset or leap second moves a day across midnight.
  const noon = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(new Date(noon - i * 86_400_000).toISOString().slice(0, 10));
  return days;
}

/** Every day of `days`, with the counts of `rows` where there are any and zeros elsewhere. */
export function fillDays(days: readonly string[], rows: readonly DayUsage[]): DayUsage[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return days.map((day) => {
    const row = byDay.get(day);
    return { day, requests: row?.requests ?? 0, limited: row?.limited ?? 0 };
  });
}

/** The width of a day's bar, in percent of the busiest day (0 for a day without requests). */
export function barWidth(requests: number, busiest: number): number {
  if (requests <= 0 || busiest <= 0) return 0;
  // A day with any use keeps a visible sliver, however quiet beside the busiest.
  return Math.max(1, Math.round((requests / busiest) * 100));
}
