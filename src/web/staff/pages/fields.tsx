/**
 * Accessible form fields: a label, an optional hint and an error message, tied to the control with
 * aria-describedby, and aria-invalid when the value was refused.
 */
import { Fragment, h, type SafeHtml } from '../../html.js';

interface Common {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

const describedBy = (p: Common) =>
  [p.hint ? `${p.name}-hint` : '', p.error ? `${p.name}-error` : ''].filter(Boolean).join(' ') || undefined;

function Parts(p: Common): SafeHtml {
  return (
    <>
      <label for={p.name}>
        {p.label}
        {p.required ? '' : ' (optional)'}
      </label>
      {p.hint ? (
        <span class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="error-message" id={`${p.name}-error`}>
          <span class="visually-hidden">Error: </span>
          {p.error}
        </span>
      ) : null}
    </>
  );
}

export function TextField(
  p: Common & { value: string; type?: string; autocomplete?: string; inputmode?: string; readonly?: boolean },
): SafeHtml {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <Parts {...p} />
      <input
        type={p.type ?? 'text'}
        id={p.name}
        name={p.name}
        value={p.value}
        required={p.required}
        readonly={p.readonly}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(p: Common & { value: string; rows?: number }): SafeHtml {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <Parts {...p} />
      <textarea
        id={p.name}
        name={p.name}
        rows={p.rows ?? 6}
        required={p.required}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value}
      </textarea>
    </div>
  );
}

export function SelectField(
  p: Common & { value: string; options: readonly { value: string; label: string }[]; placeholder?: string },
): SafeHtml {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <Parts {...p} />
      <select
        id={p.name}
        name={p.name}
        required={p.required}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.placeholder !== undefined ? (
          <option value="" selected={p.value === ''}>
            {p.placeholder}
          </option>
        ) : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radio buttons in a fieldset, each with its own hint. */
export function RadioGroup(
  p: Common & { value: string; options: readonly { value: string; label: string; hint: string }[] },
): SafeHtml {
  return (
    <fieldset class={p.error ? 'field field-error' : 'field'} id={p.name} aria-describedby={describedBy(p)}>
      <legend>{p.label}</legend>
      {p.hint ? (
        <span class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="error-message" id={`${p.name}-error`}>
          <span class="visually-hidden">Error: </span>
          {p.error}
        </span>
      ) : null}
      {p.options.map((o) => {
        const id = `${p.name}-${o.value}`;
        return (
          <div class="radio">
            <input
              type="radio"
              id={id}
              name={p.name}
              value={o.value}
              checked={o.value === p.value}
              aria-describedby={`${id}-hint`}
            />{' '}
            <label for={id} style="display:inline">
              {o.label}
            </label>
            <span class="hint" id={`${id}-hint`}>
              {o.hint}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A box listing every problem of a refused form, each linked to its field. */
export function ErrorSummary(p: { problems: readonly { href: string; message: string }[] }): SafeHtml {
  if (p.problems.length === 0) return <></>;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title">
        {p.problems.length === 1 ? 'There is a problem' : `There are ${p.problems.length} problems`}
      </h2>
      <ul>
        {p.problems.map((x) => (
          <li>
            <a href={x.href}>{x.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden CSRF field every staff form carries first. */
export const Csrf = (p: { token: string }): SafeHtml => <input type="hidden" name="_csrf" value={p.token} />;
