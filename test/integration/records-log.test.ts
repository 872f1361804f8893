/**
 * The public face of the desk: the log (published requests only, searchable and filterable, never who asked),
 * its CSV, one published request, the numbers; and the daily reminders to the people working on requests.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskNumbers, RequestSummary } from '../../src/desk/records/records.types.js';
import { parseRfc4180 } from '../fixtures/tables.js';
import {
  CLERK_EMAIL,
  fileAt,
  mailTo,
  setUpDesk,
  staffViewer,
  type Desk,
  type StaffViewer,
} from '../fixtures/records-desk.js';
import { describeDb } from '../support/index.js';

/** Who asked, in words that must never appear in a public answer. */
const identity = (n: number) => ({
  name: `Quinn Requester${n}`,
  email: `quinn${n}@private.example`,
  phone: `714-555-01${String(n).padStart(2, '0')}`,
});
const IDENTITY_WORDS = [1, 2, 3, 4, 5].flatMap((n) => Object.values(identity(n)));

interface LogPage {
  total: number;
  results: RequestSummary[];
}

describeDb('records desk: the public log and the numbers', () => {
  let d: Desk;
  let clerk: StaffViewer;
  const ids: Record<string, { id: string; number: string }> = {};

  beforeAll(async () => {
    d = await setUpDesk();
    clerk = staffViewer(d.clerk.user, { clerk: true });
    const desk = d.t.app.services.desk;
    // Received on Monday 2026-03-02 (before 5 pm local): due Thursday 2026-03-12, 11:59 pm.
    const filings = [
      ['potholes', '2026-03-02T18:00:00Z', 'public-works', 'Pothole repair orders on Main Street.', true],
      [
        'trees',
        '2026-03-09T18:00:00Z',
        'public-works',
        '=HYPERLINK("http://evil.example") tree trimming',
        true,
      ],
      ['arrests', '2026-03-16T18:00:00Z', 'police', 'Arrest logs for the week of March 2.', true],
      ['private', '2026-03-16T19:00:00Z', 'police', 'Records of a domestic violence case.', false],
      ['unpublished', '2026-03-17T18:00:00Z', 'police', 'Body camera footage from March 3.', false],
    ] as const;
    for (const [i, [key, at, department, description, published]] of filings.entries()) {
      const { request } = await fileAt(d.t, at, {
        departmentId: department,
        description,
        ...identity(i + 1),
      });
      ids[key] = { id: request.id, number: request.number };
      if (published) await desk.setPublished(request.id, clerk, true, undefined, new Date(at));
    }
    await desk.setPublished(ids.private!.id, clerk, false, 'Victim privacy (Gov. Code 7927.705).');
    // Potholes: closed on day 8 (on time). Arrests: closed after its due moment (late).
    await desk.close(
      ids.potholes!.id,
      clerk,
      { reason: 'fulfilled', note: '' },
      new Date('2026-03-10T18:00:00Z'),
    );
    await desk.close(
      ids.arrests!.id,
      clerk,
      { reason: 'fulfilled', note: '' },
      new Date('2026-03-28T18:00:00Z'),
    );
  });
  afterAll(() => d.t.close());

  const log = async (query = '') => {
    const res = await d.t.inject(`/api/v1/records-log${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { page: res.json<LogPage>(), body: res.body };
  };

  it('lists published requests only, newest first, never who asked', async () => {
    const { page, body } = await log();
    expect(page.results.map((r) => r.number)).toEqual([
      ids.arrests!.number,
      ids.trees!.number,
      ids.potholes!.number,
    ]);
    expect(page.total).toBe(3);
    for (const words of [...IDENTITY_WORDS, 'domestic violence', 'Body camera', 'Victim privacy'])
      expect(body).not.toContain(words);
    for (const key of ['private', 'unpublished']) {
      const res = await d.t.inject(`/api/v1/records-log/${ids[key]!.number}`);
      expect(res.statusCode).toBe(404);
    }
    for (const key of ['potholes', 'trees', 'arrests']) {
      const res = await d.t.inject(`/api/v1/records-log/${ids[key]!.number}`);
      expect(res.statusCode).toBe(200);
      for (const words of IDENTITY_WORDS) expect(res.body).not.toContain(words);
    }
  });

  it('searches descriptions and filters by status, department and dates received', async () => {
    expect((await log('?q=POTHOLE')).page.results.map((r) => r.number)).toEqual([ids.potholes!.number]);
    expect((await log('?q=50%25')).page.total).toBe(0);
    expect((await log('?status=open')).page.results.map((r) => r.number)).toEqual([ids.trees!.number]);
    expect((await log('?department=police')).page.results.map((r) => r.number)).toEqual([
      ids.arrests!.number,
    ]);
    const range = await log('?from=2026-03-03&to=2026-03-09');
    expect(range.page.results.map((r) => r.number)).toEqual([ids.trees!.number]);
    const paged = await log('?limit=1&offset=1');
    expect(paged.page).toMatchObject({ total: 3, results: [{ number: ids.trees!.number }] });
    const bad = await d.t.inject('/api/v1/records-log?from=March');
    expect(bad.statusCode).toBe(400);
  });

  it('exports the log as CSV, with what spreadsheets would run made inert', async () => {
    const res = await d.t.inject('/api/v1/records-log.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parseRfc4180(res.body);
    expect(rows[0]).toEqual([
      'number',
      'received_at',
      'due_date',
      'status',
      'close_reason',
      'closed_at',
      'departments',
      'description',
      'url',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      ids.arrests!.number,
      ids.trees!.number,
      ids.potholes!.number,
    ]);
    const trees = rows.find((r) => r[0] === ids.trees!.number)!;
    expect(trees[7]!.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows.find((r) => r[0] === ids.potholes!.number)).toEqual([
      ids.potholes!.number,
      '2026-03-02T18:00:00.000Z',
      '2026-03-12',
      'closed',
      'fulfilled',
      '2026-03-10T18:00:00.000Z',
      'Public Works',
      'Pothole repair orders on Main Street.',
      `http://plaza.test/records/log/${ids.potholes!.number}`,
    ]);
    for (const words of [...IDENTITY_WORDS, 'domestic violence', 'Body camera'])
      expect(res.body).not.toContain(words);
    const filtered = parseRfc4180((await d.t.inject('/api/v1/records-log.csv?department=police')).body);
    expect(filtered.slice(1).map((r) => r[0])).toEqual([ids.arrests!.number]);
  });

  it('counts on-time rate, median days to close, open and overdue, by department', async () => {
    const desk = d.t.app.services.desk;
    const numbers = await desk.numbers({ kind: 'public' }, new Date('2026-04-01T18:00:00Z'));
    expect(numbers).toEqual<DeskNumbers>({
      onTimeRate: 0.5,
      // 8 days (March 2 to 10) and 12 days (March 16 to 28).
      medianDaysToClose: 10,
      open: 3,
      overdue: 3,
      byDepartment: [
        { id: 'police', name: 'Police', open: 2, overdue: 2, closed: 1, onTimeRate: 0 },
        { id: 'public-works', name: 'Public Works', open: 1, overdue: 1, closed: 1, onTimeRate: 1 },
      ],
    });
    const early = await desk.numbers({ kind: 'public' }, new Date('2026-03-18T18:00:00Z'));
    expect(early.overdue).toBe(0);
    const steward = await desk.numbers(
      staffViewer(d.works.user, { departments: ['public-works'] }),
      new Date('2026-04-01T18:00:00Z'),
    );
    expect(steward).toMatchObject({ open: 1, onTimeRate: 1, byDepartment: [{ id: 'public-works' }] });
    const res = await d.t.inject('/api/v1/records-numbers');
    expect(res.statusCode).toBe(200);
    expect(res.json<DeskNumbers>()).toMatchObject({ onTimeRate: 0.5, medianDaysToClose: 10, open: 3 });
  });
});

describeDb('records desk: reminders', () => {
  let d: Desk;

  beforeAll(async () => {
    d = await setUpDesk();
  });
  afterAll(() => d.t.close());

  it('reminds the assignees of requests due soon or overdue, once a day, not while paused', async () => {
    const desk = d.t.app.services.desk;
    const clerk = staffViewer(d.clerk.user, { clerk: true });
    // Due Thursday 2026-03-12 (11:59 pm local); due soon from Monday 2026-03-09 (3 days before).
    const { request: assigned } = await fileAt(d.t, '2026-03-02T18:00:00Z', { departmentId: 'public-works' });
    await desk.assign(assigned.id, clerk, { userIds: [d.works.user.id] }, new Date('2026-03-02T19:00:00Z'));
    const { request: paused } = await fileAt(d.t, '2026-03-02T18:30:00Z', { departmentId: 'public-works' });
    await desk.assign(paused.id, clerk, { userIds: [d.works.user.id] });
    await desk.setPaused(paused.id, clerk, true);
    const { request: nobody } = await fileAt(d.t, '2026-03-02T19:00:00Z');

    const reminders = () => mailTo(d.t, d.works.user.email, 'records_reminder');
    expect(await desk.sendReminders(new Date('2026-03-06T17:00:00Z'))).toBe(0);
    expect(await desk.sendReminders(new Date('2026-03-09T17:00:00Z'))).toBe(2);
    expect((await reminders()).map((m) => m.subject)).toEqual([
      `Due soon: public records request ${assigned.number}`,
    ]);
    expect((await mailTo(d.t, CLERK_EMAIL, 'records_reminder')).map((m) => m.subject)).toEqual([
      `Due soon: public records request ${nobody.number}`,
    ]);
    // Later the same local day: nothing more.
    expect(await desk.sendReminders(new Date('2026-03-10T06:00:00Z'))).toBe(0);
    // After the due moment: overdue, the next day again.
    expect(await desk.sendReminders(new Date('2026-03-13T17:00:00Z'))).toBe(2);
    expect((await reminders())[0]?.subject).toBe(`Overdue: public records request ${assigned.number}`);
    // Closed requests are not reminded.
    await desk.close(assigned.id, clerk, { reason: 'fulfilled', note: '' }, new Date('2026-03-14T17:00:00Z'));
    expect(await desk.sendReminders(new Date('2026-03-14T18:00:00Z'))).toBe(1);
    expect(await reminders()).toHaveLength(2);
  });
});
