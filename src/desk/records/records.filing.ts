/**
 * What the requester does: file a request (no account; the private follow link is the key), follow it, withdraw
 * it, and ask the Clerk to reconsider a denial or a fee within the city's period.
 */
import { randomUUID } from 'node:crypto';
import { digest, randomToken } from '../../access/secrets.js';
import type { RecordsAttachmentTable } from '../../db/desk-schema.js';
import { recordsErrors } from '../../errors.js';
import { initialDeadline, localDate } from '../deadlines/deadlines.js';
import type { DeskContext, DeskHelpers } from './records.context.js';
import { cleanFileName } from './records.files.js';
import { recordsRepo, type RequestRow } from './records.repo.js';
import { acknowledgementMail, newRequestMail, reconsiderationAskedMail } from './records.notices.js';
import { reconsiderationLastDay, withinReconsideration } from './records.present.js';
import { checkEmail, text, throwIf } from './records.rules.js';
import { LIMITS, PREFERRED_FORMATS } from './records.schema.js';
import type { DeskViewer, NewRequest, PreferredFormat, RequestDetail } from './records.types.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const MAX_ATTACHMENTS = 10;

export function filing(ctx: DeskContext, h: DeskHelpers) {
  async function check(input: NewRequest) {
    const problems: { field: string; message: string }[] = [];
    const description = text(problems, 'description', input.description, {
      required: true,
      min: LIMITS.description.min,
      max: LIMITS.description.max,
    });
    const format = input.preferredFormat ?? 'electronic';
    if (!(PREFERRED_FORMATS as readonly string[]).includes(format))
      problems.push({ field: 'preferredFormat', message: `use one of ${PREFERRED_FORMATS.join(', ')}` });
    const departmentId = input.departmentId?.trim() || undefined;
    if (departmentId && !(await ctx.catalog.departmentExists(departmentId)))
      problems.push({ field: 'departmentId', message: `no department "${departmentId}"` });
    const name = text(problems, 'name', input.name, { max: LIMITS.name });
    const email = checkEmail(problems, input.email);
    const phone = text(problems, 'phone', input.phone, { max: LIMITS.phone });
    if ((input.attachments?.length ?? 0) > MAX_ATTACHMENTS)
      problems.push({ field: 'attachments', message: `at most ${MAX_ATTACHMENTS} files` });
    throwIf(problems);
    return { description: description!, format: format as PreferredFormat, departmentId, name, email, phone };
  }

  return {
    async submit(
      input: NewRequest,
      now = ctx.now(),
    ): Promise<{ request: RequestDetail; followToken: string }> {
      let fields;
      try {
        fields = await check(input);
      } catch (error) {
        for (const a of input.attachments ?? []) await ctx.store.discard(a.path).catch(() => undefined);
        throw error;
      }
      const id = randomUUID();
      const followToken = randomToken();
      const at = now.toISOString();
      const deadline = initialDeadline(now, ctx.clock.calendar);
      const year = Number(localDate(now, ctx.clock.calendar.timeZone).slice(0, 4));
      const attachments: RecordsAttachmentTable[] = [];
      for (const a of input.attachments ?? []) {
        const stored = await ctx.store.adopt(a.path, id).catch(async (error: unknown) => {
          await ctx.store.removeFolder(id);
          throw error;
        });
        attachments.push({
          id: randomUUID(),
          request_id: id,
          file_path: stored.relativePath,
          file_name: cleanFileName(a.fileName),
          media_type: a.mediaType || 'application/octet-stream',
          size: stored.size,
          created_at: at,
        });
      }
      const insert = ctx.db.transaction().execute(async (tx) => {
        const repo = recordsRepo(tx);
        const seq = await repo.nextSeq(year);
        const row: RequestRow = {
          id,
          number: `R${String(year % 100).padStart(2, '0')}-${String(seq).padStart(4, '0')}`,
          year,
          seq,
          description: fields.description,
          preferred_format: fields.format,
          requester_name: fields.name ?? null,
          requester_email: fields.email ?? null,
          requester_phone: fields.phone ?? null,
          follow_token_hash: digest(followToken),
          status: 'open',
          close_reason: null,
          close_note: null,
          referred_to: null,
          received_at: at,
          due_date: deadline.date,
          due_at: deadline.at.toISOString(),
          initial_due_date: deadline.date,
          initial_due_at: deadline.at.toISOString(),
          extension_reason: null,
          extension_days: null,
          extension_notice: null,
          extended_at: null,
          extended_by: null,
          paused: 0,
          published: 0,
          private_reason: null,
          payment_status: 'not_required',
          programming_justification: null,
          fees_at: null,
          closed_at: null,
          reminded_on: null,
          created_at: at,
          updated_at: at,
        };
        await repo.insert(row, fields.departmentId ? [fields.departmentId] : [], attachments);
        return row;
      });
      const row = await insert.catch(async (error: unknown) => {
        await ctx.store.removeFolder(id);
        throw error;
      });
      const facts = { number: row.number, description: row.description, dueDate: row.due_date };
      await h.toRequester(row, acknowledgementMail(h.notice(followToken), facts), 'records_acknowledgement');
      await ctx.outbox.enqueue({
        to: ctx.clerk.email,
        ...newRequestMail(facts, h.staffUrl(id)),
        kind: 'records_new',
      });
      await h.audit({ kind: 'requester', requestId: id }, 'records.submit', row, {
        department: fields.departmentId ?? null,
        attachments: attachments.length,
      });
      const request = await h.present(await h.load(id), { kind: 'requester', requestId: id }, now, {
        followToken,
      });
      return { request, followToken };
    },

    async byFollowToken(token: string, now = ctx.now()): Promise<RequestDetail | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const row = await ctx.repo.findByToken(digest(token));
      if (!row) return undefined;
      return h.present(await h.load(row.id), { kind: 'requester', requestId: row.id }, now, {
        followToken: token,
      });
    },

    async withdraw(id: string, viewer: DeskViewer, now = ctx.now()): Promise<RequestDetail> {
      const { row } = await h.forRequester(id, viewer);
      h.refuseClosed(row);
      const at = now.toISOString();
      const done = await ctx.repo.update(
        id,
        { status: 'closed', close_reason: 'withdrawn', closed_at: at, updated_at: at },
        { unlessClosed: true },
      );
      if (!done) throw recordsErrors.closed(row.number);
      await h.audit(viewer, 'records.withdraw', row);
      return h.present(await h.load(id), viewer, now);
    },

    async askReconsideration(
      id: string,
      viewer: DeskViewer,
      ask: { subject: 'denial' | 'fee'; reason: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const { row, parts } = await h.forRequester(id, viewer);
      const problems: { field: string; message: string }[] = [];
      if (ask.subject !== 'denial' && ask.subject !== 'fee')
        problems.push({ field: 'subject', message: 'ask about the denial or the fee' });
      const reason = text(problems, 'reason', ask.reason, { required: true });
      throwIf(problems);
      // The decision asked about, and when it was made: the period runs from it.
      const decidedAt =
        ask.subject === 'denial'
          ? row.status === 'closed' &&
            parts.denial &&
            (row.close_reason === 'denied' || row.close_reason === 'partially_fulfilled')
            ? parts.denial.at
            : undefined
          : parts.fees.some((f) => f.amount_cents > 0) && row.fees_at
            ? row.fees_at
            : undefined;
      if (!decidedAt) throw recordsErrors.nothingToReconsider(ask.subject);
      if (!withinReconsideration(decidedAt, now, ctx.clock))
        throw recordsErrors.reconsiderationLate(reconsiderationLastDay(decidedAt, ctx.clock));
      const pending = parts.reconsiderations.find(
        (r) => r.subject === ask.subject && r.decision === 'pending',
      );
      if (pending) throw recordsErrors.reconsiderationPending(pending.id);
      await ctx.repo.addReconsideration({
        id: randomUUID(),
        request_id: id,
        subject: ask.subject,
        reason: reason!,
        requested_at: now.toISOString(),
        decision: 'pending',
        decision_note: null,
        decided_at: null,
        decided_by_id: null,
        decided_by_name: null,
        decided_by_title: null,
      });
      await ctx.outbox.enqueue({
        to: ctx.clerk.email,
        ...reconsiderationAskedMail(row, { subject: ask.subject, reason: reason! }, h.staffUrl(id)),
        kind: 'records_reconsideration_asked',
      });
      await h.audit(viewer, 'records.reconsideration_ask', row, { subject: ask.subject });
      return h.present(await h.load(id), viewer, now);
    },
  };
}
