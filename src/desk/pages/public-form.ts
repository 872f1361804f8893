/**
 * The public request form's fields as the page sends them: read forgivingly (missing fields are blank), checked
 * field by field so that each problem can be shown next to its field, and turned into the desk's NewRequest.
 * Pure: no request, no service.
 */
import type { NewRequest, PreferredFormat } from '../records/records.types.js';

/** Electronic first: the statute's default for records the City holds electronically (7922.570). */
export const FORMATS: readonly PreferredFormat[] = ['electronic', 'paper', 'inspection'];

export const LIMITS = {
  description: 10_000,
  /** A few words at least: the desk refuses shorter descriptions. */
  descriptionMin: 10,
  name: 200,
  email: 254,
  phone: 40,
} as const;

/** The honeypot: a field people never see or fill; software that fills every field does. */
export const HONEYPOT = 'website';

export interface RequestFormValues {
  description: string;
  preferredFormat: PreferredFormat;
  departmentId: string;
  name: string;
  email: string;
  phone: string;
}

export type RequestField = keyof RequestFormValues | 'attachments' | typeof HONEYPOT;

export type ProblemCode =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'email'
  | 'phone'
  | 'department'
  | 'format'
  | 'honeypot'
  | 'attachment_too_large'
  | 'too_many_attachments'
  /** The desk refused the value for a reason of its own (its words are in `message`). */
  | 'invalid';

export interface RequestProblem {
  field: RequestField;
  code: ProblemCode;
  message?: string;
}

export const EMPTY_VALUES: RequestFormValues = {
  description: '',
  preferredFormat: 'electronic',
  departmentId: '',
  name: '',
  email: '',
  phone: '',
};

const isFormat = (value: string): value is PreferredFormat => (FORMATS as readonly string[]).includes(value);

/** The form's values from its fields (text as typed, trimmed at the ends; an unknown format is kept to be refused). */
export function readRequestForm(fields: Readonly<Record<string, string>>): {
  values: RequestFormValues;
  formatValid: boolean;
} {
  const text = (name: string) => (fields[name] ?? '').trim();
  const format = text('preferredFormat');
  return {
    values: {
      description: (fields.description ?? '').replace(/\r\n/g, '\n').trim(),
      preferredFormat: isFormat(format) ? format : 'electronic',
      departmentId: text('departmentId'),
      name: text('name'),
      email: text('email'),
      phone: text('phone'),
    },
    formatValid: format === '' || isFormat(format),
  };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[0-9+().\s/-]*(?:(?:ext\.?|x)\s*\d+)?$/i;

/**
 * The problems of the values, in the form's order. `departments` are the departments one may choose; the
 * honeypot is the hidden field's value.
 */
export function checkRequestForm(
  values: RequestFormValues,
  context: { departments: ReadonlySet<string>; formatValid?: boolean; honeypot?: string },
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (values.description === '') problems.push({ field: 'description', code: 'required' });
  else if (values.description.length < LIMITS.descriptionMin)
    problems.push({ field: 'description', code: 'too_short' });
  else if (values.description.length > LIMITS.description)
    problems.push({ field: 'description', code: 'too_long' });
  if (context.formatValid === false) problems.push({ field: 'preferredFormat', code: 'format' });
  if (values.departmentId !== '' && !context.departments.has(values.departmentId))
    problems.push({ field: 'departmentId', code: 'department' });
  if (values.name.length > LIMITS.name) problems.push({ field: 'name', code: 'too_long' });
  if (values.email.length > LIMITS.email) problems.push({ field: 'email', code: 'too_long' });
  else if (values.email !== '' && !EMAIL.test(values.email)) problems.push({ field: 'email', code: 'email' });
  if (values.phone.length > LIMITS.phone) problems.push({ field: 'phone', code: 'too_long' });
  else if (values.phone !== '' && (!PHONE.test(values.phone) || digits(values.phone) < 7))
    problems.push({ field: 'phone', code: 'phone' });
  if ((context.honeypot ?? '').trim() !== '') problems.push({ field: HONEYPOT, code: 'honeypot' });
  return problems;
}

const digits = (text: string) => text.replace(/\D/g, '').length;

/** The desk's new request from checked values (blank optional fields left out). */
export function toNewRequest(
  values: RequestFormValues,
  attachments: readonly { fileName: string; mediaType: string; path: string }[],
): NewRequest {
  const request: NewRequest = { description: values.description, preferredFormat: values.preferredFormat };
  if (values.departmentId) request.departmentId = values.departmentId;
  if (values.name) request.name = values.name;
  if (values.email) request.email = values.email;
  if (values.phone) request.phone = values.phone;
  if (attachments.length > 0) request.attachments = attachments.map((a) => ({ ...a }));
  return request;
}
