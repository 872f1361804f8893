/**
 * Downloads (each format with what it suits, its row count, and the licence to honour) and the two ways to
 * reach the steward: report a problem (the dataset's report form, with the open public reports listed below it)
 * and ask for data that is not published (the records desk's form).
 */
import type { Dataset, Distribution } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import type { ReportSummary } from '../../desk/reports/reports.types.js';

function formatNote(site: SiteInfo, x: Distribution): string {
  const t = site.t.dataset;
  const path = x.url.slice(x.url.lastIndexOf('/') + 1);
  switch (path) {
    case 'rows.csv':
      return t.formatCsv;
    case 'rows.json':
      return t.formatJson;
    case 'rows.ndjson':
      return t.formatNdjson;
    case 'rows.geojson':
      return t.formatGeojson;
    case 'latest':
      return t.formatLatest;
    case 'latest.geojson':
      return t.formatLatestGeojson;
    case 'observations.csv':
      return t.formatObservations;
    default:
      return x.title;
  }
}

/** The licence and the attribution that every reuse must carry. */
export function LicenceReminder(props: { site: SiteInfo; dataset: Dataset }): SafeHtml {
  const { site, dataset } = props;
  const t = site.t.dataset;
  const licence = dataset.license;
  return (
    <div class="usa-summary-box licence-reminder" role="region" aria-labelledby="licence-heading">
      <div class="usa-summary-box__body">
        <h3 class="usa-summary-box__heading" id="licence-heading">
          {t.licenceHeading}
        </h3>
        <div class="usa-summary-box__text">
          <p>
            {t.licenceReminder}{' '}
            {licence.url ? (
              <a href={licence.url} rel="license">
                {licence.title}
              </a>
            ) : (
              licence.title
            )}
            .
          </p>
          {licence.attribution ? (
            <p>
              {t.attributionAsk} <q class="attribution">{licence.attribution}</q>
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function DownloadsSection(props: { site: SiteInfo; dataset: Dataset; readable: boolean }): SafeHtml {
  const { site, dataset, readable } = props;
  const t = site.t.dataset;
  const files = dataset.distributions.filter((x) => x.format !== 'API');
  const rows = dataset.kind !== 'sensor' && dataset.row_count !== null ? dataset.row_count : null;
  return (
    <section id="downloads" aria-labelledby="downloads-heading" class="dataset-section">
      <h2 id="downloads-heading">{t.downloadsHeading}</h2>
      {!readable ? (
        <p>
          {t.downloadsRestricted} <a href="#table">{t.howToGetAccess}</a>
        </p>
      ) : files.length === 0 ? (
        <p>{t.noDownloads}</p>
      ) : (
        <ul class="downloads usa-list usa-list--unstyled">
          {files.map((x) => (
            <li>
              <a href={x.url} type={x.mediaType} class="download-link">
                {x.format}
              </a>{' '}
              <span class="download-note">
                {formatNote(site, x)}
                {rows !== null ? ` · ${t.rowCount(rows, site.format.number(rows))}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <LicenceReminder site={site} dataset={dataset} />
    </section>
  );
}

export function FeedbackSection(props: {
  site: SiteInfo;
  dataset: Dataset;
  /** Open public problem reports of the dataset (only given when its data is public). */
  openReports?: { total: number; results: readonly ReportSummary[] } | undefined;
}): SafeHtml {
  const { site, dataset } = props;
  const t = site.t.dataset;
  const r = site.t.reports;
  const id = encodeURIComponent(dataset.id);
  const open = props.openReports;
  return (
    <section id="feedback" aria-labelledby="feedback-heading" class="dataset-section">
      <h2 id="feedback-heading">{t.feedbackHeading}</h2>
      <ul class="feedback-links usa-list usa-list--unstyled">
        <li>
          <a class="usa-button usa-button--outline" href={`/datasets/${id}/report`}>
            {t.reportProblem}
          </a>
        </li>
        <li>
          <a
            class="usa-button usa-button--outline"
            href={`/records?department=${encodeURIComponent(dataset.department.id)}`}
          >
            {t.requestData}
          </a>
        </li>
      </ul>
      <p>
        <>{r.feedbackNote(dataset.steward.name)}</>
      </p>
      {open && open.results.length > 0 ? (
        <div class="reports-open" id="open-reports">
          <h3 id="open-reports-heading">{r.openReportsHeading}</h3>
          <ul class="usa-list usa-list--unstyled reports-open__list" aria-labelledby="open-reports-heading">
            {open.results.map((report) => (
              <li>
                <a href={`/reports/${encodeURIComponent(report.number)}`}>{report.number}</a>:{' '}
                {r.openReportLine(r.kindLabel(report.kind), r.statusLabel(report.status))}
                {report.datastream ? <span class="reports-sensor">{report.datastream.name}</span> : null}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/reports?dataset=${id}`}>{r.allReportsOfDataset}</a>
          </p>
        </div>
      ) : null}
    </section>
  );
}
