/**
 * Staff work on a quality report: the queue of their department, the status flow (acknowledged, in progress,
 * won't fix with a reason, reopened), assignment to a steward of the department, public replies mailed to the
 * reporter and internal notes kept from the public; every action audited with its actor. Another department's
 * steward finds nothing, and callers without the role are refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportSummary, ReportView, StaffReportView } from '../../src/desk/reports/reports.types.js';
import {
  auditOf,
  codeOf,
  fileReport,
  mailTo,
  setUpReports,
  type Filed,
  type ReportsApp,
} from '../fixtures/reports-api.js';
import { describeDb } from '../support/index.js';

const REPORTER = 'sam.reporter@example.org';

describeDb('quality reports: staff work', () => {
  let r: ReportsApp;
  let filed: Filed;
  let url: string;
  const act = (path: string, payload: object, who = r.works) =>
    who.inject({ method: 'POST', url: `${url}/${path}`, payload });
  const ok = async (path: string, payload: object) => {
    const res = await act(path, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<StaffReportView>();
  };
  const publicView = async () => {
    const res = await r.t.inject(`/api/v1/reports/${filed.report.number}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReportView>();
  };

  beforeAll(async () => {
    r = await setUpReports();
    filed = await fileReport(r.t, { datasetId: 'potholes', email: REPORTER, kind: 'out_of_date' });
    url = `/api/v1/staff/reports/${filed.report.number}`;
  });
  afterAll(() => r.t.close());

  it("lists the department's reports, open ones first, with who filed them", async () => {
    const other = await fileReport(r.t, { datasetId: 'potholes', kind: 'other' });
    await r.t.app.services.reports.setStatus(
      other.report.id,
      {
        kind: 'staff',
        userId: r.works.user.id,
        name: 'Wren Works',
        admin: false,
        departments: ['public-works'],
      },
      { status: 'resolved', note: 'Fixed in the April update.' },
    );
    const queue = (await r.works.inject('/api/v1/staff/reports')).json<{
      total: number;
      results: ReportSummary[];
    }>();
    expect(queue.results.map((x) => x.number)).toEqual([filed.report.number, other.report.number]);
    expect(
      (await r.works.inject('/api/v1/staff/reports?status=closed')).json<{ total: number }>().total,
    ).toBe(1);
    const admin = (await r.t.injectAsAdmin('/api/v1/staff/reports?department=public-works')).json<{
      total: number;
    }>();
    expect(admin.total).toBe(2);
    const view = (await r.works.inject(url)).json<StaffReportView>();
    expect(view).toMatchObject({ email: REPORTER, mayWork: true, assignee: null, status: 'received' });
  });

  it('moves through acknowledged and in progress, telling the reporter', async () => {
    expect((await ok('status', { status: 'acknowledged' })).status).toBe('acknowledged');
    const moved = await ok('status', { status: 'in_progress', note: 'Checking the work orders.' });
    expect(moved.status).toBe('in_progress');
    const mails = await mailTo(r.t, REPORTER, 'report_status');
    expect(mails).toHaveLength(2);
    expect(mails[0]?.body).toContain('in progress');
    expect(mails[0]?.body).toContain('Checking the work orders.');
    // Backwards is refused: only a closed report goes back, to in progress.
    expect(codeOf(await act('status', { status: 'acknowledged' }), 409)).toBe('report.bad_transition');
  });

  it('assigns the report to a steward of its department, who hears of it', async () => {
    const view = await ok('assign', { userId: r.works2.user.id });
    expect(view.assignee).toEqual({ id: r.works2.user.id, name: 'Quinn Works' });
    expect(await mailTo(r.t, r.works2.user.email, 'report_assigned')).toHaveLength(1);
    for (const userId of [r.police.user.id, r.viewer.user.id, 'nobody'])
      expect(codeOf(await act('assign', { userId }), 422)).toBe('report.bad_assignee');
  });

  it('mails public replies to the reporter and keeps internal notes among staff', async () => {
    await ok('replies', { body: 'We found the work order; the listing will be updated on Friday.' });
    await ok('notes', { body: 'Crew lead says the ticket was closed by mistake.' });
    const [mail] = await mailTo(r.t, REPORTER, 'report_reply');
    expect(mail?.body).toContain('We found the work order');
    expect(mail?.body).toContain(`http://plaza.test/reports/${filed.report.number}`);
    const pub = await publicView();
    expect(pub.events.map((e) => e.kind)).toEqual(['filed', 'status', 'status', 'reply']);
    expect(pub.events.every((e) => e.author === 'reporter' || e.author === 'Public Works')).toBe(true);
    expect(JSON.stringify(pub)).not.toContain('Crew lead');
    const follow = (await r.t.inject(`/api/v1/reports/follow/${filed.followToken}`)).body;
    expect(follow).not.toContain('Crew lead');
    expect(follow).not.toContain('Quinn');
    const staff = (await r.works.inject(url)).json<StaffReportView>();
    expect(staff.events.map((e) => e.kind)).toEqual([
      'filed',
      'status',
      'status',
      'assigned',
      'reply',
      'note',
    ]);
    expect(staff.events.at(-1)?.author).toBe('Wren Works');
    expect(codeOf(await act('replies', { body: '   ' }), 422)).toBe('report.invalid');
  });

  it("needs a reason to close as won't fix, then refuses replies until reopened", async () => {
    expect(codeOf(await act('status', { status: 'wont_fix' }), 422)).toBe('report.reason_required');
    const closed = await ok('status', {
      status: 'wont_fix',
      note: 'The listing follows the state registry.',
    });
    expect(closed).toMatchObject({
      status: 'wont_fix',
      closingNote: 'The listing follows the state registry.',
    });
    expect(closed.closedAt).not.toBeNull();
    expect((await publicView()).closingNote).toBe('The listing follows the state registry.');
    expect(codeOf(await act('replies', { body: 'One more thing.' }), 409)).toBe('report.closed');
    expect(codeOf(await act('assign', { userId: null }), 409)).toBe('report.closed');
    expect(codeOf(await act('status', { status: 'resolved' }), 409)).toBe('report.bad_transition');
    // Notes are still allowed on a closed report.
    await ok('notes', { body: 'Registry contact: see the shared folder.' });

    const reopened = await ok('status', { status: 'in_progress', note: 'The registry changed after all.' });
    expect(reopened).toMatchObject({ status: 'in_progress', closingNote: null, closedAt: null });
    const [mail] = await mailTo(r.t, REPORTER, 'report_status');
    expect(mail?.subject).toContain('reopened');
    await ok('replies', { body: 'Reopened: we will follow the new registry.' });
    const resolved = await ok('status', { status: 'resolved', note: 'Listing updated.' });
    expect(resolved.status).toBe('resolved');
  });

  it('audits every staff action with its actor', async () => {
    const entries = await auditOf(r.t, filed.report.id);
    expect(entries.map((e) => e.action)).toEqual([
      'report.file',
      'report.status',
      'report.status',
      'report.assign',
      'report.reply',
      'report.note',
      'report.status',
      'report.note',
      'report.reopen',
      'report.reply',
      'report.status',
    ]);
    const staff = entries.slice(1);
    expect(staff.every((e) => e.actor === 'Wren Works' && e.actor_id === r.works.user.id)).toBe(true);
    expect(entries.find((e) => e.action === 'report.reopen')?.reason).toBe('The registry changed after all.');
    expect(entries[0]?.actor).toBe('reporter');
  });

  it("gives another department's steward nothing: 404 on the report and every action", async () => {
    expect(codeOf(await r.police.inject(url), 404)).toBe('report.not_found');
    for (const [path, payload] of [
      ['status', { status: 'in_progress' }],
      ['assign', { userId: r.police.user.id }],
      ['replies', { body: 'Hello from another department.' }],
      ['notes', { body: 'Hello from another department.' }],
    ] as const)
      expect(codeOf(await act(path, payload, r.police), 404), path).toBe('report.not_found');
    const queue = (await r.police.inject('/api/v1/staff/reports?department=public-works')).json<{
      total: number;
    }>();
    expect(queue.total).toBe(0);
  });

  it('refuses callers without the steward or admin role', async () => {
    expect(codeOf(await r.t.inject('/api/v1/staff/reports'), 401)).toBe('auth.required');
    expect(codeOf(await r.viewer.inject('/api/v1/staff/reports'), 403)).toBe('auth.forbidden');
    expect(
      codeOf(
        await r.viewer.inject({ method: 'POST', url: `${url}/notes`, payload: { body: 'hi there' } }),
        403,
      ),
    ).toBe('auth.forbidden');
    // A session's write needs its CSRF token.
    const noCsrf = await r.t.inject({
      method: 'POST',
      url: `${url}/notes`,
      headers: { cookie: r.works.cookie },
      payload: { body: 'No token here.' },
    });
    expect(codeOf(noCsrf, 403)).toBe('auth.csrf');
  });
});
