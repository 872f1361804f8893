/**
 * The desk's rules as pure functions: who may see and work on a request, and what a fee, a denial or a closing
 * must hold. The service applies them; they never touch the database.
 */
import { AppError, recordsErrors } from '../../errors.js';
import { checkExtension, MAX_EXTENSION_DAYS, UNUSUAL_CIRCUMSTANCES } from '../deadlines/deadlines.js';
import { CLOSE_REASONS, LIMITS, PAYMENT_STATUSES, PROGRAMMING_JUSTIFICATIONS } from './records.schema.js';
import type { CloseReason, Denial, DeskViewer, FeeLine, PaymentStatus, Person } from './records.types.js';

export type StaffViewer = Extract<DeskViewer, { kind: 'staff' }>;
type Problem = { field: string; message: string };

/** The Clerk and admins run the whole desk. */
export const runsDesk = (viewer: DeskViewer): boolean =>
  viewer.kind === 'staff' && (viewer.clerk || viewer.admin);

/** Whether a member of staff works on a request of these departments: the Clerk, admins, their stewards. */
export function worksOn(viewer: DeskViewer, departments: readonly string[]): viewer is StaffViewer {
  if (viewer.kind !== 'staff') return false;
  if (viewer.clerk || viewer.admin) return true;
  return departments.some((d) => viewer.departments.includes(d));
}

/** How a viewer sees a request: as staff who work on it, as its requester, as the public, or not at all. */
export type Sight = 'staff' | 'requester' | 'public' | 'none';

export function sightOf(
  viewer: DeskViewer,
  request: { id: string; published: boolean; departments: readonly string[] },
): Sight {
  if (worksOn(viewer, request.departments)) return 'staff';
  if (viewer.kind === 'requester' && viewer.requestId === request.id) return 'requester';
  // Another department's staff, other requesters and the public see only what the public log shows.
  return request.published ? 'public' : 'none';
}

/** Trimmed text or undefined; long text is refused, not cut. */
export function text(
  problems: Problem[],
  field: string,
  value: string | undefined | null,
  options: { required?: boolean; max?: number; min?: number } = {},
): string | undefined {
  const trimmed = (value ?? '').trim();
  const max = options.max ?? LIMITS.text;
  if (!trimmed) {
    if (options.required) problems.push({ field, message: 'required' });
    return undefined;
  }
  if (options.min !== undefined && trimmed.length < options.min)
    problems.push({ field, message: `write at least ${options.min} characters` });
  if (trimmed.length > max) problems.push({ field, message: `write at most ${max} characters` });
  return trimmed;
}

export function throwIf(problems: Problem[]): void {
  if (problems.length) throw recordsErrors.invalid(problems);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(problems: Problem[], value: string | undefined): string | undefined {
  const email = text(problems, 'email', value, { max: LIMITS.email })?.toLowerCase();
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', message: 'give a valid email address' });
  return email;
}

/** The one extension: days 1 to 14, a reason from the statute's list, and the written notice. */
export function checkExtensionInput(input: { reason: string; days: number; notice: string }): string {
  const problem = checkExtension(input.days, input.reason);
  if (problem === 'records.extension_too_long')
    throw recordsErrors.extensionTooLong(input.days, MAX_EXTENSION_DAYS);
  if (problem === 'records.extension_days') throw recordsErrors.extensionDays(input.days);
  if (problem === 'records.extension_reason') throw recordsErrors.extensionReason(UNUSUAL_CIRCUMSTANCES);
  const problems: Problem[] = [];
  const notice = text(problems, 'notice', input.notice, { required: true });
  throwIf(problems);
  return notice!;
}

export interface CheckedFees {
  lines: Omit<FeeLine, 'id'>[];
  payment: PaymentStatus;
  programmingJustification: string | null;
}

/**
 * Fee lines (direct costs only: 7922.530), with the programming or extraction line allowed only with one of the
 * statute's justifications (7922.575(b)).
 */
export function checkFees(input: {
  lines: Omit<FeeLine, 'id'>[];
  payment: string;
  programmingJustification?: string;
}): CheckedFees {
  const problems: Problem[] = [];
  if (!(PAYMENT_STATUSES as readonly string[]).includes(input.payment))
    problems.push({ field: 'payment', message: `use one of ${PAYMENT_STATUSES.join(', ')}` });
  if (input.lines.length > LIMITS.feeLines)
    problems.push({ field: 'lines', message: `at most ${LIMITS.feeLines} lines` });
  const lines = input.lines.map((line, i) => {
    const description = text(problems, `lines[${i}].description`, line.description, {
      required: true,
      max: LIMITS.title,
    });
    if (!Number.isInteger(line.amountCents) || line.amountCents < 0)
      problems.push({ field: `lines[${i}].amountCents`, message: 'a whole number of cents, 0 or more' });
    return { kind: line.kind, description: description ?? '', amountCents: line.amountCents };
  });
  const total = lines.reduce((sum, l) => sum + l.amountCents, 0);
  if (total === 0 && input.payment === 'awaiting_payment')
    problems.push({ field: 'payment', message: 'nothing to pay: the fees total 0' });
  throwIf(problems);
  const programming = lines.some((l) => l.kind === 'programming');
  const justification = input.programmingJustification?.trim() || null;
  if (programming && !(PROGRAMMING_JUSTIFICATIONS as readonly string[]).includes(justification ?? ''))
    throw recordsErrors.programmingFeeNotAllowed(PROGRAMMING_JUSTIFICATIONS);
  return {
    lines,
    payment: input.payment as PaymentStatus,
    programmingJustification: programming ? justification : null,
  };
}

export interface CheckedClosing {
  reason: CloseReason;
  note: string | null;
  referredTo: string | null;
  denial: Omit<Denial, 'at'> | null;
}

/**
 * A closing: a denial (full for `denied`; partial, when records are withheld, for `partially_fulfilled`) is in
 * writing, cites at least one exemption and names each person responsible with their title (7922.540).
 */
export function checkClosing(input: {
  reason: string;
  note?: string;
  referredTo?: string;
  denial?: Omit<Denial, 'at'>;
}): CheckedClosing {
  const problems: Problem[] = [];
  if (!(CLOSE_REASONS as readonly string[]).includes(input.reason)) {
    problems.push({ field: 'reason', message: `use one of ${CLOSE_REASONS.join(', ')}` });
    throwIf(problems);
  }
  const reason = input.reason as CloseReason;
  const note = text(problems, 'note', input.note) ?? null;
  const referredTo = text(problems, 'referredTo', input.referredTo, {
    required: reason === 'referred',
    max: LIMITS.title,
  });
  const denies = reason === 'denied' || (reason === 'partially_fulfilled' && input.denial !== undefined);
  if (!denies && input.denial)
    problems.push({ field: 'denial', message: `a request closed as ${reason} has no denial` });
  if (reason === 'denied' && !input.denial) {
    throwIf(problems);
    throw recordsErrors.denialNeedsExemption();
  }
  throwIf(problems);
  if (!denies) return { reason, note, referredTo: referredTo ?? null, denial: null };
  const denial = input.denial!;
  const scope = reason === 'denied' ? 'full' : 'partial';
  if (denial.scope !== scope)
    problems.push({ field: 'denial.scope', message: `a request closed as ${reason} has a ${scope} denial` });
  throwIf(problems);
  const exemptions = denial.exemptions.map((e) => e.trim()).filter(Boolean);
  if (exemptions.length === 0) throw recordsErrors.denialNeedsExemption();
  const responsible: Person[] = denial.responsible.map((p) => ({
    name: p.name.trim(),
    title: p.title.trim(),
  }));
  if (responsible.length === 0 || responsible.some((p) => !p.name || !p.title))
    throw recordsErrors.denialNeedsResponsible();
  exemptions.forEach((e, i) => text(problems, `denial.exemptions[${i}]`, e, { max: LIMITS.exemption }));
  responsible.forEach((p, i) => {
    text(problems, `denial.responsible[${i}].name`, p.name, { max: LIMITS.name });
    text(problems, `denial.responsible[${i}].title`, p.title, { max: LIMITS.name });
  });
  const explanation = text(problems, 'denial.explanation', denial.explanation, { required: true });
  throwIf(problems);
  return {
    reason,
    note,
    referredTo: null,
    denial: { scope, exemptions, responsible, explanation: explanation! },
  };
}

/** Whether an error is one of the desk's own (for callers that turn some into form messages). */
export const isDeskError = (error: unknown): error is AppError =>
  error instanceof AppError && error.code.startsWith('records.');
