/** GET /staff/notices: the corrective notices of the steward's departments (admins: all), in English. */
import type { Formatter } from '../../web/format.js';
import { h, type SafeHtml } from '../../web/html.js';
import { StaffFrame, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { StewardshipPolicy } from './policy.js';
import type { NoticeState, StewardNotice } from './stewardship.types.js';

export type NoticeFilter = 'unresolved' | NoticeState | 'all';

const FILTERS: readonly { value: NoticeFilter; label: string }[] = [
  { value: 'unresolved', label: 'Open and escalated' },
  { value: 'open', label: 'Open' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** The `?state=` of the page; open and escalated ones when absent or unknown. */
export function readNoticeFilter(query: unknown): NoticeFilter {
  const value = (query as Record<string, unknown> | undefined)?.state;
  return FILTERS.find((f) => f.value === value)?.value ?? 'unresolved';
}

const STATE_TAGS: Record<NoticeState, { label: string; style: string }> = {
  open: { label: 'Open', style: 'background:#1a4480' },
  escalated: { label: 'Escalated', style: 'background:#b50909' },
  resolved: { label: 'Resolved', style: 'background:#00703c' },
};

function NoticeRow(props: { notice: StewardNotice; format: Formatter }): SafeHtml {
  const n = props.notice;
  const f = props.format;
  const tag = STATE_TAGS[n.state];
  return (
    <tr>
      <th scope="row">
        <a href={`/staff/datasets/${encodeURIComponent(n.datasetId)}/edit`}>{n.datasetTitle}</a>
        <div class="text-base font-sans-3xs">{n.datasetId}</div>
      </th>
      <td>{n.kind === 'metadata' ? 'Metadata' : 'Out of date'}</td>
      <td>
        <span class="usa-tag" style={tag.style}>
          {tag.label}
        </span>
        {n.withdrawnAt && !n.republishedAt ? <div>Withdrawn {f.date(n.withdrawnAt)}</div> : null}
        {n.republishedAt ? <div>Republished {f.date(n.republishedAt)}</div> : null}
      </td>
      <td>
        <ul class="margin-0 padding-left-2">
          {n.problems.map((p) => (
            <li>
              <code>{p.field}</code>: {p.message}
            </li>
          ))}
        </ul>
      </td>
      <td>{f.date(n.issuedAt)}</td>
      <td>
        {n.kind === 'metadata' ? f.date(n.dueAt) : `update was due ${f.dateTime(n.dueAt)}`}
        {n.escalatedAt ? <div>escalated {f.date(n.escalatedAt)}</div> : null}
        {n.resolvedAt ? <div>resolved {f.date(n.resolvedAt)}</div> : null}
      </td>
    </tr>
  );
}

export function NoticesPage(props: {
  staff: StaffInfo;
  notices: readonly StewardNotice[];
  filter: NoticeFilter;
  seesAll: boolean;
  format: Formatter;
  policy: StewardshipPolicy;
}): SafeHtml {
  const p = props.policy;
  return (
    <StaffFrame staff={props.staff} title="Notices">
      <h1>Notices</h1>
      <p class="usa-intro">
        {props.seesAll ? 'Every department’s' : 'Your departments’'} corrective notices: metadata that misses
        the city’s standard (DCAT-US 1.1 and the city’s rules) and data that is out of date. Fix the dataset
        and the notice closes by itself within a quarter of an hour.
      </p>
      <p>
        A metadata notice is due {p.noticeDays} days after it is sent;{' '}
        {p.escalateAfterDays === 0 ? 'past its due date' : `${p.escalateAfterDays} days after its due date`}{' '}
        it goes to the administrators
        {p.withdrawOnExpiry
          ? ' and the dataset is withdrawn from the public catalog until it is complete'
          : ''}
        .
      </p>
      <nav aria-label="Notice states">
        <ul class="usa-button-group">
          {FILTERS.map((f) => (
            <li class="usa-button-group__item">
              <a
                class={`usa-button${f.value === props.filter ? '' : ' usa-button--outline'}`}
                href={f.value === 'unresolved' ? '/staff/notices' : `/staff/notices?state=${f.value}`}
                aria-current={f.value === props.filter ? 'page' : undefined}
              >
                {f.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.notices.length === 0 ? (
        <p class="margin-top-3">No notices here.</p>
      ) : (
        <div class="usa-table-container--scrollable" tabindex="0">
          <table class="usa-table usa-table--striped margin-top-3">
            <caption>
              {props.notices.length === 1 ? '1 notice' : `${props.notices.length} notices`}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Kind</th>
                <th scope="col">State</th>
                <th scope="col">What to fix</th>
                <th scope="col">Sent</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {props.notices.map((n) => (
                <NoticeRow notice={n} format={props.format} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}
