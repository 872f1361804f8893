import type { Formatter } from '../format.js';
import { Fragment, h, type SafeHtml } from '../html.js';

/** One datastream's latest observation, as `GET /api/v1/datasets/{id}/latest` gives it. */
export interface LatestReading {
  id: number;
  name: string;
  thing: { id: number; name: string };
  observedProperty: string;
  unit: string | null;
  phenomenonTime: string | null;
  result: unknown;
}

/** When a reading was taken: the instant, or the end of its interval (`start/end`, as for 5-minute counts). */
const takenAt = (time: string): string => time.slice(time.indexOf('/') + 1);

/** Rows shown on the page; the API has all of them. */
const SHOWN = 60;

function value(reading: LatestReading, f: Formatter): string {
  const { result, unit } = reading;
  if (result === null || result === undefined) return '—';
  const text =
    typeof result === 'number'
      ? f.number(result)
      : typeof result === 'string'
        ? result
        : JSON.stringify(result);
  return unit ? `${text} ${unit}` : text;
}

/** The latest value of a sensor dataset's datastreams, newest first, with links to the live APIs. */
export function LatestReadings(props: {
  datasetId: string;
  title: string;
  readings: readonly LatestReading[];
  format: Formatter;
}): SafeHtml {
  const f = props.format;
  const api = `/api/v1/datasets/${encodeURIComponent(props.datasetId)}`;
  const withData = props.readings
    .filter((r) => r.phenomenonTime !== null)
    .map((r) => ({ ...r, at: takenAt(r.phenomenonTime!) }))
    .sort((a, b) => (b.at < a.at ? -1 : b.at > a.at ? 1 : 0));
  return (
    <section aria-labelledby="latest">
      <h2 id="latest">Latest readings</h2>
      {withData.length === 0 ? (
        <p>No readings have arrived yet.</p>
      ) : (
        <>
          <p>
            {f.number(props.readings.length)} sensor series. The {Math.min(SHOWN, withData.length)} most
            recent readings, as of this page; every series in <a href={`${api}/latest`}>JSON</a> or{' '}
            <a href={`${api}/latest.geojson`}>GeoJSON</a>, live as{' '}
            <a href={`/api/v1/live?dataset=${encodeURIComponent(props.datasetId)}`}>Server-Sent Events</a>.
          </p>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">Latest readings of {props.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Sensor</th>
                  <th scope="col">Measures</th>
                  <th scope="col">Value</th>
                  <th scope="col">Time</th>
                </tr>
              </thead>
              <tbody>
                {withData.slice(0, SHOWN).map((r) => (
                  <tr>
                    <th scope="row">{r.thing.name}</th>
                    <td>{r.observedProperty}</td>
                    <td>
                      <a href={`/api/v1/datastreams/${r.id}/observations`}>{value(r, f)}</a>
                    </td>
                    <td>{f.dateTime(r.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
