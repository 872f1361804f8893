/** The detail page's last parts: closing (with the written denial), the denial as given, reconsiderations. */
import type { Formatter } from '../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { TextArea, TextField } from '../../web/staff/pages/fields.js';
import type { Denial } from '../records/records.types.js';
import { ActionForm, Choices, errorOf, Section, valueOf } from './staff-fields.js';
import { PERSON_ROWS, reconsiderationPrefix } from './staff-forms.js';
import { actionOf, stateFor } from './staff-request-forms.js';
import type { DetailProps } from './staff-request-page.js';
import {
  CLOSE_LABELS,
  CLOSE_SHORT,
  RECONSIDERATION_DECISIONS,
  RECONSIDERATION_SHORT,
} from './staff-words.js';

export function DenialFacts(props: { denial: Denial; format: Formatter }): SafeHtml {
  const d = props.denial;
  return (
    <Section id="denial" title={d.scope === 'full' ? 'Denial' : 'Partial denial'}>
      <p>Given in writing on {props.format.dateTime(d.at)}.</p>
      <h3>Exemptions cited</h3>
      <ul>
        {d.exemptions.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
      <h3>Responsible</h3>
      <ul>
        {d.responsible.map((p) => (
          <li>
            {p.name}, {p.title}
          </li>
        ))}
      </ul>
      {d.explanation ? <p style="white-space:pre-wrap">{d.explanation}</p> : null}
    </Section>
  );
}

function DenialPart(props: DetailProps): SafeHtml {
  const state = stateFor(props, 'close');
  const days = props.staff.site.city.records?.reconsiderationDays;
  const clerk = props.clerk;
  return (
    <fieldset class="field" style="border:1px solid var(--line);padding:0.5rem 0.75rem">
      <legend>The written denial (when denied or partially fulfilled)</legend>
      <p class="hint" style="display:block">
        The law requires a denial in writing that cites the exemptions used and names each person responsible,
        with their title. The requester is told they may ask the City Clerk to reconsider
        {days ? ` within ${days} days` : ''}, and that the legal remedy is a petition to the superior court.
      </p>
      <TextArea
        name="close-exemptions"
        label="Exemptions cited, one per line"
        required
        hint="For example: Gov. Code 7927.705 (personnel records)."
        rows={3}
        value={valueOf(state, 'close-exemptions')}
        error={errorOf(state, 'close-exemptions')}
      />
      {Array.from({ length: PERSON_ROWS }, (_, i) => (
        <fieldset class="field" style="border:0;padding:0;margin:0 0 0.5rem">
          <legend>Responsible person {i + 1}</legend>
          <TextField
            name={`close-person-${i}-name`}
            label="Name"
            required={i === 0}
            value={valueOf(state, `close-person-${i}-name`)}
            error={errorOf(state, `close-person-${i}-name`)}
          />
          <TextField
            name={`close-person-${i}-title`}
            label="Title"
            required={i === 0}
            hint={i === 0 && clerk ? `For example: ${clerk.title}.` : undefined}
            value={valueOf(state, `close-person-${i}-title`)}
            error={errorOf(state, `close-person-${i}-title`)}
          />
        </fieldset>
      ))}
      <TextArea
        name="close-explanation"
        label="Explanation"
        required
        hint="Why the exemptions apply to these records, in plain words."
        rows={4}
        value={valueOf(state, 'close-explanation')}
        error={errorOf(state, 'close-explanation')}
      />
    </fieldset>
  );
}

export function CloseSection(props: DetailProps): SafeHtml {
  const r = props.request;
  const state = stateFor(props, 'close');
  const until =
    r.reconsiderationUntil && (r.reconsiderationUntil.denial || r.reconsiderationUntil.fee)
      ? r.reconsiderationUntil
      : undefined;
  return (
    <Section id="closing" title="Closing">
      {r.status === 'closed' ? (
        <>
          <p>
            Closed {r.closedAt ? `on ${props.format.dateTime(r.closedAt)}` : ''}
            {r.closeReason ? `: ${CLOSE_SHORT[r.closeReason]}` : ''}
            {r.referredTo ? ` to ${r.referredTo}` : ''}.
          </p>
          {r.closeNote ? <p style="white-space:pre-wrap">Note to the requester: {r.closeNote}</p> : null}
          {until ? (
            <p>
              The requester may ask the City Clerk to reconsider{' '}
              {[
                until.denial ? `the denial until ${props.format.date(until.denial)}` : '',
                until.fee ? `the fees until ${props.format.date(until.fee)}` : '',
              ]
                .filter(Boolean)
                .join(' and ')}
              .
            </p>
          ) : null}
        </>
      ) : !props.works ? (
        <p>The request is open.</p>
      ) : (
        <ActionForm
          id="close"
          title="Close the request"
          action={actionOf(props, 'close')}
          csrf={props.staff.csrf}
          state={state}
          intro="The requester is told the outcome by email (when they gave an address) and on their follow page."
          submit="Close the request"
        >
          <Choices
            type="radio"
            name="close-reason"
            legend="Outcome"
            required
            error={errorOf(state, 'close-reason')}
            checked={[valueOf(state, 'close-reason')]}
            options={Object.entries(CLOSE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextArea
            name="close-note"
            label="Note to the requester"
            rows={4}
            value={valueOf(state, 'close-note')}
            error={errorOf(state, 'close-note')}
          />
          <TextField
            name="close-referred"
            label="Agency it is referred to"
            hint="Needed when the request is referred to another agency."
            value={valueOf(state, 'close-referred')}
            error={errorOf(state, 'close-referred')}
          />
          <DenialPart {...props} />
        </ActionForm>
      )}
    </Section>
  );
}

export function ReconsiderationsSection(props: DetailProps): SafeHtml | null {
  const r = props.request;
  if (r.reconsiderations.length === 0) return null;
  const f = props.format;
  const clerk = props.viewer.clerk || props.viewer.admin;
  const state = stateFor(props, 'reconsideration');
  return (
    <Section id="reconsiderations" title="Reconsiderations">
      {r.reconsiderations.map((c) => {
        const prefix = reconsiderationPrefix(c.id);
        return (
          <article style="border-top:1px solid var(--line);padding-top:0.5rem">
            <p>
              <strong>Of the {c.subject === 'denial' ? 'denial' : 'fees'}</strong>, asked{' '}
              {f.dateTime(c.requestedAt)}. <span class="badge">{RECONSIDERATION_SHORT[c.decision]}</span>
            </p>
            <p style="white-space:pre-wrap">{c.reason}</p>
            {c.decision !== 'pending' ? (
              <p>
                Decided {c.decidedAt ? f.dateTime(c.decidedAt) : ''}
                {c.decidedBy ? ` by ${c.decidedBy.name}, ${c.decidedBy.title}` : ''}: {c.decisionNote}
              </p>
            ) : clerk ? (
              <ActionForm
                id={prefix}
                title={`Decide the reconsideration of the ${c.subject === 'denial' ? 'denial' : 'fees'}`}
                action={actionOf(props, `reconsiderations/${encodeURIComponent(c.id)}`)}
                csrf={props.staff.csrf}
                state={state}
                submit="Record the decision"
              >
                <Choices
                  type="radio"
                  name={`${prefix}-decision`}
                  legend="Decision"
                  required
                  error={errorOf(state, `${prefix}-decision`)}
                  checked={[valueOf(state, `${prefix}-decision`)]}
                  options={RECONSIDERATION_DECISIONS}
                />
                <TextArea
                  name={`${prefix}-note`}
                  label="Explanation to the requester"
                  required
                  rows={4}
                  value={valueOf(state, `${prefix}-note`)}
                  error={errorOf(state, `${prefix}-note`)}
                />
              </ActionForm>
            ) : (
              <p>Waiting for the City Clerk's decision.</p>
            )}
          </article>
        );
      })}
    </Section>
  );
}
