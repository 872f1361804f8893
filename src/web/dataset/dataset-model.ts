/**
 * What a dataset page shows, gathered for one visitor: the dataset as they may see it, whether they may read
 * its rows, how fresh it is, and either a page of its table (table datasets) or the latest reading of each
 * datastream (sensor datasets). Visibility is the catalog's: a dataset the visitor may not see is not found.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { PUBLIC_VIEWER, type Viewer } from '../../catalog/catalog.service.js';
import { freshness, type Freshness } from '../../catalog/freshness.js';
import type { WebContext } from '../web-context.js';
import { newestReading, type LatestReading } from './latest-readings.js';
import { loadTablePreview, type TablePreview } from './table-query.js';
import type { TableState } from './table-state.js';
import type { ReportSummary } from '../../desk/reports/reports.types.js';

export interface DatasetView {
  dataset: Dataset;
  /** Whether this visitor may read the rows (restricted datasets: only with a grant). */
  readable: boolean;
  freshness: Freshness;
  /** The last data update freshness was judged on: the newest reading for a sensor dataset. */
  lastUpdate: string | null;
  /** A page of the table, for a table dataset with data that the visitor may read. */
  table?: TablePreview;
  /** The latest reading of each datastream, for a sensor dataset the visitor may read. */
  latest?: readonly LatestReading[];
  /** Open public problem reports (only for datasets whose data the public may read). */
  openReports?: { total: number; results: readonly ReportSummary[] };
}

/** How many open reports the dataset page lists (the public list has them all). */
export const OPEN_REPORTS_SHOWN = 5;

/** The dataset's open problem reports, when its reports are public; nothing for any other dataset. */
async function openReportsOf(ctx: WebContext, dataset: Dataset): Promise<DatasetView['openReports']> {
  const { catalog, reports } = ctx.services;
  if (dataset.status !== 'published' || !catalog.mayRead(dataset, PUBLIC_VIEWER)) return undefined;
  const found = await reports.publicList({
    datasetId: dataset.id,
    status: 'open',
    limit: OPEN_REPORTS_SHOWN,
  });
  return found.total > 0 ? found : undefined;
}

/** Whether a dataset has a table to preview. */
export const hasTable = (dataset: Dataset): boolean =>
  dataset.kind !== 'sensor' && dataset.row_count !== null;

export async function loadDatasetView(
  ctx: WebContext,
  id: string,
  viewer: Viewer,
  state: TableState,
  now: Date = new Date(),
): Promise<DatasetView> {
  const { catalog, queries } = ctx.services;
  const dataset = await catalog.get(id, viewer);
  const readable = catalog.mayRead(dataset, viewer);
  if (dataset.kind === 'sensor') {
    const latest = readable ? await ctx.latest(dataset.id, viewer) : undefined;
    const lastUpdate = (latest && newestReading(latest)) ?? dataset.data_updated_at;
    const openReports = await openReportsOf(ctx, dataset);
    return {
      dataset,
      readable,
      freshness: freshness(dataset.update_frequency, lastUpdate, now),
      lastUpdate,
      ...(latest && { latest }),
      ...(openReports && { openReports }),
    };
  }
  const table =
    readable && hasTable(dataset) ? await loadTablePreview(queries, dataset, viewer, state) : undefined;
  const openReports = await openReportsOf(ctx, dataset);
  return {
    dataset,
    readable,
    freshness: freshness(dataset.update_frequency, dataset.data_updated_at, now),
    lastUpdate: dataset.data_updated_at,
    ...(table && { table }),
    ...(openReports && { openReports }),
  };
}
