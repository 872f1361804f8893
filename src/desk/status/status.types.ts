/**
 * The public status board: every dataset and sensor feed the viewer may see, whether it is as current as its
 * steward promised (see catalog/freshness.ts), when it last changed and when it is expected next. Types only:
 * status.service.ts computes it; the `/status` page and its JSON show it.
 */
import type { FreshnessState } from '../../catalog/freshness.js';

/** A sensor feed's state: a dataset's, or `silent` when past the gap limit its quality control sets. */
export type FeedState = FreshnessState | 'silent';

export interface DatasetStatus {
  id: string;
  title: string;
  department: { id: string; name: string };
  kind: string;
  updateFrequency: string;
  state: FreshnessState;
  /** The last change of the data (for sensor datasets, the latest observation), ISO UTC. */
  lastUpdate: string | null;
  expectedBy: string | null;
  overdueAfter: string | null;
  /** Open public reports about the dataset (of datasets whose data is public; 0 otherwise). */
  openReports: number;
}

export interface FeedStatus {
  datastreamId: number;
  datasetId: string;
  name: string;
  state: FeedState;
  lastObservation: string | null;
  expectedBy: string | null;
  /** When the feed turns overdue (expectedBy plus the grace margin), ISO UTC; null when nothing is expected. */
  overdueAfter: string | null;
  /** The gap limit of its quality control (ms): silent past it; null when none is set. */
  gapMs: number | null;
  /** A report under investigation (public link when the report is public). */
  investigation: { report: string; url: string | null; since: string } | null;
}

export interface StatusBoard {
  generatedAt: string;
  /** Datasets per state. */
  counts: { fresh: number; overdue: number; unknown: number };
  /** Sensor feeds per state. */
  feedCounts: { fresh: number; overdue: number; silent: number; unknown: number };
  /** Overdue first, then unknown, then fresh; by title within a state. */
  datasets: DatasetStatus[];
  /** By dataset (in the order of `datasets`), then silent, overdue, unknown, fresh; by name within a state. */
  feeds: FeedStatus[];
}
