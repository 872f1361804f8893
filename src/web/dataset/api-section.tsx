/**
 * The API section: every address that serves this dataset (native query, row downloads, SODA, or the sensor
 * APIs and SensorThings for sensor datasets), and copyable examples in four languages. The examples are
 * `<details>` sharing one name, so that they behave as tabs without JavaScript; the copy island adds a button.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import type { JsonValue } from '../../query/decode.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import { exampleQuery, examplesFor, type ExampleLanguage } from './api-examples.js';
import type { LatestReading } from './latest-readings.js';

const LANGUAGE_NAMES: Record<ExampleLanguage, string> = {
  curl: 'curl',
  javascript: 'JavaScript (fetch)',
  python: 'Python (requests)',
  r: 'R (httr2)',
};

interface Endpoint {
  label: string;
  url: string;
}

function tableEndpoints(site: SiteInfo, dataset: Dataset, api: string): Endpoint[] {
  const t = site.t.dataset;
  const id = encodeURIComponent(dataset.id);
  const rows = ['csv', 'json', 'ndjson', ...(dataset.geometry_type ? ['geojson'] : [])];
  return [
    { label: t.apiQuery, url: `${api}/query` },
    ...rows.map((format) => ({ label: t.apiRows(format.toUpperCase()), url: `${api}/rows.${format}` })),
    { label: t.apiSoda, url: `${site.publicUrl}/resource/${id}.json` },
    { label: t.apiMetadata, url: api },
  ];
}

function sensorEndpoints(
  site: SiteInfo,
  dataset: Dataset,
  api: string,
  latest: readonly LatestReading[],
): Endpoint[] {
  const t = site.t.dataset;
  const origin = site.publicUrl;
  const stream = latest[0];
  return [
    { label: t.apiLatest, url: `${api}/latest` },
    { label: t.apiLatestGeojson, url: `${api}/latest.geojson` },
    { label: t.apiObservationsCsv, url: `${api}/observations.csv` },
    { label: t.apiLive, url: `${origin}/api/v1/live?dataset=${encodeURIComponent(dataset.id)}` },
    ...(stream
      ? [
          {
            label: t.apiSeries(stream.name),
            url: `${origin}/api/v1/datastreams/${stream.id}/series?interval=1h`,
          },
          {
            label: t.apiStaDatastreams(stream.thing.name),
            url: `${origin}/sta/v1.1/Things(${stream.thing.id})/Datastreams`,
          },
          {
            label: t.apiStaObservations(stream.name),
            url: `${origin}/sta/v1.1/Datastreams(${stream.id})/Observations?$top=10&$orderby=phenomenonTime desc`,
          },
        ]
      : [{ label: t.apiSta, url: `${origin}/sta/v1.1/Things` }]),
    { label: t.apiMetadata, url: api },
  ];
}

export function ApiSection(props: {
  site: SiteInfo;
  dataset: Dataset;
  readable: boolean;
  /** Rows of the table preview, for real values in the examples. */
  rows?: readonly (readonly JsonValue[])[] | undefined;
  latest?: readonly LatestReading[] | undefined;
}): SafeHtml {
  const { site, dataset, readable } = props;
  const t = site.t.dataset;
  const api = `${site.publicUrl}/api/v1/datasets/${encodeURIComponent(dataset.id)}`;
  const sensor = dataset.kind === 'sensor';
  const endpoints = sensor
    ? sensorEndpoints(site, dataset, api, props.latest ?? [])
    : tableEndpoints(site, dataset, api);
  const examples = sensor
    ? examplesFor({ url: `${api}/latest`, params: [], key: !readable, answer: 'latest' })
    : examplesFor({
        url: `${api}/query`,
        params: exampleQuery(dataset.columns, props.rows ?? []),
        key: !readable,
        answer: 'rows',
      });
  return (
    <section id="api" aria-labelledby="api-heading" class="dataset-section">
      <h2 id="api-heading">{t.apiHeading}</h2>
      <p>{sensor ? t.apiIntroSensor : t.apiIntroTable}</p>
      {dataset.access_level !== 'public' ? <p>{t.apiKeyNeeded}</p> : null}
      <dl class="endpoints">
        {endpoints.map((e) => (
          <div class="endpoint">
            <dt>{e.label}</dt>
            <dd>
              <code>{e.url}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h3 id="api-examples-heading">{t.examplesHeading}</h3>
      <p>{sensor ? t.examplesIntroSensor : t.examplesIntroTable}</p>
      <div
        class="api-examples"
        data-copy-label={t.copy}
        data-copied-label={t.copied}
        data-copy-failed-label={t.copyFailed}
      >
        {examples.map((example, i) => (
          <details class="api-example" name="api-example" open={i === 0}>
            <summary>{LANGUAGE_NAMES[example.language]}</summary>
            <pre data-copy tabindex="0">
              <code>{example.code}</code>
            </pre>
          </details>
        ))}
      </div>
      <p class="api-guides">
        {sensor ? (
          <>
            <a href="/docs/sensorthings">{t.guideSensorThings}</a> · <a href="/docs/api">{t.guideApi}</a>
          </>
        ) : (
          <>
            <a href="/docs/query-language">{t.guideQuery}</a> · <a href="/docs/api">{t.guideApi}</a>
          </>
        )}{' '}
        · <a href="/api/docs">{site.t.common.apiReference}</a> · <a href="/docs/api-keys">{t.guideKeys}</a>
      </p>
    </section>
  );
}
