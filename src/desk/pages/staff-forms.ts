/**
 * The staff forms of a records request, read: each form's fields (named `<form>-<field>`, the same as their ids)
 * turned into what the desk is asked to do, the problems a person can fix before asking, and the desk's refusals
 * turned into messages next to the fields they are about.
 */
import { UNUSUAL_CIRCUMSTANCES, type UnusualCircumstance } from '../deadlines/deadlines.js';
import type {
  CloseReason,
  Denial,
  FeeKind,
  FeeLine,
  PaymentStatus,
  Person,
  Visibility,
} from '../records/records.types.js';

export type FormName =
  | 'assign'
  | 'message'
  | 'extension'
  | 'reminders'
  | 'fees'
  | 'release'
  | 'publication'
  | 'close'
  | 'reconsideration'
  | 'dataset';

/** The section of the detail page each form is in (where a problem of the form as a whole is shown). */
export const FORM_SECTIONS: Record<FormName, string> = {
  assign: 'assignment',
  message: 'messages',
  extension: 'deadline',
  reminders: 'deadline',
  fees: 'fees',
  release: 'documents',
  publication: 'publication',
  close: 'closing',
  reconsideration: 'reconsiderations',
  dataset: 'datasets',
};

export interface Problem {
  /** The id of the field (or `<form>-form`: the form as a whole). */
  field: string;
  message: string;
}

/** A refused form: which one, what was wrong, and what was typed (to show it again). */
export interface FormState {
  form: FormName;
  problems: Problem[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
}

export type Parsed<T> = { ok: true; input: T } | { ok: false; problems: Problem[] };

const CLOSE_REASONS: readonly CloseReason[] = [
  'fulfilled',
  'partially_fulfilled',
  'no_responsive_records',
  'denied',
  'withdrawn',
  'referred',
];
const FEE_KINDS: readonly FeeKind[] = ['duplication', 'electronic_copy', 'programming'];
const PAYMENTS: readonly PaymentStatus[] = ['not_required', 'awaiting_payment', 'paid', 'waived'];
const VISIBILITIES: readonly Visibility[] = ['public', 'requester', 'staff'];

/** How many blank rows the fee and responsible-person parts offer (no script adds rows). */
export const BLANK_FEE_ROWS = 1;
export const PERSON_ROWS = 3;

const text = (v: Record<string, string>, k: string) => (v[k] ?? '').trim();
const result = <T>(problems: Problem[], input: T): Parsed<T> =>
  problems.length ? { ok: false, problems } : { ok: true, input };

export function readMessage(
  v: Record<string, string>,
): Parsed<{ kind: 'public' | 'internal'; body: string }> {
  const problems: Problem[] = [];
  const kind = v['message-kind'];
  if (kind !== 'public' && kind !== 'internal')
    problems.push({ field: 'message-kind', message: 'Choose a public message or an internal note.' });
  const body = text(v, 'message-body');
  if (!body) problems.push({ field: 'message-body', message: 'Write the message.' });
  return result(problems, { kind: kind === 'public' ? 'public' : 'internal', body });
}

export function readExtension(
  v: Record<string, string>,
): Parsed<{ reason: UnusualCircumstance; days: number; notice: string }> {
  const problems: Problem[] = [];
  const reason = v['extension-reason'] ?? '';
  if (!(UNUSUAL_CIRCUMSTANCES as readonly string[]).includes(reason))
    problems.push({ field: 'extension-reason', message: 'Choose the unusual circumstance that applies.' });
  const daysText = text(v, 'extension-days');
  if (!/^\d{1,3}$/.test(daysText))
    problems.push({ field: 'extension-days', message: 'Enter a whole number of days, from 1 to 14.' });
  const notice = text(v, 'extension-notice');
  if (!notice)
    problems.push({
      field: 'extension-notice',
      message: 'Write the notice: the law requires written notice of the reasons and the new date.',
    });
  return result(problems, { reason: reason as UnusualCircumstance, days: Number(daysText), notice });
}

/** Dollars as a person writes them ("12", "12.5", "$1,012.50") in cents. */
export function cents(amount: string): number | undefined {
  const clean = amount.replace(/[$,\s]/g, '');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(clean)) return undefined;
  const [whole, fraction = ''] = clean.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const dollars = (amountCents: number) => (amountCents / 100).toFixed(2);

/** The fee rows of the form: `fees-<n>-kind|description|amount`; empty rows are dropped. */
export function readFees(v: Record<string, string>): Parsed<{
  lines: Omit<FeeLine, 'id'>[];
  payment: PaymentStatus;
  programmingJustification?: string;
  /** The form row of each line, to put the desk's refusals of a line next to it. */
  rows: number[];
}> {
  const problems: Problem[] = [];
  const lines: Omit<FeeLine, 'id'>[] = [];
  const rows: number[] = [];
  const indexes = new Set(
    Object.keys(v)
      .map((k) => /^fees-(\d+)-(kind|description|amount)$/.exec(k)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number),
  );
  for (const n of [...indexes].sort((a, b) => a - b)) {
    const kind = v[`fees-${n}-kind`] ?? '';
    const description = text(v, `fees-${n}-description`);
    const amount = text(v, `fees-${n}-amount`);
    if (!description && !amount) continue;
    if (!(FEE_KINDS as readonly string[]).includes(kind))
      problems.push({ field: `fees-${n}-kind`, message: 'Choose what the line charges for.' });
    const amountCents = cents(amount);
    if (amountCents === undefined)
      problems.push({ field: `fees-${n}-amount`, message: 'Enter an amount in dollars, like 12.50.' });
    if (!description) problems.push({ field: `fees-${n}-description`, message: 'Describe what is charged.' });
    lines.push({ kind: kind as FeeKind, description, amountCents: amountCents ?? 0 });
    rows.push(n);
  }
  const payment = v['fees-payment'] ?? '';
  if (!(PAYMENTS as readonly string[]).includes(payment))
    problems.push({ field: 'fees-payment', message: 'Choose the payment status.' });
  const justification = text(v, 'fees-justification');
  return result(problems, {
    lines,
    payment: payment as PaymentStatus,
    ...(justification ? { programmingJustification: justification } : {}),
    rows,
  });
}

export interface ReleaseInput {
  kind: 'upload' | 'dataset' | 'offline';
  title: string;
  visibility: Visibility;
  datasetId?: string;
  description?: string;
  redactionNote?: string;
}

/** The release form, but for the file (read from the multipart stream by the route). */
export function readRelease(
  v: Record<string, string>,
  file: { fileName: string } | undefined,
): Parsed<ReleaseInput> {
  const problems: Problem[] = [];
  const kind = v['release-kind'] ?? '';
  if (kind !== 'upload' && kind !== 'dataset' && kind !== 'offline')
    problems.push({ field: 'release-kind', message: 'Choose what you are releasing.' });
  const title = text(v, 'release-title') || (kind === 'upload' && file ? file.fileName : '');
  if (!title) problems.push({ field: 'release-title', message: 'Give the document a title.' });
  if (kind === 'upload' && !file)
    problems.push({ field: 'release-file', message: 'Choose the file to release.' });
  const datasetId = text(v, 'release-dataset');
  if (kind === 'dataset' && !datasetId)
    problems.push({
      field: 'release-dataset',
      message: "Enter the dataset's identifier, as in its address.",
    });
  const description = text(v, 'release-description');
  if (kind === 'offline' && !description)
    problems.push({
      field: 'release-description',
      message: 'Describe the record and how the requester can see or get it.',
    });
  const visibility = v['release-visibility'] ?? '';
  if (!(VISIBILITIES as readonly string[]).includes(visibility))
    problems.push({ field: 'release-visibility', message: 'Choose who may see the document.' });
  const redactionNote = text(v, 'release-redaction');
  return result(problems, {
    kind: kind as ReleaseInput['kind'],
    title,
    visibility: visibility as Visibility,
    ...(kind === 'dataset' ? { datasetId } : {}),
    ...(description ? { description } : {}),
    ...(redactionNote ? { redactionNote } : {}),
  });
}

export function readPublication(v: Record<string, string>): Parsed<{ published: boolean; reason?: string }> {
  const choice = v['publication-choice'];
  const reason = text(v, 'publication-reason');
  if (choice === 'publish') return { ok: true, input: { published: true } };
  if (choice !== 'private')
    return {
      ok: false,
      problems: [{ field: 'publication-choice', message: 'Choose publish or keep private.' }],
    };
  if (!reason)
    return {
      ok: false,
      problems: [{ field: 'publication-reason', message: 'Say why the law requires keeping it private.' }],
    };
  return { ok: true, input: { published: false, reason } };
}

export function readClose(v: Record<string, string>): Parsed<{
  reason: CloseReason;
  note: string;
  denial?: Omit<Denial, 'at'>;
  referredTo?: string;
}> {
  const problems: Problem[] = [];
  const reason = v['close-reason'] ?? '';
  if (!(CLOSE_REASONS as readonly string[]).includes(reason))
    problems.push({ field: 'close-reason', message: 'Choose why the request is closed.' });
  const note = text(v, 'close-note');
  const referredTo = text(v, 'close-referred');
  if (reason === 'referred' && !referredTo)
    problems.push({ field: 'close-referred', message: 'Name the agency the request is referred to.' });
  let denial: Omit<Denial, 'at'> | undefined;
  const denialTyped = ['close-exemptions', 'close-explanation']
    .concat(
      Array.from({ length: PERSON_ROWS }, (_, i) => [
        `close-person-${i}-name`,
        `close-person-${i}-title`,
      ]).flat(),
    )
    .some((k) => text(v, k) !== '');
  // A full denial always; a partial one when records are withheld (its part of the form is filled in).
  if (reason === 'denied' || (reason === 'partially_fulfilled' && denialTyped)) {
    const responsible: Person[] = [];
    for (let i = 0; i < PERSON_ROWS; i++) {
      const name = text(v, `close-person-${i}-name`);
      const title = text(v, `close-person-${i}-title`);
      if (name && !title)
        problems.push({ field: `close-person-${i}-title`, message: `Give the title of ${name}.` });
      if (title && !name)
        problems.push({ field: `close-person-${i}-name`, message: `Give the name of the ${title}.` });
      if (name && title) responsible.push({ name, title });
    }
    const exemptions = (v['close-exemptions'] ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    denial = {
      scope: reason === 'denied' ? 'full' : 'partial',
      exemptions,
      responsible,
      explanation: text(v, 'close-explanation'),
    };
  }
  return result(problems, {
    reason: reason as CloseReason,
    note,
    ...(denial ? { denial } : {}),
    ...(reason === 'referred' ? { referredTo } : {}),
  });
}

/** A decision on one reconsideration: its fields are `rc-<id>-decision|note` (one form per pending one). */
export function readDecision(
  v: Record<string, string>,
  prefix: string,
): Parsed<{ decision: 'upheld' | 'reversed' | 'modified'; note: string }> {
  const problems: Problem[] = [];
  const decision = v[`${prefix}-decision`] ?? '';
  if (decision !== 'upheld' && decision !== 'reversed' && decision !== 'modified')
    problems.push({ field: `${prefix}-decision`, message: 'Choose the decision.' });
  const note = text(v, `${prefix}-note`);
  if (!note) problems.push({ field: `${prefix}-note`, message: 'Explain the decision to the requester.' });
  return result(problems, { decision: decision as 'upheld', note });
}

/** The field prefix of a reconsideration's decision form. */
export const reconsiderationPrefix = (id: string) => `rc-${id.replace(/[^A-Za-z0-9_-]/g, '')}`;
