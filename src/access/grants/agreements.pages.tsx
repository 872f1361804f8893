/** Staff pages of data-sharing agreements: the list, the form (new and edit) and termination. */
import type { Formatter } from '../../web/format.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { AgreementStatus, AgreementView } from './agreements.schema.js';
import { Csrf, ErrorSummary, Input, problemOf, Select, TextArea, type Problems } from './form-fields.js';

const STATUS: Record<AgreementStatus, { label: string; tone: string }> = {
  draft: { label: 'Draft', tone: '' },
  active: { label: 'In force', tone: 'badge-ok' },
  expired: { label: 'Expired', tone: 'badge-warn' },
  terminated: { label: 'Terminated', tone: 'badge-warn' },
};

const LABELS: Record<string, string> = {
  department: 'Department',
  organization: 'Organization',
  contact_name: 'Contact name',
  contact_email: 'Contact email',
  purpose: 'Purpose',
  terms_text: 'Terms',
  terms_url: 'Terms document',
  terms_version: 'Terms version',
  start_date: 'First day',
  end_date: 'Last day',
  signed_date: 'Signed on',
  datasets: 'Datasets',
  members: 'Members',
  reason: 'Reason',
};

const Badge = (props: { status: AgreementStatus }): SafeHtml => (
  <span class={`badge ${STATUS[props.status].tone}`.trim()}>{STATUS[props.status].label}</span>
);

const Crumbs = (props: { here?: string }): SafeHtml => (
  <nav aria-label="Breadcrumb" class="breadcrumb">
    <a href="/staff">Staff console</a> ›{' '}
    {props.here ? <a href="/staff/agreements">Agreements</a> : 'Agreements'}
    {props.here ? ` › ${props.here}` : ''}
  </nav>
);

export function AgreementsPage(props: {
  site: SiteInfo;
  agreements: readonly AgreementView[];
  format: Formatter;
}): SafeHtml {
  return (
    <Layout site={props.site} title="Data-sharing agreements">
      <Crumbs />
      <h1>Data-sharing agreements</h1>
      <p>
        An agreement lets an organization's developer accounts read restricted or non-public datasets of a
        department, from its first day to its last. It comes into force once signed; access ends by itself
        when it expires, and at once when it is terminated. Both sides are told 30 and 7 days before the end.
      </p>
      <p>
        <a href="/staff/agreements/new">Record a new agreement</a>
      </p>
      {props.agreements.length === 0 ? (
        <p>No agreements yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Agreements, ending soonest first</caption>
            <thead>
              <tr>
                <th scope="col">Organization</th>
                <th scope="col">Department</th>
                <th scope="col">Status</th>
                <th scope="col">In force</th>
                <th scope="col">Datasets</th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {props.agreements.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={`/staff/agreements/${a.id}`}>{a.organization}</a>
                  </th>
                  <td>{a.department.name}</td>
                  <td>
                    <Badge status={a.status} />
                  </td>
                  <td>
                    {props.format.date(a.start_date)} to {props.format.date(a.end_date)}
                  </td>
                  <td>{a.datasets.length}</td>
                  <td>{a.members.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface AgreementFormValues {
  department?: string;
  organization?: string;
  contact_name?: string;
  contact_email?: string;
  purpose?: string;
  terms_text?: string;
  terms_url?: string;
  terms_version?: string;
  start_date?: string;
  end_date?: string;
  signed_date?: string;
  datasets?: readonly string[];
  members?: string;
}

/** The form's values for an existing agreement. */
export const valuesOf = (a: AgreementView): AgreementFormValues => ({
  department: a.department.id,
  organization: a.organization,
  contact_name: a.contact_name,
  contact_email: a.contact_email,
  purpose: a.purpose,
  terms_text: a.terms_text,
  terms_url: a.terms_url ?? '',
  terms_version: a.terms_version,
  start_date: a.start_date,
  end_date: a.end_date,
  signed_date: a.signed_date ?? '',
  datasets: a.datasets.map((d) => d.id),
  members: a.members.map((m) => m.email).join('\n'),
});

export interface DatasetChoice {
  id: string;
  title: string;
  department: { id: string; name: string };
  access_level: string;
}

function DatasetChoices(props: {
  choices: readonly DatasetChoice[];
  chosen: readonly string[];
  error: string;
}): SafeHtml {
  return (
    <fieldset
      class={props.error ? 'field field-error' : 'field'}
      id="datasets"
      aria-describedby="datasets-hint"
    >
      <legend>Datasets</legend>
      <span class="hint" id="datasets-hint">
        The department's datasets the agreement covers.
      </span>
      {props.error ? (
        <span class="error-message">
          <span class="visually-hidden">Error: </span>
          {props.error}
        </span>
      ) : null}
      {props.choices.length === 0 ? <p>No dataset of your departments to choose.</p> : null}
      {props.choices.map((d) => (
        <div>
          <input
            type="checkbox"
            id={`dataset-${d.id}`}
            name="datasets"
            value={d.id}
            checked={props.chosen.includes(d.id)}
          />{' '}
          <label for={`dataset-${d.id}`} class="inline-label">
            {d.title}{' '}
            <span class="meta">
              ({d.department.name}, {d.access_level})
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function AgreementFormPage(props: {
  site: SiteInfo;
  csrf: string;
  format: Formatter;
  /** The agreement being edited; a new one otherwise. */
  agreement?: AgreementView;
  departments: readonly { id: string; name: string }[];
  datasets: readonly DatasetChoice[];
  values: AgreementFormValues;
  problems: Problems;
  notice?: string;
}): SafeHtml {
  const a = props.agreement;
  const v = props.values;
  const p = (field: string) => problemOf(props.problems, field);
  const editable = !a || a.status === 'draft' || a.status === 'active';
  const title = a ? `Agreement with ${a.organization}` : 'New data-sharing agreement';
  return (
    <Layout site={props.site} title={title}>
      <Crumbs here={a ? a.organization : 'New'} />
      <h1>{title}</h1>
      {props.notice ? (
        <div class="alert alert-ok" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      {a ? <Summary agreement={a} format={props.format} /> : null}
      {editable ? (
        <form
          method="post"
          action={a ? `/staff/agreements/${a.id}` : '/staff/agreements'}
          class="form"
          novalidate
        >
          <h2>{a ? 'Change the agreement' : 'The agreement'}</h2>
          <ErrorSummary problems={props.problems} labels={LABELS} />
          <Csrf token={props.csrf} />
          {a ? null : (
            <Select
              id="department"
              label="Department"
              required
              value={v.department}
              error={p('department')}
              options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
          <Input
            id="organization"
            label="Organization"
            required
            value={v.organization}
            error={p('organization')}
          />
          <Input
            id="contact_name"
            label="Contact name"
            required
            value={v.contact_name}
            error={p('contact_name')}
          />
          <Input
            id="contact_email"
            type="email"
            label="Contact email"
            required
            hint="Notices of the agreement's start and coming end go here."
            value={v.contact_email}
            error={p('contact_email')}
          />
          <TextArea id="purpose" label="Purpose" required rows={3} value={v.purpose} error={p('purpose')} />
          <TextArea
            id="terms_text"
            label="Terms"
            rows={6}
            hint="The terms as text, or give the signed document's address below."
            value={v.terms_text}
            error={p('terms_text')}
          />
          <Input
            id="terms_url"
            type="url"
            label="Terms document"
            value={v.terms_url}
            error={p('terms_url')}
          />
          <Input
            id="terms_version"
            label="Terms version"
            required
            hint="As the document names it, for example 2026-1."
            value={v.terms_version}
            error={p('terms_version')}
          />
          <Input
            id="start_date"
            type="date"
            label="First day"
            required
            value={v.start_date}
            error={p('start_date')}
          />
          <Input
            id="end_date"
            type="date"
            label="Last day"
            required
            hint="Access ends at the end of this day."
            value={v.end_date}
            error={p('end_date')}
          />
          <Input
            id="signed_date"
            type="date"
            label="Signed on"
            hint="Leave empty until both sides have signed: the agreement comes into force once signed and started."
            value={v.signed_date}
            error={p('signed_date')}
          />
          <DatasetChoices choices={props.datasets} chosen={v.datasets ?? []} error={p('datasets')} />
          <TextArea
            id="members"
            label="Members"
            rows={4}
            hint="Email addresses of the organization's developer accounts, one a line. They sign up first."
            value={v.members}
            error={p('members')}
          />
          <button type="submit">{a ? 'Save changes' : 'Record the agreement'}</button>
        </form>
      ) : null}
      {a && editable ? <TerminateForm agreement={a} csrf={props.csrf} error={p('reason')} /> : null}
    </Layout>
  );
}

function Summary(props: { agreement: AgreementView; format: Formatter }): SafeHtml {
  const a = props.agreement;
  const f = props.format;
  return (
    <dl class="metadata">
      <div class="kv">
        <dt>Status</dt>
        <dd>
          <Badge status={a.status} />
          {a.status === 'draft'
            ? a.signed_date
              ? ` Signed; comes into force on ${f.date(a.start_date)}.`
              : ' Not signed yet.'
            : ''}
          {a.status === 'terminated' && a.terminated_at ? ` on ${f.dateTime(a.terminated_at)}` : ''}
        </dd>
      </div>
      <div class="kv">
        <dt>Department</dt>
        <dd>{a.department.name}</dd>
      </div>
      <div class="kv">
        <dt>In force</dt>
        <dd>
          {f.date(a.start_date)} to the end of {f.date(a.end_date)}
        </dd>
      </div>
      <div class="kv">
        <dt>Datasets</dt>
        <dd>{a.datasets.map((d) => d.title).join(', ') || 'None'}</dd>
      </div>
      <div class="kv">
        <dt>Members</dt>
        <dd>{a.members.map((m) => m.email).join(', ') || 'None'}</dd>
      </div>
      <div class="kv">
        <dt>Terms</dt>
        <dd>
          Version {a.terms_version}
          {a.terms_url ? (
            <span>
              {' '}
              · <a href={a.terms_url}>document</a>
            </span>
          ) : null}
        </dd>
      </div>
      <div class="kv">
        <dt>Expiry notices</dt>
        <dd>
          {a.expiry_notice_at ? `30-day notice sent ${f.date(a.expiry_notice_at)}. ` : ''}
          {a.final_notice_at ? `7-day notice sent ${f.date(a.final_notice_at)}.` : ''}
          {!a.expiry_notice_at && !a.final_notice_at ? 'None sent yet.' : ''}
        </dd>
      </div>
      {a.termination_reason ? (
        <div class="kv">
          <dt>Reason for termination</dt>
          <dd>{a.termination_reason}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function TerminateForm(props: { agreement: AgreementView; csrf: string; error: string }): SafeHtml {
  return (
    <form method="post" action={`/staff/agreements/${props.agreement.id}/terminate`} class="form" novalidate>
      <h2>End the agreement early</h2>
      <p>The members lose access at once; both sides are told, with the reason.</p>
      <Csrf token={props.csrf} />
      <TextArea id="reason" label="Reason" required rows={3} error={props.error} />
      <button type="submit" class="button-danger">
        Terminate the agreement
      </button>
    </form>
  );
}
