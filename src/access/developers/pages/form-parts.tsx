/**
 * Pieces of the developer forms (sign-up, keys, access requests): labelled fields that show their error beside
 * them, and an error summary, in the page's language.
 */
import { h, raw, type SafeHtml } from '../../../web/html.js';
import type { T } from '../../../web/i18n/index.js';
import { sentence } from '../../accounts/form-messages.js';

export { sentence };

type Words = T['account'];

export interface FormProblem {
  field: string;
  message: string;
}

/** The hidden CSRF field every form carries. */
export const CsrfField = (props: { csrf: string }): SafeHtml => (
  <input type="hidden" name="_csrf" value={props.csrf} />
);

/**
 * The problems of a form, each linking to its field; first on the page so that it is read first. With `labels`,
 * each problem is "Label: problem"; without, the problem is a sentence of its own.
 */
export function ErrorSummary(props: {
  t: Words;
  problems: readonly FormProblem[];
  fieldIds?: Record<string, string>;
  labels?: Record<string, string>;
}): SafeHtml {
  if (props.problems.length === 0) return raw('');
  const text = (p: FormProblem) =>
    props.labels ? `${props.labels[p.field] ?? p.field}: ${p.message}` : sentence(p.message);
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.t.problemTitle}</h2>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={`#${props.fieldIds?.[p.field] ?? p.field}`}>{text(p)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  t: Words;
  id: string;
  name?: string;
  label: string;
  hint?: string;
  /** The problem, shown as given. */
  error?: string;
  value?: string;
  required?: boolean;
  maxlength?: number;
}

const describedBy = (p: FieldProps) =>
  [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** The label, hint and error of a field, around its control. */
function Frame(props: FieldProps & { children?: unknown }): SafeHtml {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{props.t.errorPrefix}</span>
          {props.error}
        </span>
      ) : null}
      {props.children as SafeHtml}
    </div>
  );
}

/** A one-line field; its problem is shown as a sentence. */
export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password';
    autocomplete?: string;
    minlength?: number;
  },
): SafeHtml {
  const error = props.error ? sentence(props.error) : undefined;
  return (
    <Frame {...props} error={error}>
      <input
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name ?? props.id}
        value={props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        minlength={props.minlength}
        required={props.required}
        aria-describedby={describedBy({ ...props, error })}
        aria-invalid={error ? 'true' : undefined}
      />
    </Frame>
  );
}

/** How an API key is shown once its secret is gone: its visible prefix. */
export const maskedKey = (prefix: string) => `plaza_key_${prefix}_…`;
