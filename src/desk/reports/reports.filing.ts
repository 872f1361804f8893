/**
 * What a reporter does: file a report about a dataset they may see (or one of its sensors), and follow it
 * through the private link. Routed to the dataset's department, acknowledged by mail, rate limited by address.
 */
import { randomUUID } from 'node:crypto';
import { digest, randomToken } from '../../access/secrets.js';
import { PUBLIC_VIEWER } from '../../catalog/visibility.js';
import { reportErrors } from '../../errors.js';
import type { ReportsContext, ReportsHelpers } from './reports.context.js';
import { acknowledgementMail } from './reports.mails.js';
import type { Presenter } from './reports.present.js';
import { reportsRepo, type ReportRow } from './reports.repo.js';
import { checkNewReport, reportNumber, retryAfter } from './reports.rules.js';
import type { NewReport, ReportView } from './reports.types.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function filing(ctx: ReportsContext, h: ReportsHelpers, present: Presenter) {
  return {
    async file(input: NewReport, now = ctx.now()): Promise<{ report: ReportView; followToken: string }> {
      const fields = checkNewReport(input);
      const viewer = input.viewer ?? PUBLIC_VIEWER;
      // dataset.not_found when the reporter may not see the dataset: it does not exist for them.
      const dataset = await ctx.catalog.get(input.datasetId.trim(), viewer);
      let datastreamId: number | null = null;
      if (input.datastreamId !== undefined && input.datastreamId !== null) {
        const stream = Number.isSafeInteger(input.datastreamId)
          ? await ctx.repo.datastream(input.datastreamId)
          : undefined;
        if (!stream || stream.datasetId !== dataset.id)
          throw reportErrors.unknownDatastream(Number(input.datastreamId), dataset.id);
        datastreamId = stream.id;
      }
      const limited = input.ip && !viewer.admin && !viewer.staff ? await h.ipHash(input.ip) : undefined;
      if (limited) {
        const wait = retryAfter(await ctx.repo.filingsOf(limited, now), now);
        if (wait) throw reportErrors.rateLimited(wait.seconds, wait.limit);
      }

      const id = randomUUID();
      const followToken = randomToken();
      const at = now.toISOString();
      const year = now.getUTCFullYear();
      const row = await ctx.db.transaction().execute(async (tx) => {
        const repo = reportsRepo(tx);
        const seq = await repo.nextSeq(year);
        const report: ReportRow = {
          id,
          number: reportNumber(year, seq),
          year,
          seq,
          dataset_id: dataset.id,
          datastream_id: datastreamId,
          department_id: dataset.department.id,
          kind: fields.kind,
          source: 'public',
          fault_kind: null,
          status: 'received',
          description: fields.description,
          email: fields.email,
          row_ref: fields.rowRef,
          time_from: fields.timeFrom,
          time_to: fields.timeTo,
          user_id: input.userId ?? null,
          lang: fields.lang,
          follow_token_hash: digest(followToken),
          assignee_id: null,
          closing_note: null,
          created_at: at,
          updated_at: at,
          closed_at: null,
        };
        await repo.insert(report, {
          id: randomUUID(),
          report_id: id,
          kind: 'filed',
          from_status: null,
          to_status: 'received',
          body: null,
          author: 'reporter',
          author_id: input.userId ?? null,
          at,
        });
        if (limited) await repo.addFiling(limited, at);
        return report;
      });

      const isPublic = await h.isPublic(dataset.id);
      await h.toReporter(
        row,
        acknowledgementMail(await h.facts(row), {
          follow: h.followUrl(followToken),
          publicPage: isPublic ? h.publicUrl(row.number) : null,
        }),
        'report_acknowledgement',
      );
      await h.audit({ kind: 'reporter', reportId: id }, 'report.file', row, {
        dataset: dataset.id,
        datastream: datastreamId,
        department: dataset.department.id,
        kind: fields.kind,
      });
      return { report: await present.publicView(row), followToken };
    },

    async byFollowToken(token: string): Promise<ReportView | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const row = await ctx.repo.findByToken(digest(token));
      return row && present.publicView(row);
    },
  };
}
