import type { Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { LatestReading } from '../pages/latest-readings.js';
import type { SiteInfo } from '../pages/layout.js';

/** The dataset page's time-series chart of a chosen datastream (sensor datasets); see the chart island. */
export function ChartSection(_props: {
  site: SiteInfo;
  dataset: Dataset;
  datastreams: readonly LatestReading[];
}): SafeHtml {
  return <></>;
}

/** The islands and stylesheets the chart needs on a dataset page (none when it is not a sensor dataset). */
export function chartAssets(_dataset: Dataset): { islands: string[]; styles: string[] } {
  return { islands: [], styles: [] };
}
