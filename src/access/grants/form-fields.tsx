/** Labelled form fields with hints and errors tied to them (aria-describedby), for the access pages. */
import { h, type SafeHtml } from '../../web/html.js';

export type Problems = readonly { field: string; message: string }[];

/** The messages of one field, joined. */
export const problemOf = (problems: Problems, field: string) =>
  problems
    .filter((p) => p.field === field)
    .map((p) => p.message)
    .join('; ');

interface FieldProps {
  /** The words of a translated page (the staff pages are English). */
  t?: { errorPrefix: string };
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  required?: boolean;
}

const describedBy = (p: FieldProps) =>
  [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Frame(props: FieldProps & { children?: unknown }): SafeHtml {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required ? '' : ' (optional)'}
      </label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{props.t?.errorPrefix ?? 'Error: '}</span>
          {props.error}
        </span>
      ) : null}
      {props.children as SafeHtml}
    </div>
  );
}

export function TextArea(props: FieldProps & { maxlength?: number; rows?: number }): SafeHtml {
  return (
    <Frame {...props}>
      <textarea
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? ''}
      </textarea>
    </Frame>
  );
}

export function Input(
  props: FieldProps & { type?: string; autocomplete?: string; min?: string; maxlength?: number },
): SafeHtml {
  return (
    <Frame {...props}>
      <input
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name ?? props.id}
        value={props.value ?? ''}
        required={props.required}
        min={props.min}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </Frame>
  );
}

export function Select(
  props: FieldProps & { options: readonly { value: string; label: string }[] },
): SafeHtml {
  return (
    <Frame {...props}>
      <select
        id={props.id}
        name={props.name ?? props.id}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A summary of the problems at the top of a form, linking to each field. */
export function ErrorSummary(props: { problems: Problems; labels: Record<string, string> }): SafeHtml | null {
  if (!props.problems.length) return null;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={`#${p.field}`}>
              {props.labels[p.field] ?? p.field}: {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden CSRF field every form carries. */
export const Csrf = (props: { token: string }): SafeHtml => (
  <input type="hidden" name="_csrf" value={props.token} />
);
