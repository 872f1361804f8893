/**
 * The live sensor map: parking spaces by state, air-quality stations by PM2.5 band, traffic detectors by speed.
 * Everything a visitor needs is server-rendered (the readings in tables, a legend with counts); the live island
 * adds the map and keeps tables, counts and markers current from the live feed.
 */
import { vendorUrl } from '../assets/vendor.js';
import { badgeText, reportUrl } from '../client/_report-link.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { T } from '../i18n/index.js';
import { LANGUAGES } from '../i18n/lang.js';
import { jsonScript, Layout, type SiteInfo } from '../pages/layout.js';
import { BANDS, markerText, SPEED_FLOWING, SPEED_SLOWED, type Band, type LayerKind } from './live-bands.js';
import type { LiveLayerView, LiveRow } from './live-model.js';

export interface LivePageModel {
  site: SiteInfo;
  layers: readonly LiveLayerView[];
  /** The city's time zone, for the times the island writes. */
  timeZone: string;
  /** When the readings were read. */
  now: string;
}

type LiveText = T['live'];

const TITLES: Record<LayerKind, (t: LiveText) => string> = {
  parking: (t) => t.layerParking,
  air: (t) => t.layerAir,
  traffic: (t) => t.layerTraffic,
};

const INTROS: Record<LayerKind, (t: LiveText) => string> = {
  parking: (t) => t.introParking,
  air: (t) => t.introAir,
  traffic: (t) => t.introTraffic,
};

/** The range of values each band covers, in the visitor's number format. */
function ranges(site: SiteInfo): Partial<Record<Band, string>> {
  const t = site.t.live;
  const one = new Intl.NumberFormat(LANGUAGES[site.lang].locale, { minimumFractionDigits: 1 });
  const pm = (n: number) => `${one.format(n)} µg/m³`;
  const mph = (n: number) => `${site.format.number(n)} mph`;
  return {
    good: t.upTo(pm(9)),
    moderate: t.between(one.format(9.1), pm(35.4)),
    sensitive: t.between(one.format(35.5), pm(55.4)),
    unhealthy: t.between(one.format(55.5), pm(125.4)),
    very_unhealthy: t.between(one.format(125.5), pm(225.4)),
    hazardous: t.above(pm(225.4)),
    flowing: t.atLeast(mph(SPEED_FLOWING)),
    slowed: t.between(site.format.number(SPEED_SLOWED), mph(SPEED_FLOWING)),
    congested: t.below(mph(SPEED_SLOWED)),
  };
}

/** The shape and colour of a band, as the map draws it (decorative beside its text). */
export function Swatch(props: { kind: LayerKind; band: Band; text?: string }): SafeHtml {
  return (
    <span class={`live-mark live-mark--${props.kind} live-b-${props.band}`} aria-hidden="true">
      {props.text ?? (props.kind === 'parking' ? markerText('parking', props.band) : '')}
    </span>
  );
}

function readingText(site: SiteInfo, row: LiveRow): string {
  if (row.result === null || row.result === undefined) return '—';
  const value = typeof row.result === 'number' ? site.format.number(row.result) : String(row.result);
  return row.unit ? `${value} ${row.unit}` : value;
}

/** A sensor's "under investigation" badge (when a report names it) and its "Report a problem" link. */
function SensorReport(props: { site: SiteInfo; datasetId: string; row: LiveRow }): SafeHtml {
  const { row } = props;
  const r = props.site.t.reports;
  const inv = row.investigation;
  const text = inv ? badgeText(r.underInvestigation('{number}'), inv) : '';
  return (
    <span class="live-report">
      {inv ? (
        <span class="reports-badge reports-badge--small">
          {inv.url ? <a href={inv.url}>{text}</a> : text}
        </span>
      ) : null}
      <a class="live-report__link" href={reportUrl(props.datasetId, { datastream: row.datastream })}>
        {r.reportProblem}
        <span class="usa-sr-only"> ({row.name})</span>
      </a>
    </span>
  );
}

function LayerTable(props: { site: SiteInfo; view: LiveLayerView }): SafeHtml {
  const { site, view } = props;
  const t = site.t.live;
  const kind = view.layer.kind;
  const parking = kind === 'parking';
  return (
    <div class="table-scroll">
      <table class="usa-table usa-table--borderless live-table">
        <caption class="visually-hidden">{t.caption(TITLES[kind](t))}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colPlace}</th>
            <th scope="col">{parking ? t.colState : t.colReading}</th>
            {parking ? null : <th scope="col">{t.colBand}</th>}
            <th scope="col">{t.colTime}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr
              data-datastream={String(row.datastream)}
              data-band={row.band}
              data-investigation={row.investigation ? JSON.stringify(row.investigation) : undefined}
            >
              <th scope="row">
                <span class="live-name">{row.name}</span>
                <SensorReport site={site} datasetId={view.dataset.id} row={row} />
              </th>
              {parking ? (
                <td class="live-band">
                  <Swatch kind={kind} band={row.band} /> <span class="live-label">{t[row.band]}</span>
                </td>
              ) : (
                <>
                  <td class="live-reading">{readingText(site, row)}</td>
                  <td class="live-band">
                    <Swatch kind={kind} band={row.band} /> <span class="live-label">{t[row.band]}</span>
                  </td>
                </>
              )}
              <td class="live-time">
                {row.time ? <time datetime={row.time}>{site.format.dateTime(row.time)}</time> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LayerSection(props: { site: SiteInfo; view: LiveLayerView; ranges: Partial<Record<Band, string>> }) {
  const { site, view } = props;
  const t = site.t.live;
  const kind = view.layer.kind;
  const id = encodeURIComponent(view.dataset.id);
  const api = `/api/v1/datasets/${id}`;
  return (
    <section
      class="live-layer"
      id={`live-${kind}`}
      aria-labelledby={`live-${kind}-title`}
      data-layer={kind}
      data-dataset={view.dataset.id}
    >
      <h2 id={`live-${kind}-title`}>{TITLES[kind](t)}</h2>
      <p>
        {INTROS[kind](t)} {t.sensors(view.rows.length, site.format.number(view.rows.length))}.{' '}
        <a href={`/datasets/${id}`}>{t.aboutDataset}</a>
      </p>
      <h3 class="live-legend-title">{t.counts}</h3>
      <ul class="usa-list--unstyled live-legend">
        {view.counts.map(({ band, count }) => (
          <li data-band={band}>
            <Swatch kind={kind} band={band} />
            <span>
              <span class="live-label">{t[band]}</span>
              {props.ranges[band] ? <span class="live-range"> ({props.ranges[band]})</span> : null}:{' '}
              <strong class="live-count">{site.format.number(count)}</strong>
            </span>
          </li>
        ))}
      </ul>
      {view.rows.length === 0 ? <p>{t.noReadings}</p> : <LayerTable site={site} view={view} />}
      <p class="live-links">
        {t.dataLinks} <a href={`${api}/latest`}>JSON</a> · <a href={`${api}/latest.geojson`}>GeoJSON</a> ·{' '}
        <a href={`/api/v1/live?dataset=${id}`}>{t.liveFeed}</a>
      </p>
    </section>
  );
}

/** What the island needs: the layers, the basemap, and the words it writes, in the page's language. */
function islandConfig(model: LivePageModel) {
  const { site } = model;
  const t = site.t.live;
  const bands = Object.fromEntries([...new Set(Object.values(BANDS).flat())].map((band) => [band, t[band]]));
  return {
    layers: model.layers.map((v) => ({
      kind: v.layer.kind,
      dataset: v.dataset.id,
      observedProperty: v.layer.observedProperty,
    })),
    map: site.city.map,
    locale: LANGUAGES[site.lang].locale,
    timeZone: model.timeZone,
    text: {
      bands,
      updated: t.updated('{time}'),
      paused: t.paused,
      interrupted: t.interrupted,
      pause: t.pause,
      resume: t.resume,
      report: site.t.reports.reportProblem,
      investigation: site.t.reports.underInvestigation('{number}'),
    },
  };
}

export function LivePage(model: LivePageModel): SafeHtml {
  const { site } = model;
  const t = site.t.live;
  const bandRanges = ranges(site);
  const any = model.layers.length > 0;
  return (
    <Layout
      site={site}
      title={t.title}
      description={t.description}
      section="live"
      islands={any ? ['live'] : []}
      styles={any ? [vendorUrl('leaflet', 'leaflet.css')] : []}
    >
      <h1>{t.title}</h1>
      <p class="usa-intro">{t.intro}</p>
      {!any ? (
        <p>{t.none}</p>
      ) : (
        <div class="live-page" id="live">
          <script type="application/json" id="live-config">
            {jsonScript(islandConfig(model))}
          </script>
          <noscript>
            <div class="usa-alert usa-alert--info usa-alert--slim live-nojs">
              <div class="usa-alert__body">
                <p class="usa-alert__text">{t.noJs}</p>
              </div>
            </div>
          </noscript>
          <nav aria-label={t.onThisPage} class="live-toc">
            <ul class="usa-list--unstyled">
              {model.layers.map((v) => (
                <li>
                  <a href={`#live-${v.layer.kind}`}>{TITLES[v.layer.kind](t)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="live-bar">
            <p class="live-status" role="status">
              {t.asOf(site.format.dateTime(model.now))}
            </p>
            <button type="button" class="usa-button usa-button--outline live-pause" hidden>
              {t.pause}
            </button>
          </div>
          <div class="live-map-wrap" hidden>
            <div id="live-map" class="live-map" role="region" aria-label={t.mapLabel}></div>
            <p class="live-hint">{t.mapHint}</p>
          </div>
          {model.layers.map((view) => (
            <LayerSection site={site} view={view} ranges={bandRanges} />
          ))}
        </div>
      )}
    </Layout>
  );
}
