/**
 * Filing a quality report through the API: what a report must hold (each problem with its code), routing to the
 * dataset's department, the acknowledgement mail, the private follow link, the public status page and list with
 * the description moderated, and the rate limit per address.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportSummary, ReportView } from '../../src/desk/reports/reports.types.js';
import {
  codeOf,
  DESCRIPTION,
  fileReport,
  mailTo,
  newIp,
  postReport,
  setUpReports,
  type ReportsApp,
} from '../fixtures/reports-api.js';
import { describeDb } from '../support/index.js';

const REPORTER = 'riley@example.org';

describeDb('quality reports: filing', () => {
  let r: ReportsApp;

  beforeAll(async () => {
    r = await setUpReports();
  });
  afterAll(() => r.t.close());

  it('says what to fix, field by field, with stable codes', async () => {
    const res = await postReport(r.t, {
      datasetId: 'potholes',
      description: 'broken',
      email: 'not-an-address',
      rowRef: 'x'.repeat(201),
      timeFrom: '2026-03-02T00:00:00Z',
      timeTo: '2026-03-01T00:00:00Z',
    });
    expect(codeOf(res, 422)).toBe('report.invalid');
    const problems = res.json<{ error: { details: { problems: { field: string; code: string }[] } } }>().error
      .details.problems;
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'description:too_short',
      'email:invalid',
      'rowRef:too_long',
      'timeTo:before_start',
    ]);
    const long = await postReport(r.t, { datasetId: 'potholes', description: 'x'.repeat(5001) });
    expect(codeOf(long, 422)).toBe('report.invalid');
    expect(long.body).toContain('at most 5000 characters');
    const badTime = await postReport(r.t, { datasetId: 'potholes', timeFrom: 'last Tuesday' });
    expect(codeOf(badTime, 422)).toBe('report.invalid');
    expect(badTime.body).toContain('ISO 8601');
    // The kind is one of the list, checked by the schema, which names the allowed values.
    const kind = await postReport(r.t, { datasetId: 'potholes', kind: 'typo' });
    expect(codeOf(kind, 400)).toBe('request.invalid');
    expect(kind.body).toContain('wrong_values');
    const unknownField = await postReport(r.t, { datasetId: 'potholes', datastream: 3 });
    expect(codeOf(unknownField, 400)).toBe('request.invalid');
  });

  it('refuses a dataset the reporter may not see, and a sensor that is not the dataset’s', async () => {
    for (const datasetId of ['no-such-data', 'np-data', 'draft-data'])
      expect(codeOf(await postReport(r.t, { datasetId }), 404), datasetId).toBe('dataset.not_found');
    const foreign = await postReport(r.t, { datasetId: 'air', datastreamId: r.resAir });
    expect(codeOf(foreign, 400)).toBe('report.unknown_datastream');
    const table = await postReport(r.t, { datasetId: 'potholes', datastreamId: r.air[0] });
    expect(codeOf(table, 400)).toBe('report.unknown_datastream');
  });

  it('routes a report to the dataset’s department and acknowledges it by mail with the private link', async () => {
    const filed = await fileReport(r.t, {
      datasetId: 'police-data',
      kind: 'metadata_error',
      email: 'Riley@Example.org',
      rowRef: 'call 2026-000123',
    });
    expect(filed.report).toMatchObject({
      number: expect.stringMatching(/^Q\d{2}-\d{4}$/),
      dataset: { id: 'police-data', title: 'Calls for service' },
      department: { id: 'police', name: 'Police' },
      kind: 'metadata_error',
      source: 'public',
      status: 'received',
      rowRef: 'call 2026-000123',
      datastream: null,
    });
    expect(filed.followUrl).toBe(`http://plaza.test/reports/follow/${filed.followToken}`);
    expect(filed.report.events.map((e) => [e.kind, e.author])).toEqual([['filed', 'reporter']]);

    const [ack] = await mailTo(r.t, REPORTER, 'report_acknowledgement');
    expect(ack?.subject).toContain(filed.report.number);
    expect(ack?.body).toContain(filed.followUrl);
    expect(ack?.body).toContain(`http://plaza.test/reports/${filed.report.number}`);
    expect(ack?.body).toContain('Police');
    expect(ack?.body).toContain('What happens next');

    // Police's steward has it in their queue; Public Works' does not.
    const queue = (await r.police.inject('/api/v1/staff/reports')).json<{ results: ReportSummary[] }>();
    expect(queue.results.map((x) => x.number)).toEqual([filed.report.number]);
    const other = (await r.works.inject('/api/v1/staff/reports')).json<{ results: ReportSummary[] }>();
    expect(other.results.map((x) => x.number)).not.toContain(filed.report.number);

    // The token is stored only as a digest; the link shows the report to whoever holds it.
    const row = await r.t.db.kysely
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', filed.report.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(filed.followToken);
    expect(row.email).toBe(REPORTER);
    const follow = await r.t.inject(`/api/v1/reports/follow/${filed.followToken}`);
    expect(follow.statusCode).toBe(200);
    expect(follow.headers['cache-control']).toBe('private, no-store');
    expect(follow.json<ReportView>().number).toBe(filed.report.number);
    expect(follow.body).not.toContain(REPORTER);
    expect(codeOf(await r.t.inject(`/api/v1/reports/follow/${'A'.repeat(43)}`), 404)).toBe(
      'report.not_found',
    );
  });

  it('files about one sensor of a dataset, with a time range, and sends no mail without an address', async () => {
    const before = await r.t.db.kysely.selectFrom('outbox').select('id').execute();
    const filed = await fileReport(r.t, {
      datasetId: 'air',
      datastreamId: r.air[1],
      kind: 'sensor_fault',
      timeFrom: '2026-03-01T20:00:00-08:00',
      timeTo: '2026-03-02T06:00:00Z',
    });
    expect(filed.report.datastream).toEqual({ id: r.air[1], name: 'Civic Center PM10' });
    expect(filed.report.timeFrom).toBe('2026-03-02T04:00:00.000Z');
    expect(filed.report.department.id).toBe('public-works');
    const after = await r.t.db.kysely.selectFrom('outbox').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('shows the public status page and list with contact details and links masked', async () => {
    const filed = await fileReport(r.t, {
      datasetId: 'potholes',
      description: 'Wrong address on row 12. Call me at 714-555-0199 or see https://spam.example/x please.',
    });
    const page = await r.t.inject(`/api/v1/reports/${filed.report.number}`);
    expect(page.statusCode, page.body).toBe(200);
    const view = page.json<ReportView>();
    expect(view.description).toBe(
      'Wrong address on row 12. Call me at [phone removed] or see [link removed] please.',
    );
    expect(page.body).not.toContain('555-0199');
    // Staff see what was written.
    const staff = await r.works.inject(`/api/v1/staff/reports/${filed.report.number}`);
    expect(staff.json<{ originalDescription: string }>().originalDescription).toContain('714-555-0199');

    const list = await r.t.inject('/api/v1/reports?dataset=potholes');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json<{ total: number; results: ReportSummary[] }>();
    expect(body.results.map((x) => x.number)).toContain(filed.report.number);
    expect(body.results.every((x) => x.dataset.id === 'potholes')).toBe(true);
    expect(body.total).toBe(body.results.length);
    const open = await r.t.inject('/api/v1/reports?status=open&kind=wrong_values');
    expect(open.json<{ results: ReportSummary[] }>().results.map((x) => x.number)).toContain(
      filed.report.number,
    );
    expect(codeOf(await r.t.inject('/api/v1/reports?status=lost'), 400)).toBe('request.invalid');
    expect(codeOf(await r.t.inject('/api/v1/reports?colour=red'), 400)).toBe('request.unknown_parameter');
    expect(codeOf(await r.t.inject('/api/v1/reports/Q99-9999'), 404)).toBe('report.not_found');
  });

  it('accepts five reports an hour from one address, then answers 429 with Retry-After', async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++)
      await fileReport(r.t, { datasetId: 'potholes', description: `${DESCRIPTION} ${i}` }, ip);
    const sixth = await postReport(r.t, { datasetId: 'potholes' }, ip);
    expect(codeOf(sixth, 429)).toBe('report.rate_limited');
    const wait = Number(sixth.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    // Another address is not affected, and invalid attempts never counted.
    await fileReport(r.t, { datasetId: 'potholes' }, newIp());
    // Only a salted hash of the address is kept.
    const filings = await r.t.db.kysely.selectFrom('reports_filings').selectAll().execute();
    expect(JSON.stringify(filings)).not.toContain(ip);
  });

  it('allows 20 a day: an hour later the address may file again until the day’s limit', async () => {
    const desk = r.t.app.services.reports;
    const ip = newIp();
    const start = Date.parse('2026-04-01T08:00:00Z');
    const at = (hours: number) => new Date(start + hours * 3_600_000);
    const input = { datasetId: 'potholes', kind: 'other' as const, description: DESCRIPTION, ip };
    for (let hour = 0; hour < 4; hour++)
      for (let i = 0; i < 5; i++) await desk.file(input, new Date(at(hour).getTime() + i * 60_000));
    await expect(desk.file(input, at(4.5))).rejects.toMatchObject({ code: 'report.rate_limited' });
    await expect(desk.file(input, at(23.9))).rejects.toMatchObject({ code: 'report.rate_limited' });
    // A day after the first ones, the address may file again.
    await expect(desk.file(input, at(24.2))).resolves.toMatchObject({ report: { status: 'received' } });
    // Staff filing on the city's behalf are not limited.
    const staff = { ...input, viewer: { admin: false, staff: true } };
    await expect(desk.file(staff, at(24.3))).resolves.toBeDefined();
  });
});
