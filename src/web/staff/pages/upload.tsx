/** Uploading a dataset's data: the file form, then the preview with its Publish button. */
import type { Dataset } from '../../../catalog/catalog.schema.js';
import type { Formatter } from '../../format.js';
import { Fragment, h, type SafeHtml } from '../../html.js';
import type { UploadPreview } from '../upload/preview.js';
import { Csrf } from './fields.js';
import { StaffFrame, type Notice, type StaffInfo } from './frame.js';

const TYPE_NAMES: Record<string, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'True/false',
  date: 'Date',
  timestamp: 'Date and time',
  geometry: 'Geometry',
};

export function UploadPage(props: {
  staff: StaffInfo;
  dataset: Dataset;
  error?: string | undefined;
  maxBytes: number;
  format: Formatter;
  notice?: Notice | undefined;
}): SafeHtml {
  const d = props.dataset;
  const base = `/staff/datasets/${encodeURIComponent(d.id)}`;
  const replacing = d.row_count !== null;
  const title = replacing ? `Replace the data of “${d.title}”` : `Upload the data of “${d.title}”`;
  return (
    <StaffFrame staff={props.staff} title={props.error ? `Error: ${title}` : title} notice={props.notice}>
      <h1>{title}</h1>
      {replacing ? (
        <p>
          The file you upload replaces all {props.format.number(d.row_count)} rows. Readers keep the current
          data until the new data is published, and nothing changes if the import fails.
        </p>
      ) : (
        <p>Upload the file with the dataset's rows. You will see a preview before anything is published.</p>
      )}
      {props.error ? (
        <div class="alert alert-error" role="alert" aria-labelledby="upload-error-title">
          <h2 id="upload-error-title">The file was not accepted</h2>
          <p>{props.error}</p>
        </div>
      ) : null}
      <form method="post" action={`${base}/data`} enctype="multipart/form-data" class="form">
        <Csrf token={props.staff.csrf} />
        <div class={props.error ? 'field field-error' : 'field'}>
          <label for="file">Data file</label>
          <span class="hint" id="file-hint">
            CSV with a header row (.csv), GeoJSON (.geojson, .json) or newline-delimited GeoJSON (.ndjson), up
            to {props.format.bytes(props.maxBytes)}. Columns named latitude and longitude become map points.
          </span>
          <input
            type="file"
            id="file"
            name="file"
            required
            accept=".csv,.txt,.tsv,.geojson,.json,.ndjson,.jsonl,.geojsonl,text/csv,application/geo+json"
            aria-describedby="file-hint"
          />
        </div>
        <div class="field">
          <label for="encoding">Text encoding of a CSV file</label>
          <span class="hint" id="encoding-hint">
            Files saved by most tools are UTF-8; older Windows spreadsheets write Latin-1.
          </span>
          <select id="encoding" name="encoding" aria-describedby="encoding-hint">
            <option value="utf8" selected>
              UTF-8
            </option>
            <option value="latin1">Latin-1 (Windows-1252)</option>
          </select>
        </div>
        <p>
          <button type="submit">Upload and preview</button> <a href={base}>Cancel</a>
        </p>
      </form>
    </StaffFrame>
  );
}

export function PreviewPage(props: {
  staff: StaffInfo;
  dataset: Dataset;
  preview: UploadPreview;
  token: string;
  fileName: string;
  format: Formatter;
}): SafeHtml {
  const d = props.dataset;
  const p = props.preview;
  const f = props.format;
  const base = `/staff/datasets/${encodeURIComponent(d.id)}`;
  const bad = p.rowsRead - p.importable;
  const published = d.status === 'published';
  const title = `Preview of ${props.fileName}`;
  return (
    <StaffFrame staff={props.staff} title={title}>
      <h1>{title}</h1>
      <p>
        For <a href={base}>{d.title}</a>. Nothing is published yet: check the columns, their types and the
        rows below, then publish.
      </p>
      <div class={`alert ${p.problemCount > 0 ? 'alert-warn' : 'alert-ok'}`} role="status">
        <p>
          {f.number(p.rowsRead)} {p.rowsRead === 1 ? 'row' : 'rows'} read; {f.number(p.importable)} will be
          imported.
          {p.problemCount > 0
            ? ` ${f.number(bad)} ${bad === 1 ? 'row has' : 'rows have'} problems (listed below) and will be left out.`
            : ' No row has a problem.'}
        </p>
      </div>

      <h2 id="columns-heading">Columns</h2>
      <div class="table-scroll">
        <table aria-labelledby="columns-heading">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Field name</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {p.columns.map((c) => (
              <tr>
                <th scope="row">{c.name}</th>
                <td>
                  <code>{c.field}</code>
                </td>
                <td>
                  {TYPE_NAMES[c.type] ?? c.type}
                  {c.type === 'geometry' && p.geometryType ? ` (${p.geometryType})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.warnings.length > 0 ? (
        <>
          <h3>Renamed columns</h3>
          <ul>
            {p.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 id="sample-heading">First rows</h2>
      {p.sample.rows.length === 0 ? (
        <p>No row of the file can be imported.</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="sample-heading">
            <thead>
              <tr>
                <th scope="col">Line</th>
                {p.sample.header.map((name) => (
                  <th scope="col">{name}</th>
                ))}
                {p.format === 'csv' ? null : <th scope="col">Geometry</th>}
              </tr>
            </thead>
            <tbody>
              {p.sample.rows.map((row) => (
                <tr>
                  <td>{row.line}</td>
                  {row.cells.map((cell) => (
                    <td>{cell.length > 120 ? `${cell.slice(0, 119)}…` : cell}</td>
                  ))}
                  {p.format === 'csv' ? null : <td>{row.geometry ?? '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {p.problemCount > 0 ? (
        <>
          <h2 id="problems-heading">Rows with problems</h2>
          <p>
            {p.problemCount > p.problems.length
              ? `The first ${p.problems.length} of ${f.number(p.problemCount)} problems.`
              : `${p.problemCount} ${p.problemCount === 1 ? 'problem' : 'problems'}.`}{' '}
            Fix them in the file and upload it again, or publish without these rows.
          </p>
          <div class="table-scroll">
            <table aria-labelledby="problems-heading" class="row-problems">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {p.problems.map((x) => (
                  <tr>
                    <td>{x.line}</td>
                    <td>{x.column ?? '—'}</td>
                    <td>{x.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h2>Publish</h2>
      {p.importable === 0 ? (
        <p>
          No row can be imported: fix the file and <a href={`${base}/data`}>upload it again</a>.
        </p>
      ) : (
        <>
          <form method="post" action={`${base}/data/publish`} class="form">
            <Csrf token={props.staff.csrf} />
            <input type="hidden" name="upload" value={props.token} />
            <p>
              {published
                ? 'Publishing replaces the data readers see now, in one step.'
                : 'Publishing puts the dataset and its data on the portal and in the APIs.'}
            </p>
            <p>
              <button type="submit" name="publish" value="yes">
                {published ? 'Publish the new data' : 'Publish'}
              </button>{' '}
              {published ? null : (
                <button type="submit" name="publish" value="no" class="button-secondary">
                  Save the data without publishing
                </button>
              )}
            </p>
          </form>
          <form method="post" action={`${base}/data/discard`} class="inline-form">
            <Csrf token={props.staff.csrf} />
            <input type="hidden" name="upload" value={props.token} />
            <button type="submit" class="link-button">
              Discard this upload
            </button>
          </form>
        </>
      )}
    </StaffFrame>
  );
}
