/**
 * Reports the sensor checks open by themselves: a datastream that keeps failing gets one open `sensor_fault`
 * report per fault kind (source `automatic`), mailed to its department's stewards at once; when good data comes
 * again the report is resolved with a note and the stewards hear of that too. Idempotent: a fault said twice
 * opens one report (the partial unique index makes sure of it even when two nodes say it at once), a clearing
 * with nothing open does nothing.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { SensorFault } from '../../sensors/qc/qc.types.js';
import type { ReportsContext, ReportsHelpers } from './reports.context.js';
import { faultClearedMail, faultOpenedMail } from './reports.mails.js';
import { AUTOMATIC_AUTHOR } from './reports.present.js';
import { reportsRepo, type ReportRow } from './reports.repo.js';
import { reportNumber } from './reports.rules.js';

const instant = (text: string, fallback: Date): Date => {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? fallback : new Date(ms);
};

export function faults(ctx: ReportsContext, h: ReportsHelpers) {
  async function mailStewards(
    row: ReportRow,
    mail: (staffUrl: string) => { subject: string; body: string },
    kind: string,
  ) {
    const message = mail(h.staffUrl(row.number));
    for (const steward of await h.stewardsOf(row.department_id)) await h.send(steward.email, message, kind);
  }

  async function open(fault: SensorFault): Promise<void> {
    if (await ctx.repo.openFault(fault.datastreamId, fault.kind)) return;
    const stream = await ctx.repo.datastream(fault.datastreamId);
    const datasetId = fault.datasetId ?? stream?.datasetId ?? null;
    // A datastream outside any dataset has no department to route to.
    if (!datasetId) return;
    let department: string;
    try {
      department = (await ctx.catalog.get(datasetId, { admin: true })).department.id;
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return;
      throw error;
    }
    const noticed = instant(fault.at, ctx.now());
    const at = noticed.toISOString();
    const year = noticed.getUTCFullYear();
    const name = stream?.name ?? `Datastream ${fault.datastreamId}`;
    const description =
      fault.detail.trim() || `${name}: ${fault.kind.replace('_', ' ')} since ${fault.since}`;
    let row: ReportRow;
    try {
      row = await ctx.db.transaction().execute(async (tx) => {
        const repo = reportsRepo(tx);
        const seq = await repo.nextSeq(year);
        const report: ReportRow = {
          id: randomUUID(),
          number: reportNumber(year, seq),
          year,
          seq,
          dataset_id: datasetId,
          datastream_id: fault.datastreamId,
          department_id: department,
          kind: 'sensor_fault',
          source: 'automatic',
          fault_kind: fault.kind,
          status: 'received',
          description,
          email: null,
          row_ref: null,
          time_from: instant(fault.since, noticed).toISOString(),
          time_to: null,
          user_id: null,
          lang: 'en',
          follow_token_hash: null,
          assignee_id: null,
          closing_note: null,
          created_at: at,
          updated_at: at,
          closed_at: null,
        };
        await repo.insert(report, {
          id: randomUUID(),
          report_id: report.id,
          kind: 'filed',
          from_status: null,
          to_status: 'received',
          body: null,
          author: AUTOMATIC_AUTHOR,
          author_id: null,
          at,
        });
        return report;
      });
    } catch (error) {
      // Another caller opened it first (the unique index refused this one): nothing more to do.
      if (await ctx.repo.openFault(fault.datastreamId, fault.kind)) return;
      throw error;
    }
    await h.audit('system', 'report.fault_open', row, {
      datastream: fault.datastreamId,
      fault: fault.kind,
      since: fault.since,
    });
    const facts = await h.facts(row);
    await mailStewards(
      row,
      (url) => faultOpenedMail(facts, { kind: fault.kind, since: fault.since, detail: description }, url),
      'report_sensor_fault',
    );
  }

  async function clear(fault: SensorFault): Promise<void> {
    const row = await ctx.repo.openFault(fault.datastreamId, fault.kind);
    if (!row) return;
    const at = instant(fault.at, ctx.now()).toISOString();
    // The time is the report's closedAt; the note says what was seen, in words.
    const note = `Cleared automatically: the sensor sends good data again.${fault.detail.trim() ? ` ${fault.detail.trim()}.` : ''}`;
    const done = await ctx.repo.update(
      row.id,
      { status: 'resolved', closing_note: note, closed_at: at, updated_at: at },
      row.status,
    );
    if (!done) return clear(fault);
    await ctx.repo.addEvent({
      id: randomUUID(),
      report_id: row.id,
      kind: 'status',
      from_status: row.status,
      to_status: 'resolved',
      body: note,
      author: AUTOMATIC_AUTHOR,
      author_id: null,
      at,
    });
    await h.audit('system', 'report.fault_clear', row, { datastream: fault.datastreamId, fault: fault.kind });
    const facts = await h.facts(row);
    await mailStewards(
      row,
      (url) => faultClearedMail(facts, { at, detail: fault.detail }, url),
      'report_sensor_fault_cleared',
    );
  }

  return {
    async sensorFault(fault: SensorFault): Promise<void> {
      if (fault.state === 'open') await open(fault);
      else await clear(fault);
    },

    async openFaults(): Promise<{ datastreamId: number; kind: string; report: string }[]> {
      return (await ctx.repo.openFaults()).map((r) => ({
        datastreamId: r.datastream_id!,
        kind: r.fault_kind!,
        report: r.number,
      }));
    },
  };
}
