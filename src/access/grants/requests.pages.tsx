/** Pages of access requests: the form, the requester's list and detail, and the deciders' queue. */
import type { Formatter } from '../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { TIERS, type Tier } from '../principal.js';
import { Csrf, ErrorSummary, problemOf, Select, TextArea, type Problems } from './form-fields.js';
import { TEXT_MAX, TEXT_MIN, type AccessRequestView } from './requests.schema.js';

const STATUS_LABEL: Record<AccessRequestView['status'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
};

const LABELS = {
  purpose: 'Purpose',
  intended_use: 'Intended use',
  tier: 'Tier',
  dataset: 'Dataset',
  reason: 'Reason',
  until: 'Access until',
};

export function StatusBadge(props: { request: AccessRequestView }): SafeHtml {
  const r = props.request;
  const tone =
    r.status === 'approved' && !r.limited
      ? 'badge-ok'
      : r.status === 'pending' || r.limited
        ? 'badge-warn'
        : '';
  const text = r.status === 'approved' && r.limited ? 'Approved, limited' : STATUS_LABEL[r.status];
  return <span class={`badge ${tone}`.trim()}>{text}</span>;
}

const subject = (r: AccessRequestView) => (r.dataset ? r.dataset.title : `The ${r.tier} tier`);

/** A requester's requests, as a table. */
export function RequestsTable(props: {
  requests: readonly AccessRequestView[];
  format: Formatter;
}): SafeHtml {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">Your access requests</caption>
        <thead>
          <tr>
            <th scope="col">Asked for</th>
            <th scope="col">Asked on</th>
            <th scope="col">Status</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/access/requests/${r.id}`}>{subject(r)}</a>
              </th>
              <td>{props.format.date(r.created_at)}</td>
              <td>
                <StatusBadge request={r} />
              </td>
              <td>
                {r.status === 'approved'
                  ? r.approved_until
                    ? `Until ${props.format.date(r.approved_until)}`
                    : 'No end date'
                  : r.status === 'denied'
                    ? (r.decision_reason ?? '')
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The requester's requests as a section of their account page. */
export function AccessRequestsSection(props: {
  requests: readonly AccessRequestView[];
  format: Formatter;
}): SafeHtml {
  return (
    <section aria-labelledby="access-requests">
      <h2 id="access-requests">Access requests</h2>
      {props.requests.length ? (
        <RequestsTable requests={props.requests} format={props.format} />
      ) : (
        <p>
          You have not asked for access yet. Restricted datasets have a “Request access” button on their page.
        </p>
      )}
      <p>
        <a href="/access/request">Ask for a higher rate-limit tier</a>
      </p>
    </section>
  );
}

export function MyRequestsPage(props: {
  site: SiteInfo;
  requests: readonly AccessRequestView[];
  format: Formatter;
}): SafeHtml {
  return (
    <Layout site={props.site} title="Your access requests">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/account">Your account</a> › Access requests
      </nav>
      <h1>Your access requests</h1>
      <AccessRequestsSection requests={props.requests} format={props.format} />
    </Layout>
  );
}

export interface RequestFormModel {
  site: SiteInfo;
  csrf: string;
  dataset?: { id: string; title: string; department: string };
  /** The tier asked for (tier requests). */
  tier?: string;
  currentTier: string;
  /** A pending request for the same thing. */
  pending?: string;
  values: { purpose?: string; intended_use?: string };
  problems: Problems;
}

export function RequestFormPage(m: RequestFormModel): SafeHtml {
  const title = m.dataset ? `Request access to ${m.dataset.title}` : 'Ask for a higher tier';
  return (
    <Layout site={m.site} title={title}>
      <h1>{title}</h1>
      {m.dataset ? (
        <p>
          The data of <a href={`/datasets/${encodeURIComponent(m.dataset.id)}`}>{m.dataset.title}</a> is
          restricted. {m.dataset.department} decides who reads it. Say why you need it and how you will use
          it: the stewards read this before deciding.
        </p>
      ) : (
        <p>
          Your account has the {m.currentTier} tier. A higher tier allows more requests and downloads; the
          portal's administrators decide.
        </p>
      )}
      {m.pending ? (
        <div class="alert alert-warn">
          <p>
            You already have a <a href={`/access/requests/${m.pending}`}>pending request</a> for this. Wait
            for its decision, or withdraw it before asking again.
          </p>
        </div>
      ) : (
        <form method="post" action="/access/request" class="form" novalidate>
          <ErrorSummary problems={m.problems} labels={LABELS} />
          <Csrf token={m.csrf} />
          {m.dataset ? <input type="hidden" name="dataset" value={m.dataset.id} /> : null}
          {m.dataset ? null : (
            <Select
              id="tier"
              label="Tier"
              required
              value={m.tier ?? 'elevated'}
              error={problemOf(m.problems, 'tier')}
              options={[
                { value: 'elevated', label: 'Elevated' },
                { value: 'partner', label: 'Partner' },
              ].filter((o) => TIERS.indexOf(o.value as Tier) > TIERS.indexOf(m.currentTier as Tier))}
            />
          )}
          <TextArea
            id="purpose"
            label="Purpose"
            required
            maxlength={TEXT_MAX}
            hint={`Why you need it: the project, the question, who it serves. ${TEXT_MIN} to ${TEXT_MAX} characters.`}
            error={problemOf(m.problems, 'purpose')}
            value={m.values.purpose}
          />
          <TextArea
            id="intended_use"
            label="Intended use"
            required
            maxlength={TEXT_MAX}
            hint={`What you will do with the data: who sees it, whether you publish results, how long you keep it. ${TEXT_MIN} to ${TEXT_MAX} characters.`}
            error={problemOf(m.problems, 'intended_use')}
            value={m.values.intended_use}
          />
          <button type="submit">Send the request</button>
        </form>
      )}
    </Layout>
  );
}

/** What a denial or limited approval lets the requester do next. */
export function NextSteps(props: { steps: readonly string[] }): SafeHtml | null {
  if (!props.steps.length) return null;
  return (
    <section aria-labelledby="next-steps" class="alert">
      <h2 id="next-steps">What you can do next</h2>
      <ul>
        {props.steps.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
    </section>
  );
}

function Facts(props: { request: AccessRequestView; format: Formatter; staff?: boolean }): SafeHtml {
  const r = props.request;
  return (
    <dl class="metadata">
      {props.staff && r.requester ? (
        <div class="kv">
          <dt>Requester</dt>
          <dd>
            {r.requester.name ? `${r.requester.name} · ` : ''}
            {r.requester.email} · {r.requester.tier} tier
          </dd>
        </div>
      ) : null}
      <div class="kv">
        <dt>Asked for</dt>
        <dd>
          {r.dataset ? (
            <a href={`/datasets/${encodeURIComponent(r.dataset.id)}`}>{r.dataset.title}</a>
          ) : (
            `The ${r.tier} tier`
          )}
        </dd>
      </div>
      <div class="kv">
        <dt>Who decides</dt>
        <dd>{r.department ? r.department.name : "The portal's administrators"}</dd>
      </div>
      <div class="kv">
        <dt>Asked on</dt>
        <dd>{props.format.dateTime(r.created_at)}</dd>
      </div>
      <div class="kv">
        <dt>Status</dt>
        <dd>
          <StatusBadge request={r} />
          {r.decided_at
            ? ` ${props.format.dateTime(r.decided_at)}${r.decided_by ? `, by ${r.decided_by}` : ''}`
            : ''}
        </dd>
      </div>
      {r.status === 'approved' ? (
        <div class="kv">
          <dt>Access</dt>
          <dd>
            {r.approved_tier ? `The ${r.approved_tier} tier` : 'The dataset'}
            {r.approved_until
              ? `, until the end of ${props.format.date(r.approved_until)}`
              : ', with no end date'}
          </dd>
        </div>
      ) : null}
      {r.decision_reason ? (
        <div class="kv">
          <dt>{r.status === 'denied' ? 'Reason' : 'Note'}</dt>
          <dd>{r.decision_reason}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Statement(props: { request: AccessRequestView }): SafeHtml {
  return (
    <>
      <h2>Purpose</h2>
      <p class="statement">{props.request.purpose}</p>
      <h2>Intended use</h2>
      <p class="statement">{props.request.intended_use}</p>
    </>
  );
}

export function RequestPage(props: {
  site: SiteInfo;
  request: AccessRequestView;
  csrf: string;
  format: Formatter;
  notice?: string;
}): SafeHtml {
  const r = props.request;
  return (
    <Layout site={props.site} title={`Access request: ${subject(r)}`}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/account">Your account</a> › <a href="/access/requests">Access requests</a>
      </nav>
      <h1>Access request: {subject(r)}</h1>
      {props.notice ? (
        <div class="alert alert-ok" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      <Facts request={r} format={props.format} />
      <NextSteps steps={r.next_steps} />
      <Statement request={r} />
      {r.status === 'pending' ? (
        <form method="post" action={`/access/requests/${r.id}/withdraw`} class="form">
          <Csrf token={props.csrf} />
          <button type="submit" class="button-secondary">
            Withdraw this request
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export { Facts as RequestFacts, Statement as RequestStatement, LABELS as REQUEST_LABELS };
