/** GET /staff/reports: the quality reports of the steward's departments (all for admins), open ones first. */
import type { Formatter } from '../../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import { StaffFrame, type StaffInfo } from '../../../web/staff/pages/frame.js';
import {
  departmentOptions,
  FilterSelect,
  FilterText,
  QueuePager,
  QueueTable,
} from '../../shared-pages/staff-queue-parts.js';
import { REPORT_KINDS, REPORT_STATUSES, type ReportSummary } from '../reports.types.js';
import { QUEUE_PAGE, queueHref, type QueueFilters } from './staff-queue.js';
import { KIND_WORDS, SOURCE_WORDS, STATUS_WORDS } from './staff-words.js';

function Filters(props: {
  filters: QueueFilters;
  admin: boolean;
  departments: readonly { id: string; name: string }[];
}): SafeHtml {
  const f = props.filters;
  return (
    <form
      method="get"
      action="/staff/reports"
      class="form"
      style="max-width:none"
      aria-label="Filter reports"
    >
      <div style="display:flex;flex-wrap:wrap;gap:0.75rem 1rem;align-items:flex-end">
        <FilterSelect
          basis="11rem"
          id="status"
          label="Status"
          value={f.status}
          options={[
            { value: 'open', label: 'Open (not resolved)' },
            { value: 'closed', label: "Closed (resolved or won't fix)" },
            { value: 'all', label: 'All' },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] })),
          ]}
        />
        <FilterSelect
          basis="11rem"
          id="kind"
          label="Kind"
          value={f.kind}
          options={[
            { value: '', label: 'Any kind' },
            ...REPORT_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] })),
          ]}
        />
        <FilterSelect
          basis="11rem"
          id="source"
          label="Source"
          value={f.source}
          options={[
            { value: '', label: 'Any source' },
            { value: 'public', label: SOURCE_WORDS.public },
            { value: 'automatic', label: SOURCE_WORDS.automatic },
          ]}
        />
        <FilterSelect
          basis="11rem"
          id="department"
          label="Department"
          value={f.department}
          options={departmentOptions(props.admin, props.departments)}
        />
        <FilterText basis="11rem" id="dataset" label="Dataset identifier" value={f.dataset} />
      </div>
      <p style="margin:0.75rem 0">
        <button type="submit" style="margin-right:1rem">
          Show reports
        </button>
        <a href="/staff/reports">Clear the filters</a>
      </p>
    </form>
  );
}

function Row(props: { r: ReportSummary; format: Formatter }): SafeHtml {
  const r = props.r;
  return (
    <tr>
      <th scope="row" style="white-space:nowrap">
        <a href={`/staff/reports/${encodeURIComponent(r.number)}`}>{r.number}</a>
      </th>
      <td>
        <span class={r.status === 'received' ? 'badge badge-warn' : 'badge'}>{STATUS_WORDS[r.status]}</span>
      </td>
      <td>{KIND_WORDS[r.kind]}</td>
      <td>
        {r.dataset.title}
        {r.datastream ? (
          <>
            <br />
            <small>Sensor: {r.datastream.name}</small>
          </>
        ) : null}
      </td>
      <td>{r.department.name}</td>
      <td>{SOURCE_WORDS[r.source]}</td>
      <td style="white-space:nowrap">{props.format.dateTime(r.createdAt)}</td>
    </tr>
  );
}

export function QueuePage(props: {
  staff: StaffInfo;
  filters: QueueFilters;
  departments: readonly { id: string; name: string }[];
  admin: boolean;
  reports: readonly ReportSummary[];
  total: number;
  format: Formatter;
}): SafeHtml {
  const f = props.filters;
  const pages = Math.max(1, Math.ceil(props.total / QUEUE_PAGE));
  return (
    <StaffFrame staff={props.staff} title="Quality reports">
      <h1>Quality reports</h1>
      <p>
        {props.admin
          ? 'Problem reports about every dataset, and the sensor faults the portal opened by itself.'
          : 'Problem reports about the datasets of your departments, and the sensor faults the portal opened by itself.'}{' '}
        Open reports come first. The public sees reports about public data at{' '}
        <a href="/reports">the public list</a>.
      </p>
      <Filters filters={f} admin={props.admin} departments={props.departments} />
      <h2 id="queue-heading">{props.total === 1 ? '1 report' : `${props.total} reports`}</h2>
      <QueueTable
        columns={['Number', 'Status', 'Kind', 'Dataset', 'Department', 'Source', 'Filed']}
        rows={props.reports.map((r) => (
          <Row r={r} format={props.format} />
        ))}
        empty="No report matches these filters."
      />
      <QueuePager label="Pages of reports" page={f.page} pages={pages} href={(n) => queueHref(f, n)} />
    </StaffFrame>
  );
}
