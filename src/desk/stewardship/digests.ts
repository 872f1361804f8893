/**
 * The daily digest: from the city's digest hour, once per department per local day, one mail to its stewards with
 * the quality reports filed since the last digest, its datasets that are out of date and its open notices. A
 * department with nothing to report gets no mail that day (a later pass may still send one if something comes).
 */
import { freshness } from '../../catalog/freshness.js';
import { localParts } from '../deadlines/local-time.js';
import { digestMail, type DigestContent } from './notice-mails.js';
import { recipients, send, snapshot, type WatchContext } from './stewardship.context.js';
import type { DigestRun } from './stewardship.types.js';

const DAY = 86_400_000;

export async function sendDigests(ctx: WatchContext, at: Date): Promise<DigestRun> {
  const local = localParts(at, ctx.timeZone);
  const run: DigestRun = { at: at.toISOString(), sent: [] };
  if (local.hour < ctx.policy.digestHour) return run;
  const [{ datasets, departments }, unresolved] = await Promise.all([snapshot(ctx), ctx.repo.unresolved()]);
  const titles = new Map(datasets.map((d) => [d.id, d.title]));
  const people = recipients(ctx);
  for (const [departmentId, department] of departments) {
    if (await ctx.repo.digestSent(departmentId, local.date)) continue;
    const last = await ctx.repo.lastDigest(departmentId);
    const since = last ? new Date(last) : new Date(at.getTime() - DAY);
    const reports = await ctx.reports.filedSince(departmentId, since);
    const overdue = datasets
      .filter((d) => d.department.id === departmentId && d.status === 'published')
      .map((d) => ({ d, f: freshness(d.update_frequency, d.data_updated_at, at) }))
      .filter(({ f }) => f.state === 'overdue')
      .map(({ d, f }) => ({ id: d.id, title: d.title, expectedBy: f.expectedBy }));
    const notices = unresolved
      .filter((n) => n.department_id === departmentId)
      .sort((a, b) => a.due_at.localeCompare(b.due_at))
      .map((n) => ({
        dataset: titles.get(n.dataset_id) ?? n.dataset_id,
        kind: n.kind,
        state: n.state,
        dueAt: n.due_at,
      }));
    if (reports.length === 0 && overdue.length === 0 && notices.length === 0) continue;
    const to = await people.stewards(departmentId, [department.email]);
    if (to.length === 0) continue;
    if (!(await ctx.repo.claimDigest(departmentId, local.date, at.toISOString()))) continue;
    const content: DigestContent = {
      department: department.name,
      date: local.date,
      reports: reports.map((r) => ({
        number: r.number,
        dataset: r.dataset.title,
        kind: r.kind,
        status: r.status,
      })),
      overdue,
      notices,
    };
    const mail = digestMail(
      content,
      { notices: `${ctx.publicUrl}/staff/notices`, reports: `${ctx.publicUrl}/staff/reports` },
      ctx.timeZone,
    );
    await send(ctx, to, mail, 'stewardship_digest');
    run.sent.push(departmentId);
  }
  return run;
}
