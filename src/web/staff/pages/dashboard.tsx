/** The staff console's home: the datasets this person may change, or, for read-only staff, the published ones. */
import type { Dataset } from '../../../catalog/catalog.schema.js';
import type { Formatter } from '../../format.js';
import { h, type SafeHtml } from '../../html.js';
import { lastUpdated } from '../staff-datasets.service.js';
import { canPublish, StaffFrame, type Notice, type StaffInfo } from './frame.js';

const ACCESS: Record<string, string> = {
  public: 'Public',
  restricted: 'Restricted',
  'non-public': 'Non-public',
};

const STATUS: Record<string, string> = {
  published: 'Published',
  draft: 'Draft',
  unpublished: 'Unpublished',
};

export function StatusBadge(props: { status: string }): SafeHtml {
  return (
    <span class={`badge ${props.status === 'published' ? 'badge-ok' : 'badge-warn'}`}>
      {STATUS[props.status] ?? props.status}
    </span>
  );
}

export const accessLabel = (level: string) => ACCESS[level] ?? level;

function Actions(props: { d: Dataset; csrf: string }): SafeHtml {
  const d = props.d;
  const base = `/staff/datasets/${encodeURIComponent(d.id)}`;
  return (
    <ul style="list-style:none;padding:0;margin:0">
      <li>
        <a href={`${base}/edit`}>
          Edit metadata<span class="visually-hidden"> of {d.title}</span>
        </a>
      </li>
      {d.kind === 'table' ? (
        <li>
          <a href={`${base}/data`}>
            {d.row_count === null ? 'Upload data' : 'Replace data'}
            <span class="visually-hidden"> of {d.title}</span>
          </a>
        </li>
      ) : null}
      {d.status === 'published' ? (
        <li>
          <a href={`${base}/unpublish`}>
            Unpublish<span class="visually-hidden"> {d.title}</span>
          </a>
        </li>
      ) : d.kind === 'sensor' || d.row_count !== null ? (
        <li>
          <form method="post" action={`${base}/publish`} class="inline-form">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <button type="submit" class="link-button">
              {d.status === 'unpublished' ? 'Republish' : 'Publish'}
              <span class="visually-hidden"> {d.title}</span>
            </button>
          </form>
        </li>
      ) : null}
    </ul>
  );
}

export function DashboardPage(props: {
  staff: StaffInfo;
  datasets: readonly Dataset[];
  format: Formatter;
  notice?: Notice | undefined;
}): SafeHtml {
  const editor = canPublish(props.staff.roles);
  const f = props.format;
  const title = editor ? 'Your datasets' : 'Published datasets';
  return (
    <StaffFrame staff={props.staff} title="Staff console" notice={props.notice}>
      <h1>Staff console</h1>
      {editor ? (
        <p>
          {props.staff.roles.includes('admin')
            ? 'As an administrator you can change every dataset of every department.'
            : 'You can publish and change the datasets of the departments you steward, in every status.'}{' '}
          <a href="/staff/datasets/new">Publish a new dataset</a>.
        </p>
      ) : (
        <p>
          Your role reads the catalog; publishing is for the stewards of each department. Ask an administrator
          if you need to publish.
        </p>
      )}
      {props.staff.roles.some((r) => r === 'admin' || r === 'steward' || r === 'clerk') ? (
        <p>
          Public records requests are worked at <a href="/staff/records">the records desk</a>.
        </p>
      ) : null}
      <h2 id="datasets-heading">{title}</h2>
      {props.datasets.length === 0 ? (
        <p>
          {editor
            ? 'No datasets yet. Publish your first one with the form linked above.'
            : 'No datasets are published yet.'}
        </p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="datasets-heading">
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Department</th>
                <th scope="col">Status</th>
                <th scope="col">Access</th>
                <th scope="col">Rows</th>
                <th scope="col">Last updated</th>
                {editor ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.datasets.map((d) => (
                <tr>
                  <th scope="row">
                    {editor ? (
                      <a href={`/staff/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>
                    ) : (
                      <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>
                    )}
                    <br />
                    <code>{d.id}</code>
                  </th>
                  <td>{d.department.name}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td>{accessLabel(d.access_level)}</td>
                  <td>{d.kind === 'sensor' ? 'Live' : f.number(d.row_count)}</td>
                  <td>{f.dateTime(lastUpdated(d))}</td>
                  {editor ? (
                    <td>
                      <Actions d={d} csrf={props.staff.csrf} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}
