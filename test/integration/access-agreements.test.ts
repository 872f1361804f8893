import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/grants/actor.js';
import type { AgreementCreate } from '../../src/access/grants/agreements.schema.js';
import { addDays, cityCalendar } from '../../src/access/grants/dates.js';
import { createGrants, type Grants } from '../../src/access/grants/grants.js';
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

interface AgreementView {
  id: string;
  status: string;
  start_date: string;
  end_date: string;
  ends_at: string;
  signed_date: string | null;
  datasets: { id: string; title: string }[];
  members: { id: string; email: string }[];
  expiry_notice_at: string | null;
  final_notice_at: string | null;
  termination_reason: string | null;
}

const calendar = cityCalendar('America/Los_Angeles');
const today = () => calendar.dayOf(new Date());
/** Noon in the city on the day `days` from today: a clock far from midnight and from clock changes. */
const noonIn = (days: number) =>
  new Date(calendar.startOf(addDays(today(), days)).getTime() + 12 * 3_600_000);

describeDb('data-sharing agreements', () => {
  let t: TestApp;
  let steward: User;
  let alice: User;
  let bob: User;
  let carol: User;
  let aliceKey: string;
  let bobKey: string;
  let carolKey: string;
  let stewardBrowser: Browser;
  let otherBrowser: Browser;
  /** The scheduler's work, on a clock the tests move. */
  let clock = new Date();
  let grants: Grants;

  const agreement = (overrides: Record<string, unknown> = {}) => ({
    department: 'public-works',
    organization: 'Westside Transit Research Lab',
    contact_name: 'Dr. Ruth Okafor',
    contact_email: 'ruth@lab.example',
    purpose: 'Modelling street maintenance against transit delays.',
    terms_text: 'Use for research only; publish aggregates only; delete at the end.',
    terms_version: '2026-1',
    start_date: today(),
    end_date: addDays(today(), 40),
    signed_date: today(),
    datasets: ['permits-detail', 'hidden-ledger'],
    members: [alice.email],
    ...overrides,
  });
  const create = (browser: Browser, payload: Record<string, unknown>) =>
    browser.inject({ method: 'POST', url: '/api/v1/staff/agreements', payload });
  const rows = (secret: string, id: string) =>
    t.inject({ url: `/api/v1/datasets/${id}/rows.json`, headers: keyHeaders(secret) });
  const query = (secret: string, id: string) =>
    t.inject({ url: `/api/v1/datasets/${id}/query?$select=n`, headers: keyHeaders(secret) });
  const mails = async (kind: string) =>
    (await t.app.services.access.outbox.list({ limit: 1000 })).filter((m) => m.kind === kind);
  const liveGrants = (agreementId: string) =>
    t.db.kysely
      .selectFrom('access_grants')
      .selectAll()
      .where('source', '=', 'agreement')
      .where('source_id', '=', agreementId)
      .where('revoked_at', 'is', null)
      .execute();
  const audited = async (action: string) =>
    (
      await t.db.kysely.selectFrom('audit_log').select('target_id').where('action', '=', action).execute()
    ).map((r) => r.target_id);

  beforeAll(async () => {
    t = await setUpApp();
    await t.injectAsAdmin({
      method: 'PUT',
      url: '/api/v1/departments/finance',
      payload: { id: 'finance', name: 'Finance' },
    });
    for (const [id, level, department] of [
      ['permits-detail', 'restricted', 'public-works'],
      ['hidden-ledger', 'non-public', 'public-works'],
      ['crews', 'restricted', 'public-works'],
      ['payroll', 'restricted', 'finance'],
    ] as const) {
      await createDataset(t, { id, access_level: level, department });
      report(await importCsv(t, id, 'n,name\n1,one\n2,two\n'));
    }
    steward = await createStaff(t, [{ role: 'steward', department: 'public-works' }]);
    const other = await createStaff(t, [{ role: 'steward', department: 'finance' }]);
    alice = await createDeveloper(t);
    bob = await createDeveloper(t);
    carol = await createDeveloper(t);
    aliceKey = (await createKey(t, alice)).secret;
    bobKey = (await createKey(t, bob)).secret;
    carolKey = (await createKey(t, carol)).secret;
    stewardBrowser = await sessionOf(t, steward);
    otherBrowser = await sessionOf(t, other);
    grants = createGrants({ services: t.app.services, config: t.config, now: () => clock });
  });
  afterAll(() => t.close());

  describe('an agreement in force', () => {
    let a: AgreementView;

    it('comes into force when signed and started, and tells both sides', async () => {
      failure(await rows(aliceKey, 'permits-detail'), 403, 'dataset.restricted');
      const res = await create(stewardBrowser, agreement());
      expect(res.statusCode, res.body).toBe(201);
      a = res.json<AgreementView>();
      expect(a).toMatchObject({
        status: 'active',
        start_date: today(),
        end_date: addDays(today(), 40),
        signed_date: today(),
        datasets: [
          { id: 'hidden-ledger', title: 'Dataset hidden-ledger' },
          { id: 'permits-detail', title: 'Dataset permits-detail' },
        ],
        members: [{ id: alice.id, email: alice.email }],
      });
      expect(a.ends_at).toBe(calendar.endOf(addDays(today(), 40)).toISOString());
      const live = await liveGrants(a.id);
      expect(live.map((g) => [g.user_id, g.dataset_id]).sort()).toEqual([
        [alice.id, 'hidden-ledger'],
        [alice.id, 'permits-detail'],
      ]);
      expect(live.every((g) => g.ends_at === a.ends_at)).toBe(true);
      const notices = await mails('agreement_active');
      expect(notices.map((m) => m.to).sort()).toEqual(['ruth@lab.example', steward.email].sort());
      expect(await audited('agreement.create')).toEqual([a.id]);
      expect(await audited('agreement.activate')).toEqual([a.id]);
    });

    it('lets its members read its datasets with their keys, and only them', async () => {
      expect((await rows(aliceKey, 'permits-detail')).statusCode).toBe(200);
      expect((await query(aliceKey, 'permits-detail')).statusCode).toBe(200);
      expect((await rows(aliceKey, 'hidden-ledger')).statusCode).toBe(200);
      failure(await rows(aliceKey, 'crews'), 403, 'dataset.restricted');
      failure(await rows(bobKey, 'permits-detail'), 403, 'dataset.restricted');
      failure(await rows(bobKey, 'hidden-ledger'), 404, 'dataset.not_found');
    });

    it('is not seen, changed or ended by the steward of another department (404)', async () => {
      const list = await otherBrowser.inject('/api/v1/staff/agreements');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json<{ results: AgreementView[] }>().results).toEqual([]);
      failure(await otherBrowser.inject(`/api/v1/staff/agreements/${a.id}`), 404, 'agreement.not_found');
      failure(
        await otherBrowser.inject({
          method: 'PATCH',
          url: `/api/v1/staff/agreements/${a.id}`,
          payload: { members: [] },
        }),
        404,
        'agreement.not_found',
      );
      failure(
        await otherBrowser.inject({
          method: 'POST',
          url: `/api/v1/staff/agreements/${a.id}/terminate`,
          payload: { reason: 'Not mine to end.' },
        }),
        404,
        'agreement.not_found',
      );
      failure(await create(otherBrowser, agreement()), 403, 'auth.forbidden');
      failure(
        await t.inject({ url: '/api/v1/staff/agreements', headers: keyHeaders(aliceKey) }),
        403,
        'auth.forbidden',
      );
    });

    it('checks what it is given', async () => {
      const problems = async (payload: Record<string, unknown>) =>
        (failure(await create(stewardBrowser, agreement(payload)), 422, 'agreement.invalid').details
          ?.problems ?? []) as { field: string }[];
      expect(await problems({ end_date: addDays(today(), -1) })).toEqual([
        expect.objectContaining({ field: 'end_date' }),
      ]);
      expect(await problems({ start_date: addDays(today(), 10), end_date: addDays(today(), 5) })).toEqual([
        expect.objectContaining({ field: 'end_date' }),
      ]);
      expect(await problems({ signed_date: addDays(today(), 1) })).toEqual([
        expect.objectContaining({ field: 'signed_date' }),
      ]);
      expect(await problems({ datasets: ['payroll'] })).toEqual([
        expect.objectContaining({ field: 'datasets' }),
      ]);
      expect(await problems({ members: ['nobody@example.org', steward.email] })).toEqual([
        expect.objectContaining({ field: 'members' }),
        expect.objectContaining({ field: 'members' }),
      ]);
      expect(await problems({ terms_text: '', contact_email: 'ruth at lab' })).toEqual([
        expect.objectContaining({ field: 'contact_email' }),
        expect.objectContaining({ field: 'terms_text' }),
      ]);
    });

    it('moves its grants with its members at once', async () => {
      const res = await stewardBrowser.inject({
        method: 'PATCH',
        url: `/api/v1/staff/agreements/${a.id}`,
        payload: { members: [bob.email] },
      });
      expect(res.statusCode, res.body).toBe(200);
      failure(await rows(aliceKey, 'permits-detail'), 403, 'dataset.restricted');
      expect((await rows(bobKey, 'permits-detail')).statusCode).toBe(200);
      const back = await stewardBrowser.inject({
        method: 'PATCH',
        url: `/api/v1/staff/agreements/${a.id}`,
        payload: { members: [alice.email] },
      });
      expect(back.statusCode, back.body).toBe(200);
      expect((await rows(aliceKey, 'permits-detail')).statusCode).toBe(200);
      failure(await rows(bobKey, 'permits-detail'), 403, 'dataset.restricted');
      expect(await audited('agreement.update')).toEqual([a.id, a.id]);
      const details = await t.db.kysely
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'agreement.update')
        .orderBy('seq')
        .execute();
      expect(JSON.parse(details[0]!.details)).toMatchObject({ changed: ['members'], members: [bob.id] });
    });

    it('keeps its start date while in force', async () => {
      failure(
        await stewardBrowser.inject({
          method: 'PATCH',
          url: `/api/v1/staff/agreements/${a.id}`,
          payload: { start_date: addDays(today(), 1) },
        }),
        422,
        'agreement.invalid',
      );
    });

    it('warns both sides 30 and then 7 days before its end, once each', async () => {
      clock = noonIn(5);
      expect((await grants.agreements.sweep()).notices).toEqual([]);
      clock = noonIn(12);
      expect((await grants.agreements.sweep()).notices).toEqual([{ id: a.id, days: 28 }]);
      expect((await grants.agreements.sweep()).notices).toEqual([]);
      clock = noonIn(20);
      expect((await grants.agreements.sweep()).notices).toEqual([]);
      clock = noonIn(34);
      expect((await grants.agreements.sweep()).notices).toEqual([{ id: a.id, days: 6 }]);
      expect((await grants.agreements.sweep()).notices).toEqual([]);
      const notices = await mails('agreement_expiry_notice');
      expect(notices).toHaveLength(4);
      expect(
        notices
          .filter((m) => m.to === 'ruth@lab.example')
          .map((m) => m.subject)
          .sort(),
      ).toEqual([
        'Data-sharing agreement ends in 28 days: Westside Transit Research Lab',
        'Data-sharing agreement ends in 6 days: Westside Transit Research Lab',
      ]);
      const toSteward = notices.filter((m) => m.to === steward.email);
      expect(toSteward).toHaveLength(2);
      expect(toSteward[0]!.body).toContain(`/staff/agreements/${a.id}`);
      const view = (await stewardBrowser.inject(`/api/v1/staff/agreements/${a.id}`)).json<AgreementView>();
      expect(view.expiry_notice_at).toBe(noonIn(12).toISOString());
      expect(view.final_notice_at).toBe(noonIn(34).toISOString());
    });

    it('expires after its last day: its members no longer read (403 on rows and query)', async () => {
      clock = noonIn(40);
      expect((await grants.agreements.sweep()).expired).toEqual([]);
      clock = new Date(calendar.endOf(addDays(today(), 40)).getTime() + 60_000);
      expect((await grants.agreements.sweep()).expired).toEqual([a.id]);
      expect(await liveGrants(a.id)).toEqual([]);
      failure(await rows(aliceKey, 'permits-detail'), 403, 'dataset.restricted');
      failure(await query(aliceKey, 'permits-detail'), 403, 'dataset.restricted');
      failure(await rows(aliceKey, 'hidden-ledger'), 404, 'dataset.not_found');
      const view = (await stewardBrowser.inject(`/api/v1/staff/agreements/${a.id}`)).json<AgreementView>();
      expect(view.status).toBe('expired');
      expect((await mails('agreement_expired')).map((m) => m.to).sort()).toEqual(
        ['ruth@lab.example', steward.email].sort(),
      );
      expect(await audited('agreement.expire')).toEqual([a.id]);
      failure(
        await stewardBrowser.inject({
          method: 'PATCH',
          url: `/api/v1/staff/agreements/${a.id}`,
          payload: { end_date: addDays(today(), 90) },
        }),
        409,
        'agreement.closed',
      );
    });

    it('lets a former member ask for a non-public dataset it named; strangers still get 404', async () => {
      const ask = (secret: string) =>
        t.inject({
          method: 'POST',
          url: '/api/v1/access-requests',
          headers: keyHeaders(secret),
          payload: {
            dataset: 'hidden-ledger',
            purpose: 'Continuing the transit study after the agreement ended.',
            intended_use: 'The same aggregated models, published in the lab’s report.',
          },
        });
      expect((await ask(aliceKey)).statusCode).toBe(201);
      failure(await ask(carolKey), 404, 'dataset.not_found');
    });
  });

  describe('an agreement signed ahead of its start', () => {
    let a: AgreementView;

    it('stays a draft until its first day, then comes into force on schedule', async () => {
      // Recorded five days ago, signed that day, starting today.
      clock = noonIn(-5);
      const stewardActor: Actor = {
        userId: steward.id,
        label: steward.email,
        name: steward.name,
        kind: 'staff',
        admin: false,
        departments: ['public-works'],
        ip: null,
      };
      a = (await grants.agreements.create(
        stewardActor,
        agreement({
          organization: 'Harbor Data Cooperative',
          contact_email: 'coop@harbor.example',
          signed_date: addDays(today(), -5),
          start_date: today(),
          end_date: addDays(today(), 100),
          datasets: ['crews'],
          members: [carol.email],
        }) as AgreementCreate,
      )) as AgreementView;
      expect(a.status).toBe('draft');
      expect(await liveGrants(a.id)).toEqual([]);
      failure(await rows(carolKey, 'crews'), 403, 'dataset.restricted');
      clock = noonIn(-1);
      expect((await grants.agreements.sweep()).activated).toEqual([]);
      clock = new Date();
      expect((await grants.agreements.sweep()).activated).toEqual([a.id]);
      expect((await liveGrants(a.id)).map((g) => g.user_id)).toEqual([carol.id]);
      expect((await rows(carolKey, 'crews')).statusCode).toBe(200);
      expect(await audited('agreement.activate')).toContain(a.id);
    });

    it('ends at once when terminated, with the reason told to both sides', async () => {
      failure(
        await stewardBrowser.inject({
          method: 'POST',
          url: `/api/v1/staff/agreements/${a.id}/terminate`,
          payload: { reason: ' ' },
        }),
        422,
        'agreement.invalid',
      );
      const res = await stewardBrowser.inject({
        method: 'POST',
        url: `/api/v1/staff/agreements/${a.id}/terminate`,
        payload: { reason: 'The cooperative shared the data with a third party.' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<AgreementView>()).toMatchObject({
        status: 'terminated',
        termination_reason: 'The cooperative shared the data with a third party.',
      });
      expect(await liveGrants(a.id)).toEqual([]);
      failure(await rows(carolKey, 'crews'), 403, 'dataset.restricted');
      const [mail] = (await mails('agreement_terminated')).filter((m) => m.to === 'coop@harbor.example');
      expect(mail!.body).toContain('Reason: The cooperative shared the data with a third party.');
      expect(await audited('agreement.terminate')).toEqual([a.id]);
      failure(
        await stewardBrowser.inject({
          method: 'POST',
          url: `/api/v1/staff/agreements/${a.id}/terminate`,
          payload: { reason: 'Again.' },
        }),
        409,
        'agreement.closed',
      );
    });
  });

  it('lets an administrator see every agreement', async () => {
    const res = await t.injectAsAdmin('/api/v1/staff/agreements');
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json<{ results: AgreementView[] }>()
        .results.map((a) => a.status)
        .sort(),
    ).toEqual(['expired', 'terminated']);
    const expired = await t.injectAsAdmin('/api/v1/staff/agreements?status=expired');
    expect(expired.json<{ results: AgreementView[] }>().results).toHaveLength(1);
  });
});
