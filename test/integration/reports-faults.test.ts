/**
 * Reports the sensor checks open by themselves: one open report per datastream and fault kind whatever how often
 * the fault is said, mailed to the department's stewards at once, resolved with a note (and mailed) when good
 * data comes again; the investigations the APIs and pages flag; the digest's list of reports filed since a time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SensorFault } from '../../src/sensors/qc/qc.types.js';
import type { ReportView, StaffReportView } from '../../src/desk/reports/reports.types.js';
import {
  auditOf,
  codeOf,
  fileReport,
  mailTo,
  setUpReports,
  type ReportsApp,
} from '../fixtures/reports-api.js';
import { describeDb } from '../support/index.js';

describeDb('quality reports: automatic sensor faults', () => {
  let r: ReportsApp;
  const fault = (overrides: Partial<SensorFault> = {}): SensorFault => ({
    datastreamId: r.air[0]!,
    datasetId: 'air',
    kind: 'flat_line',
    state: 'open',
    since: '2026-05-01T08:00:00.000Z',
    at: '2026-05-01T12:10:00.000Z',
    detail: 'PM2.5 unchanged at 12.4 µg/m³ for 4 h 10 min',
    ...overrides,
  });
  const automatic = () =>
    r.t.db.kysely
      .selectFrom('reports')
      .selectAll()
      .where('source', '=', 'automatic')
      .orderBy('number')
      .execute();

  beforeAll(async () => {
    r = await setUpReports();
  });
  afterAll(() => r.t.close());

  it('opens one sensor-fault report however often the fault is said, and mails the stewards once', async () => {
    const desk = r.t.app.services.reports;
    await desk.sensorFault(fault());
    await desk.sensorFault(fault({ at: '2026-05-01T12:20:00.000Z' }));
    await Promise.all([desk.sensorFault(fault()), desk.sensorFault(fault())]);
    const rows = await automatic();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'sensor_fault',
      source: 'automatic',
      fault_kind: 'flat_line',
      status: 'received',
      department_id: 'public-works',
      datastream_id: r.air[0],
      description: 'PM2.5 unchanged at 12.4 µg/m³ for 4 h 10 min',
      time_from: '2026-05-01T08:00:00.000Z',
      created_at: '2026-05-01T12:10:00.000Z',
      email: null,
      follow_token_hash: null,
    });
    for (const steward of [r.works, r.works2]) {
      const mails = await mailTo(r.t, steward.user.email, 'report_sensor_fault');
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toContain('Civic Center PM2.5');
      expect(mails[0]?.body).toContain('unchanged at 12.4');
      expect(mails[0]?.body).toContain(`http://plaza.test/staff/reports/${rows[0]!.number}`);
    }
    expect(await mailTo(r.t, r.police.user.email)).toHaveLength(0);
    // Another kind of fault on the same datastream is another report.
    await desk.sensorFault(fault({ kind: 'silent', detail: 'No data for 2 h (limit 30 min)' }));
    expect(await automatic()).toHaveLength(2);
    expect(await desk.openFaults()).toEqual([
      { datastreamId: r.air[0], kind: 'flat_line', report: rows[0]!.number },
      { datastreamId: r.air[0], kind: 'silent', report: (await automatic())[1]!.number },
    ]);
  });

  it('flags the datastream under investigation, with a public page only for public data', async () => {
    const desk = r.t.app.services.reports;
    await desk.sensorFault(fault({ datastreamId: r.resAir, datasetId: 'res-air', kind: 'failing' }));
    const found = await desk.investigations([r.air[0]!, r.air[1]!, r.resAir]);
    const [flat] = await automatic();
    expect(found.get(r.air[0]!)).toEqual({
      report: flat!.number,
      url: `/reports/${flat!.number}`,
      since: '2026-05-01T12:10:00.000Z',
    });
    expect(found.has(r.air[1]!)).toBe(false);
    expect(found.get(r.resAir)?.url).toBeNull();
    // A person's report about a sensor flags it too.
    const filed = await fileReport(r.t, { datasetId: 'air', datastreamId: r.air[1], kind: 'sensor_fault' });
    expect((await desk.investigations([r.air[1]!])).get(r.air[1]!)?.report).toBe(filed.report.number);
    // The automatic report's public page shows it as the checks' own.
    const page = await r.t.inject(`/api/v1/reports/${flat!.number}`);
    expect(page.json<ReportView>().events[0]).toMatchObject({
      kind: 'filed',
      author: 'automatic quality checks',
    });
  });

  it('resolves the report with a note when good data comes again, and tells the stewards', async () => {
    const desk = r.t.app.services.reports;
    const [flat] = await automatic();
    await desk.sensorFault(
      fault({ state: 'cleared', at: '2026-05-01T15:00:00.000Z', detail: '3 good values' }),
    );
    await desk.sensorFault(fault({ state: 'cleared', at: '2026-05-01T15:05:00.000Z' }));
    const view = (await r.works.inject(`/api/v1/staff/reports/${flat!.number}`)).json<StaffReportView>();
    expect(view).toMatchObject({ status: 'resolved', closedAt: '2026-05-01T15:00:00.000Z' });
    expect(view.closingNote).toContain('Cleared automatically');
    expect(view.events.at(-1)).toMatchObject({
      kind: 'status',
      to: 'resolved',
      author: 'automatic quality checks',
    });
    const cleared = await mailTo(r.t, r.works.user.email, 'report_sensor_fault_cleared');
    expect(cleared).toHaveLength(1);
    expect((await desk.investigations([r.air[0]!])).get(r.air[0]!)?.report).not.toBe(flat!.number);
    expect((await desk.openFaults()).map((f) => f.kind).sort()).toEqual(['failing', 'silent']);
    // A clearing with nothing open does nothing; a fault said again later opens a new report.
    await desk.sensorFault(fault({ state: 'cleared', kind: 'flat_line', datastreamId: r.air[1]! }));
    await desk.sensorFault(fault({ at: '2026-05-02T09:00:00.000Z' }));
    expect((await automatic()).filter((x) => x.fault_kind === 'flat_line')).toHaveLength(2);
    expect((await auditOf(r.t, flat!.id)).map((e) => [e.action, e.actor])).toEqual([
      ['report.fault_open', 'system'],
      ['report.fault_clear', 'system'],
    ]);
  });

  it('ignores a datastream outside any dataset: there is no department to tell', async () => {
    await r.t.app.services.reports.sensorFault(fault({ datastreamId: 999_999, datasetId: null }));
    expect((await automatic()).some((x) => x.datastream_id === 999_999)).toBe(false);
  });

  it("lists a department's reports filed since a time, for the daily digest", async () => {
    const desk = r.t.app.services.reports;
    const since = new Date('2026-05-01T12:15:00.000Z');
    const works = await desk.filedSince('public-works', since);
    expect(works.length).toBeGreaterThan(0);
    expect(works.every((x) => x.department.id === 'public-works' && x.createdAt >= since.toISOString())).toBe(
      true,
    );
    const created = works.map((x) => x.createdAt);
    expect(created).toEqual([...created].sort());
    expect(await desk.filedSince('police', since)).toEqual([]);
    // The public sees the resolved automatic report of public data, not the open one of restricted data.
    const [flat] = await automatic();
    const closed = await r.t.inject('/api/v1/reports?source=automatic&status=closed');
    expect(closed.json<{ results: { number: string }[] }>().results.map((x) => x.number)).toEqual([
      flat!.number,
    ]);
    expect(codeOf(await r.t.inject('/api/v1/reports?source=robot'), 400)).toBe('request.invalid');
  });
});
