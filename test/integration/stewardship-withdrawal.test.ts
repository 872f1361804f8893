/**
 * A city whose policy withdraws datasets on expiry: past the due date of its notice, an incomplete dataset is
 * unpublished with a public note (HTTP 410, in the visitor's language, with the department's contact), is gone
 * from the catalog, and is published again by the watch once its metadata is complete. A non-public dataset's
 * withdrawal never shows publicly; a dataset a person unpublished is never published by the watch.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDb } from '../support/index.js';
import {
  auditOf,
  cityWith,
  COMPLETE,
  DAY,
  mailTo,
  noticesOf,
  setUpStewardship,
  watchedDataset,
  type Stewardship,
} from './stewardship-setup.js';

describeDb('stewardship: withdrawal until fixed, when the city policy says so', () => {
  let s: Stewardship;
  const t0 = new Date();
  const at = (days: number) => new Date(t0.getTime() + days * DAY);
  const watch = (days: number) => s.t.app.services.stewardship.runWatch(at(days));
  const incomplete = { keywords: ['lanes'] };
  const listed = async () =>
    (await s.t.inject('/api/v1/datasets?limit=100'))
      .json<{ results: { id: string }[] }>()
      .results.map((d) => d.id);

  const city = cityWith({ withdrawOnExpiry: true, noticeDays: 7 });

  beforeAll(async () => {
    s = await setUpStewardship({ config: { cityDir: city } });
    await watchedDataset(s.t, 'bike-lanes', incomplete);
    await watchedDataset(s.t, 'lane-closures', {
      ...incomplete,
      access_level: 'restricted',
      description: `${COMPLETE.description} Access is restricted to staff: the closures name contractors.`,
    });
    await watchedDataset(s.t, 'lane-audits', {
      ...incomplete,
      access_level: 'non-public',
      description: `${COMPLETE.description} Access is limited to staff while audits are open.`,
    });
    await watchedDataset(s.t, 'old-lanes', { ...incomplete, status: 'unpublished' });
  });
  afterAll(async () => {
    await s.t.close();
    rmSync(city, { recursive: true, force: true });
  });

  it('warns in the notice that the dataset will be withdrawn', async () => {
    expect(await watch(0)).toMatchObject({ opened: 3 });
    const mails = await mailTo(s.t, s.steward.user.email, 'stewardship_notice');
    expect(mails).toHaveLength(3);
    for (const mail of mails) expect(mail.body).toContain('the dataset is withdrawn from the public catalog');
  });

  it('withdraws them past the due date, audited with the reason, and tells stewards and admins', async () => {
    expect(await watch(6.9)).toMatchObject({ escalated: 0, withdrawn: 0 });
    expect(await watch(7.1)).toMatchObject({ escalated: 3, withdrawn: 3 });
    expect(await watch(7.2)).toMatchObject({ escalated: 0, withdrawn: 0 });
    for (const id of ['bike-lanes', 'lane-closures', 'lane-audits']) {
      expect(await auditOf(s.t, id)).toEqual(['notice.open', 'notice.escalate', 'dataset.withdraw']);
      const dataset = await s.steward.inject(`/api/v1/datasets/${id}`);
      expect(dataset.json<{ status: string }>().status).toBe('unpublished');
    }
    const reason = await s.t.db.kysely
      .selectFrom('audit_log')
      .select('reason')
      .where('action', '=', 'dataset.withdraw')
      .where('target_id', '=', 'bike-lanes')
      .executeTakeFirstOrThrow();
    expect(reason.reason).toContain('past the due date');
    expect(await mailTo(s.t, s.steward.user.email, 'stewardship_withdrawn')).toHaveLength(3);
    const escalations = await mailTo(s.t, s.admin.email, 'stewardship_escalation');
    expect(escalations).toHaveLength(3);
    expect(escalations[0]!.body).toContain('withdrawn from the public catalog until it is complete');
    const [notice] = await noticesOf(s.steward, '?dataset=bike-lanes');
    expect(notice).toMatchObject({
      state: 'escalated',
      withdrawnAt: at(7.1).toISOString(),
      republishedAt: null,
    });
  });

  it('answers the public with a 410 note in their language, and drops the dataset from the catalog', async () => {
    const page = await s.t.inject('/datasets/bike-lanes');
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('temporarily withdrawn from the catalog while its description is completed');
    expect(page.body).toContain('mailto:public-works@city.example');
    expect(page.body).toContain('Public Works');
    expect(page.body).toContain('noindex');
    const vi = await s.t.inject('/datasets/bike-lanes?lang=vi');
    expect(vi.statusCode).toBe(410);
    expect(vi.body).toContain('tạm thời được gỡ khỏi danh mục');
    const es = await s.t.inject('/datasets/bike-lanes?lang=es');
    expect(es.body).toContain('se retiró temporalmente del catálogo');
    // A restricted dataset's metadata was public: its note is too.
    expect((await s.t.inject('/datasets/lane-closures')).statusCode).toBe(410);

    const api = await s.t.inject('/api/v1/datasets/bike-lanes');
    expect(api.statusCode).toBe(404);
    expect(api.json<{ error: { code: string } }>().error.code).toBe('dataset.not_found');
    const ids = await listed();
    for (const id of ['bike-lanes', 'lane-closures', 'lane-audits']) expect(ids).not.toContain(id);
  });

  it('never tells the public about a non-public dataset or a notice', async () => {
    const page = await s.t.inject('/datasets/lane-audits');
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('withdrawn');
    expect(page.body).not.toContain('Public Works');
    expect((await s.t.inject('/api/v1/staff/notices')).statusCode).toBe(401);
    expect((await s.t.inject('/staff/notices')).statusCode).toBe(303);
  });

  it('publishes it again once complete, and only what the watch withdrew', async () => {
    const fix = await s.t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/bike-lanes',
      payload: { keywords: COMPLETE.keywords },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    await s.t.injectAsAdmin({
      method: 'PATCH',
      url: '/api/v1/datasets/old-lanes',
      payload: { keywords: COMPLETE.keywords },
    });
    expect(await watch(8)).toMatchObject({ resolved: 1, republished: 1, opened: 0 });
    expect((await s.t.inject('/datasets/bike-lanes')).statusCode).toBe(200);
    expect((await s.t.inject('/api/v1/datasets/bike-lanes')).json<{ status: string }>().status).toBe(
      'published',
    );
    expect(await listed()).toContain('bike-lanes');
    expect(await auditOf(s.t, 'bike-lanes')).toEqual([
      'notice.open',
      'notice.escalate',
      'dataset.withdraw',
      'notice.resolve',
      'dataset.republish',
    ]);
    const [mail] = await mailTo(s.t, s.steward.user.email, 'stewardship_resolved');
    expect(mail!.body).toContain('it is published again');
    const [notice] = await noticesOf(s.steward, '?dataset=bike-lanes');
    expect(notice).toMatchObject({ state: 'resolved', republishedAt: at(8).toISOString() });
    // Unpublished by a person, never watched, never published by the watch.
    expect((await s.t.inject('/datasets/old-lanes')).statusCode).toBe(404);
    expect(await auditOf(s.t, 'old-lanes')).toEqual([]);
    // The others stay withdrawn.
    expect((await s.t.inject('/datasets/lane-closures')).statusCode).toBe(410);
  });
});
