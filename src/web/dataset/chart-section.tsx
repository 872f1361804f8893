/**
 * The dataset page's chart (sensor datasets): a GET form to choose a numeric datastream, an interval and a
 * period, the download links of that series, and the places the chart island fills (the chart, a text summary
 * of minimum, maximum, mean and latest, and a data table). Without JavaScript the form and the links work.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { vendorUrl } from '../assets/vendor.js';
import {
  INTERVALS,
  PERIODS,
  range,
  readChoice,
  seriesUrl,
  type ChartChoice,
  type Interval,
  type Period,
} from '../client/_chart-choice.js';
import { badgeText, reportUrl, type Investigation } from '../client/_report-link.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { T } from '../i18n/index.js';
import { LANGUAGES } from '../i18n/lang.js';
import type { LatestReading } from '../pages/latest-readings.js';
import { jsonScript, type SiteInfo } from '../pages/layout.js';

type ChartText = T['chart'];

const INTERVAL_LABELS: Record<Interval, (t: ChartText) => string> = {
  '5m': (t) => t.i5m,
  '1h': (t) => t.i1h,
  '1d': (t) => t.i1d,
};
const PERIOD_LABELS: Record<Period, (t: ChartText) => string> = {
  '24h': (t) => t.p24h,
  '7d': (t) => t.p7d,
  '30d': (t) => t.p30d,
  '1y': (t) => t.p1y,
};

/** The datastreams worth a chart: those whose readings are numbers (or true/false), grouped by what they measure. */
export function chartable(datastreams: readonly LatestReading[]): Map<string, LatestReading[]> {
  const groups = new Map<string, LatestReading[]>();
  for (const d of datastreams) {
    if (typeof d.result !== 'number' && typeof d.result !== 'boolean') continue;
    const group = groups.get(d.observedProperty);
    if (group) group.push(d);
    else groups.set(d.observedProperty, [d]);
  }
  return groups;
}

const optionLabel = (d: LatestReading) => (d.unit ? `${d.name} (${d.unit})` : d.name);

/** The chosen sensor's badge (when a report names it) and its "Report a problem" link for the period shown. */
export function ChartReport(props: {
  site: SiteInfo;
  datasetId: string;
  choice: ChartChoice;
  investigation: Investigation | null | undefined;
  now: number;
}): SafeHtml {
  const r = props.site.t.reports;
  const { start, end } = range(props.choice.period, props.now);
  const inv = props.investigation;
  const text = inv ? badgeText(r.underInvestigation('{number}'), inv) : '';
  return (
    <div class="chart-report">
      <p class="reports-badge" data-chart-investigation="" hidden={inv ? undefined : true}>
        {inv?.url ? <a href={inv.url}>{text}</a> : text}
      </p>
      <p class="chart-report__link">
        <a
          href={reportUrl(props.datasetId, { datastream: props.choice.datastream, from: start, to: end })}
          data-chart-report=""
        >
          {r.reportSensor}
        </a>
      </p>
    </div>
  );
}

function ChoiceForm(props: {
  site: SiteInfo;
  dataset: Dataset;
  groups: Map<string, LatestReading[]>;
  choice: ChartChoice;
}): SafeHtml {
  const { site, choice } = props;
  const t = site.t.chart;
  return (
    <form method="get" action={`/datasets/${encodeURIComponent(props.dataset.id)}#chart`} class="chart-form">
      <div class="chart-field chart-field--series">
        <label class="usa-label" for="chart-stream">
          {t.series}
        </label>
        <select class="usa-select" id="chart-stream" name="chart_stream">
          {[...props.groups].map(([property, streams]) => (
            <optgroup label={property}>
              {streams.map((d) => (
                <option value={String(d.id)} selected={d.id === choice.datastream}>
                  {optionLabel(d)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="chart-field">
        <label class="usa-label" for="chart-interval">
          {t.interval}
        </label>
        <select class="usa-select" id="chart-interval" name="chart_interval">
          {INTERVALS.map((i) => (
            <option value={i} selected={i === choice.interval}>
              {INTERVAL_LABELS[i](t)}
            </option>
          ))}
        </select>
      </div>
      <div class="chart-field">
        <label class="usa-label" for="chart-period">
          {t.period}
        </label>
        <select class="usa-select" id="chart-period" name="chart_period">
          {PERIODS.map((p) => (
            <option value={p} selected={p === choice.period}>
              {PERIOD_LABELS[p](t)}
            </option>
          ))}
        </select>
      </div>
      <div class="chart-field">
        <button type="submit" class="usa-button">
          {t.show}
        </button>
      </div>
    </form>
  );
}

/** The dataset page's time-series chart of a chosen datastream (sensor datasets); see the chart island. */
export function ChartSection(props: {
  site: SiteInfo;
  dataset: Dataset;
  datastreams: readonly LatestReading[];
  /** False when the visitor may not read the dataset's data: the section says so instead. */
  readable?: boolean;
  /** The time the page is rendered at (tests pass a fixed one). */
  now?: number;
}): SafeHtml {
  const { site, dataset } = props;
  const t = site.t.chart;
  const heading = (
    <h2 id="chart-title" class="chart-title">
      {t.title}
    </h2>
  );
  const wrap = (children: SafeHtml) => (
    <section id="chart" class="chart-section" aria-labelledby="chart-title">
      {heading}
      {children}
    </section>
  );
  if (props.readable === false) return wrap(<p>{t.restricted}</p>);
  const groups = chartable(props.datastreams);
  const streams = [...groups.values()].flat();
  const query = new URLSearchParams(site.path.includes('?') ? site.path.slice(site.path.indexOf('?')) : '');
  const choice = readChoice(
    query,
    streams.map((d) => d.id),
  );
  if (!choice) return wrap(<p>{t.noSeries}</p>);
  const now = props.now ?? Date.now();
  const stream = streams.find((d) => d.id === choice.datastream)!;
  const config = {
    datastreams: Object.fromEntries(
      streams.map((d) => [d.id, { name: d.name, unit: d.unit, investigation: d.investigation ?? null }]),
    ),
    choice,
    dataset: dataset.id,
    locale: LANGUAGES[site.lang].locale,
    timeZone: site.timeZone,
    text: {
      chosen: t.chosen('{series}', '{interval}', '{period}'),
      intervals: Object.fromEntries(INTERVALS.map((i) => [i, INTERVAL_LABELS[i](t)])),
      periods: Object.fromEntries(PERIODS.map((p) => [p, PERIOD_LABELS[p](t)])),
      adjusted: t.adjusted,
      label: t.label('{series}'),
      loading: t.loading,
      noData: t.noData,
      failed: t.failed,
      summary: t.summary,
      tableCapped: t.tableCapped,
      caption: t.caption,
      colStart: t.colStart,
      colMean: t.colMean,
      colMin: t.colMin,
      colMax: t.colMax,
      colCount: t.colCount,
      investigation: site.t.reports.underInvestigation('{number}'),
    },
  };
  return wrap(
    <>
      <p>{t.intro}</p>
      <ChoiceForm site={site} dataset={dataset} groups={groups} choice={choice} />
      <p class="chart-chosen">
        {t.chosen(optionLabel(stream), INTERVAL_LABELS[choice.interval](t), PERIOD_LABELS[choice.period](t))}
        {choice.adjusted ? <> {t.adjusted}</> : null}
      </p>
      <ChartReport
        site={site}
        datasetId={dataset.id}
        choice={choice}
        investigation={stream.investigation}
        now={now}
      />
      <script type="application/json" id="chart-config">
        {jsonScript(config)}
      </script>
      <noscript>
        <p>{t.noJs}</p>
      </noscript>
      <div class="chart-frame" id="chart-frame" hidden>
        <p class="chart-summary" role="status">
          {t.loading}
        </p>
        <div
          class="chart-canvas"
          id="chart-canvas"
          role="img"
          aria-label={t.label(optionLabel(stream))}
        ></div>
        <ul class="usa-list--unstyled chart-legend">
          <li>
            <span class="chart-key chart-key--mean" aria-hidden="true"></span> {t.legendMean}
          </li>
          <li>
            <span class="chart-key chart-key--range" aria-hidden="true"></span> {t.legendRange}
          </li>
        </ul>
        <details class="chart-table">
          <summary>{t.dataTable}</summary>
          <div class="chart-table-body"></div>
        </details>
      </div>
      <p class="chart-links">
        {t.download} <a href={seriesUrl(choice, now, 'csv')}>{t.csv}</a> ·{' '}
        <a href={seriesUrl(choice, now)}>{t.json}</a>
      </p>
    </>,
  );
}

/** The islands and stylesheets the chart needs on a dataset page (none when it is not a sensor dataset). */
export function chartAssets(dataset: Dataset, readable = true): { islands: string[]; styles: string[] } {
  if (dataset.kind !== 'sensor' || !readable) return { islands: [], styles: [] };
  return { islands: ['chart'], styles: [vendorUrl('uplot', 'uPlot.min.css')] };
}
