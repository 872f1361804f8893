/**
 * A dataset's page: header, description and metadata, then the data (a table preview, or the latest sensor
 * readings), the map and chart where they apply, the columns, downloads, API and the ways to reach the steward.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { h, type SafeHtml } from '../html.js';
import { renderMarkdown, summary } from '../markdown.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import { ApiSection } from './api-section.js';
import { chartAssets, ChartSection } from './chart-section.js';
import { DatasetHeader } from './dataset-header.js';
import type { DatasetView } from './dataset-model.js';
import { DownloadsSection, FeedbackSection } from './downloads-section.js';
import { datasetJsonLd } from './json-ld.js';
import { LatestReadings } from './latest-readings.js';
import { mapAssets, MapSection } from './map-section.js';
import { MetadataPanel, SchemaSection } from './metadata-panel.js';
import { TableView } from './table-view.js';

export interface DatasetPageModel extends DatasetView {
  site: SiteInfo;
  /** False for a table or chart state other than the default (pages, sorts, filters): not for search engines. */
  indexable?: boolean;
}

/** What to say instead of rows the visitor may not read, with the way to ask for them. */
export function RestrictedNotice(props: { site: SiteInfo; dataset: Dataset }): SafeHtml {
  const { site, dataset } = props;
  const t = site.t.dataset;
  return (
    <div class="usa-alert usa-alert--info restricted-notice">
      <div class="usa-alert__body">
        <h3 class="usa-alert__heading">{t.restrictedHeading}</h3>
        <p class="usa-alert__text">{t.restrictedText(dataset.department.name)}</p>
        <p class="usa-alert__text">
          <a class="usa-button" href={`/access/request?dataset=${encodeURIComponent(dataset.id)}`}>
            {t.requestAccess}
          </a>
        </p>
      </div>
    </div>
  );
}

function DataSection(props: DatasetPageModel): SafeHtml {
  const { site, dataset, readable } = props;
  const t = site.t.dataset;
  if (dataset.kind === 'sensor') {
    return (
      <section id="latest" aria-labelledby="latest-heading" class="dataset-section">
        <h2 id="latest-heading">{t.latestHeading}</h2>
        {readable ? (
          <LatestReadings
            site={site}
            datasetId={dataset.id}
            title={dataset.title}
            readings={props.latest ?? []}
          />
        ) : (
          <RestrictedNotice site={site} dataset={dataset} />
        )}
      </section>
    );
  }
  return (
    <section id="table" aria-labelledby="table-heading" class="dataset-section">
      <h2 id="table-heading">{t.tableHeading}</h2>
      {!readable ? (
        <RestrictedNotice site={site} dataset={dataset} />
      ) : props.table ? (
        <TableView site={site} dataset={dataset} preview={props.table} />
      ) : (
        <p>{t.noTableYet}</p>
      )}
    </section>
  );
}

export function DatasetPage(model: DatasetPageModel): SafeHtml {
  const { site, dataset: d, readable } = model;
  const t = site.t.dataset;
  const sensor = d.kind === 'sensor';
  const showMap = readable && d.geometry_type !== null;
  const showChart = readable && sensor;
  const map = showMap ? mapAssets(d) : { islands: [], styles: [] };
  const chart = showChart ? chartAssets(d) : { islands: [], styles: [] };
  const contents: [string, string][] = [
    ['about', t.aboutHeading],
    sensor ? ['latest', t.latestHeading] : ['table', t.tableHeading],
    ...(showMap ? [['map', site.t.map.title] as [string, string]] : []),
    ...(showChart ? [['chart', site.t.chart.title] as [string, string]] : []),
    ['columns', t.columnsHeading],
    ['downloads', t.downloadsHeading],
    ['api', t.apiHeading],
    ['feedback', t.feedbackHeading],
  ];
  const islands = [...map.islands, ...chart.islands, ...(model.table ? ['table'] : []), 'copy'];
  const siteTitle = site.t.common.siteTitle(site.cityName);
  return (
    <Layout
      site={site}
      title={d.title}
      description={summary(d.description, 160)}
      section="datasets"
      islands={islands}
      styles={[...map.styles, ...chart.styles]}
      jsonLd={datasetJsonLd({ cityName: site.cityName, siteTitle, publicUrl: site.publicUrl }, d, readable)}
      ogType="article"
      index={model.indexable ?? true}
    >
      <DatasetHeader
        site={site}
        dataset={d}
        freshness={model.freshness}
        lastUpdate={model.lastUpdate}
        readable={readable}
        contents={contents}
      />
      <div class="dataset-grid">
        <section id="about" aria-labelledby="about-heading" class="description">
          <h2 id="about-heading">{t.aboutHeading}</h2>
          <div class="usa-prose">{renderMarkdown(d.description)}</div>
        </section>
        <MetadataPanel site={site} dataset={d} datastreams={model.latest?.length} />
      </div>
      <DataSection {...model} />
      {showMap ? <MapSection site={site} dataset={d} /> : null}
      {showChart ? <ChartSection site={site} dataset={d} datastreams={model.latest ?? []} /> : null}
      <SchemaSection site={site} dataset={d} />
      <DownloadsSection site={site} dataset={d} readable={readable} />
      <ApiSection
        site={site}
        dataset={d}
        readable={readable}
        rows={model.table?.rows}
        latest={model.latest}
      />
      <FeedbackSection site={site} dataset={d} openReports={model.openReports} />
    </Layout>
  );
}
