/** The deciders' pages: the queue of access requests and one request with its approve and deny forms. */
import type { Formatter } from '../../web/format.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { Csrf, ErrorSummary, Input, problemOf, Select, TextArea, type Problems } from './form-fields.js';
import { NextSteps, REQUEST_LABELS, RequestFacts, RequestStatement, StatusBadge } from './requests.pages.js';
import type { AccessRequestView, RequestStatus } from './requests.schema.js';

const FILTERS: readonly { value: RequestStatus | 'all'; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'denied', label: 'Denied' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'all', label: 'All' },
];

export function StaffQueuePage(props: {
  site: SiteInfo;
  requests: readonly AccessRequestView[];
  status: RequestStatus | 'all';
  format: Formatter;
}): SafeHtml {
  const current = FILTERS.find((f) => f.value === props.status)?.label ?? 'Pending';
  return (
    <Layout site={props.site} title="Access requests">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/staff">Staff console</a> › Access requests
      </nav>
      <h1>Access requests</h1>
      <p>
        Requests for your departments' restricted datasets and, for administrators, requests for higher tiers.
        Data-sharing agreements are at <a href="/staff/agreements">Agreements</a>.
      </p>
      <nav aria-label="Filter by status">
        <ul>
          {FILTERS.map((f) => (
            <li>
              <a
                href={`/staff/access-requests?status=${f.value}`}
                aria-current={f.value === props.status ? 'page' : undefined}
              >
                {f.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.requests.length === 0 ? (
        <p>No {current.toLowerCase()} requests.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{current} requests</caption>
            <thead>
              <tr>
                <th scope="col">Asked for</th>
                <th scope="col">Requester</th>
                <th scope="col">Department</th>
                <th scope="col">Asked on</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.requests.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/staff/access-requests/${r.id}`}>
                      {r.dataset ? r.dataset.title : `The ${r.tier} tier`}
                    </a>
                  </th>
                  <td>{r.requester ? r.requester.name || r.requester.email : ''}</td>
                  <td>{r.department ? r.department.name : 'Administrators (tier)'}</td>
                  <td>{props.format.date(r.created_at)}</td>
                  <td>
                    <StatusBadge request={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function StaffRequestPage(props: {
  site: SiteInfo;
  request: AccessRequestView;
  csrf: string;
  format: Formatter;
  /** Tomorrow in the city's calendar: the first day an approval may run until. */
  firstUntil: string;
  problems: Problems;
  values: { decision?: string; reason?: string; until?: string; tier?: string };
  notice?: string;
}): SafeHtml {
  const r = props.request;
  const approving = props.values.decision !== 'deny';
  const problem = (field: string) => problemOf(props.problems, field);
  return (
    <Layout site={props.site} title={`Access request: ${r.dataset ? r.dataset.title : `${r.tier} tier`}`}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/staff">Staff console</a> › <a href="/staff/access-requests">Access requests</a>
      </nav>
      <h1>Access request: {r.dataset ? r.dataset.title : `the ${r.tier} tier`}</h1>
      {props.notice ? (
        <div class="alert alert-ok" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      <RequestFacts request={r} format={props.format} staff />
      <RequestStatement request={r} />
      {r.status !== 'pending' ? (
        <NextSteps steps={r.next_steps} />
      ) : (
        <div class="dataset-grid">
          <form method="post" action={`/staff/access-requests/${r.id}/decision`} class="form" novalidate>
            <h2>Approve</h2>
            {approving ? <ErrorSummary problems={props.problems} labels={REQUEST_LABELS} /> : null}
            <Csrf token={props.csrf} />
            <input type="hidden" name="decision" value="approve" />
            {r.kind === 'tier' ? (
              <Select
                id="tier"
                label="Tier to grant"
                required
                value={(approving ? props.values.tier : undefined) ?? r.tier ?? 'elevated'}
                hint="A lower tier than asked counts as a limited approval: the requester is told how to ask for more."
                error={approving ? problem('tier') : undefined}
                options={[
                  { value: 'elevated', label: 'Elevated' },
                  ...(r.tier === 'partner' ? [{ value: 'partner', label: 'Partner' }] : []),
                ]}
              />
            ) : null}
            <Input
              id="until"
              type="date"
              label="Access until"
              min={props.firstUntil}
              hint="The last day of access, a day after today at the earliest. Leave empty for no end date."
              error={approving ? problem('until') : undefined}
              value={approving ? props.values.until : undefined}
            />
            <TextArea
              id="approve-reason"
              name="reason"
              label="Note to the requester"
              rows={3}
              value={approving ? props.values.reason : undefined}
            />
            <button type="submit">Approve</button>
          </form>
          <form method="post" action={`/staff/access-requests/${r.id}/decision`} class="form" novalidate>
            <h2>Deny</h2>
            {approving ? null : <ErrorSummary problems={props.problems} labels={{ reason: 'Reason' }} />}
            <Csrf token={props.csrf} />
            <input type="hidden" name="decision" value="deny" />
            <TextArea
              id="reason"
              label="Reason"
              required
              rows={4}
              hint="Sent to the requester with how to ask for a review, how to request the records under the California Public Records Act, and that a data-sharing agreement may be possible."
              error={approving ? undefined : problem('reason')}
              value={approving ? undefined : props.values.reason}
            />
            <button type="submit" class="button-danger">
              Deny
            </button>
          </form>
        </div>
      )}
    </Layout>
  );
}
