/**
 * The status board's rules, pure (the caller passes the instant to judge at): a sensor feed's state, the order
 * datasets and feeds are listed in, the counts per state and the grouping of feeds under their datasets.
 *
 * - A feed whose quality control sets a gap limit (`timing.gapMs`) is judged on it: `fresh` until it has been
 *   quiet that long, `silent` after (its sensor has probably stopped; the stewardship watch opens a
 *   sensor-fault report for it). The limit is the feed's own promise and overrides its dataset's: a parking
 *   sensor that reports only when a car comes or goes may be quiet for hours, while its dataset is refreshed
 *   every few minutes by the others. The board and the fault reports thus agree.
 * - Any other feed is judged like its dataset (catalog/freshness.ts, on its latest observation): a
 *   `continuous` feed quiet for more than a quarter of an hour is `overdue`.
 * - A feed that never reported, or without a gap limit in a dataset that promises no schedule, is `unknown`.
 */
import { freshness, type FreshnessState } from '../../catalog/freshness.js';
import type { DatasetStatus, FeedState, FeedStatus, StatusBoard } from './status.types.js';

/** Where each state is listed: what needs attention first. */
const DATASET_RANK: Record<FreshnessState, number> = { overdue: 0, unknown: 1, fresh: 2 };
const FEED_RANK: Record<FeedState, number> = { silent: 0, overdue: 1, unknown: 2, fresh: 3 };

/**
 * The state of a sensor feed at `at`; when its next reading is expected (its dataset's period after the last)
 * and when it needs attention (turns overdue, or silent past its gap limit).
 */
export function feedState(
  updateFrequency: string,
  lastObservation: string | null,
  gapMs: number | null,
  at: Date,
): { state: FeedState; expectedBy: string | null; overdueAfter: string | null } {
  const judged = freshness(updateFrequency, lastObservation, at);
  const last = lastObservation === null ? Number.NaN : Date.parse(lastObservation);
  if (gapMs === null || !(gapMs > 0) || Number.isNaN(last)) return judged;
  const limit = last + gapMs;
  return {
    state: at.getTime() > limit ? 'silent' : 'fresh',
    expectedBy: judged.expectedBy,
    overdueAfter: new Date(limit).toISOString(),
  };
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });

/** Overdue first, then unknown, then fresh; by title (then id) within a state. */
export function sortDatasets(datasets: readonly DatasetStatus[]): DatasetStatus[] {
  return [...datasets].sort(
    (a, b) => DATASET_RANK[a.state] - DATASET_RANK[b.state] || byText(a.title, b.title) || byText(a.id, b.id),
  );
}

/**
 * Feeds under their datasets, in the order of `datasets` (a feed of a dataset not listed is left out); within
 * a dataset silent first, then overdue, unknown, fresh, by name (then id) within a state.
 */
export function sortFeeds(feeds: readonly FeedStatus[], datasets: readonly DatasetStatus[]): FeedStatus[] {
  const position = new Map(datasets.map((d, i) => [d.id, i]));
  return feeds
    .filter((f) => position.has(f.datasetId))
    .sort(
      (a, b) =>
        position.get(a.datasetId)! - position.get(b.datasetId)! ||
        FEED_RANK[a.state] - FEED_RANK[b.state] ||
        byText(a.name, b.name) ||
        a.datastreamId - b.datastreamId,
    );
}

/** How many datasets are in each state. */
export function countDatasets(datasets: readonly DatasetStatus[]): StatusBoard['counts'] {
  const counts = { fresh: 0, overdue: 0, unknown: 0 };
  for (const d of datasets) counts[d.state]++;
  return counts;
}

/** How many feeds are in each state. */
export function countFeeds(feeds: readonly FeedStatus[]): StatusBoard['feedCounts'] {
  const counts = { fresh: 0, overdue: 0, silent: 0, unknown: 0 };
  for (const f of feeds) counts[f.state]++;
  return counts;
}

/** Feeds grouped by dataset, each group in the order given (use after sortFeeds). */
export function groupFeeds(feeds: readonly FeedStatus[]): { datasetId: string; feeds: FeedStatus[] }[] {
  const groups: { datasetId: string; feeds: FeedStatus[] }[] = [];
  for (const feed of feeds) {
    const last = groups.at(-1);
    if (last && last.datasetId === feed.datasetId) last.feeds.push(feed);
    else groups.push({ datasetId: feed.datasetId, feeds: [feed] });
  }
  return groups;
}

/** Whether everything is as promised: no dataset overdue, no feed overdue or silent. */
export function allGood(board: Pick<StatusBoard, 'counts' | 'feedCounts'>): boolean {
  return board.counts.overdue === 0 && board.feedCounts.overdue === 0 && board.feedCounts.silent === 0;
}

/** The newest of some ISO instants (null when there are none). */
export function newest(times: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const time of times)
    if (time !== null && (best === null || Date.parse(time) > Date.parse(best))) best = time;
  return best;
}
