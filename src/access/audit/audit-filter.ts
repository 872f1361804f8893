/**
 * The audit log's search filter, read from what people type: `action=key.revoke` or every action of a noun
 * (`key.` or `key.*`), `actor=` an account id or an email, `target=` an id or `type:id`, `from`/`to` as dates
 * (whole days in the city's time zone) or instants, and free text `q`.
 */
import { AppError } from '../../errors.js';
import { localTimeToUtc } from '../../tables/import/temporal.js';

export interface AuditFilterInput {
  action?: string;
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface AuditFilter {
  action?: { kind: 'exact' | 'prefix'; value: string };
  actor?: string;
  target?: { type?: string; id: string };
  /** Inclusive, ISO 8601 UTC. */
  from?: string;
  /** Exclusive, ISO 8601 UTC. */
  to?: string;
  text?: string;
}

export const auditErrors = {
  invalid: (field: string, message: string) =>
    new AppError('audit.invalid_filter', 400, `${field}: ${message}.`, { field }),
  badCursor: () =>
    new AppError('audit.invalid_filter', 400, 'cursor: use the "next" value of the previous page.', {
      field: 'cursor',
    }),
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const blank = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An instant from a date, a local date-time (both in the city's zone) or a date-time with an offset. A date given
 * as the end of a range (`endOfDay`) means the whole day: the instant the next day starts.
 */
export function instantOf(field: string, value: string, timeZone: string, endOfDay = false): string {
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!validDay(year, month, day)) throw auditErrors.invalid(field, `no such day "${value}"`);
    return new Date(localTimeToUtc(timeZone, year, month, day + (endOfDay ? 1 : 0))).toISOString();
  }
  const local = LOCAL.exec(value);
  if (local) {
    const [year, month, day, hour, minute, second] = local.slice(1).map((part) => Number(part ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59)
      throw auditErrors.invalid(field, `no such time "${value}"`);
    return new Date(localTimeToUtc(timeZone, year, month, day, hour, minute, second)).toISOString();
  }
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw auditErrors.invalid(field, 'give a date (2026-03-01) or a time (2026-03-01T08:30:00Z)');
  return new Date(ms).toISOString();
}

/** The filter of a search or an export; throws audit.invalid_filter naming the field to fix. */
export function parseAuditFilter(input: AuditFilterInput, timeZone: string): AuditFilter {
  const filter: AuditFilter = {};
  const action = blank(input.action)?.toLowerCase();
  if (action !== undefined) {
    if (!/^[a-z_]+(\.[a-z_*]*)?$/.test(action))
      throw auditErrors.invalid('action', 'give an action like key.revoke, or key.* for every key action');
    if (action.endsWith('.*') || action.endsWith('.'))
      filter.action = { kind: 'prefix', value: action.replace(/\*$/, '') };
    else if (action.includes('*'))
      throw auditErrors.invalid('action', 'a wildcard may only end the action, as in key.*');
    else
      filter.action = {
        kind: action.includes('.') ? 'exact' : 'prefix',
        value: action.includes('.') ? action : `${action}.`,
      };
  }
  const actor = blank(input.actor);
  if (actor !== undefined) filter.actor = actor.includes('@') ? actor.toLowerCase() : actor;
  const target = blank(input.target);
  if (target !== undefined) {
    const colon = target.indexOf(':');
    filter.target =
      colon > 0 && /^[a-z_]+$/.test(target.slice(0, colon))
        ? { type: target.slice(0, colon), id: target.slice(colon + 1) }
        : { id: target };
  }
  const from = blank(input.from);
  if (from !== undefined) filter.from = instantOf('from', from, timeZone);
  const to = blank(input.to);
  if (to !== undefined) filter.to = instantOf('to', to, timeZone, true);
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to)
    throw auditErrors.invalid('to', 'the end of the range must come after its start');
  const text = blank(input.q);
  if (text !== undefined) filter.text = text.slice(0, 200);
  return filter;
}

/** A page cursor (a sequence number) from the query string. */
export function parseCursor(value: string | undefined): number | undefined {
  const cursor = blank(value);
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) throw auditErrors.badCursor();
  return Number(cursor);
}
