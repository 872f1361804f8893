/**
 * Calendar month and hour of an instant, without allocating: the climatology test reads them for every
 * observation. Time zones through Intl, asked once per zone and 15 minutes of data.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Month (1–12) and hour (0–23) of a UTC instant (epoch ms; add the zone's offset first for local time),
 * packed as `month << 5 | hour`. Civil-from-days arithmetic (proleptic Gregorian calendar).
 */
export function localMonthHour(ms: number): number {
  const days = Math.floor(ms / DAY);
  const hour = Math.floor((ms - days * DAY) / HOUR);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (month << 5) | hour;
}

const formats = new Map<string, Intl.DateTimeFormat>();

const SLOT = 15 * 60_000;
/** Offsets by zone and 15-minute slot (offsets change only on quarter hours), shared by every datastream. */
const offsets = new Map<string, Map<number, number>>();

/** Offset of a time zone for the 15-minute slot of an instant, cached: cheap for every observation. */
export function cachedZoneOffset(timeZone: string, ms: number): number {
  let slots = offsets.get(timeZone);
  if (!slots) offsets.set(timeZone, (slots = new Map()));
  const slot = Math.floor(ms / SLOT);
  let offset = slots.get(slot);
  if (offset === undefined) {
    offset = zoneOffset(timeZone, slot * SLOT);
    if (slots.size >= 100_000) slots.clear();
    slots.set(slot, offset);
  }
  return offset;
}

/** Offset of a time zone from UTC at an instant, in ms (local = UTC + offset). Throws on an unknown zone. */
export function zoneOffset(timeZone: string, ms: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return local - Math.floor(ms / 60_000) * 60_000;
}

/** Whether Intl knows a time zone. */
export function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
