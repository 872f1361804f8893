/**
 * A public records request from filing to closing, through the HTTP app: the acknowledgement, routing, messages,
 * the one extension with its written notice, fees, released documents, publication and closing; and a denial
 * with its exemptions and people responsible, the requester's reconsideration and the Clerk's decision.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RequestDetail } from '../../src/desk/records/records.types.js';
import { createDataset } from '../fixtures/tables.js';
import {
  CLERK_EMAIL,
  DESCRIPTION,
  fileOverHttp,
  mailTo,
  multipart,
  setUpDesk,
  type Desk,
} from '../fixtures/records-desk.js';
import { describeDb } from '../support/index.js';

const REQUESTER = { name: 'Riley Requester', email: 'riley@example.org', phone: '714-555-0199' };

describeDb('records desk: a request from filing to closing', () => {
  let d: Desk;
  let filed: { request: RequestDetail; followToken: string; followUrl: string };
  let id: string;
  const follow = () => d.t.inject(`/api/v1/records-requests/follow/${filed.followToken}`);
  const followed = async () => {
    const res = await follow();
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RequestDetail>();
  };

  beforeAll(async () => {
    d = await setUpDesk();
    await createDataset(d.t, { id: 'potholes', title: 'Pothole repairs', department: 'public-works' });
  });
  afterAll(() => d.t.close());

  it('files a request without an account and acknowledges it with its number, due date and private link', async () => {
    filed = await fileOverHttp(d.t, { ...REQUESTER, departmentId: 'public-works' });
    id = filed.request.id;
    expect(filed.request.number).toMatch(/^R\d{2}-0001$/);
    expect(filed.request.status).toBe('open');
    expect(filed.request.deadline).toBe('on_track');
    expect(filed.request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(filed.followUrl).toBe(`http://plaza.test/records/follow/${filed.followToken}`);

    const [ack] = await mailTo(d.t, REQUESTER.email, 'records_acknowledgement');
    expect(ack?.subject).toContain(filed.request.number);
    expect(ack?.body).toContain(filed.followUrl);
    expect(ack?.body).toContain('11:59 pm');
    expect(await mailTo(d.t, CLERK_EMAIL, 'records_new')).toHaveLength(1);

    const mine = await followed();
    expect(mine.requester).toEqual({ name: REQUESTER.name, email: REQUESTER.email, phone: REQUESTER.phone });
    expect(mine.departments).toEqual([{ id: 'public-works', name: 'Public Works' }]);
    // The token is stored only as a digest.
    const row = await d.t.db.kysely.selectFrom('records_requests').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(filed.followToken);
  });

  it('lets the Clerk route it to a department and a person, who hears of it', async () => {
    const res = await d.clerk.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/assign`,
      payload: { departments: ['public-works'], userIds: [d.works.user.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RequestDetail>().assignees).toEqual([{ userId: d.works.user.id, name: 'Wren Works' }]);
    expect(await mailTo(d.t, d.works.user.email, 'records_assigned')).toHaveLength(1);
    const queue = await d.works.inject('/api/v1/records-requests?mine=true');
    expect(queue.json<{ results: { id: string }[] }>().results.map((r) => r.id)).toEqual([id]);
  });

  it('mails public messages to the requester and keeps internal notes among staff', async () => {
    for (const [kind, body] of [
      ['public', 'We are searching the work order system.'],
      ['internal', 'Ask the street crew lead about paper logs.'],
    ]) {
      const res = await d.works.inject({
        method: 'POST',
        url: `/api/v1/records-requests/${id}/messages`,
        payload: { kind, body },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mails = await mailTo(d.t, REQUESTER.email, 'records_message');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body).toContain('We are searching the work order system.');
    const mine = await followed();
    expect(mine.messages.map((m) => m.body)).toEqual(['We are searching the work order system.']);
    const staff = (await d.works.inject(`/api/v1/records-requests/${id}`)).json<RequestDetail>();
    expect(staff.messages.map((m) => m.kind)).toEqual(['public', 'internal']);
  });

  it('extends the deadline once with a written notice, mailed and posted as a public message', async () => {
    const before = (await followed()).dueDate;
    const res = await d.works.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/extension`,
      payload: { reason: 'voluminous', days: 14, notice: 'Three years of work orders span four systems.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const extended = res.json<RequestDetail>();
    expect(extended.status).toBe('extended');
    expect(extended.dueDate > before).toBe(true);
    expect(extended.initialDueDate).toBe(before);
    expect(extended.extension).toMatchObject({ reason: 'voluminous', days: 14 });
    const [notice] = await mailTo(d.t, REQUESTER.email, 'records_extension');
    expect(notice?.body).toContain('Three years of work orders span four systems.');
    expect(notice?.body).toContain('voluminous amount of separate and distinct records');
    expect(notice?.body).toContain('7922.535');
    const message = (await followed()).messages.at(-1);
    expect(message?.body).toContain('Notice of extension');
    expect(message?.body).toContain('Three years of work orders span four systems.');
  });

  it('sets fees of direct costs with a payment status', async () => {
    const res = await d.works.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/fees`,
      payload: {
        lines: [
          { kind: 'duplication', description: '40 pages at 10 cents', amountCents: 400 },
          { kind: 'electronic_copy', description: 'USB drive', amountCents: 500 },
        ],
        payment: 'awaiting_payment',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await followed()).fees).toMatchObject({ totalCents: 900, payment: 'awaiting_payment' });
  });

  it('releases an upload, an offline record and a dataset, each seen only as far as its visibility', async () => {
    const upload = multipart(
      {
        title: 'Work orders 2025 (redacted)',
        visibility: 'public',
        redactionNote: 'Home addresses removed.',
      },
      [{ field: 'file', name: 'work-orders.csv', type: 'text/csv', content: 'order,street\n1,Main St\n' }],
    );
    let res = await d.works.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/documents`,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const payload of [
      {
        kind: 'offline',
        title: 'Paper crew logs',
        visibility: 'requester',
        description: 'At City Hall, room 12.',
      },
      { kind: 'dataset', title: 'Pothole repairs', visibility: 'public', datasetId: 'potholes' },
      { kind: 'offline', title: 'Draft review notes', visibility: 'staff', description: 'Kept by staff.' },
    ]) {
      res = await d.works.inject({
        method: 'POST',
        url: `/api/v1/records-requests/${id}/documents`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mine = await followed();
    expect(mine.documents.map((doc) => doc.title)).toEqual([
      'Work orders 2025 (redacted)',
      'Paper crew logs',
      'Pothole repairs',
    ]);
    const file = mine.documents[0]!;
    expect(file).toMatchObject({
      kind: 'upload',
      fileName: 'work-orders.csv',
      redactionNote: 'Home addresses removed.',
    });
    const download = await d.t.inject(file.url!);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('order,street\n1,Main St\n');
    expect(download.headers['content-disposition']).toContain('attachment');
    // Not published yet: the public address of the file does not answer anyone but staff.
    const fileId = file.id;
    expect((await d.t.inject(`/api/v1/records-requests/${id}/files/${fileId}`)).statusCode).toBe(404);
    expect((await d.works.inject(`/api/v1/records-requests/${id}/files/${fileId}`)).statusCode).toBe(200);
    expect(await mailTo(d.t, REQUESTER.email, 'records_release')).toHaveLength(3);
  });

  it('publishes the request: the log shows it without who asked, with its public documents', async () => {
    const res = await d.works.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/publication`,
      payload: { published: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const log = await d.t.inject('/api/v1/records-log');
    expect(log.json<{ total: number }>().total).toBe(1);
    const entry = await d.t.inject(`/api/v1/records-log/${filed.request.number}`);
    expect(entry.statusCode, entry.body).toBe(200);
    const shown = entry.json<RequestDetail>();
    expect(shown.documents.map((doc) => doc.title)).toEqual([
      'Work orders 2025 (redacted)',
      'Pothole repairs',
    ]);
    expect(shown.messages.every((m) => m.kind === 'public')).toBe(true);
    for (const secret of Object.values(REQUESTER)) expect(entry.body).not.toContain(secret);
    expect(entry.body).not.toContain('Ask the street crew lead');
    const file = await d.t.inject(`/api/v1/records-requests/${id}/files/${shown.documents[0]!.id}`);
    expect(file.statusCode).toBe(200);
  });

  it('closes it as fulfilled, on time, and tells the requester', async () => {
    const res = await d.works.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/close`,
      payload: { reason: 'fulfilled', note: 'All responsive records are released.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json<RequestDetail>();
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'fulfilled', deadline: 'met' });
    expect(closed.closedAt).not.toBeNull();
    const [mail] = await mailTo(d.t, REQUESTER.email, 'records_closed');
    expect(mail?.body).toContain('All responsive records are released.');
    const actions = await d.t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'records.submit',
      'records.assign',
      'records.message',
      'records.message',
      'records.extend',
      'records.fees',
      'records.release',
      'records.release',
      'records.release',
      'records.release',
      'records.publish',
      'records.close',
    ]);
  });

  it('accepts attachments with a request, for the requester and staff only', async () => {
    const form = multipart({ description: DESCRIPTION, email: 'attacher@example.org' }, [
      { field: 'attachments', name: 'map.txt', type: 'text/plain', content: 'the corner of Main and 1st' },
    ]);
    const res = await d.t.inject({ method: 'POST', url: '/api/v1/records-requests', ...form });
    expect(res.statusCode, res.body).toBe(201);
    const { request, followToken } = res.json<{ request: RequestDetail; followToken: string }>();
    const [attachment] = request.attachments ?? [];
    expect(attachment).toMatchObject({ fileName: 'map.txt', size: 26 });
    expect((await d.t.inject(attachment!.url!)).body).toBe('the corner of Main and 1st');
    expect(attachment!.url).toContain(followToken);
    const staffUrl = `/api/v1/records-requests/${request.id}/files/${attachment!.id}`;
    expect((await d.clerk.inject(staffUrl)).statusCode).toBe(200);
    expect((await d.t.inject(staffUrl)).statusCode).toBe(404);
  });
});

describeDb('records desk: a denial, its reconsideration and the decision', () => {
  let d: Desk;
  let id: string;
  let token: string;
  const requester = 'dana@example.org';

  beforeAll(async () => {
    d = await setUpDesk();
    const filed = await fileOverHttp(d.t, { email: requester, departmentId: 'police' });
    id = filed.request.id;
    token = filed.followToken;
  });
  afterAll(() => d.t.close());

  it('denies in writing, citing exemptions and naming each person responsible with their title', async () => {
    const res = await d.police.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/close`,
      payload: {
        reason: 'denied',
        note: 'Withheld in full.',
        denial: {
          scope: 'full',
          exemptions: ['Gov. Code 7923.600 (investigation records)'],
          responsible: [
            { name: 'Morgan Chief', title: 'Chief of Police' },
            { name: 'Casey Clerk', title: 'City Clerk' },
          ],
          explanation: 'The records are part of an open investigation.',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const denied = res.json<RequestDetail>();
    expect(denied.denial).toMatchObject({ scope: 'full', responsible: [{ title: 'Chief of Police' }, {}] });
    expect(denied.reconsiderationUntil?.denial).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [notice] = await mailTo(d.t, requester, 'records_denial');
    for (const words of [
      'Gov. Code 7923.600 (investigation records)',
      'Morgan Chief, Chief of Police',
      'Casey Clerk, City Clerk',
      'The records are part of an open investigation.',
      'reconsider this decision within 30 days',
      'petition',
      'superior court',
      '7923.000',
    ])
      expect(notice?.body).toContain(words);
  });

  it('lets the requester ask the Clerk to reconsider, and only the Clerk decide', async () => {
    let res = await d.t.inject({
      method: 'POST',
      url: `/api/v1/records-requests/follow/${token}/reconsiderations`,
      payload: { subject: 'denial', reason: 'The investigation closed last year; see the news release.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const asked = res.json<RequestDetail>().reconsiderations[0]!;
    expect(asked.decision).toBe('pending');
    expect(await mailTo(d.t, CLERK_EMAIL, 'records_reconsideration_asked')).toHaveLength(1);

    const decide = `/api/v1/records-requests/${id}/reconsiderations/${asked.id}/decision`;
    res = await d.police.inject({
      method: 'POST',
      url: decide,
      payload: { decision: 'reversed', note: 'No.' },
    });
    expect(res.statusCode, res.body).toBe(403);
    res = await d.clerk.inject({
      method: 'POST',
      url: decide,
      payload: { decision: 'reversed', note: 'The investigation is closed: release the records.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const reopened = res.json<RequestDetail>();
    expect(reopened).toMatchObject({ status: 'open', closeReason: null, denial: null });
    expect(reopened.reconsiderations[0]).toMatchObject({
      decision: 'reversed',
      decidedBy: { name: 'Casey Clerk', title: 'City Clerk' },
    });
    const [mail] = await mailTo(d.t, requester, 'records_reconsideration_decision');
    expect(mail?.body).toContain('The investigation is closed: release the records.');
  });

  it('reconsiders a fee too: reversing it waives the fee', async () => {
    let res = await d.police.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/fees`,
      payload: {
        lines: [{ kind: 'programming', description: 'Query of the records system', amountCents: 12_000 }],
        payment: 'awaiting_payment',
        programmingJustification: 'extraction',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await d.t.inject({
      method: 'POST',
      url: `/api/v1/records-requests/follow/${token}/reconsiderations`,
      payload: { subject: 'fee', reason: 'The data is already exported monthly; no programming is needed.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const asked = res.json<RequestDetail>().reconsiderations.find((r) => r.subject === 'fee')!;
    res = await d.clerk.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/reconsiderations/${asked.id}/decision`,
      payload: { decision: 'reversed', note: 'The monthly export answers the request.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RequestDetail>().fees.payment).toBe('waived');
  });
});
