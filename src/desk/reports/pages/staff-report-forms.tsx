/**
 * The forms of a report's staff page: move it on (acknowledge, in progress, resolve with a note, won't fix with a
 * reason, reopen), assign it to a steward of its department, reply publicly, write an internal note. Each posts
 * to its own address and comes back here (303 with a notice; or the page again with the problem and what was
 * typed).
 */
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import { Csrf } from '../../../web/staff/pages/fields.js';
import type { ReportStatus, StaffReportView } from '../reports.types.js';

/** A refused form: which one, its message, and what was typed. */
export interface StaffFormState {
  form: 'status' | 'assign' | 'reply' | 'note';
  /** For the status forms: the status asked for. */
  status?: string;
  message: string;
  values: Record<string, string>;
}

/** The statuses a report may move to (as the desk's rules say: forward while open; reopened when closed). */
export function nextStatuses(from: ReportStatus): ReportStatus[] {
  if (from === 'resolved' || from === 'wont_fix') return ['in_progress'];
  const order: ReportStatus[] = ['received', 'acknowledged', 'in_progress', 'resolved', 'wont_fix'];
  return order.filter((s, i) => i > order.indexOf(from));
}

function Problem(props: { id: string; message: string | undefined }): SafeHtml {
  if (!props.message) return <></>;
  return (
    <span class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">Error: </span>
      {props.message}
    </span>
  );
}

function NoteField(props: {
  id: string;
  label: string;
  hint: string;
  required: boolean;
  state: StaffFormState | undefined;
  mine: boolean;
}): SafeHtml {
  const error = props.mine ? props.state?.message : undefined;
  const value = props.mine ? (props.state?.values.note ?? props.state?.values.body ?? '') : '';
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required ? '' : ' (optional)'}
      </label>
      <span class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
      <Problem id={props.id} message={error} />
      <textarea
        id={props.id}
        name={props.id.endsWith('-body') ? 'body' : 'note'}
        rows={3}
        aria-describedby={error ? `${props.id}-hint ${props.id}-error` : `${props.id}-hint`}
        aria-invalid={error ? 'true' : undefined}
      >
        {value}
      </textarea>
    </div>
  );
}

const STATUS_FORMS: Record<
  ReportStatus,
  { button: string; note?: { label: string; hint: string; required: boolean } }
> = {
  received: { button: 'Received' },
  acknowledged: { button: 'Acknowledge' },
  in_progress: { button: 'Mark in progress' },
  resolved: {
    button: 'Resolve',
    note: {
      label: 'Resolution note',
      hint: 'What was done: the reporter and, for public data, everyone can read it.',
      required: false,
    },
  },
  wont_fix: {
    button: "Close as won't fix",
    note: {
      label: 'Reason',
      hint: 'Why the data stays as it is: the reporter and, for public data, everyone can read it.',
      required: true,
    },
  },
};

export function StatusForms(props: {
  report: StaffReportView;
  csrf: string;
  state?: StaffFormState;
}): SafeHtml {
  const r = props.report;
  const action = `/staff/reports/${encodeURIComponent(r.number)}/status`;
  const closed = r.status === 'resolved' || r.status === 'wont_fix';
  return (
    <div class="reports-staff-forms">
      {nextStatuses(r.status).map((to) => {
        const form = STATUS_FORMS[to];
        const mine = props.state?.form === 'status' && props.state.status === to;
        const id = `status-${to}`;
        return (
          <form
            method="post"
            action={action}
            class="form reports-staff-form"
            aria-labelledby={`${id}-title`}
            novalidate
          >
            <h3 id={`${id}-title`} tabindex="-1">
              {closed ? 'Reopen the report' : form.button}
            </h3>
            <Csrf token={props.csrf} />
            <input type="hidden" name="status" value={to} />
            {form.note ? (
              <NoteField id={`${id}-note`} {...form.note} state={props.state} mine={mine} />
            ) : null}
            {!form.note && mine ? <Problem id={id} message={props.state?.message} /> : null}
            <button type="submit">{closed ? 'Reopen (in progress)' : form.button}</button>
          </form>
        );
      })}
    </div>
  );
}

export function AssignForm(props: {
  report: StaffReportView;
  csrf: string;
  people: readonly { id: string; name: string }[];
  state?: StaffFormState;
}): SafeHtml {
  const r = props.report;
  const mine = props.state?.form === 'assign';
  const chosen = mine ? (props.state?.values.assignee ?? '') : (r.assignee?.id ?? '');
  return (
    <form
      method="post"
      action={`/staff/reports/${encodeURIComponent(r.number)}/assign`}
      class="form reports-staff-form"
      aria-labelledby="assign-title"
      novalidate
    >
      <h3 id="assign-title" tabindex="-1">
        Assign
      </h3>
      <Csrf token={props.csrf} />
      <div class={mine ? 'field field-error' : 'field'}>
        <label for="assignee">Steward of {r.department.name}</label>
        <Problem id="assignee" message={mine ? props.state?.message : undefined} />
        <select
          id="assignee"
          name="assignee"
          aria-describedby={mine ? 'assignee-error' : undefined}
          aria-invalid={mine ? 'true' : undefined}
        >
          <option value="" selected={chosen === ''}>
            Nobody
          </option>
          {props.people.map((p) => (
            <option value={p.id} selected={p.id === chosen}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Save the assignment</button>
    </form>
  );
}

/** A public reply or an internal note. */
export function MessageForm(props: {
  report: StaffReportView;
  csrf: string;
  kind: 'reply' | 'note';
  state?: StaffFormState;
}): SafeHtml {
  const r = props.report;
  const reply = props.kind === 'reply';
  const mine = props.state?.form === props.kind;
  return (
    <form
      method="post"
      action={`/staff/reports/${encodeURIComponent(r.number)}/${reply ? 'replies' : 'notes'}`}
      class="form reports-staff-form"
      aria-labelledby={`${props.kind}-title`}
      novalidate
    >
      <h3 id={`${props.kind}-title`} tabindex="-1">
        {reply ? 'Public reply' : 'Internal note'}
      </h3>
      <Csrf token={props.csrf} />
      <NoteField
        id={`${props.kind}-body`}
        label={reply ? 'Reply' : 'Note'}
        hint={
          reply
            ? 'Shown on the report’s pages and mailed to the reporter when they left an address.'
            : 'Only staff see it.'
        }
        required
        state={props.state}
        mine={mine}
      />
      <button type="submit">{reply ? 'Publish the reply' : 'Save the note'}</button>
    </form>
  );
}
