/**
 * The decisions on a request: closing it with a reason (a denial in writing, with its exemptions and the people
 * responsible), and the Clerk's decision on a reconsideration, which reopens a request whose denial is reversed
 * or modified, and waives a fee that is reversed.
 */
import { recordsErrors } from '../../errors.js';
import type { DeskContext, DeskHelpers } from './records.context.js';
import { recordsRepo } from './records.repo.js';
import { closedMail, denialMail, reconsiderationDecisionMail } from './records.notices.js';
import { reconsiderationLastDay } from './records.present.js';
import { checkClosing, runsDesk, text, throwIf } from './records.rules.js';
import type { CloseReason, Denial, DeskViewer, RequestDetail } from './records.types.js';

export function decisions(ctx: DeskContext, h: DeskHelpers) {
  const reload = (id: string, viewer: DeskViewer, now: Date) =>
    h.load(id).then((l) => h.present(l, viewer, now));

  return {
    async close(
      id: string,
      viewer: DeskViewer,
      closing: { reason: CloseReason; note: string; denial?: Omit<Denial, 'at'>; referredTo?: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, staff } = await h.forStaff(id, viewer);
      h.refuseClosed(row);
      const checked = checkClosing(closing);
      const at = now.toISOString();
      const closed = await ctx.db.transaction().execute(async (tx) => {
        const repo = recordsRepo(tx);
        const done = await repo.update(
          id,
          {
            status: 'closed',
            close_reason: checked.reason,
            close_note: checked.note,
            referred_to: checked.referredTo,
            closed_at: at,
            updated_at: at,
          },
          { unlessClosed: true },
        );
        if (done && checked.denial)
          await repo.putDenial({
            request_id: id,
            scope: checked.denial.scope,
            exemptions: JSON.stringify(checked.denial.exemptions),
            responsible: JSON.stringify(checked.denial.responsible),
            explanation: checked.denial.explanation,
            at,
            by_id: staff.userId || null,
          });
        return done;
      });
      if (!closed) throw recordsErrors.closed(row.number);
      const mail = checked.denial
        ? denialMail(h.notice(), row, checked.denial, {
            days: ctx.clock.reconsiderationDays,
            until: reconsiderationLastDay(at, ctx.clock),
          })
        : closedMail(h.notice(), row, checked);
      await h.toRequester(row, mail, checked.denial ? 'records_denial' : 'records_closed');
      await h.audit(
        staff,
        'records.close',
        row,
        {
          reason: checked.reason,
          ...(checked.denial && {
            scope: checked.denial.scope,
            exemptions: checked.denial.exemptions,
            responsible: checked.denial.responsible,
          }),
          ...(checked.referredTo && { referredTo: checked.referredTo }),
        },
        checked.note,
      );
      return reload(id, viewer, now);
    },

    async decideReconsideration(
      id: string,
      reconsiderationId: string,
      viewer: DeskViewer,
      decision: { decision: 'upheld' | 'reversed' | 'modified'; note: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      if (viewer.kind !== 'staff' || !runsDesk(viewer))
        throw recordsErrors.forbidden(
          'Reconsiderations are decided by the City Clerk (or an administrator).',
        );
      const { row, parts } = await h.load(id);
      const asked = parts.reconsiderations.find((r) => r.id === reconsiderationId);
      if (!asked) throw recordsErrors.notFound(reconsiderationId);
      if (asked.decision !== 'pending') throw recordsErrors.reconsiderationDecided(asked.id);
      const problems: { field: string; message: string }[] = [];
      if (!['upheld', 'reversed', 'modified'].includes(decision.decision))
        problems.push({ field: 'decision', message: 'upheld, reversed or modified' });
      const note = text(problems, 'note', decision.note, { required: true });
      throwIf(problems);
      const by = { name: viewer.name, title: viewer.clerk ? ctx.clerk.title : 'Portal administrator' };
      const at = now.toISOString();
      const changes = decision.decision !== 'upheld';
      const decided = await ctx.db.transaction().execute(async (tx) => {
        const repo = recordsRepo(tx);
        const done = await repo.decideReconsideration(asked.id, {
          decision: decision.decision,
          decision_note: note!,
          decided_at: at,
          decided_by_id: viewer.userId || null,
          decided_by_name: by.name,
          decided_by_title: by.title,
        });
        if (!done) return false;
        // A denial reversed or modified: the request is worked on again (staff release what is now disclosable).
        if (changes && asked.subject === 'denial' && row.status === 'closed')
          await repo.update(id, {
            status: row.extension_reason !== null ? 'extended' : 'open',
            close_reason: null,
            close_note: null,
            closed_at: null,
            updated_at: at,
          });
        if (decision.decision === 'reversed' && asked.subject === 'fee')
          await repo.update(id, { payment_status: 'waived', updated_at: at });
        return true;
      });
      if (!decided) throw recordsErrors.reconsiderationDecided(asked.id);
      await h.toRequester(
        row,
        reconsiderationDecisionMail(h.notice(), row, {
          subject: asked.subject as 'denial' | 'fee',
          decision: decision.decision,
          note: note!,
          by,
        }),
        'records_reconsideration_decision',
      );
      await h.audit(
        viewer,
        'records.reconsideration_decide',
        row,
        {
          reconsideration: asked.id,
          subject: asked.subject,
          decision: decision.decision,
        },
        note,
      );
      return reload(id, viewer, now);
    },
  };
}
