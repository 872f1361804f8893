import { describe, expect, it } from 'vitest';
import {
  allGood,
  countDatasets,
  countFeeds,
  feedState,
  groupFeeds,
  newest,
  sortDatasets,
  sortFeeds,
} from './status-rules.js';
import type { DatasetStatus, FeedStatus } from './status.types.js';

const MINUTE = 60_000;
const LAST = '2026-03-02T10:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(LAST) + ms);

function dataset(id: string, title: string, state: DatasetStatus['state']): DatasetStatus {
  return {
    id,
    title,
    department: { id: 'public-works', name: 'Public Works' },
    kind: 'table',
    updateFrequency: 'R/P1D',
    state,
    lastUpdate: null,
    expectedBy: null,
    overdueAfter: null,
    openReports: 0,
  };
}

function feed(id: number, datasetId: string, name: string, state: FeedStatus['state']): FeedStatus {
  return {
    datastreamId: id,
    datasetId,
    name,
    state,
    lastObservation: null,
    expectedBy: null,
    overdueAfter: null,
    gapMs: null,
    investigation: null,
  };
}

describe('feedState', () => {
  it('keeps a live feed fresh for a quarter of an hour and calls it overdue after', () => {
    expect(feedState('continuous', LAST, null, after(15 * MINUTE)).state).toBe('fresh');
    const late = feedState('continuous', LAST, null, after(20 * MINUTE));
    expect(late.state).toBe('overdue');
    expect(late.expectedBy).toBe('2026-03-02T10:05:00.000Z');
    expect(late.overdueAfter).toBe('2026-03-02T10:15:00.000Z');
  });

  it('judges a feed with a gap limit on it: fresh until then, silent after', () => {
    // A sensor reporting on change: quiet for 20 minutes is normal when its limit is an hour.
    const quiet = feedState('continuous', LAST, 60 * MINUTE, after(20 * MINUTE));
    expect(quiet).toEqual({
      state: 'fresh',
      expectedBy: '2026-03-02T10:05:00.000Z',
      overdueAfter: '2026-03-02T11:00:00.000Z',
    });
    expect(feedState('continuous', LAST, 60 * MINUTE, after(60 * MINUTE)).state).toBe('fresh');
    expect(feedState('continuous', LAST, 60 * MINUTE, after(61 * MINUTE)).state).toBe('silent');
    // A limit shorter than the dataset's grace margin says so first.
    expect(feedState('continuous', LAST, 5 * MINUTE, after(6 * MINUTE)).state).toBe('silent');
  });

  it('knows nothing of a feed that never reported or whose dataset promises no schedule', () => {
    expect(feedState('continuous', null, 60 * MINUTE, after(0)).state).toBe('unknown');
    expect(feedState('irregular', LAST, null, after(999 * MINUTE)).state).toBe('unknown');
    // ...unless it has a gap limit of its own.
    expect(feedState('irregular', LAST, 60 * MINUTE, after(59 * MINUTE))).toEqual({
      state: 'fresh',
      expectedBy: null,
      overdueAfter: '2026-03-02T11:00:00.000Z',
    });
    expect(feedState('irregular', LAST, 60 * MINUTE, after(61 * MINUTE)).state).toBe('silent');
  });

  it('ignores a gap limit of zero', () => {
    expect(feedState('continuous', LAST, 0, after(MINUTE)).state).toBe('fresh');
  });
});

describe('ordering and counts', () => {
  const datasets = [
    dataset('b', 'Bridges', 'fresh'),
    dataset('a', 'Air quality', 'fresh'),
    dataset('p', 'Parking', 'overdue'),
    dataset('s', 'Street trees', 'unknown'),
    dataset('c', 'Crime', 'overdue'),
  ];

  it('lists overdue datasets first, then unknown, then fresh, by title within each', () => {
    expect(sortDatasets(datasets).map((d) => d.id)).toEqual(['c', 'p', 's', 'a', 'b']);
  });

  it('counts datasets per state', () => {
    expect(countDatasets(datasets)).toEqual({ fresh: 2, overdue: 2, unknown: 1 });
  });

  it('lists feeds under their datasets in the datasets order, silent and overdue first', () => {
    const sorted = sortDatasets(datasets);
    const feeds = [
      feed(1, 'a', 'Station 2 PM2.5', 'fresh'),
      feed(2, 'a', 'Station 10 PM2.5', 'silent'),
      feed(3, 'p', 'Bay 1', 'fresh'),
      feed(4, 'a', 'Station 1 PM2.5', 'overdue'),
      feed(5, 'hidden', 'Not listed', 'overdue'),
      feed(6, 'a', 'Station 3 PM2.5', 'unknown'),
    ];
    const ordered = sortFeeds(feeds, sorted);
    expect(ordered.map((f) => f.datastreamId)).toEqual([3, 2, 4, 6, 1]);
    expect(groupFeeds(ordered).map((g) => [g.datasetId, g.feeds.length])).toEqual([
      ['p', 1],
      ['a', 4],
    ]);
    expect(countFeeds(ordered)).toEqual({ fresh: 2, overdue: 1, silent: 1, unknown: 1 });
  });

  it('sorts names with numbers as people read them', () => {
    const feeds = [feed(1, 'a', 'Station 10', 'fresh'), feed(2, 'a', 'Station 9', 'fresh')];
    expect(sortFeeds(feeds, datasets).map((f) => f.name)).toEqual(['Station 9', 'Station 10']);
  });

  it('is all good only when no dataset is overdue and no feed is overdue or silent', () => {
    const none = { fresh: 0, overdue: 0, silent: 0, unknown: 0 };
    expect(
      allGood({ counts: { fresh: 3, overdue: 0, unknown: 2 }, feedCounts: { ...none, unknown: 4 } }),
    ).toBe(true);
    expect(allGood({ counts: { fresh: 3, overdue: 1, unknown: 0 }, feedCounts: none })).toBe(false);
    expect(
      allGood({ counts: { fresh: 3, overdue: 0, unknown: 0 }, feedCounts: { ...none, silent: 1 } }),
    ).toBe(false);
  });

  it('finds the newest of some instants', () => {
    expect(newest([null, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', null])).toBe('2026-03-02T11:00:00Z');
    expect(newest([null])).toBeNull();
  });
});
