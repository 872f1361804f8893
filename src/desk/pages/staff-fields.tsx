/**
 * What the records desk's staff forms add to the staff console's fields (src/web/staff/pages/fields.tsx):
 * groups of checkboxes and radio buttons, a form's own problems, badges for the clock, and the form frame
 * (POST, CSRF, a heading the error summary can link to).
 */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { Csrf } from '../../web/staff/pages/fields.js';
import type { DeadlineState } from '../records/records.types.js';
import { FORM_SECTIONS, type FormState } from './staff-forms.js';
import { DEADLINE_LABELS } from './staff-words.js';

/** The message of one field of the form that was refused, if it was this form. */
export const errorOf = (state: FormState | undefined, field: string): string | undefined => {
  const messages = (state?.problems ?? []).filter((p) => p.field === field).map((p) => p.message);
  return messages.length ? messages.join(' ') : undefined;
};

/** What was typed in a field of the refused form, or the default. */
export const valueOf = (state: FormState | undefined, field: string, fallback = ''): string =>
  state ? (state.values[field] ?? '') : fallback;

function ErrorText(props: { id: string; error: string | undefined }): SafeHtml {
  if (!props.error) return <></>;
  return (
    <span class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">Error: </span>
      {props.error}
    </span>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A fieldset of choices (checkboxes or radio buttons), each with an optional hint. */
export function Choices(props: {
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  checked: readonly string[];
  options: readonly { value: string; label: string; hint?: string }[];
}): SafeHtml {
  const p = props;
  return (
    <fieldset
      class={p.error ? 'field field-error' : 'field'}
      id={p.name}
      tabindex="-1"
      aria-describedby={describedBy(p.name, p.hint, p.error)}
    >
      <legend>
        {p.legend}
        {p.required || p.type === 'checkbox' ? '' : ' (optional)'}
      </legend>
      {p.hint ? (
        <span class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </span>
      ) : null}
      <ErrorText id={p.name} error={p.error} />
      {p.options.map((o) => {
        const id = `${p.name}-${o.value}`;
        return (
          <div class="choice" style="margin:0.25rem 0">
            <input
              type={p.type}
              id={id}
              name={p.name}
              value={o.value}
              checked={p.checked.includes(o.value)}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />{' '}
            <label for={id} style="display:inline;font-weight:400">
              {o.label}
            </label>
            {o.hint ? (
              <span class="hint" id={`${id}-hint`} style="margin-left:1.6rem">
                {o.hint}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A form of the detail page: its heading (the target of its links), its own problems, CSRF, the fields. */
export function ActionForm(props: {
  id: string;
  title: string;
  action: string;
  csrf: string;
  state: FormState | undefined;
  multipart?: boolean;
  intro?: SafeHtml | string;
  submit: string;
  danger?: boolean;
  children?: unknown;
}): SafeHtml {
  const own = props.state?.problems.filter((p) => p.field === `${props.id}-form`) ?? [];
  return (
    <form
      method="post"
      action={props.action}
      class="form"
      style="margin-bottom:2rem"
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      aria-labelledby={`${props.id}-form`}
      novalidate
    >
      <h3 id={`${props.id}-form`} tabindex="-1">
        {props.title}
      </h3>
      {own.length ? (
        <div class="alert alert-error" role="alert">
          {own.map((p) => (
            <p style="margin:0">{p.message}</p>
          ))}
        </div>
      ) : null}
      {props.intro ? <p>{props.intro}</p> : null}
      <Csrf token={props.csrf} />
      {props.children as SafeHtml}
      <button type="submit" class={props.danger ? 'button-danger' : undefined}>
        {props.submit}
      </button>
    </form>
  );
}

/** The problems of a refused form at the top of the page, each linked to its field. */
export function ProblemSummary(props: { state: FormState | undefined }): SafeHtml {
  const state = props.state;
  if (!state || state.problems.length === 0) return <></>;
  // A problem of the whole form links to its section: the form itself may be gone (a second extension).
  const href = (field: string) => (field.endsWith('-form') ? `#${FORM_SECTIONS[state.form]}` : `#${field}`);
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="problem-summary-title">
      <h2 id="problem-summary-title" style="margin-top:0">
        {state.problems.length === 1 ? 'There is a problem' : `There are ${state.problems.length} problems`}
      </h2>
      <ul>
        {state.problems.map((p) => (
          <li>
            <a href={href(p.field)}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

const OVERDUE_STYLE = 'border-color:#b50909;color:#b50909;background:#f4e3db;font-weight:600';

/** The clock's state as a badge (text, not colour alone, carries the meaning). */
export function DeadlineBadge(props: { state: DeadlineState; paused?: boolean }): SafeHtml {
  const cls =
    props.state === 'due_soon' ? 'badge badge-warn' : props.state === 'overdue' ? 'badge' : 'badge badge-ok';
  return (
    <>
      <span class={cls} style={props.state === 'overdue' ? OVERDUE_STYLE : undefined}>
        {DEADLINE_LABELS[props.state]}
      </span>
      {props.paused ? <span class="badge">Reminders paused</span> : null}
    </>
  );
}

/**
 * A part of the detail page: what stands (left) beside the form that changes it (right), one column on narrow
 * screens. The heading is focusable: the page's "on this page" links and refused forms lead to it.
 */
export function Section(props: {
  id: string;
  title: string;
  form?: SafeHtml | null | false;
  children?: unknown;
}): SafeHtml {
  return (
    <section aria-labelledby={props.id} style="border-top:1px solid var(--line);margin-top:2rem">
      <h2 id={props.id} tabindex="-1">
        {props.title}
      </h2>
      {props.form ? (
        <div class="dataset-grid" style="grid-template-columns:minmax(0,1fr) minmax(0,34rem);gap:0 2.5rem">
          <div>{props.children as SafeHtml}</div>
          <div>{props.form}</div>
        </div>
      ) : (
        <div style="max-width:48rem">{props.children as SafeHtml}</div>
      )}
    </section>
  );
}
