/** GET /staff/reports: the quality reports of the steward's departments (all for admins), open ones first. */
import type { Formatter } from '../../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import { StaffFrame, type StaffInfo } from '../../../web/staff/pages/frame.js';
import { REPORT_KINDS, REPORT_STATUSES, type ReportSummary } from '../reports.types.js';
import { QUEUE_PAGE, queueHref, type QueueFilters } from './staff-queue.js';
import { KIND_WORDS, SOURCE_WORDS, STATUS_WORDS } from './staff-words.js';

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
}): SafeHtml {
  return (
    <div class="field" style="flex:1 1 11rem;margin:0">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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
        <Select
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
        <Select
          id="kind"
          label="Kind"
          value={f.kind}
          options={[
            { value: '', label: 'Any kind' },
            ...REPORT_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] })),
          ]}
        />
        <Select
          id="source"
          label="Source"
          value={f.source}
          options={[
            { value: '', label: 'Any source' },
            { value: 'public', label: SOURCE_WORDS.public },
            { value: 'automatic', label: SOURCE_WORDS.automatic },
          ]}
        />
        <Select
          id="department"
          label="Department"
          value={f.department}
          options={[
            { value: '', label: props.admin ? 'All departments' : 'All my departments' },
            ...props.departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <div class="field" style="flex:1 1 11rem;margin:0">
          <label for="dataset">Dataset identifier</label>
          <input type="text" id="dataset" name="dataset" value={f.dataset} />
        </div>
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
      {props.reports.length === 0 ? (
        <p>No report matches these filters.</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="queue-heading">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Status</th>
                <th scope="col">Kind</th>
                <th scope="col">Dataset</th>
                <th scope="col">Department</th>
                <th scope="col">Source</th>
                <th scope="col">Filed</th>
              </tr>
            </thead>
            <tbody>
              {props.reports.map((r) => (
                <Row r={r} format={props.format} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages of reports" class="pager">
          {f.page > 1 ? <a href={queueHref(f, f.page - 1)}>Previous page</a> : null}
          <span>
            Page {f.page} of {pages}
          </span>
          {f.page < pages ? <a href={queueHref(f, f.page + 1)}>Next page</a> : null}
        </nav>
      ) : null}
    </StaffFrame>
  );
}
