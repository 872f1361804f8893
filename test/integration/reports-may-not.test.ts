/**
 * What may not happen with quality reports: a report about a restricted dataset (its metadata is public, its data
 * is not) or a non-public one never appears on a public endpoint (the list, its counts, the page by number,
 * investigations' links), while its reporter's private link and the department's staff still see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSummary, ReportView, StaffReportView } from '../../src/desk/reports/reports.types.js';
import { createDeveloper, createKey, keyHeaders } from '../fixtures/accounts.js';
import { codeOf, fileReport, setUpReports, type Filed, type ReportsApp } from '../fixtures/reports-api.js';
import { describeDb } from '../support/index.js';

describeDb('quality reports: what may not be seen', () => {
  let r: ReportsApp;
  let pub: Filed;
  let restricted: Filed;
  let sensor: Filed;
  let nonPublic: ReportView;
  let nonPublicToken: string;
  let developer: Record<string, string>;
  const hidden = () => [restricted.report, sensor.report, nonPublic];

  beforeAll(async () => {
    r = await setUpReports();
    pub = await fileReport(r.t, { datasetId: 'potholes' });
    // Anyone who sees a restricted dataset's metadata may report it.
    restricted = await fileReport(r.t, { datasetId: 'res-data', kind: 'metadata_error' });
    sensor = await fileReport(r.t, { datasetId: 'res-air', datastreamId: r.resAir, kind: 'sensor_fault' });
    // A non-public dataset is reported by those who see it: staff filing through the desk.
    const filed = await r.t.app.services.reports.file({
      datasetId: 'np-data',
      kind: 'missing_data',
      description: 'The March work orders are missing from the internal list.',
      viewer: { admin: false, staff: true },
    });
    nonPublic = filed.report;
    nonPublicToken = filed.followToken;
    developer = keyHeaders((await createKey(r.t, await createDeveloper(r.t))).secret);
  });
  afterAll(() => r.t.close());

  describe.each(['anonymous', 'developer'] as const)('as %s', (who) => {
    const get = (url: string) => r.t.inject({ url, headers: who === 'developer' ? developer : {} });

    it('never lists them, nor counts them', async () => {
      for (const url of [
        '/api/v1/reports',
        '/api/v1/reports?limit=200',
        '/api/v1/reports?status=open',
        '/api/v1/reports?dataset=res-data',
        '/api/v1/reports?dataset=res-air',
        '/api/v1/reports?dataset=np-data',
        '/api/v1/reports?kind=sensor_fault',
        '/api/v1/reports?kind=metadata_error',
        '/api/v1/reports?source=public',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        const body = res.json<{ total: number; results: ReportSummary[] }>();
        for (const report of hidden()) {
          expect(res.body, url).not.toContain(report.number);
          expect(res.body, url).not.toContain(report.id);
        }
        expect(
          body.results.every((x) => x.dataset.id === 'potholes'),
          url,
        ).toBe(true);
        expect(body.total, url).toBe(body.results.length);
      }
      expect((await get('/api/v1/reports')).json<{ total: number }>().total).toBe(1);
      expect((await get('/api/v1/reports?dataset=res-data')).json<{ total: number }>().total).toBe(0);
    });

    it('answers 404 for their public pages, by number and by id', async () => {
      for (const report of hidden())
        for (const key of [report.number, report.id])
          expect(codeOf(await get(`/api/v1/reports/${key}`), 404), key).toBe('report.not_found');
      expect((await get(`/api/v1/reports/${pub.report.number}`)).statusCode).toBe(200);
    });

    it('keeps them out of the staff API', async () => {
      for (const report of hidden()) {
        const res = await get(`/api/v1/staff/reports/${report.number}`);
        expect(res.statusCode).toBe(who === 'anonymous' ? 401 : 403);
        expect(res.body).not.toContain(report.number);
      }
    });
  });

  it('gives investigations of restricted data no public link', async () => {
    const found = await r.t.app.services.reports.investigations([r.resAir]);
    expect(found.get(r.resAir)).toMatchObject({ report: sensor.report.number, url: null });
  });

  it("shows them to their reporter's private link", async () => {
    for (const [token, number] of [
      [restricted.followToken, restricted.report.number],
      [sensor.followToken, sensor.report.number],
      [nonPublicToken, nonPublic.number],
    ]) {
      const res = await r.t.inject(`/api/v1/reports/follow/${token}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ReportView>().number).toBe(number);
    }
  });

  it("shows them to the department's stewards and admins, not to other departments", async () => {
    const queue = (await r.works.inject('/api/v1/staff/reports?limit=200')).json<{
      results: ReportSummary[];
    }>();
    for (const report of hidden()) expect(queue.results.map((x) => x.number)).toContain(report.number);
    for (const report of hidden()) {
      const view = await r.works.inject(`/api/v1/staff/reports/${report.number}`);
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json<StaffReportView>().mayWork).toBe(true);
      expect((await r.t.injectAsAdmin(`/api/v1/staff/reports/${report.number}`)).statusCode).toBe(200);
      expect(codeOf(await r.police.inject(`/api/v1/staff/reports/${report.number}`), 404)).toBe(
        'report.not_found',
      );
    }
    const police = (await r.police.inject('/api/v1/staff/reports?limit=200')).json<{ total: number }>();
    expect(police.total).toBe(0);
  });

  it('refuses a non-public or draft dataset to the public, as if it did not exist', async () => {
    for (const datasetId of ['np-data', 'draft-data']) {
      const res = await r.t.inject({
        method: 'POST',
        url: '/api/v1/reports',
        remoteAddress: '192.0.2.77',
        payload: { datasetId, kind: 'other', description: 'Something is wrong with this one.' },
      });
      expect(codeOf(res, 404)).toBe('dataset.not_found');
      expect(res.body).not.toContain('Internal work orders');
    }
  });
});
