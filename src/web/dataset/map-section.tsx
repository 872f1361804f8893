import type { Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';

/** The dataset page's map of its features (datasets with geometry); see the map island. */
export function MapSection(_props: { site: SiteInfo; dataset: Dataset }): SafeHtml {
  return <></>;
}

/** The islands and stylesheets the map needs on a dataset page (none when the dataset has no geometry). */
export function mapAssets(_dataset: Dataset): { islands: string[]; styles: string[] } {
  return { islands: [], styles: [] };
}
