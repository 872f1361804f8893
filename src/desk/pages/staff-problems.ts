/**
 * The desk's refusals of a staff form, put where a person can act on them: next to the field they are about
 * (by the desk's field names, or by error code), or at the top of the form.
 */
import { AppError } from '../../errors.js';
import type { FormName, Problem } from './staff-forms.js';

/** Where the desk's refusals (by code) belong on the page. */
const CODE_FIELDS: Record<string, string> = {
  'records.extension_used': 'extension-form',
  'records.extension_too_long': 'extension-days',
  'records.extension_reason': 'extension-reason',
  'records.extension_days': 'extension-days',
  'records.programming_fee_not_allowed': 'fees-justification',
  'records.denial_needs_responsible': 'close-person-0-name',
  'records.denial_needs_exemption': 'close-exemptions',
  'records.reconsideration_late': 'reconsideration-form',
};

/** The desk's field names, as each form calls them. */
const FIELD_NAMES: Partial<Record<FormName, Record<string, string>>> = {
  assign: { departments: 'assign-departments', userIds: 'assign-people' },
  message: { kind: 'message-kind', body: 'message-body' },
  extension: { reason: 'extension-reason', days: 'extension-days', notice: 'extension-notice' },
  fees: { payment: 'fees-payment', programmingJustification: 'fees-justification' },
  release: {
    kind: 'release-kind',
    title: 'release-title',
    visibility: 'release-visibility',
    datasetId: 'release-dataset',
    description: 'release-description',
    redactionNote: 'release-redaction',
    path: 'release-file',
    file: 'release-file',
    fileName: 'release-file',
  },
  publication: { published: 'publication-choice', privateReason: 'publication-reason' },
  close: {
    reason: 'close-reason',
    note: 'close-note',
    referredTo: 'close-referred',
    exemptions: 'close-exemptions',
    responsible: 'close-person-0-name',
    explanation: 'close-explanation',
    scope: 'close-reason',
  },
  reconsideration: { decision: 'reconsideration-decision', note: 'reconsideration-note' },
  dataset: { datasetId: 'dataset-id', id: 'dataset-id' },
};

/**
 * The problems of a refusal, shown on the form (a refusal of the desk, including "not for your role", keeps the
 * person on the page); undefined for what no form fixes (not found, a refused CSRF token, a fault), which the
 * error page shows.
 */
export function problemsOf(
  error: unknown,
  form: FormName,
  options: { feeRows?: number[]; prefix?: string } = {},
): Problem[] | undefined {
  if (
    !(error instanceof AppError) ||
    error.status === 404 ||
    error.status >= 500 ||
    error.code === 'auth.csrf'
  )
    return undefined;
  const listed = error.details?.problems;
  const byCode = CODE_FIELDS[error.code];
  const found =
    Array.isArray(listed) && listed.length
      ? (listed as { field?: unknown; message?: unknown }[]).map((p) => ({
          field: fieldOf(form, String(p.field ?? ''), options.feeRows ?? []),
          message: sentence(String(p.message ?? error.message)),
        }))
      : [{ field: byCode?.startsWith(form) ? byCode : `${form}-form`, message: error.message }];
  // A reconsideration's form names its fields after the reconsideration.
  const prefix = options.prefix;
  return prefix ? found.map((p) => ({ ...p, field: p.field.replace(/^reconsideration/, prefix) })) : found;
}

/** The desk's terse problems ("required") as sentences. */
function sentence(message: string): string {
  const text = message === 'required' ? 'this is required' : message;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function fieldOf(form: FormName, field: string, feeRows: number[]): string {
  const path = field.replace(/^\//, '').replace(/^denial[./]/, '');
  const line = /^lines[./[]?(\d+)\]?[./]?(\w+)?/.exec(path);
  if (form === 'fees' && line) {
    const row = feeRows[Number(line[1])] ?? 0;
    const part = line[2] === 'kind' ? 'kind' : line[2] === 'description' ? 'description' : 'amount';
    return `fees-${row}-${part}`;
  }
  const head = /^\w+/.exec(path)?.[0] ?? '';
  return FIELD_NAMES[form]?.[head] ?? `${form}-form`;
}
