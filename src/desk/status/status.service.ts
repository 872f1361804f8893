/**
 * The status board: every dataset the viewer may see, judged against its declared update frequency, and every
 * sensor feed of the sensor datasets whose data the viewer may read, judged on its latest observation and its
 * gap limit. Visibility is the catalog's: a restricted dataset is listed (its metadata is public) but its feeds
 * are data, shown only to those who may read it; drafts and non-public datasets exist only for staff.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import type { CatalogService, Viewer } from '../../catalog/catalog.service.js';
import { freshness } from '../../catalog/freshness.js';
import type { Sensors } from '../../sensors/sensors.js';
import type { ReportsDesk } from '../reports/reports.types.js';
import { countDatasets, countFeeds, feedState, newest, sortDatasets, sortFeeds } from './status-rules.js';
import type { DatasetStatus, FeedStatus, StatusBoard } from './status.types.js';

export interface StatusDeps {
  catalog: CatalogService;
  sensors: Sensors;
  reports: ReportsDesk;
  /** The clock of `board()` when no instant is given (tests set it). */
  now?: () => Date;
}

/** An instant in epoch ms as ISO UTC. */
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createStatusBoard(deps: StatusDeps) {
  const { catalog, sensors, reports } = deps;
  const now = deps.now ?? (() => new Date());

  /** The feeds of the sensor datasets this viewer may read, with their latest observation and gap limit. */
  async function feedsOf(readable: readonly Dataset[], at: Date): Promise<FeedStatus[]> {
    const rows = await sensors.model.feedsOfDatasets(readable.map((d) => d.id));
    if (rows.length === 0) return [];
    const frequency = new Map(readable.map((d) => [d.id, d.update_frequency]));
    const ids = rows.map((r) => r.id);
    const [gaps, investigations] = await Promise.all([
      Promise.all(ids.map(async (id) => (await sensors.qc.configOf(id)).config.timing?.gapMs ?? null)),
      reports.investigations(ids),
    ]);
    return rows.map((row, i) => {
      const lastObservation = iso(row.latest_end ?? row.latest_time);
      const gapMs = gaps[i] ?? null;
      const judged = feedState(frequency.get(row.dataset_id) ?? 'irregular', lastObservation, gapMs, at);
      const investigation = investigations.get(row.id);
      return {
        datastreamId: row.id,
        datasetId: row.dataset_id,
        name: row.name,
        state: judged.state,
        lastObservation,
        expectedBy: judged.expectedBy,
        overdueAfter: judged.overdueAfter,
        gapMs,
        investigation: investigation
          ? { report: investigation.report, url: investigation.url, since: investigation.since }
          : null,
      };
    });
  }

  /** Open public reports about a dataset (the reports desk counts only what the public may see). */
  async function openReports(datasetId: string): Promise<number> {
    return (await reports.publicList({ datasetId, status: 'open', limit: 1 })).total;
  }

  return {
    /** Every dataset and feed this viewer may see, with its state at `at`. */
    async board(viewer: Viewer, at: Date = now()): Promise<StatusBoard> {
      const visible = await catalog.all(viewer);
      const readable = visible.filter((d) => d.kind === 'sensor' && catalog.mayRead(d, viewer));
      const [feeds, reportCounts] = await Promise.all([
        feedsOf(readable, at),
        Promise.all(visible.map((d) => openReports(d.id))),
      ]);
      const readings = new Map<string, (string | null)[]>(readable.map((d) => [d.id, []]));
      for (const f of feeds) readings.get(f.datasetId)?.push(f.lastObservation);
      const datasets: DatasetStatus[] = visible.map((d, i) => {
        // A sensor dataset is as current as its newest reading, as its page says, when the viewer may read
        // them; otherwise as its metadata says.
        const own = readings.get(d.id);
        const lastUpdate = (own && newest(own)) ?? d.data_updated_at;
        const judged = freshness(d.update_frequency, lastUpdate, at);
        return {
          id: d.id,
          title: d.title,
          department: { id: d.department.id, name: d.department.name },
          kind: d.kind,
          updateFrequency: d.update_frequency,
          state: judged.state,
          lastUpdate,
          expectedBy: judged.expectedBy,
          overdueAfter: judged.overdueAfter,
          openReports: reportCounts[i] ?? 0,
        };
      });
      const sorted = sortDatasets(datasets);
      const sortedFeeds = sortFeeds(feeds, sorted);
      return {
        generatedAt: at.toISOString(),
        counts: countDatasets(sorted),
        feedCounts: countFeeds(sortedFeeds),
        datasets: sorted,
        feeds: sortedFeeds,
      };
    },
  };
}

export type StatusService = ReturnType<typeof createStatusBoard>;
