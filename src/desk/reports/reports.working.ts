/**
 * What staff do on a report of their department: move its status (closing as won't fix needs a reason;
 * reopening a closed one goes back to in progress), assign it to one of the department's stewards, reply
 * publicly (mailed to the reporter) and write internal notes. Every action is audited with its actor.
 *
 * A closed report refuses replies and assignment (reopen it first: the reporter is told it was reopened);
 * internal notes are still allowed, so that staff can record what happened after closing.
 */
import { randomUUID } from 'node:crypto';
import { reportErrors } from '../../errors.js';
import type { ReportsContext, ReportsHelpers } from './reports.context.js';
import { assignedMail, replyMail, statusMail } from './reports.mails.js';
import type { Presenter } from './reports.present.js';
import type { ReportRow } from './reports.repo.js';
import { checkBody, checkTransition, isClosed, LIMITS, type StaffViewer } from './reports.rules.js';
import type { ReportStatus, ReportViewer, StaffReportView } from './reports.types.js';

export function working(ctx: ReportsContext, h: ReportsHelpers, present: Presenter) {
  const reload = async (id: string) => present.staffView(await h.load(id), true);

  const event = (
    row: ReportRow,
    staff: StaffViewer,
    at: string,
    fields: Partial<Parameters<typeof ctx.repo.addEvent>[0]>,
  ) =>
    ctx.repo.addEvent({
      id: randomUUID(),
      report_id: row.id,
      kind: 'note',
      from_status: null,
      to_status: null,
      body: null,
      author: staff.name,
      author_id: staff.userId || null,
      at,
      ...fields,
    });

  function refuseClosed(row: ReportRow): void {
    if (isClosed(row.status)) throw reportErrors.closed(row.number);
  }

  async function setStatus(
    idOrNumber: string,
    viewer: ReportViewer,
    change: { status: ReportStatus; note?: string },
    now = ctx.now(),
  ): Promise<StaffReportView> {
    const { row, staff } = await h.forStaff(idOrNumber, viewer);
    const from = row.status as ReportStatus;
    const note = checkTransition(row.number, from, change.status, change.note);
    const to = change.status;
    const at = now.toISOString();
    const closing = isClosed(to);
    const done = await ctx.repo.update(
      row.id,
      {
        status: to,
        updated_at: at,
        closed_at: closing ? at : null,
        // The closing note is the reason or resolution; reopening clears it (the events keep the history).
        closing_note: closing ? note : null,
      },
      from,
    );
    // Someone else changed it meanwhile: judge the change again against what it is now.
    if (!done) return setStatus(idOrNumber, viewer, change, now);
    await event(row, staff, at, { kind: 'status', from_status: from, to_status: to, body: note });
    await h.audit(staff, isClosed(from) ? 'report.reopen' : 'report.status', row, { from, to }, note);
    const page = (await h.isPublic(row.dataset_id)) ? h.publicUrl(row.number) : null;
    await h.toReporter(row, statusMail(await h.facts(row), { from, to, note }, page), 'report_status');
    return reload(row.id);
  }

  return {
    setStatus,

    async assign(
      idOrNumber: string,
      viewer: ReportViewer,
      userId: string | null,
      now = ctx.now(),
    ): Promise<StaffReportView> {
      const { row, staff } = await h.forStaff(idOrNumber, viewer);
      refuseClosed(row);
      let assignee: { id: string; email: string; name: string } | undefined;
      if (userId !== null) {
        assignee = (await h.stewardsOf(row.department_id)).find((s) => s.id === userId);
        if (!assignee) throw reportErrors.badAssignee(userId, row.department_id);
      }
      const at = now.toISOString();
      await ctx.repo.update(row.id, { assignee_id: userId, updated_at: at });
      await event(row, staff, at, {
        kind: 'assigned',
        body: assignee ? `Assigned to ${assignee.name || assignee.email}` : 'Unassigned',
      });
      await h.audit(staff, 'report.assign', row, { from: row.assignee_id, to: userId });
      if (assignee && assignee.id !== row.assignee_id && assignee.id !== staff.userId)
        await h.send(
          assignee.email,
          assignedMail(await h.facts(row), staff.name, h.staffUrl(row.number)),
          'report_assigned',
        );
      return reload(row.id);
    },

    async reply(
      idOrNumber: string,
      viewer: ReportViewer,
      body: string,
      now = ctx.now(),
    ): Promise<StaffReportView> {
      const { row, staff } = await h.forStaff(idOrNumber, viewer);
      refuseClosed(row);
      const text = checkBody(body, LIMITS.body);
      const at = now.toISOString();
      await event(row, staff, at, { kind: 'reply', body: text });
      await ctx.repo.update(row.id, { updated_at: at });
      await h.audit(staff, 'report.reply', row, { mailed: row.email !== null });
      const page = (await h.isPublic(row.dataset_id)) ? h.publicUrl(row.number) : null;
      await h.toReporter(
        row,
        replyMail(await h.facts(row), { author: staff.name, body: text }, page),
        'report_reply',
      );
      return reload(row.id);
    },

    async note(
      idOrNumber: string,
      viewer: ReportViewer,
      body: string,
      now = ctx.now(),
    ): Promise<StaffReportView> {
      const { row, staff } = await h.forStaff(idOrNumber, viewer);
      const text = checkBody(body, LIMITS.body);
      const at = now.toISOString();
      await event(row, staff, at, { kind: 'note', body: text });
      await ctx.repo.update(row.id, { updated_at: at });
      await h.audit(staff, 'report.note', row);
      return reload(row.id);
    },
  };
}
