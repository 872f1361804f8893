/**
 * The dataset page's map (datasets with geometry). The server writes what every visitor gets: how many
 * features there are, where the same rows are listed, and the GeoJSON download; the map island draws the
 * features (a capped number, with only the fields its popups show) from the public query API.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { vendorUrl } from '../assets/vendor.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import { LANGUAGES } from '../i18n/lang.js';
import { jsonScript, type SiteInfo } from '../pages/layout.js';

/** The most features the map draws: enough for any city layer, small enough for a phone. */
export const MAP_LIMIT = 5000;
/** Fields besides the geometry that the popups show. */
const POPUP_FIELDS = 4;

/** The geometry column the map draws, and the fields its popups show. */
export function mapFields(
  dataset: Dataset,
): { geometry: string; fields: { field: string; name: string }[] } | null {
  const geometry = dataset.columns.find((c) => c.type === 'geometry');
  if (!dataset.geometry_type || !geometry) return null;
  const fields = dataset.columns
    .filter((c) => c.type !== 'geometry')
    .slice(0, POPUP_FIELDS)
    .map((c) => ({ field: c.field, name: c.name }));
  return { geometry: geometry.field, fields };
}

/** The query the island runs: the geometry and the popup fields of the first MAP_LIMIT rows, as GeoJSON. */
export function mapQueryUrl(dataset: Dataset): string | null {
  const fields = mapFields(dataset);
  if (!fields) return null;
  const quote = (field: string) => `\`${field}\``;
  const query = new URLSearchParams({
    $select: [fields.geometry, ...fields.fields.map((f) => f.field)].map(quote).join(', '),
    $limit: String(MAP_LIMIT),
  });
  return `/api/v1/datasets/${encodeURIComponent(dataset.id)}/query.geojson?${query.toString()}`;
}

/** The dataset page's map of its features (datasets with geometry); see the map island. */
export function MapSection(props: { site: SiteInfo; dataset: Dataset; readable?: boolean }): SafeHtml {
  const { site, dataset } = props;
  const t = site.t.map;
  const fields = mapFields(dataset);
  if (!fields) return <></>;
  const id = encodeURIComponent(dataset.id);
  const rows = dataset.row_count ?? 0;
  const geojson = `/api/v1/datasets/${id}/rows.geojson`;
  const heading = (
    <h2 id="map-title" class="map-title">
      {t.title}
    </h2>
  );
  if (props.readable === false) {
    return (
      <section id="map" class="map-section" aria-labelledby="map-title">
        {heading}
        <p>{t.restricted}</p>
      </section>
    );
  }
  if (rows === 0) {
    return (
      <section id="map" class="map-section" aria-labelledby="map-title">
        {heading}
        <p>{t.empty}</p>
      </section>
    );
  }
  const config = {
    url: mapQueryUrl(dataset),
    fields: fields.fields,
    total: rows,
    limit: MAP_LIMIT,
    map: site.city.map,
    locale: LANGUAGES[site.lang].locale,
    text: {
      shownOne: t.shownOne,
      shownOther: t.shownOther,
      shownOfTotal: t.shownOfTotal,
      noLocation: t.noLocation,
      failed: t.failed,
      cluster: t.cluster,
    },
  };
  return (
    <section id="map" class="map-section" aria-labelledby="map-title">
      {heading}
      <p class="map-summary">
        {t.features(rows, site.format.number(rows))} {t.listed} <a href={geojson}>{t.downloadGeojson}</a>{' '}
        {t.forGis}
        {rows > MAP_LIMIT ? <> {t.capped(site.format.number(MAP_LIMIT))}</> : null}
      </p>
      <noscript>
        <p>{t.noJs}</p>
      </noscript>
      <div class="map-frame" id="map-frame" hidden>
        <script type="application/json" id="map-config">
          {jsonScript(config)}
        </script>
        <p class="map-status" role="status">
          {t.loading}
        </p>
        <div id="dataset-map" class="dataset-map" role="region" aria-label={t.label(dataset.title)}></div>
        <p class="map-hint">{t.hint}</p>
      </div>
    </section>
  );
}

/** The islands and stylesheets the map needs on a dataset page (none when the dataset has no geometry). */
export function mapAssets(dataset: Dataset, readable = true): { islands: string[]; styles: string[] } {
  if (!readable || !mapFields(dataset) || !dataset.row_count) return { islands: [], styles: [] };
  return {
    islands: ['map'],
    styles: [vendorUrl('leaflet', 'leaflet.css'), vendorUrl('markercluster', 'MarkerCluster.css')],
  };
}
