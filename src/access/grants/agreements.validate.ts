/** The rules an agreement's fields follow, for a new agreement and for a change to one. */
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { UsersService } from '../users/users.service.js';
import type { AgreementParts, AgreementRow } from './agreements.repo.js';
import type { AgreementCreate, AgreementUpdate } from './agreements.schema.js';
import { isDate, type CityCalendar } from './dates.js';

export type Problem = { field: string; message: string };

type Fields = Pick<
  AgreementRow,
  | 'organization'
  | 'contact_name'
  | 'contact_email'
  | 'purpose'
  | 'terms_text'
  | 'terms_url'
  | 'terms_version'
  | 'starts_at'
  | 'ends_at'
  | 'signed_at'
>;

export interface Checked {
  problems: Problem[];
  /** The columns to write (all of them for a new agreement, the changed ones for an update). */
  fields: Partial<Fields>;
  parts: Partial<AgreementParts>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const LIMITS = {
  organization: 200,
  contact_name: 200,
  purpose: 4000,
  terms_text: 50_000,
  terms_version: 50,
} as const;

export async function checkAgreement(
  input: AgreementCreate | AgreementUpdate,
  ctx: {
    existing?: AgreementRow & AgreementParts;
    today: string;
    calendar: CityCalendar;
    catalog: Pick<CatalogService, 'get' | 'departmentExists'>;
    users: Pick<UsersService, 'findByEmail'>;
  },
): Promise<Checked> {
  const { existing, calendar, today } = ctx;
  const problems: Problem[] = [];
  const fields: Partial<Fields> = {};
  const parts: Partial<AgreementParts> = {};
  const creating = existing === undefined;
  const department = existing?.department_id ?? ('department' in input ? input.department.trim() : '');
  const given = (value: unknown): value is string => typeof value === 'string';

  if (creating && !(await ctx.catalog.departmentExists(department)))
    problems.push({ field: 'department', message: `no department "${department}"` });

  for (const field of ['organization', 'contact_name', 'purpose', 'terms_version'] as const) {
    const value = input[field];
    if (!given(value)) {
      if (creating) problems.push({ field, message: 'required' });
      continue;
    }
    const text = value.trim();
    if (!text) problems.push({ field, message: 'required' });
    else if (text.length > LIMITS[field])
      problems.push({ field, message: `at most ${LIMITS[field]} characters` });
    else fields[field] = text;
  }

  if (given(input.contact_email)) {
    const email = input.contact_email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254)
      problems.push({ field: 'contact_email', message: 'give a valid email address' });
    else fields.contact_email = email;
  } else if (creating) problems.push({ field: 'contact_email', message: 'required' });

  if (given(input.terms_text)) {
    const text = input.terms_text.trim();
    if (text.length > LIMITS.terms_text)
      problems.push({ field: 'terms_text', message: `at most ${LIMITS.terms_text} characters` });
    else fields.terms_text = text;
  }
  if (input.terms_url !== undefined) {
    const url = (input.terms_url ?? '').trim();
    if (!url) fields.terms_url = null;
    else if (!/^https?:\/\/\S+$/i.test(url) || url.length > 2000 || !URL.canParse(url))
      problems.push({ field: 'terms_url', message: 'give a web address starting with https://' });
    else fields.terms_url = url;
  }
  const termsText = fields.terms_text ?? existing?.terms_text ?? '';
  const termsUrl = fields.terms_url !== undefined ? fields.terms_url : (existing?.terms_url ?? null);
  if (!termsText && !termsUrl)
    problems.push({ field: 'terms_text', message: 'give the terms as text, or the address of the document' });

  // Dates are the city's calendar days; the agreement is in force from the start of the first to the end of the last.
  const dateField = (field: 'start_date' | 'end_date' | 'signed_date'): string | null | undefined => {
    const value = input[field];
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') return null;
    if (!isDate(value.trim())) {
      problems.push({ field, message: 'give a date as YYYY-MM-DD' });
      return undefined;
    }
    return value.trim();
  };
  const start = dateField('start_date');
  const end = dateField('end_date');
  const signed = dateField('signed_date');
  const active = existing?.status === 'active';
  const oldStart = existing ? calendar.dayOf(new Date(existing.starts_at)) : undefined;
  const oldEnd = existing ? calendar.lastDayBefore(new Date(existing.ends_at)) : undefined;

  if (start === null || (creating && start === undefined && !problems.some((p) => p.field === 'start_date')))
    problems.push({ field: 'start_date', message: 'required' });
  if (end === null || (creating && end === undefined && !problems.some((p) => p.field === 'end_date')))
    problems.push({ field: 'end_date', message: 'required' });
  if (start && start !== oldStart) {
    if (active) problems.push({ field: 'start_date', message: 'an agreement in force keeps its start date' });
    else fields.starts_at = calendar.startOf(start).toISOString();
  }
  if (end && end !== oldEnd) {
    if (end < today) problems.push({ field: 'end_date', message: 'give today or a later day' });
    else fields.ends_at = calendar.endOf(end).toISOString();
  }
  const effectiveStart = start ?? oldStart;
  const effectiveEnd = end ?? oldEnd;
  const datesWrong = problems.some((p) => p.field === 'start_date' || p.field === 'end_date');
  if (!datesWrong && effectiveStart && effectiveEnd && effectiveEnd < effectiveStart)
    problems.push({ field: 'end_date', message: 'the last day comes on or after the first' });
  if (signed === null) {
    if (active) problems.push({ field: 'signed_date', message: 'an agreement in force stays signed' });
    else if (!creating) fields.signed_at = null;
  } else if (signed !== undefined) {
    if (signed > today)
      problems.push({ field: 'signed_date', message: 'give the day it was signed, not a later one' });
    else fields.signed_at = calendar.startOf(signed).toISOString();
  }
  if (creating && fields.signed_at === undefined) fields.signed_at = null;
  if (creating && fields.terms_text === undefined) fields.terms_text = '';
  if (creating && fields.terms_url === undefined) fields.terms_url = null;

  if (input.datasets !== undefined) {
    const ids = [...new Set(input.datasets.map((d) => d.trim()).filter(Boolean))];
    if (!ids.length) problems.push({ field: 'datasets', message: 'choose at least one dataset' });
    for (const id of ids) {
      const dataset = await ctx.catalog.get(id, { admin: true }).catch(() => undefined);
      if (!dataset) problems.push({ field: 'datasets', message: `no dataset "${id}"` });
      else if (dataset.department.id !== department)
        problems.push({ field: 'datasets', message: `"${id}" belongs to another department` });
    }
    parts.datasets = ids;
  } else if (creating) problems.push({ field: 'datasets', message: 'choose at least one dataset' });

  if (input.members !== undefined) {
    const emails = [...new Set(input.members.map((m) => m.trim().toLowerCase()).filter(Boolean))];
    const ids: string[] = [];
    for (const email of emails) {
      const user = await ctx.users.findByEmail(email);
      if (!user || user.kind !== 'developer')
        problems.push({
          field: 'members',
          message: `no developer account with the email ${email}: its owner signs up at /signup first`,
        });
      else ids.push(user.id);
    }
    parts.members = ids;
  } else if (creating) parts.members = [];

  return { problems, fields, parts };
}
