/** Pieces of the developer forms: labelled fields that show their error beside them, and an error summary. */
import { h, raw, type SafeHtml } from '../../../web/html.js';
import type { Problem } from '../developer-errors.js';

/** The hidden CSRF field every form carries. */
export const CsrfField = (props: { csrf: string }): SafeHtml => (
  <input type="hidden" name="_csrf" value={props.csrf} />
);

/** The problems of a form, each linking to its field; first on the page so that it is read first. */
export function ErrorSummary(props: {
  problems: readonly Problem[];
  fieldIds: Record<string, string>;
}): SafeHtml {
  if (props.problems.length === 0) return raw('');
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={`#${props.fieldIds[p.field] ?? p.field}`}>{sentence(p.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "give your name" -> "Give your name." */
export const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

export function TextField(props: {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  hint?: string;
  value?: string;
  error?: string;
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  required?: boolean;
}): SafeHtml {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
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
          <span class="visually-hidden">Error: </span>
          {sentence(props.error)}
        </span>
      ) : null}
      <input
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        minlength={props.minlength}
        required={props.required}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

/** How an API key is shown once its secret is gone: its visible prefix. */
export const maskedKey = (prefix: string) => `plaza_key_${prefix}_…`;
