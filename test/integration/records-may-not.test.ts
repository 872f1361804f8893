/**
 * What the records desk refuses, each with its stable code: another department's staff, another requester, a
 * second or too long extension, a programming fee on a simple copy request, a denial without exemptions or
 * without the people responsible, anything on a closed request, a late or misplaced reconsideration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../src/desk/records/records.types.js';
import { createDataset } from '../fixtures/tables.js';
import {
  codeOf,
  fileAt,
  fileOverHttp,
  multipart,
  refused,
  setUpDesk,
  staffViewer,
  type Desk,
} from '../fixtures/records-desk.js';
import { describeDb } from '../support/index.js';

const RESPONSIBLE = [{ name: 'Morgan Chief', title: 'Chief of Police' }];
const EXEMPTIONS = ['Gov. Code 7923.600 (investigation records)'];

describeDb('records desk: what may not be done', () => {
  let d: Desk;
  const post = (who: Desk['works'], id: string, action: string, payload: unknown) =>
    who.inject({
      method: 'POST',
      url: `/api/v1/records-requests/${id}/${action}`,
      payload: payload as object,
    });

  beforeAll(async () => {
    d = await setUpDesk();
  });
  afterAll(() => d.t.close());

  describe("another department's staff", () => {
    let id: string;
    beforeAll(async () => {
      id = (await fileOverHttp(d.t, { departmentId: 'public-works', email: 'pw@example.org' })).request.id;
    });

    it('neither see nor find an unpublished request of another department', async () => {
      expect(codeOf(await d.police.inject(`/api/v1/records-requests/${id}`), 404)).toBe('records.not_found');
      const queue = await d.police.inject('/api/v1/records-requests');
      expect(queue.json<{ total: number }>().total).toBe(0);
      expect(codeOf(await post(d.police, id, 'messages', { kind: 'public', body: 'Hello.' }), 404)).toBe(
        'records.not_found',
      );
      expect((await d.works.inject(`/api/v1/records-requests/${id}`)).statusCode).toBe(200);
      expect((await d.clerk.inject(`/api/v1/records-requests/${id}`)).statusCode).toBe(200);
    });

    it("never see another department's private request, and see a published one only as the public does", async () => {
      expect(
        (await post(d.works, id, 'publication', { published: false, privateReason: 'Victim privacy.' }))
          .statusCode,
      ).toBe(200);
      expect(codeOf(await d.police.inject(`/api/v1/records-requests/${id}`), 404)).toBe('records.not_found');
      expect(
        codeOf(
          await d.t.inject(
            `/api/v1/records-log/${(await d.works.inject(`/api/v1/records-requests/${id}`)).json<RequestDetail>().number}`,
          ),
          404,
        ),
      ).toBe('records.not_found');

      expect((await post(d.works, id, 'publication', { published: true })).statusCode).toBe(200);
      const seen = await d.police.inject(`/api/v1/records-requests/${id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json<RequestDetail>().requester).toBeUndefined();
      expect(seen.body).not.toContain('pw@example.org');
      expect(codeOf(await post(d.police, id, 'messages', { kind: 'public', body: 'Hello.' }), 403)).toBe(
        'records.forbidden',
      );
    });

    it('may not route a request to departments unless they are the Clerk', async () => {
      expect(codeOf(await post(d.works, id, 'assign', { departments: ['police'] }), 403)).toBe(
        'records.forbidden',
      );
      expect(
        (await post(d.clerk, id, 'assign', { departments: ['public-works', 'police'] })).statusCode,
      ).toBe(200);
    });

    it('may not reach the staff API without a desk role', async () => {
      expect((await d.viewer.inject('/api/v1/records-requests')).statusCode).toBe(403);
      expect((await d.t.inject('/api/v1/records-requests')).statusCode).toBe(401);
    });
  });

  describe('another requester', () => {
    it("sees neither another requester's request nor their files", async () => {
      const form = multipart({ description: 'Minutes of the parks commission, all of 2024.' }, [
        { field: 'attachments', name: 'note.txt', type: 'text/plain', content: 'private note' },
      ]);
      const res = await d.t.inject({ method: 'POST', url: '/api/v1/records-requests', ...form });
      const a = res.json<{ request: RequestDetail; followToken: string }>();
      const b = await fileOverHttp(d.t, { email: 'b@example.org' });
      const attachment = a.request.attachments![0]!;
      const other = `/api/v1/records-requests/follow/${b.followToken}/files/${attachment.id}`;
      expect(codeOf(await d.t.inject(other), 404)).toBe('records.not_found');
      expect(codeOf(await d.t.inject(`/api/v1/records-requests/follow/${'x'.repeat(43)}`), 404)).toBe(
        'records.not_found',
      );
      await refused(
        d.t.app.services.desk.get(a.request.id, { kind: 'requester', requestId: b.request.id }),
        'records.not_found',
      );
      await refused(
        d.t.app.services.desk.withdraw(a.request.id, { kind: 'requester', requestId: b.request.id }),
        'records.not_found',
      );
      expect(
        codeOf(await d.t.inject(`/api/v1/records-requests/${a.request.id}/files/${attachment.id}`), 404),
      ).toBe('records.not_found');
    });
  });

  describe('the extension', () => {
    let id: string;
    beforeAll(async () => {
      id = (await fileOverHttp(d.t, { departmentId: 'public-works' })).request.id;
    });

    it('is at most 14 days, for a reason from the statute, with a notice', async () => {
      const ask = (payload: object) => post(d.works, id, 'extension', payload);
      expect(codeOf(await ask({ reason: 'voluminous', days: 15, notice: 'Many.' }), 422)).toBe(
        'records.extension_too_long',
      );
      expect(codeOf(await ask({ reason: 'busy', days: 5, notice: 'Busy.' }), 422)).toBe(
        'records.extension_reason',
      );
      expect(codeOf(await ask({ reason: 'voluminous', days: 0, notice: 'Many.' }), 422)).toBe(
        'records.extension_days',
      );
      expect(codeOf(await ask({ reason: 'voluminous', days: 5, notice: ' ' }), 422)).toBe('records.invalid');
    });

    it('is given once', async () => {
      const ask = () =>
        post(d.works, id, 'extension', { reason: 'consultation', days: 7, notice: 'Ask Finance.' });
      expect((await ask()).statusCode).toBe(200);
      expect(codeOf(await ask(), 409)).toBe('records.extension_used');
    });

    it('is given within the first period', async () => {
      const { request } = await fileAt(d.t, '2026-03-02T17:00:00Z', { departmentId: 'public-works' });
      const late = new Date(Date.parse(request.dueAt) + 60_000);
      await refused(
        d.t.app.services.desk.extend(
          request.id,
          staffViewer(d.works.user, { departments: ['public-works'] }),
          { reason: 'voluminous', days: 5, notice: 'Late.' },
          late,
        ),
        'records.extension_late',
      );
    });
  });

  it('refuses a programming fee on a request that does not need programming', async () => {
    const { id } = (await fileOverHttp(d.t, { departmentId: 'public-works' })).request;
    const fees = (justification?: string) =>
      post(d.works, id, 'fees', {
        lines: [
          { kind: 'duplication', description: '2 pages', amountCents: 20 },
          { kind: 'programming', description: 'Report query', amountCents: 5_000 },
        ],
        payment: 'awaiting_payment',
        ...(justification !== undefined && { programmingJustification: justification }),
      });
    expect(codeOf(await fees(), 422)).toBe('records.programming_fee_not_allowed');
    expect(codeOf(await fees('it was hard'), 422)).toBe('records.programming_fee_not_allowed');
    const ok = await fees('compilation');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<RequestDetail>()).toMatchObject({ programmingJustification: 'compilation' });
    const simple = await post(d.works, id, 'fees', {
      lines: [{ kind: 'duplication', description: '2 pages', amountCents: 20 }],
      payment: 'paid',
    });
    expect(simple.json<RequestDetail>().programmingJustification).toBeNull();
  });

  describe('a denial', () => {
    let id: string;
    beforeAll(async () => {
      id = (await fileOverHttp(d.t, { departmentId: 'police' })).request.id;
    });
    const close = (payload: object) => post(d.police, id, 'close', payload);
    const denial = (fields: object) => ({
      scope: 'full',
      exemptions: EXEMPTIONS,
      responsible: RESPONSIBLE,
      explanation: 'Open case.',
      ...fields,
    });

    it('names the people responsible, each with a title', async () => {
      expect(codeOf(await close({ reason: 'denied', denial: denial({ responsible: [] }) }), 422)).toBe(
        'records.denial_needs_responsible',
      );
      expect(
        codeOf(
          await close({
            reason: 'denied',
            denial: denial({ responsible: [{ name: 'Morgan Chief', title: ' ' }] }),
          }),
          422,
        ),
      ).toBe('records.denial_needs_responsible');
      expect(
        codeOf(
          await close({
            reason: 'partially_fulfilled',
            denial: denial({ scope: 'partial', responsible: [{ name: '', title: 'Chief of Police' }] }),
          }),
          422,
        ),
      ).toBe('records.denial_needs_responsible');
    });

    it('cites at least one exemption', async () => {
      expect(codeOf(await close({ reason: 'denied' }), 422)).toBe('records.denial_needs_exemption');
      expect(codeOf(await close({ reason: 'denied', denial: denial({ exemptions: [' '] }) }), 422)).toBe(
        'records.denial_needs_exemption',
      );
      expect(
        codeOf(
          await close({
            reason: 'partially_fulfilled',
            denial: denial({ scope: 'partial', exemptions: [] }),
          }),
          422,
        ),
      ).toBe('records.denial_needs_exemption');
    });

    it('is the only closing that carries one, with the scope that matches', async () => {
      expect(codeOf(await close({ reason: 'fulfilled', denial: denial({}) }), 422)).toBe('records.invalid');
      expect(codeOf(await close({ reason: 'denied', denial: denial({ scope: 'partial' }) }), 422)).toBe(
        'records.invalid',
      );
      expect(codeOf(await close({ reason: 'referred' }), 422)).toBe('records.invalid');
    });
  });

  it('does nothing more on a closed request', async () => {
    const filed = await fileOverHttp(d.t, { departmentId: 'public-works' });
    const id = filed.request.id;
    expect(
      (await post(d.works, id, 'close', { reason: 'no_responsive_records', note: 'None held.' })).statusCode,
    ).toBe(200);
    const attempts: [string, object][] = [
      ['messages', { kind: 'public', body: 'One more thing.' }],
      ['extension', { reason: 'voluminous', days: 3, notice: 'More time.' }],
      ['fees', { lines: [], payment: 'not_required' }],
      ['documents', { kind: 'offline', title: 'Logs', visibility: 'public', description: 'Room 12.' }],
      ['pause', { paused: true }],
      ['assign', { userIds: [d.works.user.id] }],
      ['close', { reason: 'fulfilled' }],
    ];
    for (const [action, payload] of attempts)
      expect(codeOf(await post(d.works, id, action, payload), 409), action).toBe('records.closed');
    const withdraw = await d.t.inject({
      method: 'POST',
      url: `/api/v1/records-requests/follow/${filed.followToken}/withdraw`,
    });
    expect(codeOf(withdraw, 409)).toBe('records.closed');
    // Publishing a closed request to the log is still allowed.
    expect((await post(d.works, id, 'publication', { published: true })).statusCode).toBe(200);
  });

  describe('a reconsideration', () => {
    it('is of a denial or a fee only', async () => {
      const filed = await fileOverHttp(d.t, { departmentId: 'public-works' });
      await post(d.works, filed.request.id, 'close', { reason: 'fulfilled' });
      const ask = await d.t.inject({
        method: 'POST',
        url: `/api/v1/records-requests/follow/${filed.followToken}/reconsiderations`,
        payload: { subject: 'denial', reason: 'Please look again.' },
      });
      expect(codeOf(ask, 409)).toBe('records.nothing_to_reconsider');
      const fee = await d.t.inject({
        method: 'POST',
        url: `/api/v1/records-requests/follow/${filed.followToken}/reconsiderations`,
        payload: { subject: 'fee', reason: 'Please look again.' },
      });
      expect(codeOf(fee, 409)).toBe('records.nothing_to_reconsider');
    });

    it('is asked by the requester within the period, and decided once by the Clerk', async () => {
      const desk = d.t.app.services.desk;
      const { request } = await fileAt(d.t, '2026-01-05T18:00:00Z', { departmentId: 'police' });
      const police = staffViewer(d.police.user, { departments: ['police'] });
      await desk.close(
        request.id,
        police,
        {
          reason: 'denied',
          note: '',
          denial: {
            scope: 'full',
            exemptions: EXEMPTIONS,
            responsible: RESPONSIBLE,
            explanation: 'Open case.',
          },
        },
        new Date('2026-01-08T18:00:00Z'),
      );
      const requester = { kind: 'requester' as const, requestId: request.id };
      const ask = { subject: 'denial' as const, reason: 'The case is closed.' };
      // Staff do not ask on the requester's behalf.
      await refused(desk.askReconsideration(request.id, police, ask), 'records.not_found');
      // 30 days from January 8 (local) is February 7, to 11:59 pm.
      await refused(
        desk.askReconsideration(request.id, requester, ask, new Date('2026-02-08T08:00:00Z')),
        'records.reconsideration_late',
      );
      const asked = await desk.askReconsideration(
        request.id,
        requester,
        ask,
        new Date('2026-02-08T07:00:00Z'),
      );
      await refused(
        desk.askReconsideration(request.id, requester, ask, new Date('2026-02-08T07:30:00Z')),
        'records.reconsideration_pending',
      );
      const rid = asked.reconsiderations[0]!.id;
      await refused(
        desk.decideReconsideration(request.id, rid, police, { decision: 'upheld', note: 'Stands.' }),
        'records.forbidden',
      );
      const clerk = staffViewer(d.clerk.user, { clerk: true });
      const upheld = await desk.decideReconsideration(request.id, rid, clerk, {
        decision: 'upheld',
        note: 'Stands.',
      });
      expect(upheld).toMatchObject({ status: 'closed', closeReason: 'denied' });
      await refused(
        desk.decideReconsideration(request.id, rid, clerk, {
          decision: 'reversed',
          note: 'Changed my mind.',
        }),
        'records.reconsideration_decided',
      );
    });
  });

  it('links a dataset only for the Clerk or a steward of its department', async () => {
    await createDataset(d.t, { id: 'crime-stats', title: 'Crime statistics', department: 'police' });
    const { id } = (await fileOverHttp(d.t, { departmentId: 'public-works' })).request;
    expect(codeOf(await post(d.works, id, 'datasets', { datasetId: 'crime-stats' }), 403)).toBe(
      'records.forbidden',
    );
    expect(codeOf(await post(d.works, id, 'datasets', { datasetId: 'no-such' }), 422)).toBe(
      'records.invalid',
    );
    const linked = await post(d.clerk, id, 'datasets', { datasetId: 'crime-stats' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<RequestDetail>().datasets).toEqual([{ id: 'crime-stats', title: 'Crime statistics' }]);
  });

  it('refuses files over the size limit and staff uploads without the session token', async () => {
    const small = await setUpDesk({ config: { maxUploadBytes: 1_000 } });
    try {
      const big = multipart({ description: 'Budget spreadsheets for fiscal year 2024.' }, [
        {
          field: 'attachments',
          name: 'big.bin',
          type: 'application/octet-stream',
          content: Buffer.alloc(5_000),
        },
      ]);
      const res = await small.t.inject({ method: 'POST', url: '/api/v1/records-requests', ...big });
      expect(codeOf(res, 413)).toBe('request.too_large');
      const { id } = (await fileOverHttp(small.t, { departmentId: 'public-works' })).request;
      const upload = multipart({ title: 'Budget', visibility: 'public' }, [
        { field: 'file', name: 'b.txt', type: 'text/plain', content: 'x' },
      ]);
      const noToken = await small.t.inject({
        method: 'POST',
        url: `/api/v1/records-requests/${id}/documents`,
        payload: upload.payload,
        headers: { ...upload.headers, cookie: small.works.cookie },
      });
      expect(codeOf(noToken, 403)).toBe('auth.csrf');
    } finally {
      await small.t.close();
    }
  });
});
