/** One dataset as its stewards manage it: its state, what can be done next, and its recent imports. */
import type { Dataset } from '../../../catalog/catalog.schema.js';
import type { Formatter } from '../../format.js';
import { h, type SafeHtml } from '../../html.js';
import { accessLabel, StatusBadge } from './dashboard.js';
import { Csrf } from './fields.js';
import { StaffFrame, type Notice, type StaffInfo } from './frame.js';

export interface ImportRow {
  id: string;
  fileName: string | null;
  mode: string;
  status: string;
  startedAt: string;
  rowsWritten: number;
  rowsSkipped: number;
  error: string | null;
}

export function DatasetOverviewPage(props: {
  staff: StaffInfo;
  dataset: Dataset;
  imports: readonly ImportRow[];
  format: Formatter;
  notice?: Notice | undefined;
}): SafeHtml {
  const d = props.dataset;
  const f = props.format;
  const base = `/staff/datasets/${encodeURIComponent(d.id)}`;
  const hasData = d.kind === 'sensor' || d.row_count !== null;
  return (
    <StaffFrame staff={props.staff} title={d.title} notice={props.notice}>
      <h1>{d.title}</h1>
      <p>
        <StatusBadge status={d.status} /> <span class="badge">{accessLabel(d.access_level)}</span>{' '}
        <span class="meta">
          {d.department.name} · <code>{d.id}</code>
        </span>
      </p>
      <div class="metadata">
        <dl>
          <div class="kv">
            <dt>Rows</dt>
            <dd>{d.kind === 'sensor' ? 'Live sensor data' : f.number(d.row_count)}</dd>
          </div>
          <div class="kv">
            <dt>Data last updated</dt>
            <dd>{f.dateTime(d.data_updated_at)}</dd>
          </div>
          <div class="kv">
            <dt>Metadata last updated</dt>
            <dd>{f.dateTime(d.metadata_updated_at)}</dd>
          </div>
          <div class="kv">
            <dt>Public page</dt>
            <dd>
              <a href={`/datasets/${encodeURIComponent(d.id)}`}>/datasets/{d.id}</a>
              {d.status === 'published' ? '' : ' (only staff of the department see it until it is published)'}
            </dd>
          </div>
        </dl>
      </div>
      <h2>What you can do</h2>
      <ul>
        <li>
          <a href={`${base}/edit`}>Edit the metadata</a>: title, description, keywords, steward, licence,
          access level.
        </li>
        {d.kind === 'table' ? (
          <li>
            <a href={`${base}/data`}>{d.row_count === null ? 'Upload the data' : 'Replace the data'}</a> with
            a new CSV or GeoJSON file, after a preview.
          </li>
        ) : null}
        {d.status === 'published' ? (
          <li>
            <a href={`${base}/unpublish`}>Unpublish the dataset</a>: it leaves the portal and the APIs until
            you republish it.
          </li>
        ) : hasData ? (
          <li>
            <form method="post" action={`${base}/publish`} class="inline-form">
              <Csrf token={props.staff.csrf} />
              <button type="submit">
                {d.status === 'unpublished' ? 'Republish the dataset' : 'Publish the dataset'}
              </button>
            </form>
          </li>
        ) : (
          <li>Upload its data to publish the dataset.</li>
        )}
      </ul>
      <h2 id="imports-heading">Recent imports</h2>
      {props.imports.length === 0 ? (
        <p>No data has been imported yet.</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="imports-heading">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">File</th>
                <th scope="col">Mode</th>
                <th scope="col">Result</th>
                <th scope="col">Rows imported</th>
                <th scope="col">Rows skipped</th>
              </tr>
            </thead>
            <tbody>
              {props.imports.map((i) => (
                <tr>
                  <td>{f.dateTime(i.startedAt)}</td>
                  <td>{i.fileName ?? '—'}</td>
                  <td>{i.mode}</td>
                  <td>
                    {i.status === 'succeeded' ? 'Succeeded' : i.status === 'running' ? 'Running' : 'Failed'}
                    {i.error ? `: ${i.error}` : ''}
                  </td>
                  <td>{f.number(i.rowsWritten)}</td>
                  <td>{f.number(i.rowsSkipped)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffFrame>
  );
}

export function UnpublishPage(props: {
  staff: StaffInfo;
  dataset: Dataset;
  reason: string;
  error?: string | undefined;
}): SafeHtml {
  const d = props.dataset;
  const base = `/staff/datasets/${encodeURIComponent(d.id)}`;
  const title = `Unpublish “${d.title}”`;
  return (
    <StaffFrame staff={props.staff} title={props.error ? `Error: ${title}` : title}>
      <h1>{title}</h1>
      <div class="alert alert-warn">
        <p>
          Unpublishing takes the dataset off the portal, the catalog feeds and every API at once: its page and
          its downloads answer “not found”, and applications that read it stop working. Its data and metadata
          are kept, and you can republish it from the staff console.
        </p>
      </div>
      <form method="post" action={`${base}/unpublish`} class="form" novalidate>
        <Csrf token={props.staff.csrf} />
        <div class={props.error ? 'field field-error' : 'field'}>
          <label for="reason">Why is it unpublished?</label>
          <span class="hint" id="reason-hint">
            Kept in the audit log, for the people who ask later.
          </span>
          {props.error ? (
            <span class="error-message" id="reason-error">
              <span class="visually-hidden">Error: </span>
              {props.error}
            </span>
          ) : null}
          <textarea
            id="reason"
            name="reason"
            rows={4}
            required
            aria-describedby={props.error ? 'reason-hint reason-error' : 'reason-hint'}
            aria-invalid={props.error ? 'true' : undefined}
          >
            {props.reason}
          </textarea>
        </div>
        <p>
          <button type="submit" class="button-danger">
            Unpublish the dataset
          </button>{' '}
          <a href={base}>Cancel</a>
        </p>
      </form>
    </StaffFrame>
  );
}
