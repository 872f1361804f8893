/**
 * Reminders to the people working on a request that is due soon or overdue: at most one a day per request (the
 * city's calendar), none while reminders are paused (the legal clock runs on). A request nobody is assigned to
 * reminds the Clerk's office.
 */
import { deadlineState, localDate } from '../deadlines/deadlines.js';
import type { DeskContext, DeskHelpers } from './records.context.js';
import { reminderMail } from './records.notices.js';
import { deadlineOf } from './records.present.js';

export function reminders(ctx: DeskContext, h: DeskHelpers) {
  return {
    async sendReminders(now = ctx.now()): Promise<number> {
      const today = localDate(now, ctx.clock.calendar.timeZone);
      let sent = 0;
      for (const row of await ctx.repo.remindable(today)) {
        const state = deadlineState(now, deadlineOf(row), {
          dueSoonDays: ctx.clock.dueSoonDays,
          calendar: ctx.clock.calendar,
        });
        if (state !== 'due_soon' && state !== 'overdue') continue;
        // Another node's run may have taken this request today: only the one that marks it sends.
        if (!(await ctx.repo.markReminded(row.id, today))) continue;
        const { assignees } = await ctx.repo.parts(row.id);
        const addresses = new Set<string>();
        for (const userId of assignees) {
          const user = await ctx.users.get(userId).catch(() => undefined);
          if (user && user.status === 'active') addresses.add(user.email);
        }
        if (addresses.size === 0) addresses.add(ctx.clerk.email);
        const mail = reminderMail({ number: row.number, dueDate: row.due_date, state }, h.staffUrl(row.id));
        for (const to of addresses) await ctx.outbox.enqueue({ to, ...mail, kind: 'records_reminder' });
        sent += 1;
      }
      return sent;
    },
  };
}
