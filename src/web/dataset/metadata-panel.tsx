/** The metadata panel (when, who, what licence, where and when the data covers) and the schema of the columns. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import { bboxWords, frequencyWords, temporalWords } from './describe.js';

function Row(props: { label: string; children?: unknown }): SafeHtml {
  return (
    <div class="kv">
      <dt>{props.label}</dt>
      <dd>{props.children as SafeHtml}</dd>
    </div>
  );
}

/** A column type in words. */
export function typeName(site: SiteInfo, type: string): string {
  const t = site.t.dataset;
  switch (type) {
    case 'text':
      return t.typeText;
    case 'number':
      return t.typeNumber;
    case 'boolean':
      return t.typeBoolean;
    case 'date':
      return t.typeDate;
    case 'timestamp':
      return t.typeTimestamp;
    case 'geometry':
      return t.typeGeometry;
    default:
      return type;
  }
}

export function MetadataPanel(props: { site: SiteInfo; dataset: Dataset; datastreams?: number }): SafeHtml {
  const { site, dataset: d } = props;
  const t = site.t.dataset;
  const f = site.format;
  const temporal = temporalWords(site, d.temporal);
  return (
    <aside aria-labelledby="metadata-heading" class="metadata">
      <h2 id="metadata-heading">{t.metadataHeading}</h2>
      <dl>
        <Row label={t.updateFrequency}>{frequencyWords(site, d.update_frequency)}</Row>
        <Row label={t.dataUpdated}>{d.data_updated_at ? f.dateTime(d.data_updated_at) : t.noDataYet}</Row>
        <Row label={t.metadataUpdated}>{f.dateTime(d.metadata_updated_at)}</Row>
        <Row label={t.created}>{f.date(d.created_at)}</Row>
        <Row label={t.steward}>
          {d.steward.name}
          <br />
          <a href={`mailto:${d.steward.email}?subject=${encodeURIComponent(t.contactSubject(d.title))}`}>
            {d.steward.email}
          </a>
          {d.steward.phone ? (
            <>
              <br />
              <a href={`tel:${d.steward.phone.replace(/[^\d+]/g, '')}`}>{d.steward.phone}</a>
            </>
          ) : null}
        </Row>
        <Row label={t.licence}>
          {d.license.url ? (
            <a href={d.license.url} rel="license">
              {d.license.title}
            </a>
          ) : (
            d.license.title
          )}
          {d.license.attribution ? (
            <span class="attribution-line">
              {t.attribution}: <q>{d.license.attribution}</q>
            </span>
          ) : null}
        </Row>
        <Row label={t.spatialCoverage}>{d.spatial ? bboxWords(site, d.spatial) : t.notGiven}</Row>
        <Row label={t.temporalCoverage}>{temporal ?? t.notGiven}</Row>
        {d.kind === 'sensor' ? (
          props.datastreams !== undefined ? (
            <Row label={t.datastreams}>{f.number(props.datastreams)}</Row>
          ) : null
        ) : (
          <Row label={t.rows}>{d.row_count === null ? t.noDataYet : f.number(d.row_count)}</Row>
        )}
        {d.geometry_type ? <Row label={t.geometry}>{d.geometry_type}</Row> : null}
        {d.keywords.length > 0 ? (
          <Row label={t.keywords}>
            <ul class="keyword-list">
              {d.keywords.map((k) => (
                <li>
                  <a href={`/datasets?keyword=${encodeURIComponent(k)}`}>{k}</a>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        <Row label={t.identifier}>
          <code>{d.id}</code>
        </Row>
        <Row label={t.apiEndpoint}>
          <a href={`/api/v1/datasets/${encodeURIComponent(d.id)}`}>
            <code>/api/v1/datasets/{d.id}</code>
          </a>
        </Row>
      </dl>
    </aside>
  );
}

export function SchemaSection(props: { site: SiteInfo; dataset: Dataset }): SafeHtml {
  const { site, dataset: d } = props;
  const t = site.t.dataset;
  return (
    <section id="columns" aria-labelledby="columns-heading" class="dataset-section">
      <h2 id="columns-heading">{t.columnsHeading}</h2>
      {d.columns.length === 0 ? (
        <p>{d.kind === 'sensor' ? t.sensorNoColumns : t.noColumns}</p>
      ) : (
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="columns-caption">
          <table class="usa-table usa-table--borderless schema-table">
            <caption id="columns-caption">{t.columnsCaption(d.title, d.columns.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnName}</th>
                <th scope="col">{t.fieldName}</th>
                <th scope="col">{t.columnType}</th>
                <th scope="col">{t.columnDescription}</th>
                <th scope="col">{t.columnUnit}</th>
              </tr>
            </thead>
            <tbody>
              {d.columns.map((c) => (
                <tr>
                  <th scope="row">{c.name}</th>
                  <td>
                    <code>{c.field}</code>
                  </td>
                  <td>{typeName(site, c.type)}</td>
                  <td>{c.description}</td>
                  <td>{c.unit ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
