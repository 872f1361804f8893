/**
 * The freshness watch: a published dataset whose data is overdue against its declared update frequency (sensor
 * datasets: by their latest observation) gets one freshness notice to its stewards, not one per pass; it closes
 * when the data is fresh again. And silent sensor feeds: a datastream quiet past its gap limit opens a `silent`
 * sensor-fault report, which is cleared once it reports again.
 */
import { randomUUID } from 'node:crypto';
import type { Dataset } from '../../catalog/catalog.schema.js';
import { freshness } from '../../catalog/freshness.js';
import { describeFrequency } from '../../catalog/metadata-rules.js';
import { freshnessMail, mailDateTime } from './notice-mails.js';
import {
  audit,
  links,
  mailDataset,
  send,
  type Recipients,
  type WatchContext,
} from './stewardship.context.js';
import type { NoticeRow } from './stewardship.repo.js';
import type { WatchRun } from './stewardship.types.js';

export async function watchFreshness(
  ctx: WatchContext,
  datasets: readonly Dataset[],
  unresolved: ReadonlyMap<string, NoticeRow>,
  people: Recipients,
  at: Date,
  counts: Pick<WatchRun, 'opened' | 'resolved'>,
): Promise<void> {
  const when = at.toISOString();
  for (const d of datasets) {
    if (d.status !== 'published') continue;
    const notice = unresolved.get(d.id);
    const state = freshness(d.update_frequency, d.data_updated_at, at);
    if (state.state !== 'overdue') {
      if (
        notice &&
        (await ctx.repo.update(notice.id, notice.state as 'open', {
          state: 'resolved',
          resolved_at: when,
          updated_at: when,
        }))
      ) {
        counts.resolved += 1;
        await audit(ctx, 'notice.resolve', d.id, { notice: notice.id, kind: 'freshness' });
      }
      continue;
    }
    if (notice || d.data_updated_at === null || state.expectedBy === null) continue;
    const problems = [
      {
        field: 'data_updated_at',
        message: `the data was last updated ${mailDateTime(d.data_updated_at, ctx.timeZone)} and is declared ${describeFrequency(d.update_frequency)}: import the new data, or correct the update frequency`,
      },
    ];
    const id = randomUUID();
    const stored = await ctx.repo.insert({
      id,
      dataset_id: d.id,
      department_id: d.department.id,
      kind: 'freshness',
      state: 'open',
      problems: JSON.stringify(problems),
      issued_at: when,
      due_at: state.expectedBy,
      updated_at: when,
      escalated_at: null,
      resolved_at: null,
      withdrawn_at: null,
      republished_at: null,
    });
    if (!stored) continue;
    counts.opened += 1;
    await audit(ctx, 'notice.open', d.id, {
      notice: id,
      kind: 'freshness',
      problems,
      dueAt: state.expectedBy,
    });
    const mail = freshnessMail(
      { ...mailDataset(d), updateFrequency: d.update_frequency },
      d.data_updated_at,
      state.expectedBy,
      links(ctx, d.id),
      ctx.timeZone,
    );
    await send(ctx, await people.stewards(d.department.id, [d.steward.email]), mail, 'stewardship_freshness');
  }
}

/** Opens `silent` faults for quiet datastreams and clears those that report again; the number of silent feeds. */
export async function watchSilentFeeds(ctx: WatchContext, at: Date): Promise<number> {
  const silent = await ctx.sensors.qc.silentStreams(at.getTime());
  const quiet = new Set(silent.map((s) => s.datastreamId));
  for (const s of silent) {
    await ctx.reports.sensorFault({
      datastreamId: s.datastreamId,
      datasetId: s.datasetId,
      kind: 'silent',
      state: 'open',
      since: s.lastObservation ?? at.toISOString(),
      at: at.toISOString(),
      detail: s.lastObservation
        ? `${s.name} has sent nothing since ${mailDateTime(s.lastObservation, ctx.timeZone)} (its gap limit is ${Math.round(s.gapMs / 60_000)} min)`
        : `${s.name} has never reported`,
    });
  }
  for (const fault of await ctx.reports.openFaults()) {
    if (fault.kind !== 'silent' || quiet.has(fault.datastreamId)) continue;
    await ctx.reports.sensorFault({
      datastreamId: fault.datastreamId,
      datasetId: null,
      kind: 'silent',
      state: 'cleared',
      since: at.toISOString(),
      at: at.toISOString(),
      detail: 'reporting again',
    });
  }
  return silent.length;
}
