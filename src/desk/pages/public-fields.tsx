/**
 * The design system's form fields for the desk's public forms: a label, a hint, the problem in the page's
 * language right next to the control (and tied to it with aria-describedby), and the value as it was typed.
 */
import { Fragment, h, raw, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';

export interface ShownProblem {
  /** The id of the control the problem is about (the summary links to it). */
  id: string;
  message: string;
}

/** The problems of a form, first on the page, each a link to its field. */
export function ErrorSummary(props: { site: SiteInfo; problems: readonly ShownProblem[] }): SafeHtml {
  if (props.problems.length === 0) return raw('');
  const t = props.site.t.records;
  return (
    <div
      class="usa-alert usa-alert--error records-errors"
      role="alert"
      aria-labelledby="records-errors-title"
    >
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading" id="records-errors-title">
          {t.problemsTitle(props.problems.length)}
        </h2>
        <ul class="usa-list">
          {props.problems.map((p) => (
            <li>
              <a href={`#${p.id}`}>{p.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FieldProps {
  site: SiteInfo;
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Shown after the label: "(optional)" or "(required)". */
  marker?: 'optional' | 'required';
}

const describedBy = (p: FieldProps) =>
  [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Marker(props: { site: SiteInfo; marker?: 'optional' | 'required' }): SafeHtml {
  if (!props.marker) return raw('');
  const t = props.site.t.records;
  return <span class="records-marker">{props.marker === 'optional' ? t.optional : t.required}</span>;
}

/** A field's hint and its error, with the ids its control points to (aria-describedby). */
function HintAndError(props: { site: SiteInfo; id: string; hint?: string; error?: string }): SafeHtml {
  return (
    <>
      {props.hint ? (
        <div class="usa-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <span class="usa-error-message" id={`${props.id}-error`}>
          <span class="usa-sr-only">{props.site.t.records.errorPrefix} </span>
          {props.error}
        </span>
      ) : null}
    </>
  );
}

function Frame(props: FieldProps & { children?: unknown }): SafeHtml {
  return (
    <div class={props.error ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
      <label class={props.error ? 'usa-label usa-label--error' : 'usa-label'} for={props.id}>
        {props.label} <Marker site={props.site} marker={props.marker} />
      </label>
      <HintAndError site={props.site} id={props.id} hint={props.hint} error={props.error} />
      {props.children as SafeHtml}
    </div>
  );
}

export function TextInput(
  props: FieldProps & {
    value: string;
    type?: 'text' | 'email' | 'tel' | 'date' | 'search';
    autocomplete?: string;
    maxlength?: number;
  },
): SafeHtml {
  return (
    <Frame {...props}>
      <input
        class={props.error ? 'usa-input usa-input--error' : 'usa-input'}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </Frame>
  );
}

export function TextArea(
  props: FieldProps & { value: string; maxlength?: number; required?: boolean; rows?: number },
): SafeHtml {
  return (
    <Frame {...props}>
      <textarea
        class={props.error ? 'usa-textarea usa-input--error' : 'usa-textarea'}
        id={props.id}
        name={props.name}
        rows={props.rows ?? 6}
        maxlength={props.maxlength}
        required={props.required}
        aria-required={props.required ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value}
      </textarea>
    </Frame>
  );
}

export function Select(
  props: FieldProps & { value: string; options: readonly { value: string; label: string }[] },
): SafeHtml {
  return (
    <Frame {...props}>
      <select
        class={props.error ? 'usa-select usa-input--error' : 'usa-select'}
        id={props.id}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
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

/** Radio buttons in a fieldset; the first option's id is `${id}-${value}` (the summary links to the first). */
export function RadioGroup(
  props: Omit<FieldProps, 'label'> & {
    legend: string;
    value: string;
    options: readonly { value: string; label: string; hint?: string }[];
  },
): SafeHtml {
  const described = describedBy({ ...props, label: props.legend });
  return (
    <fieldset
      class={
        props.error ? 'usa-fieldset usa-form-group usa-form-group--error' : 'usa-fieldset usa-form-group'
      }
      aria-describedby={described}
    >
      <legend class="usa-legend">
        {props.legend} <Marker site={props.site} marker={props.marker} />
      </legend>
      <HintAndError site={props.site} id={props.id} hint={props.hint} error={props.error} />
      {props.options.map((o) => (
        <div class="usa-radio">
          <input
            class="usa-radio__input"
            id={`${props.id}-${o.value}`}
            type="radio"
            name={props.name}
            value={o.value}
            checked={o.value === props.value}
          />
          <label class="usa-radio__label" for={`${props.id}-${o.value}`}>
            {o.label}
            {o.hint ? <span class="usa-radio__label-description">{o.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
