/**
 * The report form's fields as the page sends them: read forgivingly (missing fields are blank), checked field by
 * field so that each problem is shown next to its field, and turned into the desk's NewReport. Times are typed in
 * the city's local time (`datetime-local`: 2026-03-01T08:30) and stored as instants. Pure: no request, no service.
 */
import { localTimeToUtc } from '../../../tables/import/temporal.js';
import { REPORT_KINDS, type NewReport, type ReportKind } from '../reports.types.js';

export const LIMITS = { description: 5_000, descriptionMin: 10, email: 254, rowRef: 200 } as const;

/** The honeypot: a field people never see or fill; software that fills every field does. */
export const HONEYPOT = 'website';

export interface ReportFormValues {
  kind: string;
  description: string;
  email: string;
  rowRef: string;
  /** Local date-times as typed (`YYYY-MM-DDTHH:MM`), or blank. */
  timeFrom: string;
  timeTo: string;
  /** A datastream id as text, or blank. */
  datastream: string;
}

export type ReportField = keyof ReportFormValues | typeof HONEYPOT;

export type ProblemCode =
  | 'kind'
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'email'
  | 'datastream'
  | 'time'
  | 'time_order'
  | 'honeypot'
  | 'rate_limited'
  /** The desk refused the value for a reason of its own (its words are in `message`). */
  | 'invalid';

export interface ReportProblem {
  field: ReportField;
  code: ProblemCode;
  message?: string;
}

export const EMPTY_VALUES: ReportFormValues = {
  kind: '',
  description: '',
  email: '',
  rowRef: '',
  timeFrom: '',
  timeTo: '',
  datastream: '',
};

const one = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

export function readReportForm(body: unknown): { values: ReportFormValues; honeypot: string; csrf: string } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (name: string) => one(fields[name]).trim();
  return {
    values: {
      kind: text('kind'),
      description: one(fields.description).replace(/\r\n/g, '\n').trim(),
      email: text('email'),
      rowRef: text('rowRef'),
      timeFrom: text('timeFrom'),
      timeTo: text('timeTo'),
      datastream: text('datastream'),
    },
    honeypot: one(fields[HONEYPOT]),
    csrf: one(fields._csrf),
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant of a local date-time typed in the form (a bare date is its midnight); undefined when unreadable. */
export function instantOfLocal(value: string, timeZone: string): string | undefined {
  const m = LOCAL.exec(value) ?? DATE_ONLY.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => Number(p ?? 0)) as number[];
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > days || hour! > 23 || minute! > 59 || second! > 59)
    return undefined;
  return new Date(localTimeToUtc(timeZone, year!, month!, day!, hour, minute, second)).toISOString();
}

/** An instant as the form's `datetime-local` field shows it, in the city's zone (blank when unreadable). */
export function localOfInstant(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The form's starting values from a link (`?datastream=&from=&to=&row=`, as the chart and live map write them):
 * times may be instants or local date-times; anything unreadable is left blank.
 */
export function prefill(
  query: unknown,
  timeZone: string,
  datastreams: ReadonlySet<number>,
): ReportFormValues {
  const q = (query ?? {}) as Record<string, unknown>;
  const time = (value: string) => {
    if (value === '') return '';
    if (LOCAL.exec(value) || DATE_ONLY.exec(value))
      return instantOfLocal(value, timeZone) ? value.replace(' ', 'T').slice(0, 16) : '';
    return localOfInstant(value, timeZone);
  };
  const datastream = Number(one(q.datastream));
  const kind = one(q.kind);
  return {
    ...EMPTY_VALUES,
    kind: (REPORT_KINDS as readonly string[]).includes(kind) ? kind : '',
    datastream: datastreams.has(datastream) ? String(datastream) : '',
    timeFrom: time(one(q.from).trim()),
    timeTo: time(one(q.to).trim()),
    rowRef: one(q.row).trim().slice(0, LIMITS.rowRef),
  };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The problems of the values, in the form's order. */
export function checkReportForm(
  values: ReportFormValues,
  context: { datastreams: ReadonlySet<number>; timeZone: string; honeypot?: string },
): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (!(REPORT_KINDS as readonly string[]).includes(values.kind))
    problems.push({ field: 'kind', code: 'kind' });
  if (values.description === '') problems.push({ field: 'description', code: 'required' });
  else if (values.description.length < LIMITS.descriptionMin)
    problems.push({ field: 'description', code: 'too_short' });
  else if (values.description.length > LIMITS.description)
    problems.push({ field: 'description', code: 'too_long' });
  if (values.datastream !== '' && !context.datastreams.has(Number(values.datastream)))
    problems.push({ field: 'datastream', code: 'datastream' });
  if (values.rowRef.length > LIMITS.rowRef) problems.push({ field: 'rowRef', code: 'too_long' });
  const from = values.timeFrom ? instantOfLocal(values.timeFrom, context.timeZone) : null;
  const to = values.timeTo ? instantOfLocal(values.timeTo, context.timeZone) : null;
  if (from === undefined) problems.push({ field: 'timeFrom', code: 'time' });
  if (to === undefined) problems.push({ field: 'timeTo', code: 'time' });
  if (from && to && to <= from) problems.push({ field: 'timeTo', code: 'time_order' });
  if (values.email.length > LIMITS.email) problems.push({ field: 'email', code: 'too_long' });
  else if (values.email !== '' && !EMAIL.test(values.email)) problems.push({ field: 'email', code: 'email' });
  if ((context.honeypot ?? '').trim() !== '') problems.push({ field: HONEYPOT, code: 'honeypot' });
  return problems;
}

/** The desk's new report from checked values (blank optional fields left out). */
export function toNewReport(
  datasetId: string,
  values: ReportFormValues,
  extra: { timeZone: string; lang: string; ip: string | null; userId: string | null },
): NewReport {
  const report: NewReport = {
    datasetId,
    kind: values.kind as ReportKind,
    description: values.description,
    lang: extra.lang,
    ip: extra.ip,
  };
  if (values.datastream) report.datastreamId = Number(values.datastream);
  if (values.email) report.email = values.email;
  if (values.rowRef) report.rowRef = values.rowRef;
  if (values.timeFrom) report.timeFrom = instantOfLocal(values.timeFrom, extra.timeZone) ?? null;
  if (values.timeTo) report.timeTo = instantOfLocal(values.timeTo, extra.timeZone) ?? null;
  if (extra.userId) report.userId = extra.userId;
  return report;
}
