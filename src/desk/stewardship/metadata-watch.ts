/**
 * The metadata watch: every published dataset against DCAT-US and the city's rules. Gaps open a corrective notice
 * to the department's stewards with a due date; a changed list of gaps updates it; a complete dataset closes it.
 * Past the due date (and the city's grace) the notice escalates to the administrators and, when the city's policy
 * says so, the dataset is unpublished with a public note until it is complete, then published again by the watch.
 * Only what the watch itself withdrew is republished: a dataset a person unpublished stays as they left it.
 */
import { randomUUID } from 'node:crypto';
import type { Dataset } from '../../catalog/catalog.schema.js';
import { completeness, sameProblems } from '../../catalog/completeness.js';
import { escalationMail, noticeMail, resolvedMail, withdrawnMail } from './notice-mails.js';
import { dueFrom, escalates } from './policy.js';
import {
  audit,
  links,
  mailDataset,
  problemsOf,
  send,
  type Recipients,
  type WatchContext,
} from './stewardship.context.js';
import type { NoticeRow } from './stewardship.repo.js';
import type { WatchRun } from './stewardship.types.js';

type Counts = Omit<WatchRun, 'at' | 'silentFeeds'>;

/** Whether the watch judges this dataset now: published, or withdrawn by the watch and waiting to be fixed. */
const inScope = (d: Dataset, notice: NoticeRow | undefined) =>
  d.status === 'published' ||
  (d.status === 'unpublished' && notice?.withdrawn_at != null && notice.republished_at === null);

export async function watchMetadata(
  ctx: WatchContext,
  datasets: readonly Dataset[],
  unresolved: ReadonlyMap<string, NoticeRow>,
  people: Recipients,
  at: Date,
  counts: Counts,
): Promise<void> {
  const when = at.toISOString();
  const stewardsOf = (d: Dataset) => people.stewards(d.department.id, [d.steward.email]);

  async function open(d: Dataset, problems: { field: string; message: string }[]): Promise<void> {
    const dueAt = dueFrom(at, ctx.policy).toISOString();
    const id = randomUUID();
    const stored = await ctx.repo.insert({
      id,
      dataset_id: d.id,
      department_id: d.department.id,
      kind: 'metadata',
      state: 'open',
      problems: JSON.stringify(problems),
      issued_at: when,
      due_at: dueAt,
      updated_at: when,
      escalated_at: null,
      resolved_at: null,
      withdrawn_at: null,
      republished_at: null,
    });
    if (!stored) return;
    counts.opened += 1;
    await audit(ctx, 'notice.open', d.id, { notice: id, kind: 'metadata', problems, dueAt });
    const mail = noticeMail(mailDataset(d), problems, dueAt, links(ctx, d.id), {
      timeZone: ctx.timeZone,
      withdrawOnExpiry: ctx.policy.withdrawOnExpiry,
    });
    await send(ctx, await stewardsOf(d), mail, 'stewardship_notice');
  }

  async function resolve(d: Dataset, notice: NoticeRow): Promise<void> {
    const withdrawn = notice.withdrawn_at !== null && notice.republished_at === null;
    const republish = withdrawn && d.status === 'unpublished';
    if (
      !(await ctx.repo.update(notice.id, notice.state as 'open', {
        state: 'resolved',
        resolved_at: when,
        updated_at: when,
        ...(republish && { republished_at: when }),
      }))
    )
      return;
    counts.resolved += 1;
    await audit(ctx, 'notice.resolve', d.id, { notice: notice.id, kind: 'metadata' });
    if (republish) {
      await ctx.catalog.update(d.id, { status: 'published' });
      counts.republished += 1;
      await audit(ctx, 'dataset.republish', d.id, { notice: notice.id }, 'the metadata is complete again');
    }
    await send(
      ctx,
      await stewardsOf(d),
      resolvedMail(mailDataset(d), links(ctx, d.id), republish),
      'stewardship_resolved',
    );
  }

  async function escalate(d: Dataset, notice: NoticeRow, problems: { field: string; message: string }[]) {
    const withdraw = ctx.policy.withdrawOnExpiry && d.status === 'published';
    if (
      !(await ctx.repo.update(notice.id, 'open', {
        state: 'escalated',
        escalated_at: when,
        updated_at: when,
        ...(withdraw && { withdrawn_at: when }),
      }))
    )
      return;
    counts.escalated += 1;
    await audit(ctx, 'notice.escalate', d.id, {
      notice: notice.id,
      kind: 'metadata',
      dueAt: notice.due_at,
      problems,
    });
    if (withdraw) await withdrawDataset(d, notice, problems);
    const mail = escalationMail(mailDataset(d), problems, notice.due_at, links(ctx, d.id), {
      timeZone: ctx.timeZone,
      withdrawn: withdraw,
    });
    await send(ctx, await people.admins(), mail, 'stewardship_escalation');
  }

  async function withdrawDataset(
    d: Dataset,
    notice: NoticeRow,
    problems: { field: string; message: string }[],
  ) {
    await ctx.catalog.update(d.id, { status: 'unpublished' });
    counts.withdrawn += 1;
    await audit(
      ctx,
      'dataset.withdraw',
      d.id,
      { notice: notice.id, dueAt: notice.due_at, problems },
      'metadata incomplete past the due date of its corrective notice (city policy: withdraw on expiry)',
    );
    await send(
      ctx,
      await stewardsOf(d),
      withdrawnMail(mailDataset(d), problems, links(ctx, d.id)),
      'stewardship_withdrawn',
    );
  }

  for (const d of datasets) {
    const notice = unresolved.get(d.id);
    if (!inScope(d, notice)) continue;
    const problems = completeness(d, ctx.policy.rules);
    if (problems.length === 0) {
      if (notice) await resolve(d, notice);
      continue;
    }
    if (!notice) {
      await open(d, problems);
      continue;
    }
    if (!sameProblems(problemsOf(notice), problems)) {
      await ctx.repo.update(notice.id, notice.state as 'open', {
        problems: JSON.stringify(problems),
        updated_at: when,
      });
    }
    if (notice.state === 'open' && escalates(notice.due_at, at, ctx.policy)) {
      await escalate(d, notice, problems);
    } else if (
      // A city that turns withdrawal on after a notice escalated: withdraw it on the next pass (once only).
      notice.state === 'escalated' &&
      ctx.policy.withdrawOnExpiry &&
      notice.withdrawn_at === null &&
      d.status === 'published' &&
      (await ctx.repo.update(notice.id, 'escalated', { withdrawn_at: when, updated_at: when }))
    ) {
      await withdrawDataset(d, notice, problems);
    }
  }
}
