/** Form pieces of the sign-in pages: labelled fields with their errors beside them, and the error summary. */
import { h, type SafeHtml } from '../../web/html.js';
import type { T } from '../../web/i18n/index.js';

export type FieldErrors = Partial<Record<string, string>>;

export interface Notice {
  kind: 'error' | 'ok' | 'warn';
  text: string;
  /** The language of `text` when it is not the page's (a service's English message nobody translated). */
  lang?: string;
}

/** A labelled input; its error (when any) sits above it and is announced with it (aria-describedby). */
export function Field(props: {
  t: T['signin'];
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
}): SafeHtml {
  const id = props.name;
  const describedBy =
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{props.t.errorPrefix}</span>
          {props.error}
        </span>
      ) : null}
      <input
        type={props.type}
        id={id}
        name={props.name}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        spellcheck={props.type === 'password' ? undefined : 'false'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** The notice above a form: a problem (with links to the fields that need fixing) or a confirmation. */
export function NoticeBox(props: {
  t: T['signin'];
  notice?: Notice;
  errors?: FieldErrors;
  labels?: Record<string, string>;
}) {
  const fields = Object.entries(props.errors ?? {}).filter(([, message]) => message);
  if (!props.notice && fields.length === 0) return null;
  const kind = props.notice?.kind ?? 'error';
  return (
    <div class={`alert alert-${kind}`} role={kind === 'ok' ? 'status' : 'alert'}>
      {props.notice ? <p lang={props.notice.lang}>{props.notice.text}</p> : <p>{props.t.fixFollowing}</p>}
      {fields.length ? (
        <ul>
          {fields.map(([name, message]) => (
            <li>
              <a href={`#${name}`}>{`${props.labels?.[name] ?? name}: ${message}`}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
