/**
 * The "Report a problem" link of one sensor (a datastream) and its "under investigation" badge, as the chart and
 * the live map write them, on the server and in the browser alike. Pure: no DOM, no Node.
 */

/** An open report naming a datastream, as the `latest` and series answers carry it (`url` null when private). */
export interface Investigation {
  report: string;
  url: string | null;
  since: string;
}

/** The report form of a dataset, prefilled with the sensor and, when given, the period shown. */
export function reportUrl(
  datasetId: string,
  prefill: { datastream?: number; from?: string; to?: string } = {},
): string {
  const query = new URLSearchParams();
  if (prefill.datastream !== undefined) query.set('datastream', String(prefill.datastream));
  if (prefill.from) query.set('from', prefill.from);
  if (prefill.to) query.set('to', prefill.to);
  const text = query.toString();
  return `/datasets/${encodeURIComponent(datasetId)}/report${text ? `?${text}` : ''}`;
}

/** The badge's words: the template's `{number}` replaced by the report's number. */
export const badgeText = (template: string, investigation: Investigation): string =>
  template.replace('{number}', investigation.report);
