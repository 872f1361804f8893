/** GET /staff/records: the requests this member of staff may work on, most urgent first, with filters. */
import type { Formatter } from '../../web/format.js';
import { h, type SafeHtml } from '../../web/html.js';
import { StaffFrame, type Notice, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { RequestSummary } from '../records/records.types.js';
import {
  departmentOptions,
  FilterSelect,
  FilterText,
  QueuePager,
  QueueTable,
} from '../shared-pages/staff-queue-parts.js';
import { DeadlineBadge } from './staff-fields.js';
import { QUEUE_WINDOW, queueHref, type QueueFilters } from './staff-queue.js';
import { isPaused } from './staff-viewer.js';
import { CLOSE_SHORT, STATUS_LABELS } from './staff-words.js';

const STATUS_OPTIONS = [
  { value: 'active', label: 'Open and extended' },
  { value: 'open', label: 'Open' },
  { value: 'extended', label: 'Extended' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

const DEADLINE_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'due_soon', label: 'Due soon' },
  { value: 'on_track', label: 'On track' },
  { value: 'paused', label: 'Reminders paused' },
];

/** The first words of a description, for a table row. */
export const summary = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, flat.lastIndexOf(' ', max - 1) + 1 || max).trim()}…` : flat;
};

function Filters(props: {
  filters: QueueFilters;
  seesAll: boolean;
  departments: readonly { id: string; name: string }[];
}): SafeHtml {
  const f = props.filters;
  return (
    <form
      method="get"
      action="/staff/records"
      class="form"
      style="max-width:none"
      aria-label="Filter requests"
    >
      <div style="display:flex;flex-wrap:wrap;gap:0.75rem 1rem;align-items:flex-end">
        <FilterSelect basis="12rem" id="status" label="Status" value={f.status} options={STATUS_OPTIONS} />
        <FilterSelect
          basis="12rem"
          id="deadline"
          label="Deadline"
          value={f.deadline}
          options={DEADLINE_OPTIONS}
        />
        <FilterSelect
          basis="12rem"
          id="department"
          label="Department"
          value={f.department}
          options={departmentOptions(props.seesAll, props.departments)}
        />
        <FilterText basis="12rem" id="q" label="Words in the request" value={f.q} />
      </div>
      <div style="margin:0.75rem 0">
        <input type="checkbox" id="mine" name="mine" value="1" checked={f.mine} />{' '}
        <label for="mine" style="display:inline;font-weight:400">
          Only requests assigned to me
        </label>
      </div>
      <button type="submit" style="margin-right:1rem">
        Show requests
      </button>
      <a href="/staff/records">Clear the filters</a>
    </form>
  );
}

function Row(props: { r: RequestSummary; format: Formatter }): SafeHtml {
  const r = props.r;
  return (
    <tr>
      <th scope="row" style="white-space:nowrap">
        <a href={`/staff/records/${encodeURIComponent(r.id)}`}>{r.number}</a>
      </th>
      <td style="white-space:nowrap">
        {props.format.date(r.dueDate)}
        <br />
        <DeadlineBadge state={r.deadline} paused={isPaused(r)} />
      </td>
      <td>{summary(r.description)}</td>
      <td>{r.departments.length ? r.departments.map((d) => d.name).join(', ') : 'Not yet routed'}</td>
      <td>{props.format.date(r.receivedAt)}</td>
      <td>
        {STATUS_LABELS[r.status]}
        {r.closeReason ? `: ${CLOSE_SHORT[r.closeReason]}` : ''}
      </td>
    </tr>
  );
}

export function QueuePage(props: {
  staff: StaffInfo;
  filters: QueueFilters;
  departments: readonly { id: string; name: string }[];
  requests: readonly RequestSummary[];
  total: number;
  pages: number;
  /** The desk holds more than one look at the queue reads: the filters should narrow it. */
  more: boolean;
  seesAll: boolean;
  format: Formatter;
  notice?: Notice | undefined;
}): SafeHtml {
  const f = props.filters;
  const page = Math.min(f.page, props.pages);
  return (
    <StaffFrame staff={props.staff} title="Records requests" notice={props.notice}>
      <h1>Records requests</h1>
      <p>
        {props.seesAll
          ? 'Every public records request, as the City Clerk and administrators see them.'
          : 'The public records requests of your departments.'}{' '}
        Overdue and due-soon requests come first, by due date. See also{' '}
        <a href="/staff/records/numbers">the desk's numbers</a> and <a href="/records/log">the public log</a>.
      </p>
      <Filters filters={f} departments={props.departments} seesAll={props.seesAll} />
      <h2 id="queue-heading">
        {props.total === 1 ? '1 request' : `${props.total} requests`}
        {f.mine ? ' assigned to you' : ''}
      </h2>
      {props.more ? (
        <div class="alert alert-warn">
          <p style="margin:0">
            Only the first {QUEUE_WINDOW} requests by due date are shown: narrow the filters to see the
            others.
          </p>
        </div>
      ) : null}
      <QueueTable
        columns={['Number', 'Due', 'Request', 'Departments', 'Received', 'Status']}
        rows={props.requests.map((r) => (
          <Row r={r} format={props.format} />
        ))}
        empty="No request matches these filters."
      />
      <QueuePager label="Pages of requests" page={page} pages={props.pages} href={(n) => queueHref(f, n)} />
    </StaffFrame>
  );
}
