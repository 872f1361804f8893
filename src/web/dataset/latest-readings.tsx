import { Fragment, h, type SafeHtml } from '../html.js';
import type { Investigation } from '../client/_report-link.js';
import type { SiteInfo } from '../pages/layout.js';

/** One datastream's latest observation, as `GET /api/v1/datasets/{id}/latest` gives it. */
export interface LatestReading {
  id: number;
  name: string;
  thing: { id: number; name: string };
  observedProperty: string;
  unit: string | null;
  phenomenonTime: string | null;
  result: unknown;
  /** An open problem report naming this datastream (null or absent when none). */
  investigation?: Investigation | null;
}

/** When a reading was taken: the instant, or the end of its interval (`start/end`, as for 5-minute counts). */
export const takenAt = (time: string): string => time.slice(time.indexOf('/') + 1);

/** The time of the newest reading, or null when none has arrived. */
export function newestReading(readings: readonly LatestReading[]): string | null {
  let newest: string | null = null;
  for (const r of readings) {
    if (r.phenomenonTime === null) continue;
    const at = new Date(takenAt(r.phenomenonTime)).toISOString();
    if (newest === null || at > newest) newest = at;
  }
  return newest;
}

/** Rows shown on the page; the API has all of them. */
const SHOWN = 60;

function value(reading: LatestReading, site: SiteInfo): string {
  const { result, unit } = reading;
  if (result === null || result === undefined) return '—';
  const text =
    typeof result === 'number'
      ? site.format.number(result)
      : typeof result === 'boolean'
        ? result
          ? site.t.table.yes
          : site.t.table.no
        : typeof result === 'string'
          ? result
          : JSON.stringify(result);
  return unit ? `${text} ${unit}` : text;
}

/** The latest value of a sensor dataset's datastreams, newest first, with links to the live APIs. */
export function LatestReadings(props: {
  site: SiteInfo;
  datasetId: string;
  title: string;
  readings: readonly LatestReading[];
}): SafeHtml {
  const { site } = props;
  const t = site.t.dataset;
  const f = site.format;
  const api = `/api/v1/datasets/${encodeURIComponent(props.datasetId)}`;
  const withData = props.readings
    .filter((r) => r.phenomenonTime !== null)
    .map((r) => ({ ...r, at: takenAt(r.phenomenonTime!) }))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (withData.length === 0) return <p>{t.noReadings}</p>;
  return (
    <>
      <p>
        {t.readingsIntro(f.number(props.readings.length), f.number(Math.min(SHOWN, withData.length)))}{' '}
        {t.readingsApis} <a href={`${api}/latest`}>JSON</a>, <a href={`${api}/latest.geojson`}>GeoJSON</a>,{' '}
        <a href={`/api/v1/live?dataset=${encodeURIComponent(props.datasetId)}`}>{t.serverSentEvents}</a>.
      </p>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="latest-caption">
        <table class="usa-table usa-table--striped usa-table--compact latest-readings">
          <caption id="latest-caption">{t.readingsCaption(props.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.readingSensor}</th>
              <th scope="col">{t.readingMeasures}</th>
              <th scope="col" class="num">
                {t.readingValue}
              </th>
              <th scope="col">{t.readingTime}</th>
            </tr>
          </thead>
          <tbody>
            {withData.slice(0, SHOWN).map((r) => (
              <tr>
                <th scope="row">{r.thing.name}</th>
                <td>{r.observedProperty}</td>
                <td class="num">
                  <a href={`/api/v1/datastreams/${r.id}/observations`}>{value(r, site)}</a>
                </td>
                <td>{f.dateTime(r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
