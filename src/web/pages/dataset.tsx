import type { Dataset } from '../../catalog/catalog.schema.js';
import { describeFrequency } from '../../catalog/metadata-rules.js';
import type { Formatter } from '../format.js';
import { h, Fragment, type SafeHtml } from '../html.js';
import { renderMarkdown, summary } from '../markdown.js';
import { LatestReadings, type LatestReading } from './latest-readings.js';
import { Layout, type SiteInfo } from './layout.js';

export interface DatasetModel {
  site: SiteInfo;
  dataset: Dataset;
  format: Formatter;
  /** Whether the rows can be downloaded by this viewer. */
  downloadable: boolean;
  /** For a sensor dataset the viewer may read: the latest value of each datastream. */
  latest?: readonly LatestReading[];
}

const TYPE_NAMES: Record<string, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'True/false',
  date: 'Date',
  timestamp: 'Date and time (UTC)',
  geometry: 'Geometry',
};

function Row(props: { label: string; children?: unknown }): SafeHtml {
  return (
    <div class="kv">
      <dt>{props.label}</dt>
      <dd>{props.children as SafeHtml}</dd>
    </div>
  );
}

/** One dataset: description, metadata, schema and downloads. */
export function DatasetPage(model: DatasetModel): SafeHtml {
  const d = model.dataset;
  const f = model.format;
  const spatial = d.spatial ? d.spatial.map((n) => n.toFixed(4)).join(', ') : '—';
  const temporal = d.temporal
    ? `${f.date(d.temporal.start)} to ${d.temporal.end ? f.date(d.temporal.end) : 'present'}`
    : '—';
  return (
    <Layout site={model.site} title={d.title} description={summary(d.description, 160)}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/">Datasets</a> ›{' '}
        <a href={`/?category=${encodeURIComponent(d.category.id)}`}>{d.category.title}</a>
      </nav>
      <h1>{d.title}</h1>
      <p class="meta">
        Published by <a href={`/?department=${encodeURIComponent(d.department.id)}`}>{d.department.name}</a>
      </p>
      <p class="badges">
        <span class={`badge ${d.access_level === 'public' ? 'badge-ok' : 'badge-warn'}`}>
          {d.access_level === 'public'
            ? 'Public'
            : d.access_level === 'restricted'
              ? 'Restricted'
              : 'Non-public'}
        </span>
        <span class="badge">{d.license.id}</span>
        <span class="badge">Updated {describeFrequency(d.update_frequency)}</span>
        {d.status !== 'published' ? <span class="badge badge-warn">{d.status}</span> : null}
      </p>
      <div class="dataset-grid">
        <div>
          <section aria-labelledby="about" class="description">
            <h2 id="about">About this dataset</h2>
            {renderMarkdown(d.description)}
          </section>
          {model.latest ? (
            <LatestReadings datasetId={d.id} title={d.title} readings={model.latest} format={f} />
          ) : null}
          <section aria-labelledby="schema">
            <h2 id="schema">Columns</h2>
            {d.columns.length === 0 ? (
              <p>
                {d.kind === 'sensor'
                  ? 'This dataset is a sensor feed: its data are observations, read through the sensor APIs below.'
                  : 'This dataset has no tabular data yet.'}
              </p>
            ) : (
              <div class="table-scroll">
                <table>
                  <caption class="visually-hidden">Columns of {d.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Field name</th>
                      <th scope="col">Type</th>
                      <th scope="col">Description</th>
                      <th scope="col">Unit</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.columns.map((c) => (
                      <tr>
                        <th scope="row">{c.name}</th>
                        <td>
                          <code>{c.field}</code>
                        </td>
                        <td>{TYPE_NAMES[c.type] ?? c.type}</td>
                        <td>{c.description}</td>
                        <td>{c.unit ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="downloads">
            <h2 id="downloads">Downloads</h2>
            {!model.downloadable ? (
              <p>
                The rows of this dataset are restricted: {d.department.name} decides who reads them.{' '}
                <a href={`/access/request?dataset=${encodeURIComponent(d.id)}`}>Request access</a>, stating
                your purpose, or contact the steward below.
              </p>
            ) : d.distributions.length === 0 ? (
              <p>No downloads yet: the data behind this dataset has not been published.</p>
            ) : (
              <ul class="downloads">
                {d.distributions.map((x) => (
                  <li>
                    <a href={x.url} type={x.mediaType}>
                      {x.format}
                    </a>{' '}
                    <span class="meta">
                      {x.title}
                      {x.format !== 'API' && d.row_count !== null ? ` · ${f.number(d.row_count)} rows` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p class="licence-note">
              Licence:{' '}
              <a href={d.license.url} rel="license">
                {d.license.title}
              </a>
              .{d.license.attribution ? ` Attribution: ${d.license.attribution}` : ''}
            </p>
          </section>
        </div>
        <aside aria-labelledby="metadata" class="metadata">
          <h2 id="metadata">Metadata</h2>
          <dl>
            <Row label="Update frequency">{describeFrequency(d.update_frequency)}</Row>
            <Row label="Data last updated">{f.dateTime(d.data_updated_at)}</Row>
            <Row label="Metadata last updated">{f.dateTime(d.metadata_updated_at)}</Row>
            <Row label="Created">{f.date(d.created_at)}</Row>
            <Row label="Rows">{f.number(d.row_count)}</Row>
            <Row label="Geometry">{d.geometry_type ?? 'None'}</Row>
            <Row label="Spatial coverage">{spatial}</Row>
            <Row label="Temporal coverage">{temporal}</Row>
            <Row label="Steward">
              {d.steward.name}
              <br />
              <a
                href={`mailto:${d.steward.email}?subject=${encodeURIComponent(`About the dataset "${d.title}"`)}`}
              >
                {d.steward.email}
              </a>
              {d.steward.phone ? (
                <>
                  <br />
                  <a href={`tel:${d.steward.phone.replace(/[^\d+]/g, '')}`}>{d.steward.phone}</a>
                </>
              ) : null}
            </Row>
            <Row label="Keywords">{d.keywords.join(', ')}</Row>
            <Row label="Identifier">
              <code>{d.id}</code>
            </Row>
            <Row label="Metadata API">
              <a href={`/api/v1/datasets/${d.id}`}>JSON</a>
            </Row>
          </dl>
        </aside>
      </div>
    </Layout>
  );
}
