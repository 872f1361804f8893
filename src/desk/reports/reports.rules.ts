/**
 * The reports' rules as pure functions: what a new report must hold, which status may follow which, who works
 * on a report, and the rate limit's arithmetic. The service applies them; they never touch the database.
 */
import { reportErrors } from '../../errors.js';
import {
  CLOSED_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  type NewReport,
  type ReportKind,
  type ReportStatus,
  type ReportViewer,
} from './reports.types.js';

export const LIMITS = {
  description: { min: 10, max: 5000 },
  rowRef: 200,
  email: 254,
  body: 5000,
  note: 2000,
} as const;

/** Reports from one address: at most `count` within `windowMs`. */
export const RATE_LIMITS = [
  { count: 5, windowMs: 3_600_000, label: '5 an hour' },
  { count: 20, windowMs: 86_400_000, label: '20 a day' },
] as const;

export const LANGS = ['en', 'vi', 'es'] as const;

export type Problem = { field: string; code: string; message: string };
export type StaffViewer = Extract<ReportViewer, { kind: 'staff' }>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export const isClosed = (status: string): boolean => (CLOSED_STATUSES as readonly string[]).includes(status);

/** The checked fields of a new report (everything but the dataset and datastream, which need the catalog). */
export interface CheckedReport {
  kind: ReportKind;
  description: string;
  email: string | null;
  rowRef: string | null;
  timeFrom: string | null;
  timeTo: string | null;
  lang: string;
}

/** Checks what a reporter wrote; report.invalid lists every problem with a code and what to fix. */
export function checkNewReport(input: NewReport): CheckedReport {
  const problems: Problem[] = [];
  if (typeof input.datasetId !== 'string' || !input.datasetId.trim())
    problems.push({ field: 'datasetId', code: 'required', message: 'name the dataset the report is about' });
  if (!(REPORT_KINDS as readonly string[]).includes(input.kind))
    problems.push({ field: 'kind', code: 'invalid', message: `use one of ${REPORT_KINDS.join(', ')}` });
  const description = (input.description ?? '').trim();
  if (!description)
    problems.push({ field: 'description', code: 'required', message: 'describe what is wrong' });
  else if (description.length < LIMITS.description.min)
    problems.push({
      field: 'description',
      code: 'too_short',
      message: `write at least ${LIMITS.description.min} characters: what is wrong, and where`,
    });
  else if (description.length > LIMITS.description.max)
    problems.push({
      field: 'description',
      code: 'too_long',
      message: `write at most ${LIMITS.description.max} characters`,
    });
  const email = input.email?.trim().toLowerCase() || null;
  if (email && (email.length > LIMITS.email || !EMAIL.test(email)))
    problems.push({
      field: 'email',
      code: 'invalid',
      message: 'give a valid email address, or leave it out',
    });
  const rowRef = input.rowRef?.trim() || null;
  if (rowRef && rowRef.length > LIMITS.rowRef)
    problems.push({
      field: 'rowRef',
      code: 'too_long',
      message: `write at most ${LIMITS.rowRef} characters`,
    });
  const times: Partial<Record<'timeFrom' | 'timeTo', string>> = {};
  for (const field of ['timeFrom', 'timeTo'] as const) {
    const value = input[field]?.trim();
    if (!value) continue;
    const ms = Date.parse(value);
    if (!INSTANT.test(value) || Number.isNaN(ms))
      problems.push({
        field,
        code: 'invalid',
        message: 'an ISO 8601 instant with its offset, such as 2026-03-01T20:00:00Z',
      });
    else times[field] = new Date(ms).toISOString();
  }
  if (times.timeFrom && times.timeTo && times.timeFrom > times.timeTo)
    problems.push({ field: 'timeTo', code: 'before_start', message: 'the end is before the start' });
  if (problems.length) throw reportErrors.invalid(problems);
  return {
    kind: input.kind,
    description,
    email,
    rowRef,
    timeFrom: times.timeFrom ?? null,
    timeTo: times.timeTo ?? null,
    lang: (LANGS as readonly string[]).includes(input.lang ?? '') ? input.lang! : 'en',
  };
}

/**
 * The statuses a report may move to: any later one while open (received → acknowledged → in_progress →
 * resolved | wont_fix); a closed report only back to in_progress (reopened).
 */
export function nextStatuses(from: ReportStatus): ReportStatus[] {
  if (isClosed(from)) return ['in_progress'];
  const at = REPORT_STATUSES.indexOf(from);
  return REPORT_STATUSES.filter((s, i) => i > at);
}

/** Checks a status change; returns the note to keep (required for won't fix). */
export function checkTransition(
  number: string,
  from: ReportStatus,
  to: string,
  note: string | undefined,
): string | null {
  if (!(REPORT_STATUSES as readonly string[]).includes(to))
    throw reportErrors.invalid([
      { field: 'status', code: 'invalid', message: `use one of ${REPORT_STATUSES.join(', ')}` },
    ]);
  const allowed = nextStatuses(from);
  if (!allowed.includes(to as ReportStatus)) throw reportErrors.badTransition(number, from, to, allowed);
  const text = note?.trim() || null;
  if (to === 'wont_fix' && !text) throw reportErrors.reasonRequired();
  if (text && text.length > LIMITS.note)
    throw reportErrors.invalid([
      { field: 'note', code: 'too_long', message: `write at most ${LIMITS.note} characters` },
    ]);
  return text;
}

/** Whether a member of staff works on reports of this department: admins and its stewards. */
export function worksOn(viewer: ReportViewer, departmentId: string): viewer is StaffViewer {
  return viewer.kind === 'staff' && (viewer.admin || viewer.departments.includes(departmentId));
}

/** A reply or note body: required, at most `max` characters. */
export function checkBody(value: string | undefined, max: number = LIMITS.body): string {
  const body = (value ?? '').trim();
  if (!body) throw reportErrors.invalid([{ field: 'body', code: 'required', message: 'write something' }]);
  if (body.length > max)
    throw reportErrors.invalid([
      { field: 'body', code: 'too_long', message: `write at most ${max} characters` },
    ]);
  return body;
}

/**
 * The rate limit: given when the address filed (ISO instants, any order), how long until it may file again
 * (seconds), or 0 when it may now.
 */
export function retryAfter(filedAt: readonly string[], now: Date): { seconds: number; limit: string } | null {
  const times = filedAt.map((t) => Date.parse(t)).sort((a, b) => a - b);
  for (const { count, windowMs, label } of [...RATE_LIMITS].reverse()) {
    const inWindow = times.filter((t) => t > now.getTime() - windowMs);
    if (inWindow.length >= count) {
      // Free again when the oldest filing that keeps the count at the limit leaves the window.
      const freeAt = inWindow[inWindow.length - count]! + windowMs;
      return { seconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)), limit: label };
    }
  }
  return null;
}

/** `Q26-0001`. */
export const reportNumber = (year: number, seq: number): string =>
  `Q${String(year % 100).padStart(2, '0')}-${String(seq).padStart(4, '0')}`;

export const NUMBER = /^Q\d{2}-\d{4,}$/;
