/**
 * Constants written in a query, read as the type they meet: `'2024-01-01'` compared with a timestamp column
 * is midnight in the city's zone, `'12.5'` compared with a number is 12.5. Zone-less times are the city's
 * wall-clock time, as a resident would mean them.
 */
import {
  DATE,
  fields,
  formatDate,
  formatInstant,
  LOCAL_TIMESTAMP,
  NOT_TEMPORAL,
  OFFSET_TIMESTAMP,
  parseTemporal,
  storedFraction,
  wallMs,
  zoneClock,
} from '../../tables/import/temporal.js';
import { parseWkt } from '../../tables/import/wkt.js';
import { validateGeometry } from '../../tables/import/geometry.js';
import type { ConstGeometry, ValueType } from './typed.js';

/** Why a constant could not be read; the checker turns it into a positioned `query.type` error. */
export class LiteralError extends Error {
  override name = 'LiteralError';
}

export function toNumber(text: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) throw new LiteralError(`'${text}' is not a number`);
  return value;
}

export function toBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new LiteralError(`'${text}' is not a boolean: write true or false`);
}

/** `YYYY-MM-DD`, also written as a floating timestamp at midnight (`2024-01-01T00:00:00.000`, as Socrata does). */
export function toDate(text: string): string {
  const kind = parseTemporal(text.trim());
  const midnight =
    fields.hour === 0 && fields.minute === 0 && fields.second === 0 && /^0*$/.test(fields.fraction);
  if (kind === DATE || (kind === LOCAL_TIMESTAMP && midnight)) return formatDate();
  throw new LiteralError(`'${text}' is not a date: write it as YYYY-MM-DD`);
}

/** An instant as stored (ISO UTC with `Z`); dates and zone-less times are read in `timeZone`. */
export function toTimestamp(text: string, timeZone: string): string {
  const kind = parseTemporal(text.trim());
  if (kind === NOT_TEMPORAL) {
    throw new LiteralError(
      `'${text}' is not a timestamp: write it as YYYY-MM-DDTHH:MM:SS, with Z or an offset for UTC times`,
    );
  }
  const fraction = kind === DATE ? '' : storedFraction(fields.fraction);
  if (fraction === null) throw new LiteralError(`'${text}' is finer than a microsecond`);
  // A date alone is midnight: the shared parse fields may still hold the time of an earlier value.
  const wall =
    kind === DATE
      ? wallMs(fields.year, fields.month, fields.day)
      : wallMs(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second);
  const ms = kind === OFFSET_TIMESTAMP ? wall - fields.offset * 60_000 : zoneClock(timeZone).toUtc(wall);
  return formatInstant(ms, fraction);
}

/** A WKT constant with its bounding box; `allowed` limits the geometry types. */
export function toGeometry(text: string, allowed?: readonly string[]): ConstGeometry {
  let parsed;
  try {
    parsed = parseWkt(text);
  } catch (error) {
    throw new LiteralError(`'${truncate(text)}' is not valid WKT: ${(error as Error).message}`);
  }
  if (parsed.type === 'GeometryCollection') {
    throw new LiteralError('GEOMETRYCOLLECTION is not supported here; use a MULTI- geometry');
  }
  if (allowed && !allowed.includes(parsed.type)) {
    throw new LiteralError(`expected ${allowed.join(' or ')} WKT, found ${parsed.type}`);
  }
  const result = validateGeometry(parsed);
  if (!result.ok) throw new LiteralError(`'${truncate(text)}' is not a valid geometry: ${result.message}`);
  return { geometry: result.geometry, bbox: result.bbox };
}

/** A `POINT (lon lat)` constant as [lon, lat]. */
export function toPoint(text: string): [number, number] {
  const { geometry } = toGeometry(text, ['Point']);
  const [lon, lat] = geometry.type === 'Point' ? (geometry.coordinates as number[]) : [];
  return [lon as number, lat as number];
}

/** Reads a text constant as `type`; throws LiteralError when it cannot be one. */
export function coerceText(text: string, type: ValueType, timeZone: string): string | number | boolean {
  switch (type) {
    case 'number':
      return toNumber(text);
    case 'boolean':
      return toBoolean(text);
    case 'date':
      return toDate(text);
    case 'timestamp':
      return toTimestamp(text, timeZone);
    default:
      return text;
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
