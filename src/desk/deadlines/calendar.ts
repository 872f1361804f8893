import type { DeskCalendar } from './deadlines.js';

/** What the clock needs of a city (src/city/city.ts `City`): its close of business and holidays. */
export interface CityCalendarSource {
  records?: { closeOfBusiness: string } | undefined;
  holidays: readonly { date: string }[];
}

/** Close of business for a city whose profile has no records section. */
export const DEFAULT_CLOSE_OF_BUSINESS = '17:00';

/** The desk's calendar for a city; the zone is the portal's (config.timeZone). */
export function calendarOf(city: CityCalendarSource, timeZone: string): DeskCalendar {
  return {
    timeZone,
    closeOfBusiness: city.records?.closeOfBusiness ?? DEFAULT_CLOSE_OF_BUSINESS,
    holidays: new Set(city.holidays.map((holiday) => holiday.date)),
  };
}
