/** The detail page's first parts: who works on it, the clock (extension, reminders), messages and notes. */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { SelectField, TextArea, TextField } from '../../web/staff/pages/fields.js';
import { MAX_EXTENSION_DAYS, UNUSUAL_CIRCUMSTANCES } from '../deadlines/deadlines.js';
import { ActionForm, Choices, DeadlineBadge, errorOf, Section, valueOf } from './staff-fields.js';
import type { FormName, FormState } from './staff-forms.js';
import type { DetailProps } from './staff-request-page.js';
import { isPaused } from './staff-viewer.js';
import { CIRCUMSTANCE_LABELS } from './staff-words.js';

/** The refused form's state, when it is this form. */
export const stateFor = (props: DetailProps, form: FormName): FormState | undefined =>
  props.state?.form === form ? props.state : undefined;

/** Whether the forms that change a request are offered: to the people who work on it, while it is open. */
export const acts = (props: DetailProps) => props.works && props.request.status !== 'closed';

export const actionOf = (props: DetailProps, what: string) =>
  `/staff/records/${encodeURIComponent(props.request.id)}/${what}`;

export function AssignSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const state = stateFor(props, 'assign');
  const open = acts(props);
  return (
    <Section
      id="assignment"
      title="Assignment"
      form={
        open ? (
          <ActionForm
            id="assign"
            title="Assign departments and people"
            action={actionOf(props, 'assign')}
            csrf={props.staff.csrf}
            state={state}
            submit="Save the assignment"
          >
            {props.viewer.clerk || props.viewer.admin ? (
              <Choices
                type="checkbox"
                name="assign-departments"
                legend="Departments that hold the records"
                hint="Their stewards see the request and get its reminders."
                error={errorOf(state, 'assign-departments')}
                checked={state ? (state.lists['assign-departments'] ?? []) : r.departments.map((d) => d.id)}
                options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            ) : (
              <p>The City Clerk routes requests to departments; ask the Clerk to change them.</p>
            )}
            <Choices
              type="checkbox"
              name="assign-people"
              legend="People working on it"
              error={errorOf(state, 'assign-people')}
              checked={state ? (state.lists['assign-people'] ?? []) : r.assignees.map((a) => a.userId)}
              options={props.people.map((p) => ({ value: p.id, label: p.name || p.email }))}
            />
          </ActionForm>
        ) : null
      }
    >
      <p>
        {r.departments.length
          ? `Departments: ${r.departments.map((d) => d.name).join(', ')}.`
          : 'No department yet: the Clerk routes the request.'}{' '}
        {r.assignees.length ? `People: ${r.assignees.map((a) => a.name).join(', ')}.` : 'Nobody is assigned.'}
      </p>
    </Section>
  );
}

function ExtensionForm(props: DetailProps): SafeHtml {
  const state = stateFor(props, 'extension');
  return (
    <ActionForm
      id="extension"
      title="Extend the deadline (once)"
      action={actionOf(props, 'extension')}
      csrf={props.staff.csrf}
      state={state}
      intro={`The law allows one extension of at most ${MAX_EXTENSION_DAYS} days, only for one of its unusual circumstances, with written notice to the requester.`}
      submit="Extend and send the notice"
    >
      <SelectField
        name="extension-reason"
        label="Unusual circumstance"
        required
        placeholder="Choose the circumstance"
        value={valueOf(state, 'extension-reason')}
        error={errorOf(state, 'extension-reason')}
        options={UNUSUAL_CIRCUMSTANCES.map((c) => ({ value: c, label: CIRCUMSTANCE_LABELS[c] }))}
      />
      <TextField
        name="extension-days"
        label="Days of extension"
        inputmode="numeric"
        required
        hint={`From 1 to ${MAX_EXTENSION_DAYS} days, counted from the current due date.`}
        value={valueOf(state, 'extension-days')}
        error={errorOf(state, 'extension-days')}
      />
      <TextArea
        name="extension-notice"
        label="Notice to the requester"
        required
        rows={5}
        hint="Sent by email and as a public message, with the new due date. Say why more time is needed and when you expect to answer."
        value={valueOf(state, 'extension-notice')}
        error={errorOf(state, 'extension-notice')}
      />
    </ActionForm>
  );
}

export function DeadlineSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const f = props.format;
  const paused = isPaused(r);
  const ext = r.extension;
  const forms = acts(props) ? (
    <>
      {ext ? null : <ExtensionForm {...props} />}
      <ActionForm
        id="reminders"
        title={paused ? 'Reminders are paused' : 'Reminders'}
        action={actionOf(props, 'reminders')}
        csrf={props.staff.csrf}
        state={stateFor(props, 'reminders')}
        intro="Pausing stops the reminder emails to the people assigned (while waiting for the requester, say). It does not stop the legal clock: the due date stays the same."
        submit={paused ? 'Resume reminders' : 'Pause reminders'}
      >
        <input type="hidden" name="reminders-paused" value={paused ? '0' : '1'} />
      </ActionForm>
    </>
  ) : null;
  return (
    <Section id="deadline" title="Deadline" form={forms}>
      <p>
        Due {f.date(r.dueDate)} at 11:59 pm <DeadlineBadge state={r.deadline} paused={paused} />
      </p>
      <p>
        {r.status === 'closed'
          ? 'The request is closed.'
          : 'The legal clock runs in calendar days; a due date on a weekend or city holiday moves to the next business day.'}
      </p>
      {ext ? (
        <div class="alert">
          <p style="margin-top:0">
            <strong>Extended by {ext.days === 1 ? '1 day' : `${ext.days} days`}</strong> on{' '}
            {f.dateTime(ext.at)}
            {r.initialDueDate ? `, from ${f.date(r.initialDueDate)}` : ''}: {CIRCUMSTANCE_LABELS[ext.reason]}.
            The one extension the law allows is used.
          </p>
          <p style="white-space:pre-wrap;margin-bottom:0">Notice sent: {ext.notice}</p>
        </div>
      ) : null}
    </Section>
  );
}

export function MessagesSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const state = stateFor(props, 'message');
  return (
    <Section
      id="messages"
      title="Messages and notes"
      form={
        !acts(props) ? null : (
          <ActionForm
            id="message"
            title="Write a message or a note"
            action={actionOf(props, 'messages')}
            csrf={props.staff.csrf}
            state={state}
            submit="Add it"
          >
            <Choices
              type="radio"
              name="message-kind"
              legend="Who sees it"
              required
              error={errorOf(state, 'message-kind')}
              checked={[valueOf(state, 'message-kind', 'internal')]}
              options={[
                {
                  value: 'internal',
                  label: 'Internal note',
                  hint: 'Staff only; never shown to the requester.',
                },
                {
                  value: 'public',
                  label: 'Public message',
                  hint: 'Emailed to the requester, on their follow page, and in the public log once published.',
                },
              ]}
            />
            <TextArea
              name="message-body"
              label="Message"
              required
              rows={5}
              value={valueOf(state, 'message-body')}
              error={errorOf(state, 'message-body')}
            />
          </ActionForm>
        )
      }
    >
      {r.messages.length === 0 ? (
        <p>No messages or notes yet.</p>
      ) : (
        <ol class="usa-list--unstyled" style="padding:0;list-style:none;max-width:48rem">
          {r.messages.map((m) => (
            <li
              style={`border-left:4px solid ${m.kind === 'public' ? 'var(--brand)' : 'var(--muted)'};padding:0.25rem 0.75rem;margin:0 0 0.75rem`}
            >
              <p style="margin:0">
                <strong>{m.kind === 'public' ? 'Public message' : 'Internal note'}</strong> by {m.author},{' '}
                {props.format.dateTime(m.at)}
              </p>
              <p style="white-space:pre-wrap;margin:0.25rem 0 0">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
