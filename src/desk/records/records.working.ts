/**
 * What staff do on a request they work on: assign it, write public messages and internal notes, extend it once
 * with a written notice, pause reminders, set fees, publish it or keep it private (releases: records.releases.ts).
 * Every action is audited; the requester hears of what concerns them.
 */
import { randomUUID } from 'node:crypto';
import { recordsErrors } from '../../errors.js';
import { extendedDeadline, type UnusualCircumstance } from '../deadlines/deadlines.js';
import type { DeskContext, DeskHelpers } from './records.context.js';
import { recordsRepo } from './records.repo.js';
import { assignedMail, extensionMail, extensionText, messageMail } from './records.notices.js';
import { checkExtensionInput, checkFees, runsDesk, text, throwIf } from './records.rules.js';
import type { DeskViewer, FeeLine, PaymentStatus, RequestDetail } from './records.types.js';

type Problems = { field: string; message: string }[];
const DESK_ROLES = new Set(['admin', 'clerk', 'steward']);

export function working(ctx: DeskContext, h: DeskHelpers) {
  const reload = (id: string, viewer: DeskViewer, now: Date) =>
    h.load(id).then((l) => h.present(l, viewer, now));

  return {
    async assign(
      id: string,
      viewer: DeskViewer,
      change: { departments?: string[]; userIds?: string[] },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, parts, staff } = await h.forStaff(id, viewer);
      h.refuseClosed(row);
      const problems: Problems = [];
      const departments = change.departments
        ? [...new Set(change.departments.map((d) => d.trim()))]
        : undefined;
      const sameDepartments =
        departments === undefined ||
        (departments.length === parts.departments.length &&
          departments.every((d) => parts.departments.includes(d)));
      if (!sameDepartments && !runsDesk(staff))
        throw recordsErrors.forbidden(
          'The Clerk routes requests to departments; ask the Clerk to change them.',
        );
      for (const d of departments ?? [])
        if (!(await ctx.catalog.departmentExists(d)))
          problems.push({ field: 'departments', message: `no department "${d}"` });
      const userIds = change.userIds ? [...new Set(change.userIds)] : undefined;
      for (const userId of userIds ?? []) {
        const user = await ctx.users.get(userId).catch(() => undefined);
        if (
          !user ||
          user.kind !== 'staff' ||
          user.status !== 'active' ||
          !user.roles.some((r) => DESK_ROLES.has(r.role))
        )
          problems.push({
            field: 'userIds',
            message: `"${userId}" is not an active member of staff on the desk`,
          });
      }
      throwIf(problems);
      await ctx.db.transaction().execute(async (tx) => {
        const repo = recordsRepo(tx);
        if (departments) await repo.setDepartments(id, departments);
        if (userIds) await repo.setAssignees(id, userIds);
        await repo.update(id, { updated_at: now.toISOString() });
      });
      await h.audit(staff, 'records.assign', row, {
        departments: departments ?? parts.departments,
        assignees: userIds ?? parts.assignees,
      });
      for (const userId of (userIds ?? []).filter((u) => !parts.assignees.includes(u))) {
        const user = await ctx.users.get(userId);
        await ctx.outbox.enqueue({
          to: user.email,
          ...assignedMail({ number: row.number, dueDate: row.due_date }, h.staffUrl(id)),
          kind: 'records_assigned',
        });
      }
      return reload(id, viewer, now);
    },

    async addMessage(
      id: string,
      viewer: DeskViewer,
      message: { kind: 'public' | 'internal'; body: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, staff } = await h.forStaff(id, viewer);
      h.refuseClosed(row);
      const problems: Problems = [];
      if (message.kind !== 'public' && message.kind !== 'internal')
        problems.push({ field: 'kind', message: 'public or internal' });
      const body = text(problems, 'body', message.body, { required: true });
      throwIf(problems);
      await ctx.repo.addMessage({
        id: randomUUID(),
        request_id: id,
        kind: message.kind,
        author: staff.name,
        author_id: staff.userId || null,
        body: body!,
        at: now.toISOString(),
      });
      if (message.kind === 'public')
        await h.toRequester(
          row,
          messageMail(h.notice(), row, { author: staff.name, body: body! }),
          'records_message',
        );
      await h.audit(staff, 'records.message', row, { kind: message.kind });
      return reload(id, viewer, now);
    },

    async extend(
      id: string,
      viewer: DeskViewer,
      extension: { reason: UnusualCircumstance; days: number; notice: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, staff } = await h.forStaff(id, viewer);
      h.refuseClosed(row);
      if (row.extension_reason !== null) throw recordsErrors.extensionUsed(row.number);
      const notice = checkExtensionInput(extension);
      // The notice is given within the first period (7922.535(b)): an overdue request cannot be extended.
      if (now.getTime() > Date.parse(row.initial_due_at))
        throw recordsErrors.extensionLate(row.number, row.initial_due_date);
      const due = extendedDeadline(
        { date: row.initial_due_date, at: new Date(row.initial_due_at) },
        extension.days,
        ctx.clock.calendar,
      );
      const at = now.toISOString();
      const words = {
        reason: extension.reason,
        days: extension.days,
        dueDate: due.date,
        notice,
        by: staff.name,
      };
      const extended = await ctx.db.transaction().execute(async (tx) => {
        const repo = recordsRepo(tx);
        const done = await repo.update(
          id,
          {
            status: 'extended',
            due_date: due.date,
            due_at: due.at.toISOString(),
            extension_reason: extension.reason,
            extension_days: extension.days,
            extension_notice: notice,
            extended_at: at,
            extended_by: staff.userId || null,
            updated_at: at,
          },
          { unlessClosed: true },
        );
        if (done)
          await repo.addMessage({
            id: randomUUID(),
            request_id: id,
            kind: 'public',
            author: staff.name,
            author_id: staff.userId || null,
            body: extensionText(words),
            at,
          });
        return done;
      });
      if (!extended) throw recordsErrors.closed(row.number);
      await h.toRequester(row, extensionMail(h.notice(), row, words), 'records_extension');
      await h.audit(staff, 'records.extend', row, {
        reason: extension.reason,
        days: extension.days,
        dueDate: due.date,
      });
      return reload(id, viewer, now);
    },

    async setPaused(
      id: string,
      viewer: DeskViewer,
      paused: boolean,
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, staff } = await h.forStaff(id, viewer);
      h.refuseClosed(row);
      await ctx.repo.update(id, { paused: paused ? 1 : 0, updated_at: now.toISOString() });
      await h.audit(staff, paused ? 'records.pause' : 'records.resume', row);
      return reload(id, viewer, now);
    },

    async setFees(
      id: string,
      viewer: DeskViewer,
      fees: { lines: Omit<FeeLine, 'id'>[]; payment: PaymentStatus; programmingJustification?: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, parts, staff } = await h.forStaff(id, viewer);
      h.refuseClosed(row);
      const checked = checkFees(fees);
      const before = JSON.stringify(parts.fees.map((f) => [f.kind, f.description, f.amount_cents]));
      const after = JSON.stringify(checked.lines.map((l) => [l.kind, l.description, l.amountCents]));
      const at = now.toISOString();
      await ctx.db.transaction().execute(async (tx) => {
        const repo = recordsRepo(tx);
        await repo.setFees(
          id,
          checked.lines.map((l, position) => ({
            id: randomUUID(),
            request_id: id,
            position,
            kind: l.kind,
            description: l.description,
            amount_cents: l.amountCents,
          })),
        );
        await repo.update(id, {
          payment_status: checked.payment,
          programming_justification: checked.programmingJustification,
          // The reconsideration period of a fee runs from when its lines were set, not from a payment.
          ...(before !== after && { fees_at: at }),
          updated_at: at,
        });
      });
      const total = checked.lines.reduce((sum, l) => sum + l.amountCents, 0);
      await h.audit(staff, 'records.fees', row, {
        totalCents: total,
        payment: checked.payment,
        programmingJustification: checked.programmingJustification,
      });
      return reload(id, viewer, now);
    },

    async setPublished(
      id: string,
      viewer: DeskViewer,
      published: boolean,
      privateReason?: string,
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, staff } = await h.forStaff(id, viewer);
      const problems: Problems = [];
      const reason = published ? undefined : text(problems, 'privateReason', privateReason);
      throwIf(problems);
      await ctx.repo.update(id, {
        published: published ? 1 : 0,
        private_reason: reason ?? null,
        updated_at: now.toISOString(),
      });
      await h.audit(staff, published ? 'records.publish' : 'records.unpublish', row, {}, reason ?? null);
      return reload(id, viewer, now);
    },
  };
}
