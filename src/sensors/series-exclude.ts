/**
 * A series answer from rollups, corrected so that failed values (QARTOD flag 4) are left out: the failed
 * observations of the range are looked up first (a partial index holds only them); when there are none, the
 * answer is returned as it is, untouched. Otherwise only the buckets holding one are recomputed from their raw
 * observations and patched in (see series-qc.ts).
 */
import type { ReadingsRepo } from './readings.repo.js';
import type { SeriesAnswer } from './series-answer.js';
import { bucketRanges, bucketsOf, foldObservations, observedRange, patchAnswer } from './series-qc.js';
import type { IntervalPlan, RollupBucket } from './series.js';

export interface Excluded {
  answer: SeriesAnswer;
  /** Failed observations in the buckets answered (each left out). */
  excluded: number;
}

export async function excludeFailed(
  repo: Pick<ReadingsRepo, 'failedTimes' | 'valuesNotFailed'>,
  request: {
    datastream: number;
    plan: IntervalPlan;
    start: number;
    end: number;
    dayStart: (ms: number) => number;
  },
  answer: SeriesAnswer,
): Promise<Excluded> {
  const { datastream, plan, start, end, dayStart } = request;
  const buckets = bucketsOf(plan, dayStart);
  const { from, to } = observedRange(buckets, start, end);
  if (to <= from) return { answer, excluded: 0 };
  const failed = await repo.failedTimes(datastream, from, to);
  if (failed.length === 0) return { answer, excluded: 0 };
  const ranges = bucketRanges(buckets, failed);
  const rows: [number, number][] = [];
  for await (const batch of repo.valuesNotFailed(datastream, ranges)) for (const row of batch) rows.push(row);
  const kept = foldObservations(buckets, rows);
  const corrected = new Map<number, RollupBucket | null>();
  for (const time of failed) {
    const bucket = buckets.of(time);
    corrected.set(bucket, kept.get(bucket) ?? null);
  }
  return { answer: patchAnswer(answer, corrected), excluded: failed.length };
}
