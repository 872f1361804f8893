import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, cityCalendar } from '../../src/access/grants/dates.js';
import { requestsRepo } from '../../src/access/grants/requests.repo.js';
import type { User } from '../../src/access/users/users.service.js';
import {
  createDeveloper,
  createKey,
  createStaff,
  keyHeaders,
  sessionOf,
  type Browser,
} from '../fixtures/accounts.js';
import { createDataset, failure, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

interface RequestView {
  id: string;
  kind: string;
  status: string;
  dataset: { id: string; title: string } | null;
  tier: string | null;
  department: { id: string; name: string } | null;
  approved_until: string | null;
  approved_tier: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  limited: boolean;
  next_steps: string[];
  requester?: { id: string; email: string };
}

const PURPOSE = 'A study of permit processing times across the city for a public policy course.';
const USE = 'Aggregated statistics in a class report; no personal data is published or kept after June.';

describeDb('access requests', () => {
  let t: TestApp;
  let steward: User;
  let otherSteward: User;
  let alice: User;
  let bob: User;
  let aliceKey: string;
  let bobKey: string;
  let stewardBrowser: Browser;
  let otherBrowser: Browser;
  let aliceBrowser: Browser;
  const today = () => cityCalendar('America/Los_Angeles').dayOf(new Date());

  const ask = (secret: string, payload: Record<string, unknown>) =>
    t.inject({ method: 'POST', url: '/api/v1/access-requests', headers: keyHeaders(secret), payload });
  const rows = (secret: string, id: string) =>
    t.inject({ url: `/api/v1/datasets/${id}/rows.json`, headers: keyHeaders(secret) });
  const query = (secret: string, id: string) =>
    t.inject({ url: `/api/v1/datasets/${id}/query?$select=n`, headers: keyHeaders(secret) });
  const decide = (browser: Browser, id: string, payload: Record<string, unknown>) =>
    browser.inject({ method: 'POST', url: `/api/v1/staff/access-requests/${id}/decision`, payload });
  const mailsTo = async (email: string, kind?: string) =>
    (await t.app.services.access.outbox.list({ to: email })).filter((m) => !kind || m.kind === kind);
  const grantsOf = (userId: string) =>
    t.db.kysely.selectFrom('access_grants').selectAll().where('user_id', '=', userId).execute();
  const actions = async (action: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'target_id', 'reason'])
        .where('action', '=', action)
        .execute()
    ).map((r) => r.target_id);

  async function restricted(id: string, department = 'public-works', level = 'restricted') {
    await createDataset(t, { id, access_level: level, department });
    report(await importCsv(t, id, 'n,name\n1,one\n2,two\n'));
  }

  beforeAll(async () => {
    t = await setUpApp();
    const res = await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/finance',
      payload: { id: 'finance', name: 'Finance', email: 'finance@city.example' },
    });
    expect(res.statusCode, res.body).toBe(204);
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/city-clerk',
      payload: { id: 'city-clerk', name: 'City Clerk', email: 'clerk@city.example', phone: '(714) 555-0111' },
    });
    await restricted('permits-detail');
    await restricted('crews');
    await restricted('tree-inventory');
    await restricted('payroll', 'finance');
    await restricted('hidden-ledger', 'public-works', 'non-public');
    await createDataset(t, { id: 'parks-open' });
    steward = await createStaff(t, [{ role: 'steward', department: 'public-works' }]);
    otherSteward = await createStaff(t, [{ role: 'steward', department: 'finance' }]);
    alice = await createDeveloper(t, { name: 'Alice Analyst' });
    bob = await createDeveloper(t, { name: 'Bob Builder' });
    aliceKey = (await createKey(t, alice)).secret;
    bobKey = (await createKey(t, bob)).secret;
    stewardBrowser = await sessionOf(t, steward);
    otherBrowser = await sessionOf(t, otherSteward);
    aliceBrowser = await sessionOf(t, alice);
  });
  afterAll(() => t.close());

  describe('asking', () => {
    let request: RequestView;

    it('refuses a developer without a grant: 403 dataset.restricted on rows and query', async () => {
      failure(await rows(aliceKey, 'permits-detail'), 403, 'dataset.restricted');
      failure(await query(aliceKey, 'permits-detail'), 403, 'dataset.restricted');
    });

    it('records a dataset request, routed to its department, and tells its stewards', async () => {
      const res = await ask(aliceKey, { dataset: 'permits-detail', purpose: PURPOSE, intended_use: USE });
      expect(res.statusCode, res.body).toBe(201);
      request = res.json<RequestView>();
      expect(request).toMatchObject({
        kind: 'dataset',
        status: 'pending',
        dataset: { id: 'permits-detail', title: 'Dataset permits-detail' },
        department: { id: 'public-works', name: 'Public Works' },
        limited: false,
        next_steps: [],
      });
      const mail = await mailsTo(steward.email, 'access_request');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.body).toContain(PURPOSE);
      expect(mail[0]!.body).toContain(`/staff/access-requests/${request.id}`);
      expect(await mailsTo(otherSteward.email)).toEqual([]);
      expect(await actions('access_request.create')).toContain(request.id);
    });

    it('refuses a second pending request for the same dataset (409)', async () => {
      const error = failure(
        await ask(aliceKey, { dataset: 'permits-detail', purpose: PURPOSE, intended_use: USE }),
        409,
        'access_request.duplicate',
      );
      expect(error.details).toEqual({ id: request.id });
    });

    it('keeps one pending request when two arrive at once', async () => {
      const both = await Promise.all(
        [1, 2].map(() => ask(bobKey, { dataset: 'payroll', purpose: PURPOSE, intended_use: USE })),
      );
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const pending = await t.db.kysely
        .selectFrom('access_requests')
        .select('id')
        .where('user_id', '=', bob.id)
        .where('dataset_id', '=', 'payroll')
        .execute();
      expect(pending).toHaveLength(1);
      // The database holds the line too, for requests that pass the check at the same instant on two nodes.
      const row = await requestsRepo(t.db).find(pending[0]!.id);
      expect(await requestsRepo(t.db).insert({ ...row!, id: 'another-id' })).toBe(false);
      expect(await requestsRepo(t.db).insert({ ...row!, id: 'settled-id', status: 'denied' })).toBe(true);
      const withdrawn = await t.inject({
        method: 'POST',
        url: `/api/v1/access-requests/${pending[0]!.id}/withdraw`,
        headers: keyHeaders(bobKey),
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    });

    it('wants a purpose and an intended use of 20 to 4000 characters', async () => {
      const error = failure(
        await ask(aliceKey, { dataset: 'crews', purpose: 'because', intended_use: 'x'.repeat(4001) }),
        422,
        'access_request.invalid',
      );
      expect(error.details?.problems).toEqual([
        { field: 'purpose', message: 'write at least 20 characters' },
        { field: 'intended_use', message: 'write at most 4000 characters' },
      ]);
      failure(await ask(aliceKey, { purpose: PURPOSE, intended_use: USE }), 422, 'access_request.invalid');
    });

    it('needs no request for public data, and hides non-public data from strangers', async () => {
      failure(
        await ask(aliceKey, { dataset: 'parks-open', purpose: PURPOSE, intended_use: USE }),
        409,
        'access_request.not_needed',
      );
      failure(
        await ask(aliceKey, { dataset: 'hidden-ledger', purpose: PURPOSE, intended_use: USE }),
        404,
        'dataset.not_found',
      );
    });

    it('is for developer accounts, signed in', async () => {
      failure(
        await stewardBrowser.inject({
          method: 'POST',
          url: '/api/v1/access-requests',
          payload: { dataset: 'payroll', purpose: PURPOSE, intended_use: USE },
        }),
        403,
        'access_request.developers_only',
      );
      failure(
        await t.inject({
          method: 'POST',
          url: '/api/v1/access-requests',
          payload: { dataset: 'crews', purpose: PURPOSE, intended_use: USE },
        }),
        401,
        'auth.required',
      );
    });

    it('needs the CSRF token when a session asks', async () => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/access-requests',
        headers: { cookie: aliceBrowser.cookie },
        payload: { dataset: 'crews', purpose: PURPOSE, intended_use: USE },
      });
      failure(res, 403, 'auth.csrf');
    });

    it('lets a developer see their own requests, and nobody else’s (404)', async () => {
      const mine = await t.inject({ url: '/api/v1/access-requests', headers: keyHeaders(aliceKey) });
      expect(mine.json<{ results: RequestView[] }>().results.map((r) => r.id)).toEqual([request.id]);
      const theirs = await t.inject({ url: '/api/v1/access-requests', headers: keyHeaders(bobKey) });
      expect(theirs.json<{ results: RequestView[] }>().results.map((r) => r.id)).not.toContain(request.id);
      failure(
        await t.inject({ url: `/api/v1/access-requests/${request.id}`, headers: keyHeaders(bobKey) }),
        404,
        'access_request.not_found',
      );
      failure(
        await t.inject({
          method: 'POST',
          url: `/api/v1/access-requests/${request.id}/withdraw`,
          headers: keyHeaders(bobKey),
        }),
        404,
        'access_request.not_found',
      );
    });

    it("hides the request from another department's steward, who cannot decide it (404)", async () => {
      const queue = await otherBrowser.inject('/api/v1/staff/access-requests?status=pending');
      expect(queue.statusCode, queue.body).toBe(200);
      expect(queue.json<{ results: RequestView[] }>().results).toEqual([]);
      failure(
        await otherBrowser.inject(`/api/v1/staff/access-requests/${request.id}`),
        404,
        'access_request.not_found',
      );
      failure(
        await decide(otherBrowser, request.id, { decision: 'approve' }),
        404,
        'access_request.not_found',
      );
      failure(
        await t.inject({ url: '/api/v1/staff/access-requests', headers: keyHeaders(aliceKey) }),
        403,
        'auth.forbidden',
      );
    });

    it("shows it in its department's queue, with the requester", async () => {
      const queue = await stewardBrowser.inject('/api/v1/staff/access-requests?status=pending');
      const results = queue.json<{ results: RequestView[] }>().results;
      expect(results.map((r) => r.id)).toEqual([request.id]);
      expect(results[0]!.requester).toMatchObject({ id: alice.id, email: alice.email });
    });

    it('refuses an approval until yesterday or today (422), and a denial without a reason', async () => {
      for (const until of [addDays(today(), -1), today(), '2026-02-30']) {
        const error = failure(
          await decide(stewardBrowser, request.id, { decision: 'approve', until }),
          422,
          'access_request.invalid',
        );
        expect(error.details?.problems).toEqual([expect.objectContaining({ field: 'until' })]);
      }
      failure(await decide(stewardBrowser, request.id, { decision: 'deny' }), 422, 'access_request.invalid');
      failure(
        await decide(stewardBrowser, request.id, { decision: 'deny', reason: '   ' }),
        422,
        'access_request.invalid',
      );
      expect(await grantsOf(alice.id)).toEqual([]);
    });

    it('approves until a day: the developer reads at once with their key, others still do not', async () => {
      const until = addDays(today(), 30);
      const res = await decide(stewardBrowser, request.id, {
        decision: 'approve',
        until,
        reason: 'For the course.',
      });
      expect(res.statusCode, res.body).toBe(200);
      const decided = res.json<RequestView>();
      expect(decided).toMatchObject({ status: 'approved', approved_until: until, limited: true });
      expect(decided.decided_by).toBe(steward.name);

      const read = await rows(aliceKey, 'permits-detail');
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toHaveLength(2);
      expect((await query(aliceKey, 'permits-detail')).statusCode).toBe(200);
      failure(await rows(bobKey, 'permits-detail'), 403, 'dataset.restricted');
      failure(await query(bobKey, 'permits-detail'), 403, 'dataset.restricted');

      const grants = await grantsOf(alice.id);
      expect(grants).toHaveLength(1);
      expect(grants[0]).toMatchObject({
        dataset_id: 'permits-detail',
        source: 'request',
        source_id: request.id,
        revoked_at: null,
        ends_at: cityCalendar('America/Los_Angeles').endOf(until).toISOString(),
      });
      expect(await actions('access_request.approve')).toEqual([request.id]);
    });

    it('tells the developer, with the ways to ask for more because the approval has an end date', async () => {
      const [mail] = await mailsTo(alice.email, 'access_decision');
      expect(mail!.subject).toContain('approved');
      expect(mail!.body).toContain('Your access lasts until the end of');
      expect(mail!.body).toContain('California Public Records Act');
      expect(mail!.body).toContain('the City Clerk (clerk@city.example, (714) 555-0111)');
      expect(mail!.body).toContain('data-sharing agreement');
      const view = (
        await t.inject({ url: `/api/v1/access-requests/${request.id}`, headers: keyHeaders(aliceKey) })
      ).json<RequestView>();
      expect(view.next_steps).toHaveLength(3);
      expect(view.next_steps.join(' ')).toContain('Public Records Act');
    });

    it('decides a request once (409 afterwards)', async () => {
      failure(
        await decide(stewardBrowser, request.id, { decision: 'deny', reason: 'Changed my mind.' }),
        409,
        'access_request.not_pending',
      );
      failure(
        await t.inject({
          method: 'POST',
          url: `/api/v1/access-requests/${request.id}/withdraw`,
          headers: keyHeaders(aliceKey),
        }),
        409,
        'access_request.not_pending',
      );
    });

    it('needs no second request once granted', async () => {
      failure(
        await ask(aliceKey, { dataset: 'permits-detail', purpose: PURPOSE, intended_use: USE }),
        409,
        'access_request.not_needed',
      );
    });
  });

  describe('denying', () => {
    it('creates no grant, and tells the requester how to ask for a review and for the records', async () => {
      const asked = await ask(bobKey, { dataset: 'crews', purpose: PURPOSE, intended_use: USE });
      expect(asked.statusCode, asked.body).toBe(201);
      const { id } = asked.json<RequestView>();
      const res = await decide(stewardBrowser, id, {
        decision: 'deny',
        reason: 'The crew schedules name employees.',
        until: addDays(today(), 3),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RequestView>()).toMatchObject({
        status: 'denied',
        approved_until: null,
        limited: true,
        decision_reason: 'The crew schedules name employees.',
      });
      expect(await grantsOf(bob.id)).toEqual([]);
      failure(await rows(bobKey, 'crews'), 403, 'dataset.restricted');
      const [mail] = await mailsTo(bob.email, 'access_decision');
      expect(mail!.subject).toContain('denied');
      expect(mail!.body).toContain('Reason: The crew schedules name employees.');
      expect(mail!.body).toContain('Ask for a review');
      expect(mail!.body).toContain('Public Records Act');
      expect(mail!.body).toContain('within 10 days');
      expect(await actions('access_request.deny')).toEqual([id]);
    });
  });

  describe('a department without steward accounts', () => {
    it("tells the department's contact address instead", async () => {
      await t.injectAsAdmin({
        method: 'PUT',
        url: '/api/v1/departments/parks',
        payload: { id: 'parks', name: 'Parks', email: 'parks@city.example' },
      });
      await restricted('irrigation', 'parks');
      const res = await ask(bobKey, { dataset: 'irrigation', purpose: PURPOSE, intended_use: USE });
      expect(res.statusCode, res.body).toBe(201);
      const [mail] = await mailsTo('parks@city.example', 'access_request');
      expect(mail!.subject).toBe('Access request: the dataset “Dataset irrigation” (irrigation)');
      expect((await mailsTo(steward.email)).filter((m) => m.subject.includes('irrigation'))).toEqual([]);
    });
  });

  describe('withdrawing', () => {
    it('lets the requester withdraw a pending request, and then ask again', async () => {
      const first = (
        await ask(aliceKey, { dataset: 'tree-inventory', purpose: PURPOSE, intended_use: USE })
      ).json<RequestView>();
      const res = await t.inject({
        method: 'POST',
        url: `/api/v1/access-requests/${first.id}/withdraw`,
        headers: keyHeaders(aliceKey),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RequestView>().status).toBe('withdrawn');
      expect(await actions('access_request.withdraw')).toContain(first.id);
      const again = await ask(aliceKey, { dataset: 'tree-inventory', purpose: PURPOSE, intended_use: USE });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json<RequestView>().id).not.toBe(first.id);
    });
  });

  describe('tiers', () => {
    it('routes a tier request to the administrators, not to stewards', async () => {
      const admin = await createStaff(t, [{ role: 'admin' }]);
      const res = await ask(bobKey, { tier: 'partner', purpose: PURPOSE, intended_use: USE });
      expect(res.statusCode, res.body).toBe(201);
      const request = res.json<RequestView>();
      expect(request).toMatchObject({ kind: 'tier', tier: 'partner', department: null });
      expect((await mailsTo(admin.email, 'access_request')).map((m) => m.subject)).toEqual([
        'Access request: the partner tier',
      ]);
      failure(
        await stewardBrowser.inject(`/api/v1/staff/access-requests/${request.id}`),
        404,
        'access_request.not_found',
      );
      failure(
        await ask(bobKey, { tier: 'elevated', purpose: PURPOSE, intended_use: USE }),
        409,
        'access_request.duplicate',
      );
    });

    it('grants a lower tier than asked as a limited approval; the account gets it at once', async () => {
      const queue = await t.injectAsAdmin('/api/v1/staff/access-requests?status=pending');
      const tierRequest = queue.json<{ results: RequestView[] }>().results.find((r) => r.kind === 'tier')!;
      failure(
        await t.injectAsAdmin({
          method: 'POST',
          url: `/api/v1/staff/access-requests/${tierRequest.id}/decision`,
          payload: { decision: 'approve', tier: 'standard' },
        }),
        422,
        'access_request.invalid',
      );
      const res = await t.injectAsAdmin({
        method: 'POST',
        url: `/api/v1/staff/access-requests/${tierRequest.id}/decision`,
        payload: { decision: 'approve', tier: 'elevated' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RequestView>()).toMatchObject({ approved_tier: 'elevated', limited: true });
      expect((await t.app.services.access.users.standing(bob.id))!.tier).toBe('elevated');
      const [mail] = await mailsTo(bob.email, 'access_decision').then((m) =>
        m.filter((x) => x.subject.includes('tier')),
      );
      expect(mail!.body).toContain('You were given the elevated tier');
      expect(mail!.body).toContain('Public Records Act');
      failure(
        await ask(bobKey, { tier: 'elevated', purpose: PURPOSE, intended_use: USE }),
        409,
        'access_request.not_needed',
      );
    });
  });
});
